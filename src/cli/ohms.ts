/**
 * OHMS (Oral History Metadata Synchronizer, the Nunn Center's tool) XML exports to catalogue
 * items. An export is `<ROOT><record>…</record></ROOT>`; what is read from a record:
 *
 * - `<title>`, `<date value="YYYY-MM-DD">` (else `<date_nonpreferred_format>`), `<interviewee>`,
 *   `<interviewer>`, `<description>`, `<duration>`, `<media_url>` with `<mediafile><clip_format>`;
 * - `<index><point>`: `<time>` (seconds), `<title>`, `<partial_transcript>`, `<synopsis>`,
 *   `<keywords>` (separated by `;`) → a fragment each, and a chapter each;
 * - `<transcript>` (plain lines; `NAME:` opens a speaker's turn) with `<sync>`, which marks where
 *   each interval starts: `1:|13(3)|19(14)` means every 1 minute, minute 1 at line 13 word 3,
 *   minute 2 at line 19 word 14 → WebVTT cues. A transcript that is WebVTT already is kept as is.
 *
 * Elements the export format has but a catalogue has no place for are passed over quietly;
 * elements it does not have, and broken values, are skipped with a notice naming the element.
 */
import { parseTime } from '../catalogue/time.js';
import { msg } from './messages.js';
import { catalogueTime, slug, writeVtt, type Cue } from './text.js';
import { readXml } from './xml.js';

export interface Notice {
  element: string;
  message: string;
}

export interface OhmsInterview {
  id: string;
  person?: { id: string; name: string };
  interview: Record<string, unknown>;
  fragments: Record<string, unknown>[];
  theme: Record<string, unknown>;
  /** The transcript as WebVTT, when the export has one with sync points (or one in WebVTT). */
  transcript?: string;
  /** `<media_url>`, and whether `<clip_format>` says audio. */
  media?: { url: string; audio: boolean };
  /** `<language>` as a tag, when it names one we know. */
  lang?: string;
}

/** Everything an OHMS record may hold (schema version 5 and 6 exports); only some of it is read. */
const RECORD_ELEMENTS = new Set(
  (
    'version date date_nonpreferred_format cms_record_id title accession duration collection_id ' +
    'collection_name series_id series_name repository funding repository_url subject keyword ' +
    'interviewee interviewer format file_name sync sync_alt transcript_alt_lang translate media_id ' +
    'media_url mediafile kembed language user_notes index index_alt type description rel transcript ' +
    'transcript_alt vtt_transcript vtt_transcript_alt rights fmt usage userestrict xmllocation ' +
    'xmlfilename collection_link series_link'
  ).split(' '),
);
const POINT_ELEMENTS = new Set(
  (
    'time title title_alt partial_transcript partial_transcript_alt synopsis synopsis_alt keywords ' +
    'keywords_alt subjects subjects_alt gpspoints hyperlinks'
  ).split(' '),
);
const LISTS = new Set(['record', 'point', 'interviewee', 'interviewer', 'keyword', 'subject', 'format']);

type Node = Record<string, unknown>;

/** The text of an element (`#text` when it has attributes too), trimmed; '' when absent. */
function text(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (value && typeof value === 'object' && !Array.isArray(value)) return text((value as Node)['#text']);
  return '';
}

const children = (node: unknown): Node =>
  node && typeof node === 'object' && !Array.isArray(node) ? (node as Node) : {};
const first = (value: unknown) => (Array.isArray(value) ? (value[0] as unknown) : value);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);
const elementNames = (node: Node) => Object.keys(node).filter((key) => !key.startsWith('@') && key !== '#text');

const LANGUAGES: Record<string, string> = {
  english: 'en',
  dutch: 'nl',
  nederlands: 'nl',
  german: 'de',
  french: 'fr',
  spanish: 'es',
};

/** The language tag of `<language>` (a tag or an English name), if it is one we can tell. */
export function ohmsLanguage(value: string): string | undefined {
  const lower = value.trim().toLowerCase();
  if (/^[a-z]{2,3}(-[a-z0-9]{1,8})*$/.test(lower)) return lower;
  return LANGUAGES[lower];
}

/** Reads one OHMS export; `id` names the interview. Never throws on bad input: notices instead. */
export function readOhms(xml: string, id: string, notices: Notice[]): OhmsInterview | undefined {
  const note = (element: string, message: string) => notices.push({ element, message });
  // OHMS exports have no DOCTYPE; one would bring entities (external files, expansion bombs).
  if (/<!DOCTYPE/i.test(xml)) {
    note('<!DOCTYPE>', msg('ohms.doctype'));
    return undefined;
  }
  const read = readXml(xml, LISTS);
  if (!read.ok) {
    note('<ROOT>', msg('ohms.notXml', { reason: read.reason }));
    return undefined;
  }
  const doc: Node = read.root;
  const record = children(first(children(doc.ROOT).record ?? doc.record));
  if (!Object.keys(record).length) {
    note('<record>', msg('ohms.noRecord'));
    return undefined;
  }
  for (const name of elementNames(record))
    if (!RECORD_ELEMENTS.has(name)) note(`<record>/<${name}>`, msg('ohms.unknown'));

  const title = text(first(record.title)) || id;
  const interview: Record<string, unknown> = { id, title };

  const people = list(record.interviewee).map(text).filter(Boolean);
  const person = people.length ? { id: slug(people[0], 'person'), name: people[0] } : undefined;
  if (person) interview.person = person.id;
  for (const name of people.slice(1)) note('<interviewee>', msg('ohms.extraInterviewee', { name }));

  const date = first(record.date);
  const dateValue = text(children(date)['@value']);
  if (/^\d{4}(-\d{2}(-\d{2})?)?$/.test(dateValue)) interview.date = dateValue;
  else {
    if (dateValue) note('<date>', msg('ohms.badDate', { value: dateValue }));
    const free = text(first(record.date_nonpreferred_format));
    if (free) interview.date = free;
  }
  const interviewers = list(record.interviewer).map(text).filter(Boolean);
  if (interviewers.length) interview.interviewers = interviewers;
  const summary = text(first(record.description));
  if (summary) interview.summary = summary;

  let duration: number | undefined;
  const durationText = text(first(record.duration));
  if (durationText) {
    const parsed = parseTime(durationText);
    if (parsed.ok && parsed.seconds > 0) {
      duration = parsed.seconds;
      interview.duration = catalogueTime(duration);
    } else note('<duration>', msg('ohms.badDuration', { value: durationText }));
  }

  const mediaUrl = text(first(record.media_url));
  const clipFormat = text(children(first(record.mediafile)).clip_format).toLowerCase();
  const media = /^https?:\/\//i.test(mediaUrl)
    ? { url: mediaUrl, audio: clipFormat === 'audio' || /\.(mp3|m4a|aac|oga|ogg|wav)(\?|$)/i.test(mediaUrl) }
    : undefined;

  const points = readPoints(children(first(record.index)), note);
  const fragments = points.map((point, i) => {
    const end = points[i + 1]?.time ?? duration;
    const description = [point.partial, point.synopsis].filter(Boolean).join('\n\n');
    return {
      id: `${id}-${i + 1}`,
      interview: id,
      title: point.title,
      start: catalogueTime(point.time),
      ...(end !== undefined && end > point.time ? { end: catalogueTime(end) } : {}),
      ...(description ? { description } : {}),
      ...(point.keywords.length ? { keywords: point.keywords } : {}),
    };
  });
  if (points.length)
    interview.chapters = points.map((point) => ({ title: point.title, start: catalogueTime(point.time) }));

  const theme = {
    id,
    title,
    ...(summary ? { intro: [summary] } : {}),
    fragments: fragments.map((fragment) => fragment.id),
  };
  const transcript = readTranscript(record, duration, note);
  return {
    id,
    person,
    interview,
    fragments,
    theme,
    transcript,
    media,
    lang: ohmsLanguage(text(first(record.language))),
  };
}

interface Point {
  time: number;
  title: string;
  partial: string;
  synopsis: string;
  keywords: string[];
}

function readPoints(index: Node, note: (element: string, message: string) => void): Point[] {
  for (const name of elementNames(index)) if (name !== 'point') note(`<index>/<${name}>`, msg('ohms.unknown'));
  const points: Point[] = [];
  list(index.point).forEach((raw, i) => {
    const point = children(raw);
    const where = `<index>/<point>[${i + 1}]`;
    for (const name of elementNames(point))
      if (!POINT_ELEMENTS.has(name)) note(`${where}/<${name}>`, msg('ohms.unknown'));
    const timeText = text(first(point.time));
    const time = parseTime(timeText);
    if (!time.ok) return note(`${where}/<time>`, msg('ohms.noTime', { value: timeText || '—' }));
    const title = text(first(point.title));
    if (!title) return note(`${where}/<title>`, msg('ohms.noTitle'));
    const keywords = text(first(point.keywords))
      .split(';')
      .map((keyword) => keyword.trim())
      .filter(Boolean);
    points.push({
      time: time.seconds,
      title,
      partial: text(first(point.partial_transcript)),
      synopsis: text(first(point.synopsis)),
      keywords,
    });
  });
  return points.sort((a, b) => a.time - b.time);
}

/** A speaker's turn opens a line: `SMITH:` or `Jan de Vries:`, a name of at most a few words. */
const SPEAKER = /^([A-Z\u00C0-\u024F][\p{L}.'’ -]{0,40}?):\s+(.*)$/u;

/**
 * The transcript as WebVTT. OHMS transcripts are lines of text; `<sync>` gives, for every
 * interval, the line (and word) where it starts. Each stretch of lines between two sync points
 * becomes cues per paragraph (blank lines part them), timed in proportion to their length.
 */
function readTranscript(
  record: Node,
  duration: number | undefined,
  note: (element: string, message: string) => void,
): string | undefined {
  const raw =
    typeof first(record.transcript) === 'string'
      ? (first(record.transcript) as string)
      : text(first(record.transcript));
  const transcript = raw.replace(/\r\n?/g, '\n');
  if (!transcript.trim()) return undefined;
  if (transcript.trim().startsWith('WEBVTT')) return transcript.trim() + '\n';
  const syncText = text(first(record.sync));
  const sync = /^(\d+(?:\.\d+)?):(.*)$/s.exec(syncText);
  if (!sync || Number(sync[1]) <= 0) {
    note('<sync>', syncText ? msg('ohms.badSync', { value: syncText.slice(0, 40) }) : msg('ohms.noSync'));
    return undefined;
  }
  const lines = transcript.split('\n');
  const interval = Number(sync[1]) * 60;
  // Mark k (k ≥ 1) is where k intervals have passed; the part before the first `|` is time 0.
  const marks: { line: number; time: number }[] = [{ line: 1, time: 0 }];
  sync[2].split('|').forEach((item, k) => {
    if (k === 0 || !item.trim()) return;
    const at = /^\s*(\d+)\((\d+)\)\s*$/.exec(item);
    const line = at ? Number(at[1]) : NaN;
    if (!at || line < 1 || line > lines.length) return note('<sync>', msg('ohms.badSync', { value: item }));
    if (line > marks[marks.length - 1].line) marks.push({ line, time: k * interval });
  });
  // A recording shorter than one interval has no mark past the first: its one stretch ends with it.
  if (marks.length < 2 && duration === undefined) {
    note('<sync>', msg('ohms.noSync'));
    return undefined;
  }
  const last = marks[marks.length - 1];
  const end = duration !== undefined && duration > last.time ? duration : last.time + interval;
  const cues: Cue[] = [];
  let voice: string | undefined;
  marks.forEach((mark, m) => {
    const next = marks[m + 1] ?? { line: lines.length + 1, time: end };
    const paragraphs: { text: string; voice?: string }[] = [];
    let current: string[] = [];
    const flush = () => {
      if (current.length) paragraphs.push({ text: current.join(' '), voice });
      current = [];
    };
    for (const line of lines.slice(mark.line - 1, next.line - 1)) {
      const trimmed = line.trim();
      if (!trimmed) {
        flush();
        continue;
      }
      const speaker = SPEAKER.exec(trimmed);
      if (speaker) {
        flush();
        voice = speaker[1].trim();
        current.push(speaker[2]);
      } else current.push(trimmed);
    }
    flush();
    const total = paragraphs.reduce((sum, p) => sum + p.text.length, 0);
    let start = mark.time;
    for (const paragraph of paragraphs) {
      const length = ((next.time - mark.time) * paragraph.text.length) / total;
      cues.push({ start, end: start + length, text: paragraph.text, voice: paragraph.voice });
      start += length;
    }
  });
  return cues.length ? writeVtt(cues) : undefined;
}
