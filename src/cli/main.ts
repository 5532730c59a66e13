/**
 * The `kijkom` command (the package's `bin`): `validate`, `import ohms|csv`, `media`, `embed`, `index`.
 * Built into dist/cli/kijkom.js for Node; it never enters the browser bundles.
 */
import { readFileSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { embedCommand } from './embed-command.js';
import { importCsv, importOhms, type ImportOptions } from './import-command.js';
import { indexCommand } from './index-command.js';
import { mediaCommand } from './media-command.js';
import { CliError, msg, type MessageKey } from './messages.js';
import { processOutput, type Output } from './output.js';
import { validateCommand } from './validate-command.js';

type Options = NonNullable<ParseArgsConfig['options']>;

const help = { help: { type: 'boolean', short: 'h' } } satisfies Options;
const text = (names: string[]) => Object.fromEntries(names.map((name) => [name, { type: 'string' as const }]));

/**
 * Parses a command's arguments; a mistake is a usage error (exit 2) in the user's language that
 * points to its --help. Checked from parseArgs' tokens, not its (English-only) error messages.
 */
function parse(command: string, args: string[], options: Options) {
  const known: Options = { ...help, ...options };
  const { values, positionals, tokens } = parseArgs({
    args,
    options: known,
    allowPositionals: true,
    strict: false,
    tokens: true,
  });
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const type = known[token.name]?.type;
    const problem =
      type === undefined
        ? msg('error.unknownOption', { option: token.rawName })
        : // A value that is the next option (`--out --force`) is a missing value, not a file named --force.
          type === 'string' && (token.value === undefined || (!token.inlineValue && token.value.startsWith('-')))
          ? msg('error.optionNeedsValue', { option: token.rawName })
          : type === 'boolean' && token.value !== undefined
            ? msg('error.optionTakesNoValue', { option: token.rawName })
            : undefined;
    if (problem) throw new CliError(msg('error.usage', { message: problem, command }), 2);
  }
  return { values: values as Record<string, string | boolean | undefined>, positionals };
}

/** The package's version, from the package.json two folders up from dist/cli/kijkom.js. */
function version(): string {
  try {
    return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string })
      .version;
  } catch {
    return 'unknown';
  }
}

const usage = (command: string, what: string) =>
  new CliError(msg('error.usage', { message: msg('error.missingArgument', { what }), command }), 2);

export async function main(argv: string[], out: Output = processOutput): Promise<number> {
  const [command, ...rest] = argv;
  const showHelp = (key: MessageKey) => (out.log(msg(key)), 0);
  try {
    switch (command) {
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        return showHelp('help.main');
      case '-v':
      case '--version':
        out.log(version());
        return 0;
      case 'validate': {
        const { values, positionals } = parse(command, rest, {
          strict: { type: 'boolean' },
          json: { type: 'boolean' },
          'check-links': { type: 'boolean' },
        });
        if (values.help) return showHelp('help.validate');
        if (positionals.length !== 1) throw usage(command, msg('args.validate'));
        return await validateCommand(
          positionals[0],
          { strict: Boolean(values.strict), json: Boolean(values.json), checkLinks: Boolean(values['check-links']) },
          out,
        );
      }
      case 'import': {
        const { values, positionals } = parse(command, rest, {
          ...text(['out', 'media', 'lang', 'title', 'into', 'theme']),
          force: { type: 'boolean' },
        });
        const [kind, ...files] = positionals;
        if (values.help || kind === undefined) return showHelp('help.import');
        const options = values as ImportOptions;
        if (kind === 'ohms') return await importOhms(files, options, out);
        if (kind === 'csv') return await importCsv(files, options, out);
        throw new CliError(msg('error.usage', { message: msg('error.unknownCommand', { command: kind }), command }), 2);
      }
      case 'media': {
        const { values, positionals } = parse(
          command,
          rest,
          text(['id', 'title', 'base', 'segment', 'heights', 'lang']),
        );
        if (values.help) return showHelp('help.media');
        if (positionals.length !== 2) throw usage(command, msg('args.media'));
        return await mediaCommand(positionals[0], positionals[1], values, out);
      }
      case 'embed': {
        const { values, positionals } = parse(command, rest, text(['base', 'out', 'catalogue-url', 'out-url']));
        if (values.help) return showHelp('help.embed');
        if (positionals.length !== 1) throw usage(command, msg('args.embed'));
        return await embedCommand(positionals[0], values, out);
      }
      case 'index': {
        const { values, positionals } = parse(command, rest, text(['out']));
        if (values.help) return showHelp('help.index');
        if (positionals.length !== 1) throw usage(command, msg('args.index'));
        return await indexCommand(positionals[0], values, out);
      }
      default:
        throw new CliError(`${msg('error.unknownCommand', { command })}\n\n${msg('help.main')}`, 2);
    }
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    out.err(`kijkom: ${error.message}`);
    return error.exitCode;
  }
}
