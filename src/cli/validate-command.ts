/** `kijkom validate <file-or-url>`: the elements' own validator, with paths, exit codes and JSON. */
import { validateCatalogue } from '../catalogue/validate.js';
import { CATALOGUE_MAX_BYTES } from '../catalogue/loader.js';
import type { CatalogueWarning } from '../catalogue/types.js';
import { checkLinks, collectLinks, type LinkResult } from './links.js';
import { CliError, msg } from './messages.js';
import { loadText, parseJson } from './source.js';
import type { Output } from './output.js';

export interface ValidateOptions {
  strict: boolean;
  json: boolean;
  checkLinks: boolean;
}

/** What `--json` prints: one object, whatever happened. */
interface Report {
  source: string;
  ok: boolean;
  fatal?: string;
  warnings: CatalogueWarning[];
  counts?: { people: number; interviews: number; fragments: number; themes: number };
  links?: LinkResult[];
}

const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/** The warning for a catalogue above the elements' size limit (the import commands give it too). */
export const tooLarge = (bytes: number) =>
  msg('validate.tooLarge', { size: megabytes(bytes), limit: megabytes(CATALOGUE_MAX_BYTES) });

/** Validates one catalogue; returns the exit code. */
export async function validateCommand(source: string, options: ValidateOptions, out: Output): Promise<number> {
  const report: Report = { source, ok: false, warnings: [] };
  let code = 1;
  try {
    const { base, text } = await loadText(source);
    const doc = parseJson(text, source);
    const result = validateCatalogue(doc, base);
    if (!result.ok) {
      report.fatal = result.message;
    } else {
      const { catalogue } = result;
      report.warnings = [...result.warnings];
      // Usable as JSON, but larger than the elements load unless the site raises their limit.
      const size = Buffer.byteLength(text);
      if (size > CATALOGUE_MAX_BYTES) report.warnings.unshift({ path: '', message: tooLarge(size) });
      report.counts = {
        people: catalogue.people.size,
        interviews: catalogue.interviews.size,
        fragments: catalogue.fragments.size,
        themes: catalogue.themes.size,
      };
      code = 0;
      if (options.checkLinks) {
        const links = collectLinks(doc, catalogue);
        if (!options.json) out.err(msg('links.checking', { count: links.length }));
        report.links = await checkLinks(links);
        if (report.links.some((link) => !link.ok)) code = 1;
        for (const { path, warning } of report.links) if (warning) report.warnings.push({ path, message: warning });
      }
      if (options.strict && report.warnings.length) code = 1;
    }
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    report.fatal = error.message;
  }
  report.ok = code === 0;
  if (options.json) out.log(JSON.stringify(report, null, 2));
  else printReport(report, options, out);
  return code;
}

function printReport(report: Report, options: ValidateOptions, out: Output) {
  const file = report.source;
  if (report.fatal !== undefined) {
    out.err(msg('validate.fatal', { file, message: report.fatal }));
    return;
  }
  if (report.warnings.length) {
    out.err(msg('validate.warnings', { file, count: report.warnings.length }));
    for (const { path, message } of report.warnings) out.err(`  ${path || '(document)'}: ${message}`);
    if (options.strict) out.err(msg('validate.strict'));
  }
  if (report.counts)
    out.log(msg(report.warnings.length ? 'validate.usable' : 'validate.ok', { file, ...report.counts }));
  if (report.links) {
    const broken = report.links.filter((link) => !link.ok);
    if (!broken.length) out.log(msg('links.ok', { count: report.links.length }));
    else {
      out.err(msg('links.broken', { count: broken.length, total: report.links.length }));
      for (const link of broken) out.err(`  ${link.path}: ${link.file ?? link.url}: ${link.problem}`);
    }
  }
}
