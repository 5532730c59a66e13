import { parseTime } from './time.js';
import { resolveUrl } from './url.js';
import {
  CATALOGUE_FORMAT,
  type CaptionTrack,
  type Catalogue,
  type CatalogueWarning,
  type Chapter,
  type Fragment,
  type Interview,
  type Person,
  type Theme,
} from './types.js';

export type ValidationResult =
  { ok: true; catalogue: Catalogue; warnings: CatalogueWarning[] } | { ok: false; message: string };

/** Text longer than this is cut: a catalogue is data for a page, not a book. */
const MAX_TEXT = 10_000;
const MAX_ID = 200;
const LANG = /^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/i;

type Json = Record<string, unknown>;

export const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Own properties only, so `__proto__` or `constructor` keys never reach the prototype chain. */
export const own = (obj: Json, key: string): unknown => (Object.hasOwn(obj, key) ? obj[key] : undefined);

/** How far `show` looks into lists and objects, and how many of their entries it shows. */
const SHOW_DEPTH = 2;
const SHOW_ENTRIES = 4;
const SHOW_LENGTH = 60;

/**
 * A short, single-line rendering of a bad value for a warning, JSON-like. It looks only a few
 * levels and entries deep, so a value nested 100,000 deep (which `JSON.stringify` and `String`
 * overflow the stack on in some engines) or a huge one costs next to nothing.
 */
function show(value: unknown): string {
  const text = preview(value, SHOW_DEPTH);
  return text.length > SHOW_LENGTH ? `${text.slice(0, SHOW_LENGTH - 3)}…` : text;
}

function preview(value: unknown, depth: number): string {
  if (typeof value === 'string')
    return JSON.stringify(value.length > SHOW_LENGTH ? value.slice(0, SHOW_LENGTH) : value);
  if (typeof value === 'object' && value !== null) {
    const array = Array.isArray(value);
    const [open, close] = array ? '[]' : '{}';
    const keys = Object.keys(value);
    if (keys.length === 0) return open + close;
    if (depth === 0) return `${open}…${close}`;
    const shown = keys
      .slice(0, SHOW_ENTRIES)
      .map((key) => `${array ? '' : `${preview(key, 0)}:`}${preview(own(value as Json, key), depth - 1)}`);
    return `${open}${shown.join(',')}${keys.length > SHOW_ENTRIES ? ',…' : ''}${close}`;
  }
  return String(value);
}

/** Thrown inside an item's reader to skip the whole item. */
class Skip {}

class Reader {
  readonly warnings: CatalogueWarning[] = [];
  constructor(readonly base: string) {}

  /** Records a warning; returns undefined so a reader can `return r.warn(…)` to drop a value. */
  warn(path: string, message: string): undefined {
    this.warnings.push({ path, message });
    return undefined;
  }

  /** Reports a bad required field (and skips the item) or a bad optional one (and drops it). */
  private fail(path: string, problem: string, required: boolean): undefined {
    this.warn(path, `${problem}; ${required ? 'item skipped' : 'field dropped'}`);
    if (required) throw new Skip();
    return undefined;
  }

  text(obj: Json, key: string, path: string, required: boolean, max = MAX_TEXT): string | undefined {
    const value = own(obj, key);
    if (value === undefined || value === null)
      return required ? this.fail(`${path}.${key}`, 'is missing', true) : undefined;
    if (typeof value !== 'string') return this.fail(`${path}.${key}`, `${show(value)} is not text`, required);
    const trimmed = value.trim();
    if (trimmed === '') return this.fail(`${path}.${key}`, 'is empty', required);
    return this.cut(trimmed, `${path}.${key}`, max);
  }

  /** Text longer than `max` is cut, with a warning: a catalogue is data for a page, not a book. */
  cut(text: string, path: string, max = MAX_TEXT): string {
    if (text.length <= max) return text;
    this.warn(path, `is longer than ${max} characters; cut`);
    return text.slice(0, max);
  }

  /** An entry of a list of texts (interviewers, intro paragraphs): trimmed and cut, or dropped with a warning. */
  entry(value: unknown, path: string, what: string): string | undefined {
    if (typeof value !== 'string' || !value.trim()) return this.warn(path, `${show(value)} is not ${what}; dropped`);
    return this.cut(value.trim(), path);
  }

  /** An optional `lang`: a language tag, else dropped with a warning. */
  lang(obj: Json, path: string): string | undefined {
    const lang = this.text(obj, 'lang', path, false, MAX_ID);
    return lang === undefined || LANG.test(lang)
      ? lang
      : this.fail(`${path}.lang`, `${show(lang)} is not a language tag`, false);
  }

  id(obj: Json, path: string): string {
    return this.text(obj, 'id', path, true, MAX_ID) as string;
  }

  time(obj: Json, key: string, path: string, required: boolean): number | undefined {
    const value = own(obj, key);
    if (value === undefined || value === null)
      return required ? this.fail(`${path}.${key}`, 'is missing', true) : undefined;
    const result = parseTime(value);
    return result.ok ? result.seconds : this.fail(`${path}.${key}`, `${show(value)} ${result.reason}`, required);
  }

  url(obj: Json, key: string, path: string): string | undefined {
    const value = own(obj, key);
    if (value === undefined || value === null) return undefined;
    const result = resolveUrl(value, this.base);
    return result.ok ? result.url : this.fail(`${path}.${key}`, `${show(value)} ${result.reason}`, false);
  }

  /** An optional array field; each element read by `item`, bad elements dropped. */
  list<T>(obj: Json, key: string, path: string, item: (value: unknown, path: string) => T | undefined): T[] {
    const value = own(obj, key);
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) {
      this.warn(`${path}.${key}`, `${show(value)} is not a list; field dropped`);
      return [];
    }
    const out: T[] = [];
    value.forEach((element, i) => {
      const result = this.guard(() => item(element, `${path}.${key}[${i}]`));
      if (result !== undefined) out.push(result);
    });
    return out;
  }

  /** Runs an item reader; a `Skip` means the item was reported and is left out. */
  guard<T>(read: () => T | undefined): T | undefined {
    try {
      return read();
    } catch (error) {
      if (error instanceof Skip) return undefined;
      throw error;
    }
  }

  object(value: unknown, path: string): Json {
    if (isObject(value)) return value;
    this.warn(path, `${show(value)} is not an object; item skipped`);
    throw new Skip();
  }

  /** Reads a top-level collection into a Map by id; first id wins. */
  collection<T extends { id: string }>(doc: Json, key: string, read: (obj: Json, path: string) => T): Map<string, T> {
    const map = new Map<string, T>();
    this.list(doc, key, '', (value, path) => {
      const item = read(this.object(value, path), path);
      if (map.has(item.id)) {
        this.warn(`${path}.id`, `${show(item.id)} is used before; item skipped`);
        return undefined;
      }
      map.set(item.id, item);
      return item;
    });
    return map;
  }
}

function readPerson(r: Reader, obj: Json, path: string): Person {
  return {
    id: r.id(obj, path),
    name: r.text(obj, 'name', path, true) as string,
    role: r.text(obj, 'role', path, false),
    period: r.text(obj, 'period', path, false),
    portrait: r.url(obj, 'portrait', path),
  };
}

function readInterview(r: Reader, obj: Json, path: string, people: Map<string, Person>): Interview {
  const id = r.id(obj, path);
  const title = r.text(obj, 'title', path, true) as string;
  let person = r.text(obj, 'person', path, false, MAX_ID);
  if (person !== undefined && !people.has(person)) {
    r.warn(`${path}.person`, `${show(person)} is not a person in the catalogue; link dropped`);
    person = undefined;
  }
  const video = r.url(obj, 'video', path);
  const audio = r.url(obj, 'audio', path);
  if (!video && !audio) {
    r.warn(path, 'has no usable "video" or "audio"; item skipped');
    throw new Skip();
  }
  const captions = r.list(obj, 'captions', path, (value, p): CaptionTrack | undefined => {
    const track = r.object(value, p);
    const src = r.url(track, 'src', p);
    if (!src) return r.warn(`${p}.src`, 'is missing or unusable; track skipped');
    return { src, lang: r.lang(track, p), label: r.text(track, 'label', p, false) };
  });
  const chapters = r
    .list(obj, 'chapters', path, (value, p): Chapter => {
      const chapter = r.object(value, p);
      return { title: r.text(chapter, 'title', p, true) as string, start: r.time(chapter, 'start', p, true) as number };
    })
    .sort((a, b) => a.start - b.start);
  const interviewers = r.list(obj, 'interviewers', path, (value, p) => r.entry(value, p, 'a name'));
  return {
    id,
    title,
    person,
    date: r.text(obj, 'date', path, false),
    interviewers,
    summary: r.text(obj, 'summary', path, false),
    duration: r.time(obj, 'duration', path, false),
    video,
    audio,
    poster: r.url(obj, 'poster', path),
    captions,
    transcript: r.url(obj, 'transcript', path),
    chapters,
    url: r.url(obj, 'url', path),
  };
}

function readFragment(r: Reader, obj: Json, path: string, interviews: Map<string, Interview>): Fragment {
  const id = r.id(obj, path);
  const interview = r.text(obj, 'interview', path, true, MAX_ID) as string;
  if (!interviews.has(interview)) {
    r.warn(`${path}.interview`, `${show(interview)} is not an interview in the catalogue; item skipped`);
    throw new Skip();
  }
  const title = r.text(obj, 'title', path, true) as string;
  const start = r.time(obj, 'start', path, true) as number;
  let end = r.time(obj, 'end', path, false);
  if (end !== undefined && end <= start) {
    r.warn(`${path}.end`, `${show(own(obj, 'end'))} is not after the start; field dropped`);
    end = undefined;
  }
  return { id, interview, title, start, end, description: r.text(obj, 'description', path, false) };
}

function readTheme(r: Reader, obj: Json, path: string, fragments: Map<string, Fragment>): Theme {
  const id = r.id(obj, path);
  const title = r.text(obj, 'title', path, true) as string;
  if (!Array.isArray(own(obj, 'fragments'))) {
    r.warn(`${path}.fragments`, 'is missing or not a list; item skipped');
    throw new Skip();
  }
  const seen = new Set<string>();
  const ids = r.list(obj, 'fragments', path, (value, p) => {
    if (typeof value !== 'string' || !fragments.has(value))
      return r.warn(p, `${show(value)} is not a fragment in the catalogue; dropped`);
    if (seen.has(value)) return r.warn(p, `${show(value)} is listed before; dropped`);
    seen.add(value);
    return value;
  });
  const intro = r.list(obj, 'intro', path, (value, p) => r.entry(value, p, 'a paragraph'));
  return { id, title, intro, fragments: ids };
}

/**
 * Checks a parsed catalogue document and returns what can be used, with a warning for every
 * item skipped and field dropped. Fatal only when the document is not a Kijkom catalogue.
 * Never throws, whatever JSON value it is given.
 */
export function validateCatalogue(doc: unknown, baseUrl: string): ValidationResult {
  if (!isObject(doc)) return { ok: false, message: 'the document is not a JSON object' };
  const format = own(doc, 'format');
  if (format !== CATALOGUE_FORMAT) {
    return { ok: false, message: `"format" is ${show(format)}, expected "${CATALOGUE_FORMAT}"` };
  }
  const r = new Reader(baseUrl);
  const lang = r.lang(doc, '');
  const people = r.collection(doc, 'people', (obj, path) => readPerson(r, obj, path));
  const interviews = r.collection(doc, 'interviews', (obj, path) => readInterview(r, obj, path, people));
  const fragments = r.collection(doc, 'fragments', (obj, path) => readFragment(r, obj, path, interviews));
  const themes = r.collection(doc, 'themes', (obj, path) => readTheme(r, obj, path, fragments));
  const catalogue: Catalogue = {
    url: baseUrl,
    title: r.text(doc, 'title', '', false),
    lang,
    publisher: r.text(doc, 'publisher', '', false),
    home: r.url(doc, 'url', ''),
    people,
    interviews,
    fragments,
    themes,
  };
  // Top-level paths have no leading dot: "fragments[3].start", "title".
  for (const warning of r.warnings) warning.path = warning.path.replace(/^\./, '');
  return { ok: true, catalogue, warnings: r.warnings };
}
