/** `kijkom import ohms|csv`: catalogues from what archives already have. */
import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import { validateCatalogue } from '../catalogue/validate.js';
import { CATALOGUE_MAX_BYTES } from '../catalogue/loader.js';
import { CATALOGUE_FORMAT } from '../catalogue/types.js';
import { decodeSheet, readFragmentsCsv } from './csv.js';
import { differs, writeWhole } from './files.js';
import { CliError, msg } from './messages.js';
import { readOhms, type Notice } from './ohms.js';
import type { Output } from './output.js';
import { hasCues } from './links.js';
import { localUrl, parseJson } from './source.js';
import { tooLarge } from './validate-command.js';
import { relativeUrl, slug } from './text.js';

type Json = Record<string, unknown>;

export interface ImportOptions {
  out?: string;
  media?: string;
  lang?: string;
  title?: string;
  into?: string;
  theme?: string;
  /** Overwrite files that exist and differ from what the import makes (hand-made or hand-corrected). */
  force?: boolean;
}

/** Where the catalogue will live, which its relative URLs start from: `--out`, else the `--into` catalogue, else here. */
const catalogueFile = (options: ImportOptions) => options.out ?? options.into ?? 'catalogue.json';

const read = (file: string) =>
  readFile(file, 'utf8').catch((error: Error) => {
    throw new CliError(msg('error.read', { file, reason: error.message }));
  });

/**
 * Writes the catalogue to `--out` or stdout, then reports the validator's word on it. An `--out`
 * that exists with other content is left alone without `--force`, unless it is the `--into`
 * catalogue the import read and added to.
 */
async function emit(
  catalogue: Json,
  options: ImportOptions,
  notices: number,
  out: Output,
  alongside: [file: string, text: string][] = [],
): Promise<number> {
  const json = JSON.stringify(catalogue, null, 2) + '\n';
  if (options.out) {
    const into = options.into && path.resolve(options.into) === path.resolve(options.out);
    if (!into && !options.force && (await differs(options.out, json)))
      throw new CliError(msg('error.exists', { file: options.out }));
    for (const [file, text] of alongside) await writeWhole(file, text);
    await writeWhole(options.out, json);
    out.err(msg('import.wrote', { file: options.out }));
  } else out.log(json.trimEnd());
  const size = Buffer.byteLength(json);
  const oversize = size > CATALOGUE_MAX_BYTES ? 1 : 0;
  if (oversize) out.err(`  ${tooLarge(size)}`);
  // What the import made must be what the elements accept: the validator's warnings, shown as its own.
  const result = validateCatalogue(catalogue, localUrl(catalogueFile(options)));
  const interviews = result.ok ? result.catalogue.interviews.size : 0;
  const fragments = result.ok ? result.catalogue.fragments.size : 0;
  if (result.ok) for (const warning of result.warnings) out.err(`  ${warning.path}: ${warning.message}`);
  out.err(
    msg('import.summary', {
      interviews,
      fragments,
      notices: notices + oversize + (result.ok ? result.warnings.length : 1),
    }),
  );
  return 0;
}

const printNotices = (file: string, notices: Notice[], out: Output) => {
  for (const { element, message } of notices) out.err(msg('import.notice', { file, element, message }));
};

/** `kijkom import ohms <file.xml>…` */
export async function importOhms(files: string[], options: ImportOptions, out: Output): Promise<number> {
  if (!files.length) throw new CliError(msg('error.missingArgument', { what: msg('args.ohms') }), 2);
  const catalogueDir = path.dirname(path.resolve(options.out ?? 'catalogue.json'));
  const people = new Map<string, Json>();
  const interviews: Json[] = [];
  const fragments: Json[] = [];
  const themes: Json[] = [];
  let lang = options.lang;
  let count = 0;
  const transcripts: [file: string, text: string][] = [];
  for (const file of files) {
    const notices: Notice[] = [];
    // Each file stands alone: one that cannot be read is named and skipped, the others imported.
    const xml = await readFile(file, 'utf8').catch((error: Error) => {
      notices.push({ element: '<ROOT>', message: msg('ohms.unreadable', { reason: error.message }) });
    });
    if (xml === undefined) {
      printNotices(file, notices, out);
      count += notices.length;
      continue;
    }
    const id = slug(path.basename(file).replace(/\.xml$/i, ''), 'interview');
    if (interviews.some((interview) => interview.id === id)) {
      notices.push({ element: '<record>', message: msg('ohms.duplicate', { id }) });
      printNotices(file, notices, out);
      count += notices.length;
      continue;
    }
    const result = readOhms(xml, id, notices);
    if (result) {
      lang ??= result.lang;
      const { interview } = result;
      if (result.person && !people.has(result.person.id)) people.set(result.person.id, { ...result.person });
      await addMedia(interview, result.media, options.media, catalogueDir, notices);
      // The transcript goes beside the catalogue, so without --out there is nowhere to put it. A
      // transcript already there that differs (corrected by hand) is kept unless --force.
      if (result.transcript && !options.out)
        notices.push({ element: '<transcript>', message: msg('ohms.transcriptNeedsOut') });
      else if (result.transcript) {
        const vtt = path.join(catalogueDir, `${id}.vtt`);
        if (!options.force && (await differs(vtt, result.transcript)))
          notices.push({
            element: '<transcript>',
            message: msg('ohms.transcriptKept', { file: path.relative(process.cwd(), vtt) }),
          });
        else transcripts.push([vtt, result.transcript]);
        interview.transcript = relativeUrl(catalogueDir, vtt);
      }
      interviews.push(interview);
      fragments.push(...result.fragments);
      themes.push(result.theme);
    }
    printNotices(file, notices, out);
    count += notices.length;
  }
  // Nothing read: fail, and leave an existing --out as it was.
  if (!interviews.length) throw new CliError(msg('ohms.nothing'));
  const catalogue: Json = {
    format: CATALOGUE_FORMAT,
    ...(options.title ? { title: options.title } : {}),
    ...(lang ? { lang } : {}),
    people: [...people.values()],
    interviews,
    fragments,
    themes,
  };
  return emit(catalogue, options, count, out, transcripts);
}

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );

/**
 * An interview's media as `kijkom media` described it in `<mediaDir>/<id>/kijkom-media.json`:
 * video, audio, poster, captions (URLs made relative to the catalogue's folder), title and
 * duration; or, when it cannot be read, why (`problem`: missing, outside `--media`, not JSON).
 * A caption file still without cues (the skeleton `kijkom media` writes) is left out and named in
 * `unwritten`: the player would show no button for it, and `validate --strict` would refuse it.
 */
async function mediaEntry(
  id: string,
  mediaDir: string,
  catalogueDir: string,
): Promise<{ media: Json; unwritten: string[] } | { problem: string }> {
  const folder = path.resolve(mediaDir, id);
  // An id from a sheet is any text: never a way out of the media folder.
  const inside = path.relative(path.resolve(mediaDir), folder);
  if (!inside || inside.startsWith('..') || path.isAbsolute(inside))
    return { problem: msg('media.entryOutside', { id }) };
  const entryFile = path.join(folder, 'kijkom-media.json');
  if (!(await exists(entryFile)))
    return { problem: msg('media.entryMissing', { file: path.relative(process.cwd(), entryFile) }) };
  let entry: Json;
  try {
    entry = parseJson(await read(entryFile), entryFile) as Json;
  } catch (error) {
    return { problem: (error as Error).message };
  }
  const rebase = (url: unknown) =>
    typeof url === 'string' && !/^[a-z][a-z0-9+.-]*:/i.test(url)
      ? relativeUrl(catalogueDir, path.join(folder, decodeURIComponent(url)))
      : url;
  const media: Json = {};
  for (const key of ['title', 'duration']) if (entry[key] !== undefined) media[key] = entry[key];
  for (const key of ['video', 'audio', 'poster']) if (entry[key]) media[key] = rebase(entry[key]);
  const unwritten: string[] = [];
  if (Array.isArray(entry.captions)) {
    const tracks: Json[] = [];
    for (const track of entry.captions as Json[]) {
      const local = typeof track?.src === 'string' && !/^[a-z][a-z0-9+.-]*:/i.test(track.src);
      const file = local ? path.join(folder, decodeURIComponent(track.src as string)) : undefined;
      const skeleton = file && /\.vtt$/i.test(file) && (await exists(file)) && !(await hasCues(file));
      if (skeleton) unwritten.push(path.relative(process.cwd(), file));
      else tracks.push({ ...track, src: rebase(track.src) });
    }
    if (tracks.length) media.captions = tracks;
  }
  return { media, unwritten };
}

/** Video, audio, poster and captions from `--media` (what `kijkom media` made), else the export's `<media_url>`. */
async function addMedia(
  interview: Json,
  fromExport: { url: string; audio: boolean } | undefined,
  mediaDir: string | undefined,
  catalogueDir: string,
  notices: Notice[],
) {
  if (mediaDir) {
    const found = await mediaEntry(interview.id as string, mediaDir, catalogueDir);
    if ('problem' in found)
      notices.push({ element: '<media_url>', message: msg('ohms.mediaMissing', { problem: found.problem }) });
    else {
      for (const file of found.unwritten)
        notices.push({ element: '<media_url>', message: msg('media.captionsUnwritten', { file }) });
      // The export's title and duration stand; the media's duration fills a gap.
      const { title: _title, duration, ...files } = found.media;
      Object.assign(interview, files);
      interview.duration ??= duration;
      return;
    }
  }
  if (fromExport) interview[fromExport.audio ? 'audio' : 'video'] = fromExport.url;
  else notices.push({ element: '<media_url>', message: msg('ohms.noMedia') });
}

/** `kijkom import csv <file.csv>` */
export async function importCsv(files: string[], options: ImportOptions, out: Output): Promise<number> {
  if (files.length !== 1) throw new CliError(msg('error.missingArgument', { what: msg('args.csv') }), 2);
  const [file] = files;
  const notices: Notice[] = [];
  const bytes = await readFile(file).catch((error: Error) => {
    throw new CliError(msg('error.read', { file, reason: error.message }));
  });
  const sheet = decodeSheet(bytes);
  if (sheet.legacy) notices.push({ element: 'encoding', message: msg('csv.legacy') });
  const rows = readFragmentsCsv(sheet.text, notices);
  if (!rows) {
    printNotices(file, notices, out);
    throw new CliError(msg('csv.noHeader'));
  }
  const catalogue: Json = options.into
    ? (parseJson(await read(options.into), options.into) as Json)
    : { format: CATALOGUE_FORMAT, ...(options.title && !options.theme ? { title: options.title } : {}) };
  if (typeof catalogue !== 'object' || catalogue === null || Array.isArray(catalogue))
    throw new CliError(msg('error.json', { file: options.into ?? file, reason: 'not an object' }));
  const interviews = Array.isArray(catalogue.interviews) ? (catalogue.interviews as Json[]) : [];
  const known = new Set(
    interviews.map((interview) => (typeof interview?.id === 'string' ? interview.id.trim() : undefined)),
  );
  // The sheet's interviews that the catalogue lacks come from --media (what `kijkom media` made for each).
  const named = [...new Set(rows.map(({ fragment }) => fragment.interview as string))].filter((id) => !known.has(id));
  if (named.length && !options.media && !options.into) {
    printNotices(file, notices, out);
    throw new CliError(msg('csv.noInterviews', { ids: named.join(', ') }));
  }
  const missing = new Map<string, string>();
  if (options.media) {
    const catalogueDir = path.dirname(path.resolve(catalogueFile(options)));
    for (const id of named) {
      const found = await mediaEntry(id, options.media, catalogueDir);
      if ('problem' in found) missing.set(id, found.problem);
      else {
        const { media, unwritten } = found;
        for (const file of unwritten) notices.push({ element: id, message: msg('media.captionsUnwritten', { file }) });
        interviews.push({ id, ...media, title: media.title ?? id });
        known.add(id);
      }
    }
    catalogue.interviews = interviews;
  }
  const kept = rows
    .filter(({ line, fragment }) => {
      const id = fragment.interview as string;
      if (known.has(id)) return true;
      const why = missing.has(id)
        ? msg('csv.mediaMissing', { id, problem: missing.get(id) as string })
        : msg('csv.unknownInterview', { id });
      notices.push({ element: msg('csv.line', { line }), message: msg('csv.row', { message: why }) });
      return false;
    })
    .map(({ fragment }) => fragment);
  // Fragments of the sheet replace those of the same id; the others stay.
  const ids = new Set(kept.map((fragment) => fragment.id));
  const existing = Array.isArray(catalogue.fragments) ? (catalogue.fragments as Json[]) : [];
  catalogue.fragments = [...existing.filter((fragment) => !ids.has(fragment?.id)), ...kept];
  if (options.theme) {
    const themes = Array.isArray(catalogue.themes) ? (catalogue.themes as Json[]) : [];
    const theme = themes.find((item) => item?.id === options.theme);
    const order = kept.map((fragment) => fragment.id);
    if (theme) theme.fragments = order;
    else themes.push({ id: options.theme, title: options.title ?? options.theme, fragments: order });
    catalogue.themes = themes;
  }
  printNotices(file, notices, out);
  // Every row dropped: fail, and leave an existing --out as it was.
  if (!kept.length) throw new CliError(msg('csv.nothing'));
  return emit(catalogue, options, notices.length, out);
}
