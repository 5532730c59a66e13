import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { formatTime, isoDuration } from '../catalogue/time.js';
import { requestPlayback } from '../internal/playback-owner.js';
import { TranscriptSeekEvent } from '../events/transcript-events.js';
import type { Catalogue, Interview } from '../catalogue/types.js';
import type { Lang } from '../i18n/i18n.js';
import { alertBox } from '../internal/alert.js';
import { defineElement } from '../internal/define.js';
import { h } from '../internal/dom.js';
import { headingLevel, Headings } from '../internal/heading.js';
import { nativeFetch } from '../platform/native-fetch.js';
import { parseTimeHash } from '../internal/time-hash.js';
import { tokens } from '../internal/shared-styles.js';
import {
  clipTranscript,
  cueAt,
  cuesBetween,
  parseTranscript,
  quoteSpan,
  type CuePoint,
  SearchIndex,
  type Match,
  type Transcript,
  type Turn,
} from '../catalogue/transcript.js';
import { blocksOf, plainCueAt, plainOffset, plainTurn, type Block } from './transcript-blocks.js';
import { tt } from './transcript-strings.js';
import { citationOf, citations } from '../internal/citation.js';
import { tc } from '../internal/citation-strings.js';
import { copyField } from '../internal/copy-field.js';
import { embedSnippet, iframeSnippet, timeLink, type ShareSource } from '../catalogue/clip-links.js';
import { kijkomScriptUrl } from '../internal/script-url.js';
import { styles } from './interview-transcript.styles.js';

/** What the transcript needs of an interview. */
export type TranscriptSource = Pick<Interview, 'id' | 'transcript' | 'url' | 'video' | 'audio' | 'chapters'>;

/** What the transcript needs of the page that shows it (an `<interview-page>`). */
export interface TranscriptPage {
  /** The level of the page's own heading; the transcript's heading comes one below it. */
  readonly headingLevel: number;
}

/** A quote to share: from its first cue's start to its last cue's end. */
interface Quote {
  start: number;
  end: number;
  /** The words, as the panel shows them (cut when long). */
  text: string;
  /** The words with the speaker's name before each turn, the title of the quote's snippets. */
  label: string;
}

/** How many blocks of a quoted passage are rendered in full at once, from its start (and its last). */
const QUOTED_BLOCKS = 4;

/** A quote's label is cut here: it is a title, not the text. */
const QUOTE_LENGTH = 200;

/** A chapter or fragment marked beside the text where it starts. */
export interface TranscriptMark {
  kind: 'chapter' | 'fragment';
  start: number;
  title: string;
}

const PARTS =
  'transcript,transcript-search,transcript-text,transcript-time,transcript-follow,transcript-quote,transcript-quote-panel';

/** A cue scrolled to is kept in view this long while what is around it is laid out and rendered. */
const KEEP_IN_VIEW_MS = 1500;
/** Frames without scrolling after which a smooth scroll counts as ended. */
const SCROLL_STILL_FRAMES = 5;
/** After the reader last scrolled or moved in the text, following playback waits this long. */
const READER_PAUSE_MS = 8000;
/**
 * Cues shown from a long transcript's opening before the whole is read: about a first screen of
 * the text (14 cues filled it in the bench's page, 1280×900), since all of it is work before that
 * screen is painted.
 */
const OPENING_CUES = 14;
/** A body's bytes decoded at a time (`textOf`). */
const DECODE_BYTES = 16384;
/** What media-captions reads first, while the transcript's request is under way: a cue with a voice, an entity and a tag. */
const WARM_UP = 'WEBVTT\n\n00:00.000 --> 00:01.000\n<v A>b &amp; <i>c</i>\n';
/** Cues read per slice after the opening, in idle time: a few milliseconds each. */
const SLICE_CUES = 40;
/** Reading the rest takes at most about this long in one task. */
const TASK_MS = 8;
/** A transcript of up to this many cues is rendered in full; a longer one in full only near the view (blocks of 40 cues). */
const RENDER_ALL = 250;
const BLOCK_CUES = 40;
/** At most this many matches around the current one are highlighted: a keystroke stays fast. */
const HIGHLIGHTED = 400;

/** Highlights of every transcript on the page (the registry is the document's). */
const highlights =
  typeof Highlight === 'function' && globalThis.CSS?.highlights
    ? { all: new Highlight(), current: new Highlight() }
    : undefined;
if (highlights) {
  CSS.highlights.set('kijkom-transcript-match', highlights.all);
  CSS.highlights.set('kijkom-transcript-current', highlights.current);
}

/**
 * The interview's transcript, read as an article: paragraphs per speaker turn, each with a time
 * button that plays from there; the cue being spoken marked and kept in view while the interview
 * plays; search. Loaded on demand by `<interview-page>`, which renders it.
 *
 * It follows the media it is given (`media`), and asks for playback with a `playback-request`
 * that its page (or player) carries out.
 *
 * @fires {TranscriptSeekEvent} transcript-seek - A time button was pressed; cancel it to stay put.
 *
 * @csspart transcript - The transcript's section.
 * @csspart transcript-search - The search field.
 * @csspart transcript-text - The scrolling text.
 * @csspart transcript-time - A turn's time button.
 * @csspart transcript-follow - The button that resumes following playback.
 * @csspart transcript-quote - The button that offers the selected text as a quote to share.
 * @csspart transcript-quote-panel - The quote's link and embed code.
 */
export class InterviewTranscript extends LitElement {
  static define(tag = 'kijkom-transcript'): void {
    defineElement(tag, this);
  }

  static override styles = [tokens, styles];

  static override properties = {
    catalogue: { attribute: false },
    interview: { attribute: false },
    ui: { attribute: false },
    page: { attribute: false },
    media: { attribute: false },
    range: { attribute: false },
    transcript: { state: true },
    reading: { state: true },
    failed: { state: true },
    playing: { state: true },
    readerTookOver: { state: true },
    query: { state: true },
    found: { state: true },
    matchAt: { state: true },
    quote: { state: true },
    quoteOpen: { state: true },
    copyMessage: { state: true },
  };

  declare catalogue?: Catalogue;
  /** The interview whose transcript (a WebVTT URL) is shown. */
  declare interview?: TranscriptSource;
  /** The UI language. */
  ui: Lang = 'nl';
  /** The page it belongs to (its heading level sets the transcript's). */
  declare page?: TranscriptPage;
  /** The media it follows: its page's player's, or the player's it is shown in. */
  declare media?: HTMLMediaElement;
  /** Inside a player: the fragment's stretch (only its cues are shown). */
  declare range?: [start: number, end?: number];

  declare private transcript?: Transcript;
  /** Its opening is shown and the rest is being read. */
  private reading = false;
  private failed = false;
  private playing = false;
  /** The reader scrolled or moved in the text while it played: it no longer follows playback. */
  private readerTookOver = false;
  private query = '';
  private found: Match[] = [];
  private matchAt = -1;
  /** The stretch of text selected (by pointer, or by Shift+arrows over turns), and whether it is being shared. */
  declare private quote?: Quote;
  private quoteOpen = false;
  private copyMessage = '';
  /** Where a Shift+arrow selection of turns began. */
  private anchorTurn?: number;

  private index?: SearchIndex;
  private loading?: AbortController;
  private listening?: AbortController;
  private following?: AbortController;
  /** The cue marked as being spoken. */
  private spoken = -1;
  /** The blocks of turns the text is rendered in, and the block of each turn. */
  private blocks: Block[] = [];
  private blockOf: Uint32Array = new Uint32Array();
  /** The marks shown before each turn. */
  private marksAt: TranscriptMark[][] = [];
  /** Blocks rendered in full: those near the view (`near`, told by an IntersectionObserver), and those something needs. */
  private rich = new Set<number>();
  private renderedBlocks = new Set<number>();
  private near = new Set<number>();
  private observer?: IntersectionObserver;
  /** Text is selected in the transcript: no block changes form under it. */
  private selecting = false;
  /** Where the blocks rendered in full put their cues' elements and time buttons, and the plain text's turns (by index). */
  private cueElements: (HTMLElement | undefined)[] = [];
  private cueIndex = new Map<Element, number>();
  private timeButtons: (HTMLButtonElement | undefined)[] = [];
  private plainTurns: (HTMLElement | undefined)[] = [];
  /**
   * The turn whose time button is in the tab order; arrows move it. It stays where the reader left
   * it: playback does not move it, Tab into the text does (`onFocusIn`).
   */
  private tabStop = 0;
  /** To do once rendered: focus the tab stop, scroll to the current match, scroll to a cue. */
  private focusTabStop = false;
  private revealMatch = false;
  private revealCue = -1;
  /** The cues a `#t=start,end` link quotes, marked in the text. */
  private quoted?: { first: number; last: number };
  /** A cue scrolled to, kept in view for a moment (`reveal`). */
  private revealing?: AbortController;

  private readerAt = -Infinity;
  private ownRanges: Range[] = [];
  private readonly headings = new Headings();
  /** The interview's chapters and fragments, where they start. */
  private marks: TranscriptMark[] = [];

  override connectedCallback(): void {
    super.connectedCallback();
    // Its parts are the page's: `interview-page::part(transcript-search)`.
    this.setAttribute('exportparts', PARTS);
    this.listening = new AbortController();
    const { signal } = this.listening;
    document.addEventListener('selectionchange', () => this.quoteSelection(), { signal });
    if (this.media) this.followMedia(this.media);
    // Back after a removal, which dropped a load under way, or the watch on the view.
    if (this.interview && !this.transcript && !this.loading) void this.load();
    else if (this.transcript) void this.updateComplete.then(() => this.observe());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.listening?.abort();
    this.following?.abort();
    this.loading?.abort();
    this.loading = undefined;
    this.observer?.disconnect();
    this.observer = undefined;
    this.clearHighlights();
  }

  protected override willUpdate(changed: PropertyValues): void {
    const { catalogue, interview, transcript } = this;
    if (changed.has('media') && this.media) this.followMedia(this.media);
    if (changed.has('interview') || changed.has('catalogue'))
      this.marks = [
        ...(interview?.chapters ?? []).map((c) => ({ kind: 'chapter' as const, start: c.start, title: c.title })),
        ...[...(catalogue?.fragments.values() ?? [])]
          .filter((f) => f.interview === interview?.id)
          .map((f) => ({ kind: 'fragment' as const, start: f.start, title: f.title })),
      ].sort((a, b) => a.start - b.start);
    if (changed.has('interview')) void this.load();
    if (changed.has('transcript') || changed.has('interview') || changed.has('catalogue'))
      this.marksAt = marksBefore(transcript?.turns ?? [], this.marks);
    if (changed.has('transcript')) this.arrange(changed.get('transcript') as Transcript | undefined);
    this.rich = this.richBlocks();
  }

  /** A transcript to show: its blocks; the tab stop on a `#t=` link's turn, else where the reader left it in the opening, else the first. */
  private arrange(before?: Transcript): void {
    const { transcript } = this;
    ({ blocks: this.blocks, blockOf: this.blockOf } = blocksOf(transcript?.turns ?? [], BLOCK_CUES));
    this.near = new Set([0, 1]);
    this.spoken = -1;
    const linked = this.page && transcript && parseTimeHash(location.hash);
    const cue = linked ? cueAt(transcript.cues, linked.start) : -1;
    this.revealCue = cue;
    this.quoted =
      linked && transcript && linked.end !== undefined
        ? cuesBetween(transcript.cues, linked.start, linked.end)
        : undefined;
    // The whole after its opening: the same turns come first, so the reader keeps their place (and focus).
    const kept = before && transcript && this.tabStop < transcript.turns.length ? this.tabStop : 0;
    this.focusTabStop ||= !!before && this.focusInText();
    this.tabStop = cue >= 0 ? this.turnOf(cue) : kept;
  }

  /**
   * The blocks to render in full: all of a short transcript; of a long one those near the view
   * (kept as they are while text is selected), and those of the spoken cue, the current match,
   * the tab stop, a Shift+arrow selection's first turn and focus.
   */
  private richBlocks(): Set<number> {
    const { transcript, blockOf } = this;
    if (!transcript || transcript.cues.length <= RENDER_ALL) return new Set(this.blocks.keys());
    const rich = new Set(this.selecting ? this.rich : this.near);
    const turns = [this.tabStop, this.anchorTurn];
    for (const cue of [this.spoken, this.found[this.matchAt]?.cue, this.revealCue])
      if (cue !== undefined && cue >= 0) turns.push(this.turnOf(cue));
    for (const turn of turns) if (turn !== undefined && turn < blockOf.length) rich.add(blockOf[turn]);
    // The quoted passage is marked in full text: its first and last blocks, and those between
    // where it is short (a long stretch stays bounded; its middle is marked as it comes near).
    if (this.quoted) {
      const [from, to] = [this.quoted.first, this.quoted.last].map((cue) => blockOf[this.turnOf(cue)]);
      for (let block = from; block <= to; block++) if (block - from < QUOTED_BLOCKS || block === to) rich.add(block);
    }
    const focused = (this.renderRoot as ShadowRoot | undefined)?.activeElement?.closest<HTMLElement>('[data-block]');
    if (focused) rich.add(Number(focused.dataset.block));
    return rich;
  }

  /** Fetches and parses the transcript; a newer `src` (or leaving the page) drops this answer. */
  private async load(): Promise<void> {
    this.loading?.abort();
    const loading = (this.loading = new AbortController());
    this.transcript = undefined;
    this.reading = false;
    this.failed = false;
    this.spoken = -1;
    this.setMatches([]);
    try {
      const src = this.interview?.transcript;
      if (!nativeFetch || !src) throw new TypeError('no transcript');
      const fetching = nativeFetch(src, { signal: loading.signal });
      // While the request is under way, media-captions reads a text of one cue: the first run of its
      // code is its slowest (compiled as it goes), and would otherwise come after the bytes are here.
      void parseTranscript(WARM_UP);
      const response = await fetching;
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      // A long transcript shows its opening as soon as it is there, and reads the rest a slice at a
      // time when the page is idle.
      let idle: { timeRemaining(): number } | undefined;
      let sliced = 0;
      let task = 0;
      const whole = await parseTranscript(response.body ? textOf(response.body) : await response.text(), {
        first: this.range ? SLICE_CUES : OPENING_CUES,
        size: SLICE_CUES,
        between: async (sofar) => {
          if (loading !== this.loading) throw new Error('stale');
          if (!this.range && !this.transcript) {
            this.transcript = sofar();
            this.reading = true;
            await this.updateComplete;
            idle = undefined;
          }
          // Another slice in this idle moment if the last one would fit in what is left of it, and
          // of a task's share: slices run on in one task (their parsing is promises), which input waits for.
          const now = performance.now();
          const left = idle ? Math.min(idle.timeRemaining(), TASK_MS - (now - task)) : 0;
          if (left < now - sliced) {
            idle = await idleTime();
            task = performance.now();
          }
          sliced = performance.now();
        },
      });
      if (loading !== this.loading) return;
      this.transcript = this.range ? clipTranscript(whole, ...this.range) : whole;
      this.reading = false;
      this.index = undefined;
      // A search made while the rest was read counts the whole now.
      if (this.query.trim()) this.search();
    } catch {
      if (loading === this.loading) this.failed = true;
    }
  }

  private followMedia(media: HTMLMediaElement): void {
    this.following?.abort();
    this.following = new AbortController();
    const { signal } = this.following;
    const sync = () => {
      // A media element released (its player gone, or switched to audio) reads 0:00: not a position.
      if (media.readyState === HTMLMediaElement.HAVE_NOTHING) return;
      this.playing = !media.paused;
      this.syncTo(media.currentTime);
    };
    for (const type of ['timeupdate', 'seeked', 'play', 'pause', 'ended'])
      media.addEventListener(type, sync, { signal });
    sync();
  }

  /**
   * Marks the cue spoken at `time`, touching only it and the one marked before (a cue whose block is
   * plain text is marked once the block is rendered in full, in `updated`).
   */
  private syncTo(time: number): void {
    if (!this.transcript) return;
    const next = cueAt(this.transcript.cues, time, this.spoken);
    if (next === this.spoken) return;
    this.cueElements[this.spoken]?.removeAttribute('aria-current');
    this.spoken = next;
    if (this.readerTookOver && !this.readerActive()) this.readerTookOver = false;
    const element = this.cueElements[next];
    if (element) this.mark(element);
    else if (next >= 0) this.requestUpdate();
  }

  private mark(element: HTMLElement): void {
    element.setAttribute('aria-current', 'true');
    if (!this.readerTookOver) this.reveal(element);
  }

  /** The reader scrolled or moved in the text a moment ago, or is in it now. */
  private readerActive(): boolean {
    return performance.now() - this.readerAt <= READER_PAUSE_MS || this.focusInText();
  }

  /** Tab into the text (from outside it) lands on the turn being spoken while the text follows playback, else where the reader left it. */
  private readonly onFocusIn = (event: FocusEvent) => {
    const box = this.renderRoot.querySelector('.text');
    const from = event.relatedTarget as Node | null;
    const entering = !from || !box?.contains(from);
    const following = this.playing && (!this.readerTookOver || performance.now() - this.readerAt > READER_PAUSE_MS);
    // By keyboard only: a pressed time button keeps the focus it took.
    const target = event.target as HTMLElement;
    const tabbed = target === this.timeButtons[this.tabStop] && target.matches(':focus-visible');
    if (entering && following && tabbed && this.spoken >= 0) this.moveTabStop(this.turnOf(this.spoken), true);
    this.onReader();
  };

  /** The turn that holds cue `cue`. */
  private turnOf(cue: number): number {
    const turns = this.transcript?.turns ?? [];
    let low = 0;
    let high = turns.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (turns[mid].first <= cue) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  /** Moves the tab stop to turn `to` (rendering its block first if it is plain text), and focus with it if asked. */
  private moveTabStop(to: number, focus = false): void {
    const target = this.timeButtons[to];
    const current = this.timeButtons[this.tabStop];
    if (current && current !== target) current.tabIndex = -1;
    this.tabStop = to;
    if (!target) {
      this.focusTabStop ||= focus;
      this.requestUpdate();
      return;
    }
    if (target.tabIndex !== 0) target.tabIndex = 0;
    if (focus) this.focusTurn(target);
  }

  /**
   * Focuses a turn's time button and keeps it in view for a moment: blocks rendered in full near
   * it may move it, and WebKit has no scroll anchoring to hold it in place.
   */
  private focusTurn(button: HTMLElement): void {
    button.focus();
    this.reveal(button, true);
  }

  /** Up, Down, Home and End move between the turns' time buttons. */
  private onTextKey(event: KeyboardEvent): void {
    this.onReader();
    const button = event.target as HTMLElement;
    const at = button.matches('.time') ? Number(button.dataset.turn) : -1;
    if (at < 0) return;
    const last = this.transcript!.turns.length - 1;
    const to = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: last }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    const target = Math.max(0, Math.min(last, to));
    if (event.shiftKey) this.quoteTurns(target);
    else this.anchorTurn = undefined;
    this.moveTabStop(target, true);
  }

  /** Offers the text selected in the transcript as a quote (not while one is being shared). */
  private quoteSelection(): void {
    if (this.quoteOpen || !this.transcript) return;
    const root = this.renderRoot as ShadowRoot;
    const range = selectionIn(root);
    const box = root.querySelector('.text');
    const selecting = !!range && !!box?.contains(range.startContainer) && !!box.contains(range.endContainer);
    if (selecting !== this.selecting) {
      this.selecting = selecting;
      // Blocks that came near the view meanwhile are rendered in full once the selection is gone.
      if (!selecting) this.requestUpdate();
    }
    if (!range || !selecting) {
      if (this.anchorTurn === undefined) this.quote = undefined;
      return;
    }
    const from = this.pointAt(range.startContainer, range.startOffset, 'start');
    const to = this.pointAt(range.endContainer, range.endOffset, 'end');
    this.quote = from.cue >= 0 && to.cue >= from.cue ? this.quoteOf(from, to) : undefined;
  }

  /**
   * Where a selection's edge (`offset` in `node`) lies: the cue, and how far into its words;
   * outside a cue's words, the turn's first (`start`) or the cue before it (`end`), whole.
   */
  private pointAt(node: Node, offset: number, side: 'start' | 'end'): CuePoint {
    const text = node.nodeType === Node.TEXT_NODE;
    const element = node instanceof Element ? node : node.parentElement;
    const cue = element?.closest<HTMLElement>('.cue');
    if (cue) return { cue: this.cueIndex.get(cue) ?? -1, at: text ? offset : undefined };
    const turnElement = element?.closest<HTMLElement>('.turn');
    const turn = Number(turnElement?.dataset.turn ?? -1);
    if (turn < 0) return { cue: -1 };
    if (turnElement!.classList.contains('plain')) {
      const found = plainCueAt(this.transcript!, turn, text ? offset : 0, side);
      const at = text ? offset - plainOffset(this.transcript!, turn, found) : -1;
      // Before the cue's words (its time, its speaker): the cue whole.
      return { cue: found, at: at >= 0 ? at : undefined };
    }
    const first = this.transcript!.turns[turn].first;
    return { cue: side === 'start' ? first : first - 1 };
  }

  /** The quote from one selection edge to the other: cut to whole words (`quoteSpan`). */
  private quoteOf(from: CuePoint, to: CuePoint): Quote {
    const span = quoteSpan(this.transcript!.cues, from, to);
    const first = span.first;
    const cues = this.transcript!.cues.slice(first, span.last + 1);
    const all = span.words.join(' ');
    const text = all.length > QUOTE_LENGTH ? `${all.slice(0, QUOTE_LENGTH - 1).trimEnd()}…` : all;
    // The speaker's name where a turn starts, so the interviewer's question does not read as the answer.
    // (A cue without a voice goes on with the turn before it, as in the text.)
    const turns: string[] = [];
    let speaking: string | undefined;
    cues.forEach((cue, i) => {
      if (i === 0 || (cue.speaker !== undefined && cue.speaker !== speaking)) {
        // A quote that starts inside a turn is spoken by that turn's speaker.
        speaking = i === 0 ? this.transcript!.turns.find((turn) => first < turn.end)?.speaker : cue.speaker;
        turns.push(speaking ? `${speaking}: ${span.words[i]}` : span.words[i]);
      } else turns[turns.length - 1] += ` ${span.words[i]}`;
    });
    return { start: span.start, end: span.end, text, label: turns.join(' — ') };
  }

  /** Shift+arrow from a time button: the turns from where it began to `to` become the quote. */
  private quoteTurns(to: number): void {
    const turns = this.transcript!.turns;
    const from = (this.anchorTurn ??= this.tabStop);
    const [a, b] = from <= to ? [from, to] : [to, from];
    const first = turns[a].first;
    const last = turns[b].end - 1;
    this.quote = this.quoteOf({ cue: first }, { cue: last });
    // Shown as a selection too, where the browser lets a shadow tree's text be selected from script
    // (once rendered: the first turn's block is kept in full, and the last one's holds the tab stop).
    const select = () => {
      const [start, end] = [this.cueElements[first], this.cueElements[last]];
      try {
        if (start && end) document.getSelection()?.setBaseAndExtent(start, 0, end, end.childNodes.length);
      } catch {
        // The quote stands without it.
      }
    };
    if (this.cueElements[first] && this.cueElements[last]) select();
    else void this.updateComplete.then(select);
  }

  private async openQuote(): Promise<void> {
    this.quoteOpen = true;
    this.copyMessage = '';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLTextAreaElement>('#quote-link')?.focus();
  }

  private closeQuote(): void {
    this.quoteOpen = false;
    this.anchorTurn = undefined;
    this.quoteSelection();
    void this.updateComplete.then(() => this.timeButtons[this.tabStop]?.focus());
  }

  private async copy(field: HTMLTextAreaElement, html?: string): Promise<void> {
    this.copyMessage = tt(this.ui, (await copyField(field, html)) ? 'copied' : 'copyFailed');
  }

  private focusInText(): boolean {
    return !!this.renderRoot.querySelector('.text')?.matches(':focus-within');
  }

  /** The reader scrolled, pressed a key or moved focus in the text: stop following for a while. */
  private readonly onReader = () => {
    this.readerAt = performance.now();
    this.revealing?.abort();
    if (this.playing) this.readerTookOver = true;
  };

  private resume(): void {
    this.readerTookOver = false;
    this.readerAt = -Infinity;
    const element = this.cueElements[this.spoken];
    if (element) this.reveal(element);
  }

  /**
   * Scrolls the text (never the page) so that `element` is in view, unless it already is. On the
   * way, turns laid out for the first time (content-visibility) or blocks rendered in full may move
   * it: for a moment after the scroll it is kept in view (looked at every frame), unless the reader
   * scrolls or moves in the text.
   */
  private reveal(element: HTMLElement, keepOnly = false): void {
    const box = this.renderRoot.querySelector<HTMLElement>('.text');
    this.revealing?.abort();
    if (!box) return;
    const to = scrollToShow(box, element, true);
    if (to === undefined && !keepOnly) return;
    const revealing = (this.revealing = new AbortController());
    // Until a smooth scroll has ended, it is not where it is going.
    let moving = to !== undefined && Math.abs(box.scrollTop - Math.min(to, box.scrollHeight - box.clientHeight)) > 1;
    const stop = () => revealing.abort();
    let timer = setTimeout(stop, moving ? 5000 : KEEP_IN_VIEW_MS);
    // A scroll has ended when the box stood still for a few frames (WebKit has no 'scrollend').
    let still = 0;
    let last = box.scrollTop;
    const keep = () => {
      if (revealing.signal.aborted || !element.isConnected) return;
      still = box.scrollTop === last ? still + 1 : 0;
      last = box.scrollTop;
      if (moving && still >= SCROLL_STILL_FRAMES) {
        moving = false;
        clearTimeout(timer);
        timer = setTimeout(stop, KEEP_IN_VIEW_MS);
      }
      if (!moving) scrollToShow(box, element, false);
      requestAnimationFrame(keep);
    };
    requestAnimationFrame(keep);
  }

  private play(time: number): void {
    if (!this.dispatchEvent(new TranscriptSeekEvent({ interviewId: this.interview?.id, time }))) return;
    this.readerTookOver = false;
    // Up to whoever owns playback: the page, or the player showing this transcript.
    void requestPlayback(this, { action: 'seek', time, play: true });
  }

  private onSearch(event: InputEvent): void {
    this.query = (event.target as HTMLInputElement).value;
    this.search();
  }

  private search(): void {
    const cues = this.transcript?.cues ?? [];
    // Built on the first search: no reader who never searches waits for it.
    this.index ??= new SearchIndex(cues);
    const matches = this.index.find(this.query, cues);
    // The highlights are painted once: by showing the first match, or by clearing them.
    if (!matches.length) return this.setMatches(matches);
    this.found = matches;
    this.showMatch(0);
  }

  private onSearchKey(event: KeyboardEvent): void {
    if (event.key !== 'Enter' || !this.found.length) return;
    event.preventDefault();
    this.step(event.shiftKey ? -1 : 1);
  }

  private step(by: number): void {
    const count = this.found.length;
    if (count) this.showMatch((this.matchAt + by + count) % count);
  }

  private setMatches(matches: Match[]): void {
    this.found = matches;
    this.matchAt = -1;
    this.paintHighlights();
  }

  /** Makes match `at` the current one and scrolls it into view (once its block is rendered in full); it never plays. */
  private showMatch(at: number): void {
    this.matchAt = at;
    this.onReader();
    this.revealMatch = true;
    this.requestUpdate();
  }

  /** Highlights the matches around the current one (all, up to a bound) and the current one apart. */
  private paintHighlights(): void {
    this.clearHighlights();
    if (!highlights || !this.found.length) return;
    const at = Math.max(0, this.matchAt);
    const from = Math.max(0, Math.min(at - HIGHLIGHTED / 2, this.found.length - HIGHLIGHTED));
    for (const [i, match] of this.found.slice(from, from + HIGHLIGHTED).entries()) {
      const range = this.rangeOf(match);
      if (!range) continue;
      this.ownRanges.push(range);
      (from + i === this.matchAt ? highlights.current : highlights.all).add(range);
    }
  }

  private clearHighlights(): void {
    for (const range of this.ownRanges) {
      highlights?.all.delete(range);
      highlights?.current.delete(range);
    }
    this.ownRanges = [];
  }

  /** A match's characters: in its cue's element, or in its turn's plain text. */
  private rangeOf({ cue, from, to }: Match): Range | undefined {
    const element = this.cueElements[cue];
    const turn = element ? -1 : this.turnOf(cue);
    const shift = element ? 0 : plainOffset(this.transcript!, turn, cue);
    const parent = element ?? this.plainTurns[turn];
    const text = [...(parent?.childNodes ?? [])].find((node) => node.nodeType === Node.TEXT_NODE);
    if (!text) return undefined;
    const range = new Range();
    range.setStart(text, shift + from);
    range.setEnd(text, shift + to);
    return range;
  }

  /** Finds where the rendered blocks put their cues, time buttons and plain turns. */
  private collect(): void {
    const cues: HTMLElement[] = (this.cueElements = []);
    const buttons: HTMLButtonElement[] = (this.timeButtons = []);
    const plain: HTMLElement[] = (this.plainTurns = []);
    this.cueIndex.clear();
    const turns = this.transcript?.turns ?? [];
    for (const element of this.renderRoot.querySelectorAll<HTMLElement>('.block')) {
      const block = this.blocks[Number(element.dataset.block)];
      if (!block) continue;
      if (!this.rich.has(Number(element.dataset.block))) {
        element.querySelectorAll<HTMLElement>('.turn').forEach((p, i) => (plain[block.first + i] = p));
        continue;
      }
      const first = turns[block.first].first;
      element.querySelectorAll<HTMLElement>('.cue').forEach((cue, i) => {
        cues[first + i] = cue;
        this.cueIndex.set(cue, first + i);
      });
      element.querySelectorAll<HTMLButtonElement>('.time').forEach((button, i) => (buttons[block.first + i] = button));
    }
  }

  /** Watches which blocks come near the view (a screen above and below it), to render them in full. */
  private observe(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    const box = this.renderRoot.querySelector('.text');
    if (!box || this.rich.size === this.blocks.length) return;
    this.observer = new IntersectionObserver(
      (entries) => {
        for (const { target, isIntersecting } of entries) {
          const block = Number((target as HTMLElement).dataset.block);
          if (isIntersecting) this.near.add(block);
          else this.near.delete(block);
        }
        this.requestUpdate();
      },
      { root: box, rootMargin: '100% 0px' },
    );
    for (const block of box.querySelectorAll('.block')) this.observer.observe(block);
  }

  protected override updated(changed: PropertyValues): void {
    const reformed = changed.has('transcript') || !sameSet(this.rich, this.renderedBlocks);
    this.renderedBlocks = this.rich;
    if (reformed) this.collect();
    if (changed.has('transcript')) this.observe();
    // A `#t=` link shows its passage: in view, with the tab stop on its turn.
    const linked = this.cueElements[this.revealCue];
    if (linked) {
      this.revealCue = -1;
      this.reveal(linked);
    }
    if (this.focusTabStop && this.timeButtons[this.tabStop]) {
      this.focusTabStop = false;
      this.focusTurn(this.timeButtons[this.tabStop]!);
    }
    const spoken = this.cueElements[this.spoken];
    if (spoken && !spoken.hasAttribute('aria-current')) this.mark(spoken);
    if (reformed && this.found.length) this.paintHighlights();
    const match = this.revealMatch && this.cueElements[this.found[this.matchAt]?.cue];
    if (match) {
      this.revealMatch = false;
      this.paintHighlights();
      this.reveal(match);
    }
  }

  override render() {
    const lang = this.ui;
    // In a page a section under a heading; in a player a region named by that heading's text.
    return html`<section
      part="transcript"
      class="transcript"
      aria-labelledby=${this.page ? 'transcript-heading' : nothing}
      aria-label=${this.page ? nothing : tt(lang, 'heading')}
    >
      ${this.page ? this.headings.get(headingLevel(this.page.headingLevel) + 1, { id: 'transcript-heading', class: 'heading' }, tt(lang, 'heading')) : nothing}
      ${
        this.failed
          ? alertBox(lang, tt(lang, 'error'), () => void this.load())
          : !this.transcript
            ? html`<p class="muted" role="status">${tt(lang, 'loading')}</p>`
            : !this.transcript.cues.length
              ? html`<p class="muted">${tt(lang, 'empty')}</p>`
              : [
                  this.renderTools(lang),
                  this.quoteOpen && this.quote ? this.renderQuote(lang, this.quote) : nothing,
                  this.renderText(this.transcript, lang),
                ]
      }
    </section>`;
  }

  private renderTools(lang: Lang) {
    const count = this.found.length;
    const status = !this.query.trim()
      ? ''
      : count
        ? tt(lang, 'count', { index: Math.max(0, this.matchAt) + 1, total: count })
        : tt(lang, 'none');
    // Named by their visible words (WCAG 2.5.3: what one sees is what one says to voice control).
    const step = (name: 'previous' | 'next', arrow: string, by: number) =>
      html`<button type="button" class="step" ?disabled=${!count} @click=${() => this.step(by)}>
        <span aria-hidden="true">${arrow}</span> ${tt(lang, name)}
      </button>`;
    return html`<div class="tools">
      <input
        part="transcript-search"
        class="search"
        type="search"
        aria-label=${tt(lang, 'search')}
        placeholder=${tt(lang, 'search')}
        .value=${this.query}
        @input=${this.onSearch}
        @keydown=${this.onSearchKey}
      />
      ${step('previous', '↑', -1)} ${step('next', '↓', 1)}
      <span class="count" role="status">${status}</span>
      ${
        this.playing && this.readerTookOver
          ? html`<button part="transcript-follow" class="follow" type="button" @click=${this.resume}>
              ${tt(lang, 'follow')}
            </button>`
          : nothing
      }
      ${
        this.quote && !this.quoteOpen
          ? html`<button part="transcript-quote" class="follow" type="button" @click=${this.openQuote}>
              ${tt(lang, 'quote')}
            </button>`
          : nothing
      }
    </div>`;
  }

  /**
   * The quote's link (`#t=` on the interview's page, else this one), its element snippet (from the
   * catalogue when there is one: captions, audio, transcript, poster and attribution come with it),
   * its iframe snippet and citations.
   */
  private renderQuote(lang: Lang, quote: Quote) {
    const interview = this.interview!;
    const { catalogue } = this;
    const record = catalogue?.interviews.get(interview.id);
    const link = timeLink(interview.url ?? location.href, quote.start, quote.end);
    const { start, end, label } = quote;
    const source: ShareSource =
      catalogue && record
        ? { catalogue: catalogue.url, interviewId: record.id, src: '', start, end, label }
        : { src: interview.video ?? interview.audio ?? '', start, end, label };
    const script = kijkomScriptUrl(this.ownerDocument, import.meta.url);
    const frame = iframeSnippet(source, script, lang);
    const cited =
      catalogue &&
      record &&
      citations(citationOf(catalogue, record, link, { title: quote.label, start, end, quote: true }), lang);
    const field = (id: string, label: string, value: string, rows: number, rich?: string) =>
      html`<label for=${id}>${label}</label>
        <div class="quote-field">
          <textarea id=${id} readonly rows=${rows} .value=${value}></textarea>
          <button type="button" @click=${() => this.copy(this.renderRoot.querySelector(`#${id}`)!, rich)}>
            ${tt(lang, 'copy')}
          </button>
        </div>`;
    return html`<div
      part="transcript-quote-panel"
      class="quote"
      role="group"
      aria-label=${tt(lang, 'quoteGroup')}
      @keydown=${(event: KeyboardEvent) => event.key === 'Escape' && this.closeQuote()}
    >
      <p class="quote-text">
        <q>${quote.text}</q>
        <span class="muted">
          (<time datetime=${isoDuration(quote.start)}>${formatTime(quote.start)}</time>–<time
            datetime=${isoDuration(quote.end)}
            >${formatTime(quote.end)}</time
          >)
        </span>
      </p>
      ${field('quote-link', tt(lang, 'quoteLink'), link, 1)}
      ${field('quote-embed', tt(lang, 'quoteEmbed'), embedSnippet(source, script, link), 3)}
      ${frame ? field('quote-frame', tt(lang, 'quoteFrame'), frame, 3) : nothing}
      ${
        cited
          ? [
              field('quote-cite', tc(lang, 'plain'), cited.plain, 3),
              field('quote-apa', tc(lang, 'apa'), cited.apa.text, 3, cited.apa.html),
            ]
          : nothing
      }
      <p class="muted" role="status">${this.copyMessage}</p>
      <button type="button" class="step" @click=${this.closeQuote}>${tt(lang, 'close')}</button>
    </div>`;
  }

  /**
   * The text, block by block: a block is rendered again only when it changes form, or the
   * transcript, its marks or the language change. Out of the tab order itself (Firefox would add
   * the scroller): its time buttons are the way in. Busy while the rest of a long text is read.
   */
  private renderText(transcript: Transcript, lang: Lang) {
    const { marks, rich } = this;
    return html`<div
      part="transcript-text"
      class="text"
      role="region"
      aria-label=${tt(lang, 'text')}
      aria-describedby="quote-hint"
      aria-busy=${this.reading ? 'true' : nothing}
      tabindex="-1"
      lang=${this.catalogue?.lang ?? nothing}
      @wheel=${this.onReader}
      @touchstart=${this.onReader}
      @keydown=${this.onTextKey}
      @focusin=${this.onFocusIn}
    >
      <p id="quote-hint" hidden>${tt(lang, 'quoteHint')}</p>
      ${this.blocks.map((block, b) => {
        const full = rich.has(b);
        return html`<div class="block" data-block=${b}>
          ${guard([transcript, marks, lang, full, this.quoted], () =>
            full ? this.turns(transcript, block, lang) : this.plainBlock(transcript, block, lang),
          )}
        </div>`;
      })}
    </div>`;
  }

  /** A block as plain text: a paragraph per mark and per turn (built as DOM: a Lit template each costs more). */
  private plainBlock(transcript: Transcript, block: Block, lang: Lang): DocumentFragment {
    const fragment = document.createDocumentFragment();
    for (let t = block.first; t < block.end; t++) {
      for (const mark of this.marksAt[t] ?? [])
        fragment.append(
          h('p', { class: `mark ${mark.kind}` }, `${tt(lang, mark.kind)} ${formatTime(mark.start)} ${mark.title}`),
        );
      fragment.append(h('p', { class: 'turn plain', 'data-turn': String(t) }, plainTurn(transcript, t)));
    }
    return fragment;
  }

  /** Whether a `#t=start,end` link quotes cue `index`. */
  private isQuoted(index: number): boolean {
    return !!this.quoted && this.quoted.first <= index && index <= this.quoted.last;
  }

  /** A block's turns in full, each after the marks that start in it. */
  private turns(transcript: Transcript, block: Block, lang: Lang) {
    const { cues, turns } = transcript;
    const paragraphs = [];
    for (let t = block.first; t < block.end; t++) {
      const turn = turns[t];
      for (const mark of this.marksAt[t] ?? [])
        paragraphs.push(
          html`<p class="mark ${mark.kind}">
            <span class="mark-kind">${tt(lang, mark.kind)}</span>
            <time datetime=${isoDuration(mark.start)}>${formatTime(mark.start)}</time> ${mark.title}
          </p>`,
        );
      const time = formatTime(turn.start);
      paragraphs.push(
        html`<p class="turn" data-turn=${t}>
          <button
            part="transcript-time"
            class="time"
            type="button"
            data-turn=${t}
            tabindex=${t === this.tabStop ? 0 : -1}
            aria-label=${`${tt(lang, 'playFrom', { time })}${turn.speaker ? `, ${turn.speaker}` : ''}`}
            @click=${() => {
              this.moveTabStop(t);
              this.play(turn.start);
            }}
          >
            <time datetime=${isoDuration(turn.start)}>${time}</time>
          </button>
          ${turn.speaker ? html`<span class="speaker">${turn.speaker}</span>` : nothing}
          ${cues
            .slice(turn.first, turn.end)
            .map((cue, i) =>
              this.isQuoted(turn.first + i)
                ? html`<mark class="cue quoted">${cue.text}</mark> `
                : html`<span class="cue">${cue.text}</span> `,
            )}
        </p>`,
      );
    }
    return paragraphs;
  }
}

/** For each turn, the marks placed before it: those that start before the next turn does. */
function marksBefore(turns: Turn[], marks: TranscriptMark[]): TranscriptMark[][] {
  let next = 0;
  return turns.map((_, t) => {
    const until = turns[t + 1]?.start ?? Infinity;
    const here: TranscriptMark[] = [];
    while (next < marks.length && marks[next].start < until) here.push(marks[next++]);
    return here;
  });
}

/**
 * Scrolls `box` to show `element` a third from its top, unless it is in view; smoothly if asked
 * and it is near (a jump further than two screens is made at once). Gives where it scrolls to.
 */
function scrollToShow(box: HTMLElement, element: HTMLElement, smooth: boolean): number | undefined {
  const rect = element.getBoundingClientRect();
  const top = rect.top - box.getBoundingClientRect().top + box.scrollTop;
  const bottom = top + rect.height;
  if (top >= box.scrollTop && bottom <= box.scrollTop + box.clientHeight * 0.8) return undefined;
  const to = Math.max(0, top - box.clientHeight / 3);
  const near = Math.abs(to - box.scrollTop) <= 2 * box.clientHeight;
  const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;
  box.scrollTo({ top: to, behavior: smooth && near && !reduce ? 'smooth' : 'instant' });
  return to;
}

const sameSet = (a: Set<number>, b: Set<number>) => a.size === b.size && [...a].every((x) => b.has(x));

/**
 * A response's body as text, part by part as it arrives, each part decoded 16 KB at a time: the
 * opening needs a few KB of a body that often arrives in one piece, and decoding all of it first
 * delayed the first screen by milliseconds.
 */
async function* textOf(body: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) {
      yield decoder.decode();
      return;
    }
    for (let at = 0; at < value.length; at += DECODE_BYTES)
      yield decoder.decode(value.subarray(at, at + DECODE_BYTES), { stream: true });
  }
}

/** The next idle moment (or a task, where the browser does not tell them). */
const idleTime = () =>
  new Promise<{ timeRemaining(): number }>((resolve) =>
    typeof requestIdleCallback === 'function'
      ? requestIdleCallback(resolve, { timeout: 200 })
      : setTimeout(() => resolve({ timeRemaining: () => 0 })),
  );

declare global {
  interface HTMLElementTagNameMap {
    'kijkom-transcript': InterviewTranscript;
  }
}

/**
 * The range selected inside `root`, if any. Chromium tells a shadow root's selection only to the
 * root; Firefox tells the document; WebKit tells the document a range around the host, and the
 * range inside only through `getComposedRanges`.
 */
function selectionIn(root: ShadowRoot): Range | undefined {
  const own = (root as ShadowRoot & { getSelection?: () => Selection | null }).getSelection?.();
  const selection = own ?? document.getSelection();
  if (!selection) return undefined;
  const composed = own ? undefined : composedRange(selection, root);
  if (composed && !composed.collapsed) {
    const inside = document.createRange();
    inside.setStart(composed.startContainer, composed.startOffset);
    inside.setEnd(composed.endContainer, composed.endOffset);
    return inside;
  }
  return !selection.isCollapsed && selection.rangeCount ? selection.getRangeAt(0) : undefined;
}

/** `getComposedRanges` as the spec has it now (an options object) or as Safari 17 shipped it (roots). */
function composedRange(selection: Selection, root: ShadowRoot): StaticRange | undefined {
  const get = (selection as Selection & { getComposedRanges?: (...args: unknown[]) => StaticRange[] })
    .getComposedRanges;
  if (!get) return undefined;
  try {
    return get.call(selection, { shadowRoots: [root] })[0];
  } catch {
    return get.call(selection, root)[0];
  }
}
