import { adoptStyles, html } from 'lit';
import type { Catalogue, Interview } from '../catalogue/types.js';
import { tp } from '../i18n/page-strings.js';
import { t } from '../i18n/common-strings.js';
import type { PlaybackRequest } from '../events/playback-request.js';
import { alertBox } from '../internal/alert.js';
import { chunkLoader } from '../platform/chunk.js';
import { uiLangOf } from '../internal/catalogue-controller.js';
import { CatalogueProvider, pendingStyles } from '../internal/catalogue-provider.js';
import { defineElement } from '../internal/define.js';
import { FragmentList } from '../fragment-list/fragment-list.js';
import { FragmentPlayer } from '../fragment-player/fragment-player.js';
import { headingLevel, Headings } from '../internal/heading.js';
import { tokens } from '../internal/shared-styles.js';
import type { InterviewPlayback } from './interview-playback.js';

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
 * @csspart link-missed - Above the page: the notice that the address's link cannot be followed, a `#fragment=` not on the page or a `#t=` past the interview's end (`role="status"`; nothing is cued, or the interview stands at its start).
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
  /** The view's chunk, once loaded; or it failed to load: a retry instead. */
  declare private view?: typeof import('./interview-view.js');
  declare private viewFailed?: boolean;
  /** Where the player stands and how the interview is followed: with the view's chunk. */
  private interviewPlayback?: InterviewPlayback;
  private readonly headings = new Headings();

  constructor() {
    super();
    // The page's player (whichever plays: the whole interview or a fragment) is followed: its
    // chapter marked, the fragment it passes through marked in the list.
    this.addEventListener('fragment-play', (event) => {
      const player = event.composedPath()[0];
      const media = player instanceof FragmentPlayer ? player.media : null;
      if (media) this.interviewPlayback?.follow(media);
    });
  }

  /** The catalogue and the interview this page shows, once the catalogue is there and has it. */
  private shown(): { catalogue: Catalogue; interview: Interview } | undefined {
    const state = this.loader.state;
    if (state.status !== 'ready' || this.interview === undefined) return undefined;
    const interview = state.catalogue.interviews.get(this.interview);
    return interview && { catalogue: state.catalogue, interview };
  }

  protected override holds(catalogue: Catalogue, id: string): boolean {
    return catalogue.fragments.get(id)?.interview === this.interview;
  }

  /** A time asked for (a transcript's) plays the whole interview from there. */
  protected override carryOut(request: PlaybackRequest): Promise<void> {
    return this.interviewPlayback?.carryOut(request) ?? super.carryOut(request);
  }

  protected override willUpdate(): void {
    super.willUpdate();
    if (this.viewFailed === undefined) this.loadView();
    // The transcript's code loads beside the view's, not after it.
    if (this.shown()?.interview.transcript && this.transcriptFailed === undefined) this.loadTranscript();
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
        this.interviewPlayback ??= new view.InterviewPlayback(this, {
          shown: () => this.shown(),
          player: () => this.player(),
          shownFragment: () => this.playback.currentFragmentId,
          showWhole: () => {
            if (this.playback.currentFragmentId !== undefined)
              this.playback = { ...this.playback, currentFragmentId: undefined, playing: false };
          },
          standsIn: (within) => (this.playback = { ...this.playback, within }),
        });
        this.view = view;
      },
      () => (this.viewFailed = true),
    );
  }

  override render() {
    const state = this.loader.state;
    const lang = uiLangOf(this, state);
    if (state.status !== 'ready' || !this.hasStrings(lang)) return this.renderPending(lang);
    const interview = this.shown()?.interview;
    if (!interview) return alertBox(lang, t(lang, 'error.interview', { id: this.interview ?? '' }));
    if (this.viewFailed) return alertBox(lang, tp(lang, 'error.page'), () => this.loadView());
    if (!this.view || !this.interviewPlayback) return this.renderPending(lang);
    return html`${this.renderLinkMissed(lang)}${this.view.renderInterview({
      page: this,
      playback: this.interviewPlayback,
      catalogue: state.catalogue,
      interview,
      lang,
      level: headingLevel(this.headingLevel),
      headings: this.headings,
      fragmentId: this.playback.currentFragmentId,
      transcriptFailed: this.transcriptFailed,
      retryTranscript: () => this.loadTranscript(),
    })}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'interview-page': InterviewPage;
  }
}
