/**
 * Citations of an interview or a fragment of it: a plain one and APA 7 (DESIGN §2: speaker,
 * interview title, date, the catalogue's title and publisher, the link), for the share panel and
 * the transcript's quote panel. Pure, so it is unit-tested apart from them.
 */
import { formatTime } from '../catalogue/time.js';
import type { Catalogue, Interview } from '../catalogue/types.js';
import type { Lang } from '../i18n/i18n.js';
import { tc } from './citation-strings.js';

export interface CitationSource {
  /** The interviewee's name as the catalogue writes it. */
  person?: string;
  interviewTitle: string;
  /** The interview's date as the catalogue writes it: `2018`, `2018-11` or `2018-11-05` (else shown as written). */
  date?: string;
  /** The archive: the catalogue's `title` and `publisher`. */
  archive?: string;
  publisher?: string;
  /** The lasting link: the interview's page at `#t=`, or this page's deep link. */
  link: string;
  /**
   * A fragment's title and times; none for the whole interview. A `quote` names its speakers in its
   * own words (the interviewer's question too), so the plain citation does not put the interviewee before it.
   */
  fragment?: { title: string; start: number; end?: number; quote?: boolean };
}

/** The words a citation needs, in the viewer's language. */
export interface CitationWords {
  /** APA's description in square brackets, e.g. "Video interview". */
  kind: string;
  /** APA's "n.d." */
  noDate: string;
}

export interface Citation {
  text: string;
  /** The same with the title in italics (APA), for pasting into a word processor. */
  html: string;
}

/** Name particles that belong with the surname (`van der Meer, J.`, as APA keeps them). */
const PARTICLES = new Set([
  'van',
  'de',
  'der',
  'den',
  'het',
  "'t",
  'in',
  'op',
  'te',
  'ten',
  'ter',
  'aan',
  'uit',
  'von',
  'zu',
  'zum',
  'le',
  'la',
  'du',
  'des',
  'da',
  'di',
  'dos',
  'del',
]);

/**
 * A name as APA lists an author: `Surname, I. I.`, the particles kept with the surname
 * (`Jan van der Meer` → `van der Meer, J.`; `Jan-Peter Balkenende` → `Balkenende, J.-P.`; `Ans Smit-de Vries`
 * → `Smit-de Vries, A.`). A one-word
 * name stays as written.
 */
export function apaName(name: string): string {
  const words = name.trim().split(/\s+/);
  // One word, or already surname first (`Meer, Jan van der`): as written.
  if (words.length < 2 || name.includes(',')) return name.trim();
  // The surname starts at the first particle after a given name, or at a double name ending in one (`Smit-de Vries`).
  const isParticle = (word: string) => PARTICLES.has(word.toLowerCase());
  const particle = words.findIndex((word, i) => i > 0 && (isParticle(word) || isParticle(word.split('-').at(-1)!)));
  const split = particle > 0 ? particle : words.length - 1;
  const initials = words
    .slice(0, split)
    .map((given) =>
      given
        .split('-')
        .filter(Boolean)
        .map((part) => `${[...part][0]}.`)
        .join('-'),
    )
    .filter(Boolean)
    .join(' ');
  return `${words.slice(split).join(' ')}, ${initials}`;
}

/** The parts of an ISO-like date, or undefined when it is written otherwise. */
function dateParts(date: string): { year: string; month?: number; day?: number } | undefined {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date.trim());
  if (!match) return undefined;
  const [year, month, day] = match.slice(1).map((part) => (part ? Number(part) : undefined));
  // A month or day that is none (2018-13, 2018-02-30) is not turned into another date.
  const lastDay = month ? new Date(Date.UTC(year!, month, 0)).getUTCDate() : 31;
  if ((month !== undefined && (month < 1 || month > 12)) || (day !== undefined && (day < 1 || day > lastDay)))
    return undefined;
  return { year: match[1], month, day };
}

/** A month (1–12), and a day, in `lang`'s words: `november`, `5 november` (nl), `November 5` (en). */
function monthDay(lang: string, month: number, day?: number): string {
  const at = new Date(Date.UTC(2000, month - 1, day ?? 1));
  const options: Intl.DateTimeFormatOptions = { month: 'long', timeZone: 'UTC', ...(day ? { day: 'numeric' } : {}) };
  return new Intl.DateTimeFormat(lang, options).format(at);
}

/** APA's date: `2018, November 5` (in `lang`'s words), `2018`, or as written. */
function apaDate(date: string | undefined, lang: string, words: CitationWords): string {
  if (!date) return words.noDate;
  const parts = dateParts(date);
  if (!parts) return date;
  return parts.month ? `${parts.year}, ${monthDay(lang, parts.month, parts.day)}` : parts.year;
}

/** The plain citation's date: `5 november 2018`, `november 2018`, `2018`, or as written. */
function plainDate(date: string, lang: string): string {
  const parts = dateParts(date);
  if (!parts?.month) return parts?.year ?? date;
  const options: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'long', timeZone: 'UTC' };
  if (parts.day) options.day = 'numeric';
  return new Intl.DateTimeFormat(lang, options).format(
    new Date(Date.UTC(Number(parts.year), parts.month - 1, parts.day ?? 1)),
  );
}

/** The archive and its publisher, once each (an archive may be its own publisher). */
const whereOf = (source: CitationSource) => [...new Set([source.archive, source.publisher].filter(Boolean))].join(', ');

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A sentence's end: a full stop unless the text already ends in one (or in ? or !). */
const sentence = (text: string) => (/[.?!]$/.test(text) ? text : `${text}.`);

/**
 * APA 7: `van der Meer, J. (2018, November). *Gesprek met Jan van der Meer* [Video interview].
 * De Top Kijkt Om, Stichting Voorbeeld. https://…#t=142,245` — the interview is the work cited (a
 * fragment is its link's `#t=`); without a speaker the title takes the author's place.
 */
export function apaCitation(source: CitationSource, lang: string, words: CitationWords): Citation {
  const where = whereOf(source);
  const build = (escape: (text: string) => string, italic: (text: string) => string) => {
    const work = `${italic(escape(source.interviewTitle.trim()))} [${escape(words.kind)}].`;
    const date = `(${escape(apaDate(source.date, lang, words))}).`;
    const head = source.person ? [escape(sentence(apaName(source.person))), date, work] : [work, date];
    return [...head, where && escape(sentence(where)), escape(source.link)].filter(Boolean).join(' ');
  };
  const same = (text: string) => text;
  return { text: build(same, same), html: build(escapeHtml, (title) => `<i>${title}</i>`) };
}

/**
 * The plain citation, as a reader writes one: `Jan van der Meer, “Verbazing bij het eerste contact”
 * (2:22–4:05), in Gesprek met Jan van der Meer, november 2018. De Top Kijkt Om, Stichting Voorbeeld. https://…`
 */
export function plainCitation(source: CitationSource, lang: string, words: { in: string }): string {
  const { fragment } = source;
  const span =
    fragment &&
    (fragment.end === undefined
      ? formatTime(fragment.start)
      : `${formatTime(fragment.start)}–${formatTime(fragment.end)}`);
  const work = [source.interviewTitle.trim(), source.date && plainDate(source.date, lang)].filter(Boolean).join(', ');
  const what = fragment ? `“${fragment.title.trim()}” (${span}), ${words.in} ${work}` : work;
  const where = whereOf(source);
  const who = fragment?.quote ? undefined : source.person;
  return [sentence([who, what].filter(Boolean).join(', ')), where && sentence(where), source.link]
    .filter(Boolean)
    .join(' ');
}

/** Both citations of a source in the interface language `lang`. */
export function citations(source: CitationSource, lang: Lang): { plain: string; apa: Citation } {
  return {
    plain: plainCitation(source, lang, { in: tc(lang, 'in') }),
    apa: apaCitation(source, lang, { kind: tc(lang, 'kind'), noDate: tc(lang, 'noDate') }),
  };
}

/** What a citation of `interview` (or of a stretch of it, `fragment`) names, from its catalogue. */
export function citationOf(
  catalogue: Catalogue,
  interview: Interview,
  link: string,
  fragment?: CitationSource['fragment'],
): CitationSource {
  return {
    person: interview.person ? catalogue.people.get(interview.person)?.name : undefined,
    interviewTitle: interview.title,
    date: interview.date,
    archive: catalogue.title,
    publisher: catalogue.publisher,
    link,
    fragment,
  };
}
