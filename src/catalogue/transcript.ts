// The transcript as data: cues with their speaker, grouped into speaker turns, and an index to
// find words in it whatever their case or accents. No DOM here.
import { parseTextStream, tokenizeVTTCue, type VTTNode } from 'media-captions';

export interface TranscriptCue {
  start: number;
  end: number;
  /** The `<v Name>` voice the cue is spoken in, if it names one. */
  speaker?: string;
  /** The spoken words, without markup. */
  text: string;
}

/** Consecutive cues of one speaker: a paragraph of the transcript. */
export interface Turn {
  speaker?: string;
  start: number;
  /** Index of the turn's first cue in `Transcript.cues`. */
  first: number;
  /** Index after the turn's last cue. */
  end: number;
}

export interface Transcript {
  cues: TranscriptCue[];
  turns: Turn[];
}

/** How `parseTranscript` reads a long text: a slice at a time, with a pause between slices. */
export interface ReadInSlices {
  /** Cues read in the first slice. */
  first: number;
  /** Cues read in each slice after it. */
  size: number;
  /** Runs between two slices (to yield to the page), given what was read so far; it may throw to stop. */
  between: (sofar: () => Transcript) => Promise<void>;
}

/**
 * Parses WebVTT into a transcript; cues without words are left out, the rest keep their order.
 * The text may come in parts (a response's body as it arrives). With `slices` it is cut between
 * blocks into slices of a few cues, and media-captions reads one slice at a time, each as soon as
 * its text is there: media-captions reads line by line through a stream, which for a long text
 * takes a while, and between slices the page goes on. A slice after the first gets a `WEBVTT`
 * header of its own; what the first one's header defines (regions, styles) a transcript does not use.
 */
export async function parseTranscript(
  source: string | AsyncIterable<string>,
  slices?: ReadInSlices,
): Promise<Transcript> {
  const parts = typeof source === 'string' ? undefined : source[Symbol.asyncIterator]();
  let vtt = typeof source === 'string' ? source : '';
  let whole = !parts;
  const cues: TranscriptCue[] = [];
  const sofar = () => {
    const read = cues.slice();
    return { cues: read, turns: turnsOf(read) };
  };
  for (let at = 0, size = slices?.first ?? Infinity; ; size = slices?.size ?? Infinity) {
    let end = cutAfter(vtt, at, size);
    // A slice ends at a blank line after its last cue: until the whole text is there, one it has.
    while (!whole && end === vtt.length) {
      const part = await parts!.next();
      if (part.done) whole = true;
      else vtt += part.value;
      end = cutAfter(vtt, at, size);
    }
    const slice = vtt.slice(at, end);
    const { cues: parsed } = await parseTextStream(linesOf(at ? `WEBVTT\n\n${slice}` : slice), { type: 'vtt' });
    for (const cue of parsed) {
      const nodes = tokenizeVTTCue(cue);
      const text = textOf(nodes).replace(/\s+/g, ' ').trim();
      if (text) cues.push({ start: cue.startTime, end: cue.endTime, speaker: voiceOf(nodes), text });
    }
    at = end;
    if (whole && at === vtt.length) break;
    await slices?.between(sofar);
  }
  cues.sort((a, b) => a.start - b.start);
  return { cues, turns: turnsOf(cues) };
}

/**
 * `text`'s lines as the stream media-captions reads, one line per `read()`. Its own `parseText`
 * makes a `ReadableStream` of them, whose every read is a round of promises: this reader answers
 * at once (media-captions only awaits the answer), which halves the time a slice takes.
 */
function linesOf(text: string): ReadableStream<string> {
  const lines = text.split(/\r?\n|\r/);
  let next = 0;
  const reader = {
    read: () => (next < lines.length ? { value: lines[next++], done: false } : { value: undefined, done: true }),
    cancel: () => (next = lines.length),
  };
  return { getReader: () => reader } as unknown as ReadableStream<string>;
}

function textOf(nodes: VTTNode[]): string {
  return nodes
    .map((node) => (node.type === 'text' ? node.data : node.type === 'timestamp' ? '' : textOf(node.children)))
    .join('');
}

function voiceOf(nodes: VTTNode[]): string | undefined {
  for (const node of nodes) {
    if (node.type === 'text') continue;
    if (node.type === 'v') return node.voice.trim() || undefined;
    const inner = voiceOf(node.children);
    if (inner) return inner;
  }
  return undefined;
}

/**
 * Where a slice of `cues` cues that starts at `from` ends: at the blank line after the block of its
 * last cue (a cue's text and a comment cannot hold `-->`, so each one is a cue's timing line).
 */
export function cutAfter(vtt: string, from: number, cues: number): number {
  let at = from;
  for (let n = 0; n < cues; n++) {
    at = vtt.indexOf('-->', at);
    if (at < 0) return vtt.length;
    at += 3;
  }
  BLANK_LINE.lastIndex = at;
  return BLANK_LINE.exec(vtt)?.index ?? vtt.length;
}

const BLANK_LINE = /\r?\n\r?\n|\r\r/g;

/** The cues heard between `start` and `end` (to the end without one), regrouped into turns. */
export function clipTranscript({ cues }: Transcript, start: number, end = Infinity): Transcript {
  const kept = cues.filter((cue) => cue.end > start && cue.start < end);
  return { cues: kept, turns: turnsOf(kept) };
}

/** The cues heard between `start` and `end`: the first's and the last's index; undefined where none is. */
export function cuesBetween(
  cues: TranscriptCue[],
  start: number,
  end: number,
): { first: number; last: number } | undefined {
  const first = cues.findIndex((cue) => cue.end > start && cue.start < end);
  if (first < 0) return undefined;
  let last = first;
  while (last + 1 < cues.length && cues[last + 1].start < end) last++;
  return { first, last };
}

/** How much earlier a quote cut mid-cue starts, and later it ends, than its words' estimated times (seconds). */
const QUOTE_MARGIN = 0.3;

/** A selection's edge: a cue, and how many characters into its words (undefined: the cue's own edge). */
export interface CuePoint {
  cue: number;
  at?: number;
}

/**
 * A quote from `from` to `to` (the edges of a selection), cut to whole words: the cues it takes
 * (`first` to `last`), the words of each, and its times. A cue cut part-way is timed by the share
 * of its characters before the cut (words come at an even pace, near enough), with a margin, so a
 * quote ending mid-cue does not run on to the cue's end; whole cues keep their own times.
 */
export function quoteSpan(
  cues: TranscriptCue[],
  from: CuePoint,
  to: CuePoint,
): { first: number; last: number; start: number; end: number; words: string[] } {
  // An edge past a cue's last word (or before its first) takes none of it: the quote starts with
  // the next cue, or ends with the one before.
  if (from.cue < to.cue && from.at !== undefined && !cues[from.cue].text.slice(from.at).trim())
    from = { cue: from.cue + 1 };
  if (to.cue > from.cue && to.at !== undefined && !cues[to.cue].text.slice(0, to.at).trim()) to = { cue: to.cue - 1 };
  const first = cues[from.cue];
  const last = cues[to.cue];
  const isSpace = (text: string, i: number) => /\s/.test(text[i] ?? ' ');
  // Back to the start of the word the selection begins in; on to the end of the one it ends in.
  let begin = Math.min(from.at ?? 0, first.text.length);
  while (begin > 0 && !isSpace(first.text, begin - 1) && !isSpace(first.text, begin)) begin--;
  let finish = Math.max(0, Math.min(to.at ?? last.text.length, last.text.length));
  while (finish > 0 && !isSpace(last.text, finish - 1) && finish < last.text.length && !isSpace(last.text, finish))
    finish++;
  // Not the space after the last word.
  while (finish > 0 && isSpace(last.text, finish - 1)) finish--;
  const timeAt = (cue: TranscriptCue, characters: number) =>
    cue.start + (cue.text.length ? characters / cue.text.length : 0) * (cue.end - cue.start);
  const start =
    begin > 0 ? Math.max(first.start, Math.floor((timeAt(first, begin) - QUOTE_MARGIN) * 10) / 10) : first.start;
  const end =
    finish < last.text.length
      ? Math.min(last.end, Math.ceil((timeAt(last, finish) + QUOTE_MARGIN) * 10) / 10)
      : last.end;
  const words = cues.slice(from.cue, to.cue + 1).map((cue, i, taken) => {
    const text = cue.text.slice(i === 0 ? begin : 0, i === taken.length - 1 ? finish : undefined);
    return text.replace(/\s+/g, ' ').trim();
  });
  return { first: from.cue, last: to.cue, start, end: Math.max(end, start), words };
}

/** A new turn where the speaker changes; a cue without a voice continues the turn before it. */
function turnsOf(cues: TranscriptCue[]): Turn[] {
  const turns: Turn[] = [];
  cues.forEach((cue, index) => {
    const last = turns.at(-1);
    if (last && (cue.speaker === undefined || cue.speaker === last.speaker)) last.end = index + 1;
    else turns.push({ speaker: cue.speaker, start: cue.start, first: index, end: index + 1 });
  });
  return turns;
}

/**
 * The cue being spoken at `time` (the latest to have started, while it lasts), or -1. `hint` is
 * the cue found last time: playback moves on, so the answer is usually it or the next.
 */
export function cueAt(cues: TranscriptCue[], time: number, hint = -1): number {
  const spoken = (index: number) => cues[index].start <= time && time < cues[index].end;
  if (hint >= 0 && hint < cues.length) {
    if (spoken(hint) && !(cues[hint + 1]?.start <= time)) return hint;
    if (hint + 1 < cues.length && spoken(hint + 1) && !(cues[hint + 2]?.start <= time)) return hint + 1;
  }
  let low = 0;
  let high = cues.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (cues[mid].start <= time) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found >= 0 && time < cues[found].end ? found : -1;
}

/** A match of a search: characters `from` to `to` of cue `cue`'s text. */
export interface Match {
  cue: number;
  from: number;
  to: number;
}

/**
 * The transcript's text folded for searching (lower case, accents dropped: `een` finds `één`),
 * with the way back from a folded position to the cue and character it came from.
 */
export class SearchIndex {
  private readonly folded: string;
  /** For each folded character: its cue. */
  private readonly cueOf: Uint32Array;
  /** For each folded character: where it starts in its cue's text. */
  private readonly offsetOf: Uint32Array;

  constructor(cues: TranscriptCue[]) {
    // Built on the way to the first screen, so typed arrays sized up front and a string per cue:
    // number arrays and a string per character took about twice as long in Chromium.
    let size = cues.length;
    for (const cue of cues) size += cue.text.length;
    let cueOf = new Uint32Array(size);
    let offsetOf = new Uint32Array(size);
    let length = 0;
    const put = (cue: number, offset: number) => {
      // Only a character that folds to several (`ﬁ`) can outgrow the first size.
      if (length === cueOf.length) {
        cueOf = grown(cueOf);
        offsetOf = grown(offsetOf);
      }
      cueOf[length] = cue;
      offsetOf[length++] = offset;
    };
    const parts: string[] = [];
    cues.forEach(({ text }, index) => {
      let folded = '';
      let offset = 0;
      for (const char of text) {
        // ASCII folds to its lower case; normalising is for the rest.
        const into = char < '\x80' ? char.toLowerCase() : fold(char);
        for (let i = 0; i < into.length; i++) put(index, offset);
        folded += into;
        offset += char.length;
      }
      // A separator no query can contain, so no match runs across two cues.
      parts.push(folded, '\n');
      put(index, offset);
    });
    this.folded = parts.join('');
    this.cueOf = cueOf.subarray(0, length);
    this.offsetOf = offsetOf.subarray(0, length);
  }

  /** Every match of `query` (folded and trimmed the same way), in transcript order. */
  find(query: string, cues: TranscriptCue[]): Match[] {
    const needle = fold(query.trim().replace(/\s+/g, ' '));
    const matches: Match[] = [];
    if (!needle) return matches;
    for (let at = this.folded.indexOf(needle); at >= 0; at = this.folded.indexOf(needle, at + needle.length)) {
      const cue = this.cueOf[at];
      const { text } = cues[cue];
      // Past the last matched character, and any accents written apart after it.
      COMBINING.lastIndex = this.offsetOf[at + needle.length - 1];
      COMBINING.test(text);
      matches.push({ cue, from: this.offsetOf[at], to: COMBINING.lastIndex });
    }
    return matches;
  }
}

const grown = (array: Uint32Array) => {
  const bigger = new Uint32Array(array.length * 2);
  bigger.set(array);
  return bigger;
};

/** A character with the combining marks that follow it. */
const COMBINING = /[^]\p{M}*/uy;

/** Lower case without diacritics or ligatures; one character may fold to several (`ﬁ` to `fi`). */
const fold = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
