import { adoptStyles } from 'lit';
import type { Catalogue } from '../catalogue/types.js';
import { tp } from '../i18n/page-strings.js';
import { t } from '../i18n/i18n.js';
import { alertBox } from '../internal/alert.js';
import { chunkLoader } from '../platform/chunk.js';
import { parseTimeHash } from '../internal/deep-link.js';
import { uiLangOf } from '../internal/catalogue-controller.js';
import { CatalogueProvider, pendingStyles } from '../internal/catalogue-provider.js';
import { defineElement } from '../internal/define.js';
import { FragmentList } from '../fragment-list/fragment-list.js';
import { FragmentPlayer } from '../fragment-player/fragment-player.js';
import { tokens } from '../internal/shared-styles.js';
import type { InterviewMode } from './interview-view.js';

const loadTranscript = chunkLoader(() => import('../transcript/interview-transcript.js'));
const loadView = chunkLoader(() => import('./interview-view.js'));

/**
 * One whole interview: who speaks, what it is about, its player, and its chapters and
 * fragments as an index.
 *
 * @summary An interview with its details, player and index.
 * @tag interview-page
 *
 * @fires {CatalogueLoadEvent} catalogue-load - The catalogue loaded; `detail.warnings` lists what was skipped.
 * @fires {CatalogueErrorEvent} catalogue-error - The catalogue could not be loaded.
 * @fires {TranscriptSeekEvent} transcript-seek - A time in the transcript was chosen (cancelable: cancel it and nothing plays).
 *
 * @csspart base - The page's layout box (container queries apply here).
 * @csspart title - The interview's heading.
 * @csspart person - The interviewee's portrait, name, role and period.
 * @csspart modes - The choice of watching, listening to or reading the interview (a group of radio buttons).
 * @csspart mode - One choice of `modes`: Kijken, Luisteren or Lezen (a label holding its radio button).
 * @csspart chapters - The list of chapters.
 * @csspart chapter - A chapter's button, which plays the interview from the chapter's start; the chapter the player stands in has `aria-current="true"`.
 * @csspart error - The error message (`role="alert"`).
 * @csspart retry - The error's "try again" button, which loads the catalogue again.
 * @csspart transcript - The transcript: the interview as text, loaded with the page.
 * @csspart transcript-search - The transcript's search field.
 * @csspart transcript-text - The transcript's scrolling text.
 * @csspart transcript-time - A speaker turn's time button, which plays the interview from there.
 * @csspart transcript-follow - The button that makes the transcript follow playback again.
 * @csspart transcript-quote - The button that offers the text selected in the transcript as a quote to share.
 * @csspart transcript-quote-panel - The quote's link (`#t=start,end`) and `<fragment-player>` embed code.
 *
 * @cssprop --interview-page-title-size - Font size of the title.
 * @cssprop --interview-page-transcript-height - Height of the transcript's scrolling text (default 32rem).
 */
export class InterviewPage extends CatalogueProvider {
  /**
   * Registers the class as `<interview-page>`, or as `tag`, and the default tags it renders,
   * `<fragment-player>` and `<fragment-list>`; a tag already taken is left alone.
   */
  static define(tag = 'interview-page'): void {
    FragmentPlayer.define();
    FragmentList.define();
    defineElement(tag, this);
  }

  // The view's own styles are adopted with its chunk.
  static override styles = [tokens, pendingStyles];

  static override properties = {
    interview: {},
    headingLevel: { type: Number, attribute: 'heading-level' },
    chapterStart: { state: true, attribute: false },
    chapterEnd: { state: true, attribute: false },
    chapter: { state: true, attribute: false },
    mode: { state: true, attribute: false },
    transcriptFailed: { state: true, attribute: false },
    view: { state: true, attribute: false },
    viewFailed: { state: true, attribute: false },
  };

  /** Id of the interview to show. */
  declare interview?: string;
  /**
   * Level of the interview's heading (1–6); the sections below it are one level deeper.
   * @attr heading-level
   */
  headingLevel = 2;
  /** The transcript's code failed to load: a retry instead. */
  declare private transcriptFailed?: boolean;
  /** Where the whole-interview player starts (a chapter's, a transcript time's, `#t=`), and ends (`#t=start,end`). */
  declare private chapterStart?: number;
  declare private chapterEnd?: number;
  /** How the interview is followed: watched, listened to or read. */
  declare private mode?: InterviewMode;
  /** Index of the chapter the player stands in, once it has played. */
  declare private chapter?: number;
  /** The view's chunk, once loaded; or it failed to load: a retry instead. */
  declare private view?: typeof import('./interview-view.js');
  declare private viewFailed?: boolean;

  constructor() {
    super();
    // The page's player (whichever plays: the whole interview or a fragment) marks its chapter,
    // and the fragment it passes through for the list (a played fragment is the list's current).
    this.addEventListener('fragment-play', (event) => {
      const media = mediaOf(event.composedPath()[0] as Element);
      if (media && this.view)
        this.view.followPosition(this, media, this.loader.state, (chapter, within) => {
          this.chapter = chapter;
          this.playback = { ...this.playback, within };
        });
    });
  }

  /** The interview this page shows, once the catalogue is there and has it. */
  private shown() {
    const state = this.loader.state;
    return state.status === 'ready' && this.interview !== undefined
      ? state.catalogue.interviews.get(this.interview)
      : undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // `#t=` cues that stretch in the player: shown, nothing plays.
    const linked = parseTimeHash(location.hash);
    if (linked) [this.chapterStart, this.chapterEnd] = [linked.start, linked.end];
  }

  protected override holds(catalogue: Catalogue, id: string): boolean {
    return catalogue.fragments.get(id)?.interview === this.interview;
  }

  /**
   * Plays the whole interview from `start`: the playing one seeks there, a fragment or the
   * facade gives way to it (no fragment is current then).
   * @internal
   */
  async playFrom(start: number): Promise<void> {
    // A time chosen while reading is listened to (there is no player to watch in).
    if (this.mode === 'read') this.mode = 'listen';
    const player = await this.player();
    // The playing whole interview seeks there.
    const media = mediaOf(player);
    if (media && this.playback.currentFragmentId === undefined && this.chapterEnd === undefined) {
      media.currentTime = start;
      return player!.play();
    }
    this.standAt(start);
    await (await this.player())?.play();
  }

  /**
   * Switches between watching, listening and reading, keeping the position: the whole interview
   * stands where the player stood, and plays on from there when it played (not when reading).
   * @internal
   */
  async setMode(mode: InterviewMode): Promise<void> {
    const media = mediaOf(await this.player());
    const playing = !!media && !media.paused;
    if (media) this.standAt(media.currentTime);
    this.mode = mode;
    if (playing && mode !== 'read') await (await this.player())?.play();
  }

  /** The whole interview, from `start`, in the player (no fragment is current then). */
  private standAt(start: number): void {
    this.chapterStart = start;
    this.chapterEnd = undefined;
    if (this.playback.currentFragmentId !== undefined)
      this.playback = { ...this.playback, currentFragmentId: undefined, playing: false };
  }

  protected override willUpdate(): void {
    super.willUpdate();
    if (this.viewFailed === undefined) this.loadView();
    // The transcript's code loads beside the view's, not after it.
    if (this.shown()?.transcript && this.transcriptFailed === undefined) this.loadTranscript();
  }

  /** Loads the transcript's element (the view renders its tag, upgraded once defined). */
  private loadTranscript(): void {
    this.transcriptFailed = false;
    loadTranscript().then(
      ({ InterviewTranscript }) => InterviewTranscript.define(),
      () => (this.transcriptFailed = true),
    );
  }

  /** Loads what the page shows once its catalogue is there. */
  private loadView(): void {
    this.viewFailed = false;
    loadView().then(
      (view) => {
        adoptStyles(this.renderRoot as ShadowRoot, [...InterviewPage.elementStyles, view.styles]);
        this.view = view;
      },
      () => (this.viewFailed = true),
    );
  }

  override render() {
    const state = this.loader.state;
    const lang = uiLangOf(this, state);
    if (state.status !== 'ready') return this.renderPending(lang);
    const interview = this.shown();
    if (!interview) return alertBox(lang, t(lang, 'error.interview', { id: this.interview ?? '' }));
    if (this.viewFailed) return alertBox(lang, tp(lang, 'error.page'), () => this.loadView());
    if (!this.view) return this.renderPending(lang);
    return this.view.renderInterview({
      page: this,
      catalogue: state.catalogue,
      interview,
      lang,
      level: Math.min(6, Math.max(1, Math.round(this.headingLevel) || 2)),
      fragmentId: this.playback.currentFragmentId,
      start: this.chapterStart,
      end: this.chapterEnd,
      chapter: this.chapter,
      mode: this.mode ?? 'watch',
      transcriptFailed: this.transcriptFailed,
      retryTranscript: () => this.loadTranscript(),
    });
  }
}

/** A player's media element, through its documented `video` part; none before it plays. */
const mediaOf = (player: Element | null | undefined) =>
  player?.shadowRoot?.querySelector<HTMLMediaElement>('[part~="video"]') ?? undefined;

declare global {
  interface HTMLElementTagNameMap {
    'interview-page': InterviewPage;
  }
}
