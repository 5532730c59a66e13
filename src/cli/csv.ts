/**
 * A spreadsheet of fragments as editors keep one: a header row naming the columns (English or
 * Dutch), then a fragment a row. Excel writes `;` between fields where the decimal mark is a
 * comma (Dutch settings), a BOM before UTF-8, and quotes around fields with separators, quotes
 * or line breaks in them; all of that is read. Times stay as the editor wrote them (`12:1`),
 * which the catalogue allows, after the catalogue's own time rules accepted them.
 */
import { parseTime } from '../catalogue/time.js';
import { msg } from './messages.js';
import { slug } from './text.js';
import type { Notice } from './ohms.js';

/** Bytes 0x80–0x9F of Windows-1252 (the rest is Latin-1); Node's own decoder reads them as Latin-1. */
const CP1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/**
 * A sheet's text: UTF-8 (with or without BOM) when it is valid UTF-8, else Windows-1252, which
 * Excel on Windows writes for "CSV" (only "CSV UTF-8" is UTF-8). `legacy` says which it was.
 */
export function decodeSheet(bytes: Uint8Array): { text: string; legacy: boolean } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), legacy: false };
  } catch {
    const text = Array.from(bytes, (b) => (b >= 0x80 && b < 0xa0 ? CP1252[b - 0x80] : String.fromCharCode(b))).join('');
    return { text, legacy: true };
  }
}

/** The rows of a CSV text, each with the line it starts on; Excel's `sep=;` first line is honoured. */
export function parseCsv(input: string): { line: number; fields: string[] }[] {
  let text = input.replace(/^\uFEFF/, '');
  const hint = /^sep=(.)\r?\n/i.exec(text);
  // The hint line counts as line 1, so later lines keep their numbers in the sheet.
  if (hint) text = '\n' + text.slice(hint[0].length);
  const separator = hint ? hint[1] : detectSeparator(text);
  const rows: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const endRow = () => {
    fields.push(field);
    if (fields.some((value) => value.trim() !== '')) rows.push({ line: rowLine, fields });
    fields = [];
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (c === separator) {
      fields.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRow();
      line++;
      rowLine = line;
    } else field += c;
  }
  if (field !== '' || fields.length) endRow();
  return rows;
}

/** `;`, tab or `,`: whichever the first line has most of outside quotes (`,` when none). */
function detectSeparator(text: string): string {
  const counts = new Map<string, number>([
    [';', 0],
    ['\t', 0],
    [',', 0],
  ]);
  let quoted = false;
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && counts.has(c)) counts.set(c, (counts.get(c) as number) + 1);
  }
  const [best, count] = [...counts].sort((a, b) => b[1] - a[1])[0];
  return count > 0 ? best : ',';
}

const COLUMNS: Record<string, string[]> = {
  id: ['id', 'fragment', 'fragment-id', 'fragment id'],
  interview: ['interview', 'gesprek', 'interview-id', 'interview id'],
  title: ['title', 'titel'],
  start: ['start', 'begin', 'starttijd', 'begintijd', 'van'],
  end: ['end', 'eind', 'einde', 'eindtijd', 'tot'],
  description: ['description', 'beschrijving', 'omschrijving'],
};

/** Reads fragments from CSV text; rows that cannot be fragments become notices. */
export function readFragmentsCsv(
  input: string,
  notices: Notice[],
): { line: number; fragment: Record<string, unknown> }[] | undefined {
  const rows = parseCsv(input);
  const header = rows[0]?.fields.map((name) => name.trim().toLowerCase()) ?? [];
  const column = (name: string) => header.findIndex((value) => COLUMNS[name].includes(value));
  const at = Object.fromEntries(Object.keys(COLUMNS).map((name) => [name, column(name)]));
  if (at.interview < 0 || at.title < 0 || at.start < 0) {
    notices.push({ element: 'header', message: msg('csv.noHeader') });
    return undefined;
  }
  const used = new Set<string>();
  const fragments: { line: number; fragment: Record<string, unknown> }[] = [];
  for (const { line, fields } of rows.slice(1)) {
    // Excel ends the lines inside a quoted field with CRLF too: kept as plain line breaks.
    const get = (name: string) => (at[name] >= 0 ? (fields[at[name]] ?? '').trim().replace(/\r\n?/g, '\n') : '');
    const skip = (message: string) =>
      notices.push({ element: msg('csv.line', { line }), message: msg('csv.row', { message }) });
    const missing = ['interview', 'title', 'start'].find((name) => !get(name));
    if (missing) {
      skip(msg('csv.missing', { column: header[at[missing]] }));
      continue;
    }
    const start = parseTime(get('start'));
    if (!start.ok) {
      skip(msg('csv.badTime', { column: header[at.start], value: get('start'), reason: start.reason }));
      continue;
    }
    const fragment: Record<string, unknown> = {
      id: '',
      interview: get('interview'),
      title: get('title'),
      start: get('start'),
    };
    if (get('end')) {
      const end = parseTime(get('end'));
      if (!end.ok) {
        skip(msg('csv.badTime', { column: header[at.end], value: get('end'), reason: end.reason }));
        continue;
      }
      if (end.seconds <= start.seconds) {
        skip(msg('csv.endBeforeStart', { end: get('end'), start: get('start') }));
        continue;
      }
      fragment.end = get('end');
    }
    if (get('description')) fragment.description = get('description');
    // An id from the sheet, else from the title; a second use of one gets a number.
    const base = get('id') || slug(get('title'), 'fragment');
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    fragment.id = id;
    fragments.push({ line, fragment });
  }
  return fragments;
}
