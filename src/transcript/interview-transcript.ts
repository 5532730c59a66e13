import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { formatTime, isoDuration } from '../catalogue/time.js';
import { TranscriptSeekEvent } from '../events/transcript-events.js';
import type { Catalogue, Interview } from '../catalogue/types.js';
import type { Lang } from '../i18n/i18n.js';
import type { InterviewPage } from '../interview-page/interview-page.js';
import { alertBox } from '../internal/alert.js';
import { defineElement } from '../internal/define.js';
import { h } from '../internal/dom.js';
import { nativeFetch } from '../internal/native-fetch.js';
import { parseTimeHash } from '../internal/deep-link.js';
import { tokens } from '../internal/shared-styles.js';
import {
  clipTranscript,
  cueAt,
  openingOf,
  parseTranscript,
  SearchIndex,
  type Match,
  type Transcript,
} from './transcript-model.js';
import { tt } from './transcript-strings.js';
import { embedSnippet, timeLink } from '../fragment-player/share.js';
import { styles } from './interview-transcript.styles.js';

/** What the transcript needs of an interview. */
export type TranscriptSource = Pick<Interview, 'id' | 'transcript' | 'url' | 'video' | 'audio' | 'chapters'>;

/** A quote to share: from its first cue's start to its last cue's end. */
interface Quote {
  start: number;
  end: number;
  text: string;
}

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

/** After the reader last scrolled or moved in the text, following playback waits this long. */
const READER_PAUSE_MS = 8000;
/** Cues shown from a long transcript's opening before the whole is read. */
const OPENING_CUES = 60;
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
 * It follows the player it shares a shadow root with: a `<fragment-player>` of the same interview
 * that starts playing there is the one it listens to (its documented `part="video"` media).
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
  /** The page it belongs to: its heading level, and its player to play a time. */
  declare page?: InterviewPage;
  /** Inside a player: its media, followed and played directly, and the fragment's stretch (only its cues are shown). */
  declare media?: HTMLMediaElement;
  declare range?: [start: number, end?: number];

  declare private transcript?: Transcript;
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
  /** The cue marked as being spoken, and the elements of all cues (by index). */
  private spoken = -1;
  private cueElements: HTMLElement[] = [];
  /** The turns' time buttons, of which one (`tabStop`) is in the tab order; arrows move between them. */
  private timeButtons: HTMLButtonElement[] = [];
  private tabStop = 0;
  private readerAt = -Infinity;
  private ownRanges: Range[] = [];
  private headingNode?: { key: string; node: HTMLElement };
  /** The interview's chapters and fragments, where they start. */
  private marks: TranscriptMark[] = [];

  override connectedCallback(): void {
    super.connectedCallback();
    // Its parts are the page's: `interview-page::part(transcript-search)`.
    this.setAttribute('exportparts', PARTS);
    this.listening = new AbortController();
    const { signal } = this.listening;
    const root = this.getRootNode();
    root.addEventListener('fragment-play', (event) => this.follow(event.target), { signal });
    document.addEventListener('selectionchange', () => this.quoteSelection(), { signal });
    // Back after a removal, which dropped a load under way.
    if (this.interview && !this.transcript && !this.loading) void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.listening?.abort();
    this.following?.abort();
    this.loading?.abort();
    this.loading = undefined;
    this.clearHighlights();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const { catalogue, interview } = this;
    if (changed.has('media') && this.media) this.followMedia(this.media);
    if (!changed.has('interview') && !changed.has('catalogue')) return;
    this.marks = [
      ...(interview?.chapters ?? []).map((c) => ({ kind: 'chapter' as const, start: c.start, title: c.title })),
      ...[...(catalogue?.fragments.values() ?? [])]
        .filter((f) => f.interview === interview?.id)
        .map((f) => ({ kind: 'fragment' as const, start: f.start, title: f.title })),
    ].sort((a, b) => a.start - b.start);
    if (changed.has('interview')) void this.load();
  }

  /** Fetches and parses the transcript; a newer `src` (or leaving the page) drops this answer. */
  private async load(): Promise<void> {
    this.loading?.abort();
    const loading = (this.loading = new AbortController());
    this.transcript = undefined;
    this.failed = false;
    this.spoken = -1;
    this.setMatches([]);
    try {
      const src = this.interview?.transcript;
      if (!nativeFetch || !src) throw new TypeError('no transcript');
      const response = await nativeFetch(src, { signal: loading.signal });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const text = await response.text();
      // A long transcript shows its opening first: reading and rendering all of it takes a while.
      const opening = this.range ? text : openingOf(text, OPENING_CUES);
      if (opening.length < text.length) {
        const first = await parseTranscript(opening);
        if (loading !== this.loading) return;
        this.transcript = first;
        this.index = undefined;
        await this.updateComplete;
        // Past the next paint (a frame, then a task), or a moment where frames do not come (a hidden tab).
        await new Promise((painted) => {
          requestAnimationFrame(() => setTimeout(painted));
          setTimeout(painted, 100);
        });
      }
      const whole = await parseTranscript(text);
      if (loading !== this.loading) return;
      this.transcript = this.range ? clipTranscript(whole, ...this.range) : whole;
      this.index = undefined;
    } catch {
      if (loading === this.loading) this.failed = true;
    }
  }

  /** Listens to the media of a player of this interview that started playing. */
  private follow(player: EventTarget | null): void {
    const media = (player as Element | null)?.shadowRoot?.querySelector<HTMLMediaElement>('[part~="video"]');
    if (media && !this.media) this.followMedia(media);
  }

  private followMedia(media: HTMLMediaElement): void {
    this.following?.abort();
    this.following = new AbortController();
    const { signal } = this.following;
    const sync = () => {
      this.playing = !media.paused;
      this.syncTo(media.currentTime);
    };
    for (const type of ['timeupdate', 'seeked', 'play', 'pause', 'ended'])
      media.addEventListener(type, sync, { signal });
    sync();
  }

  /** Marks the cue spoken at `time`, touching only it and the one marked before. */
  private syncTo(time: number): void {
    if (!this.transcript) return;
    const next = cueAt(this.transcript.cues, time, this.spoken);
    if (next === this.spoken) return;
    this.cueElements[this.spoken]?.removeAttribute('aria-current');
    this.spoken = next;
    const element = this.cueElements[next];
    if (!element) return;
    element.setAttribute('aria-current', 'true');
    // Tab into the text lands on the turn being spoken.
    if (!this.focusInText()) this.moveTabStop(this.turnOf(next));
    if (this.readerTookOver && performance.now() - this.readerAt > READER_PAUSE_MS && !this.focusInText())
      this.readerTookOver = false;
    if (!this.readerTookOver) this.reveal(element);
  }

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

  private moveTabStop(to: number, focus = false): void {
    const target = this.timeButtons[to];
    if (!target) return;
    // Written only when it moves: each cue change calls this, and a sync touches two cues, not their turn's button.
    const current = this.timeButtons[this.tabStop];
    if (current && current !== target) current.tabIndex = -1;
    if (target.tabIndex !== 0) target.tabIndex = 0;
    this.tabStop = to;
    if (focus) target.focus();
  }

  /** Up, Down, Home and End move between the turns' time buttons. */
  private onTextKey(event: KeyboardEvent): void {
    this.onReader();
    const at = this.timeButtons.indexOf(event.target as HTMLButtonElement);
    if (at < 0) return;
    const last = this.timeButtons.length - 1;
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
    const root = this.renderRoot as ShadowRoot & { getSelection?: () => Selection | null };
    // Chromium tells a shadow root's selection only to the root; Firefox tells the document.
    const selection = root.getSelection?.() ?? document.getSelection();
    const range = selection && !selection.isCollapsed && selection.rangeCount ? selection.getRangeAt(0) : undefined;
    const box = root.querySelector('.text');
    if (!range || !box?.contains(range.startContainer) || !box.contains(range.endContainer)) {
      if (this.anchorTurn === undefined) this.quote = undefined;
      return;
    }
    const first = this.cueAt(range.startContainer, 'start');
    const last = this.cueAt(range.endContainer, 'end');
    this.quote = first >= 0 && last >= first ? this.quoteOf(first, last, range.toString()) : undefined;
  }

  /** The cue a selection's end lies in; outside a cue's words, the turn's first (`start`) or the cue before it (`end`). */
  private cueAt(node: Node, side: 'start' | 'end'): number {
    const element = node instanceof Element ? node : node.parentElement;
    const cue = element?.closest<HTMLElement>('.cue');
    if (cue) return this.cueElements.indexOf(cue);
    const turn = this.timeButtons.indexOf(element?.closest('.turn')?.querySelector('.time') as HTMLButtonElement);
    if (turn < 0) return -1;
    const first = this.transcript!.turns[turn].first;
    return side === 'start' ? first : first - 1;
  }

  private quoteOf(first: number, last: number, selected: string): Quote {
    const cues = this.transcript!.cues;
    // Within one cue the words selected; across cues the cues' words, without times and speakers.
    const words = (
      first === last
        ? selected
        : cues
            .slice(first, last + 1)
            .map((cue) => cue.text)
            .join(' ')
    )
      .replace(/\s+/g, ' ')
      .trim();
    const text = words.length > QUOTE_LENGTH ? `${words.slice(0, QUOTE_LENGTH - 1).trimEnd()}…` : words;
    return { start: cues[first].start, end: cues[last].end, text };
  }

  /** Shift+arrow from a time button: the turns from where it began to `to` become the quote. */
  private quoteTurns(to: number): void {
    const turns = this.transcript!.turns;
    const from = (this.anchorTurn ??= this.tabStop);
    const [a, b] = from <= to ? [from, to] : [to, from];
    const first = turns[a].first;
    const last = turns[b].end - 1;
    this.quote = this.quoteOf(first, last, '');
    // Shown as a selection too, where the browser lets a shadow tree's text be selected from script.
    const end = this.cueElements[last];
    try {
      document.getSelection()?.setBaseAndExtent(this.cueElements[first], 0, end, end.childNodes.length);
    } catch {
      // The quote stands without it.
    }
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

  private async copy(field: HTMLTextAreaElement): Promise<void> {
    try {
      await navigator.clipboard.writeText(field.value);
      this.copyMessage = tt(this.ui, 'copied');
    } catch {
      field.focus();
      field.select();
      this.copyMessage = tt(this.ui, 'copyFailed');
    }
  }

  private focusInText(): boolean {
    return !!this.renderRoot.querySelector('.text')?.matches(':focus-within');
  }

  /** The reader scrolled, pressed a key or moved focus in the text: stop following for a while. */
  private readonly onReader = () => {
    this.readerAt = performance.now();
    if (this.playing) this.readerTookOver = true;
  };

  private resume(): void {
    this.readerTookOver = false;
    this.readerAt = -Infinity;
    const element = this.cueElements[this.spoken];
    if (element) this.reveal(element);
  }

  /** Scrolls the text (never the page) so that `element` is in view, unless it already is. */
  private reveal(element: HTMLElement): void {
    const box = this.renderRoot.querySelector<HTMLElement>('.text');
    if (!box) return;
    const rect = element.getBoundingClientRect();
    const top = rect.top - box.getBoundingClientRect().top + box.scrollTop;
    const bottom = top + rect.height;
    if (top >= box.scrollTop && bottom <= box.scrollTop + box.clientHeight * 0.8) return;
    const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;
    box.scrollTo({ top: Math.max(0, top - box.clientHeight / 3), behavior: reduce ? 'instant' : 'smooth' });
  }

  private play(time: number): void {
    if (!this.dispatchEvent(new TranscriptSeekEvent({ interviewId: this.interview?.id, time }))) return;
    this.readerTookOver = false;
    if (this.page) void this.page.playFrom(time);
    else if (this.media) {
      this.media.currentTime = time;
      void this.media.play().catch(() => undefined);
    }
  }

  private onSearch(event: InputEvent): void {
    this.query = (event.target as HTMLInputElement).value;
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

  /** Makes match `at` the current one and scrolls it into view; it never plays. */
  private showMatch(at: number): void {
    this.matchAt = at;
    this.onReader();
    this.paintHighlights();
    const element = this.cueElements[this.found[at].cue];
    if (element) this.reveal(element);
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

  private rangeOf({ cue, from, to }: Match): Range | undefined {
    const text = [...(this.cueElements[cue]?.childNodes ?? [])].find((node) => node.nodeType === Node.TEXT_NODE);
    if (!text) return undefined;
    const range = new Range();
    range.setStart(text, from);
    range.setEnd(text, to);
    return range;
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('transcript')) {
      this.cueElements = [...this.renderRoot.querySelectorAll<HTMLElement>('.cue')];
      this.timeButtons = [...this.renderRoot.querySelectorAll<HTMLButtonElement>('.time')];
      this.tabStop = 0;
      // A `#t=` link shows its passage: in view, and the tab stop on its turn.
      const linked = this.page && parseTimeHash(location.hash);
      const cue = linked && this.transcript ? cueAt(this.transcript.cues, linked.start) : -1;
      if (cue >= 0) {
        this.moveTabStop(this.turnOf(cue));
        this.reveal(this.cueElements[cue]);
      }
      this.spoken = -1;
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
      ${this.page ? this.heading(lang) : nothing}
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

  private heading(lang: Lang): HTMLElement {
    const level = Math.min(6, Math.max(1, Math.round(this.page?.headingLevel ?? 2) || 2) + 1);
    const key = `${level}${lang}`;
    if (this.headingNode?.key !== key) {
      const node = h(`h${level}`, { id: 'transcript-heading', class: 'heading' }, tt(lang, 'heading'));
      this.headingNode = { key, node };
    }
    return this.headingNode.node;
  }

  private renderTools(lang: Lang) {
    const count = this.found.length;
    const status = !this.query.trim()
      ? ''
      : count
        ? tt(lang, 'count', { index: Math.max(0, this.matchAt) + 1, total: count })
        : tt(lang, 'none');
    const step = (name: 'previous' | 'next', arrow: string, by: number) =>
      html`<button
        type="button"
        class="step"
        aria-label=${tt(lang, name)}
        title=${tt(lang, name)}
        ?disabled=${!count}
        @click=${() => this.step(by)}
      >
        ${arrow}
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

  /** The quote's link (`#t=` on the interview's page, else this one) and embed snippet. */
  private renderQuote(lang: Lang, quote: Quote) {
    const interview = this.interview!;
    const page = interview.url ?? location.href;
    const link = timeLink(page, quote.start, quote.end);
    const snippet = embedSnippet(
      { src: interview.video ?? interview.audio ?? '', start: quote.start, end: quote.end, label: quote.text },
      new URL(/* @vite-ignore */ 'kijkom.js', import.meta.url).href,
    );
    const field = (id: string, label: string, value: string, rows: number) =>
      html`<label for=${id}>${label}</label>
        <div class="quote-field">
          <textarea id=${id} readonly rows=${rows} .value=${value}></textarea>
          <button type="button" @click=${() => this.copy(this.renderRoot.querySelector(`#${id}`)!)}>
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
      ${field('quote-link', tt(lang, 'quoteLink'), link, 1)} ${field('quote-embed', tt(lang, 'quoteEmbed'), snippet, 3)}
      <p class="muted" role="status">${this.copyMessage}</p>
      <button type="button" class="step" @click=${this.closeQuote}>${tt(lang, 'close')}</button>
    </div>`;
  }

  /**
   * The text, rendered again only when the transcript, its marks or the language change. Out of
   * the tab order itself (Firefox would add the scroller): its time buttons are the way in.
   */
  private renderText(transcript: Transcript, lang: Lang) {
    return html`<div
      part="transcript-text"
      class="text"
      role="region"
      aria-label=${tt(lang, 'text')}
      aria-describedby="quote-hint"
      tabindex="-1"
      lang=${this.catalogue?.lang ?? nothing}
      @wheel=${this.onReader}
      @touchstart=${this.onReader}
      @keydown=${this.onTextKey}
      @focusin=${this.onReader}
    >
      <p id="quote-hint" hidden>${tt(lang, 'quoteHint')}</p>
      ${guard([transcript, this.marks, lang], () => this.paragraphs(transcript, lang))}
    </div>`;
  }

  private paragraphs(transcript: Transcript, lang: Lang) {
    const { cues, turns } = transcript;
    const { marks } = this;
    let nextMark = 0;
    return turns.map((turn, t) => {
      const until = turns[t + 1]?.start ?? Infinity;
      const here: TranscriptMark[] = [];
      while (nextMark < marks.length && marks[nextMark].start < until) here.push(marks[nextMark++]);
      const time = formatTime(turn.start);
      return html`${here.map(
          (mark) =>
            html`<p class="mark ${mark.kind}">
              <span class="mark-kind">${tt(lang, mark.kind)}</span>
              <time datetime=${isoDuration(mark.start)}>${formatTime(mark.start)}</time> ${mark.title}
            </p>`,
        )}
        <p class="turn">
          <button
            part="transcript-time"
            class="time"
            type="button"
            tabindex=${t === 0 ? 0 : -1}
            aria-label=${`${tt(lang, 'playFrom', { time })}${turn.speaker ? `, ${turn.speaker}` : ''}`}
            @click=${() => this.play(turn.start)}
          >
            <time datetime=${isoDuration(turn.start)}>${time}</time>
          </button>
          ${turn.speaker ? html`<span class="speaker">${turn.speaker}</span>` : nothing}
          ${cues.slice(turn.first, turn.end).map((cue) => html`<span class="cue">${cue.text}</span> `)}
        </p>`;
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kijkom-transcript': InterviewTranscript;
  }
}
