import { html, nothing } from 'lit';
import { formatTime, isoDuration } from '../catalogue/time.js';
import type { Catalogue, Interview } from '../catalogue/types.js';
import { tp } from '../i18n/page-strings.js';
import type { Lang } from '../i18n/i18n.js';
import { alertBox } from '../internal/alert.js';
import { chunkLoader } from '../internal/chunk.js';
import { parseTimeHash } from '../internal/deep-link.js';
import { uiLangOf } from '../internal/catalogue-controller.js';
import { CatalogueProvider } from '../internal/catalogue-provider.js';
import { defineElement } from '../internal/define.js';
import { FragmentList } from '../fragment-list/fragment-list.js';
import { FragmentPlayer } from '../fragment-player/fragment-player.js';
import { listParts, playerParts } from '../internal/exported-parts.js';
import { tokens } from '../internal/shared-styles.js';
import { styles } from './interview-page.styles.js';

const loadTranscript = chunkLoader(() => import('../transcript/interview-transcript.js'));

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
 * @csspart chapters - The list of chapters.
 * @csspart chapter - A chapter's button, which plays the interview from the chapter's start.
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

  static override styles = [tokens, styles];

  static override properties = {
    interview: {},
    headingLevel: { type: Number, attribute: 'heading-level' },
    chapterStart: { state: true, attribute: false },
    chapterEnd: { state: true, attribute: false },
    transcriptFailed: { state: true, attribute: false },
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
    const whole = this.playback.currentFragmentId === undefined && this.chapterEnd === undefined;
    if (whole && (await this.player())?.seek(start)) return;
    this.chapterStart = start;
    this.chapterEnd = undefined;
    if (this.playback.currentFragmentId !== undefined)
      this.playback = { ...this.playback, currentFragmentId: undefined, playing: false };
    await (await this.player())?.play();
  }

  /** Loads the transcript's element (the page renders its tag, upgraded once defined). */
  private loadTranscript(): void {
    this.transcriptFailed = false;
    loadTranscript().then(
      ({ InterviewTranscript }) => InterviewTranscript.define(),
      () => (this.transcriptFailed = true),
    );
  }

  override render() {
    const state = this.loader.state;
    const lang = uiLangOf(this, state);
    if (state.status !== 'ready') return this.renderPending(lang);
    const interview = this.interview === undefined ? undefined : state.catalogue.interviews.get(this.interview);
    if (!interview) return alertBox(lang, tp(lang, 'error.interview', { id: this.interview ?? '' }));
    const current = this.playback.currentFragmentId;
    const level = Math.min(6, Math.max(1, Math.round(this.headingLevel) || 2));
    return html`<article part="base" class="page">
      <h2 part="title" class="title" aria-level=${level}>${interview.title}</h2>
      ${this.renderPerson(state.catalogue, interview, lang)}
      ${interview.summary ? html`<p class="summary">${interview.summary}</p>` : nothing}
      <div class="layout">
        ${
          current
            ? html`<fragment-player fragment=${current} exportparts=${playerParts}></fragment-player>`
            : html`<fragment-player
                exportparts=${playerParts}
                src=${interview.video ?? interview.audio ?? ''}
                start=${this.chapterStart ?? 0}
                end=${this.chapterEnd ?? nothing}
                label=${interview.title}
                poster=${interview.poster ?? nothing}
              ></fragment-player>`
        }
        ${interview.transcript ? this.renderTranscript(state.catalogue, interview, lang) : nothing}
        <div>
          ${
            interview.chapters.length
              ? html`<h3 aria-level=${level + 1}>${tp(lang, 'chapters')}</h3>
                  <ol part="chapters" class="chapters">
                    ${interview.chapters.map(
                      (c) =>
                        html`<li>
                          <button part="chapter" class="chapter" type="button" @click=${() => this.playFrom(c.start)}>
                            <time datetime=${isoDuration(c.start)}>${formatTime(c.start)}</time> ${c.title}
                          </button>
                        </li>`,
                    )}
                  </ol>`
              : nothing
          }
          <h3 aria-level=${level + 1}>${tp(lang, 'fragments')}</h3>
          <fragment-list interview=${interview.id} exportparts=${listParts}></fragment-list>
        </div>
      </div>
    </article>`;
  }

  private renderTranscript(catalogue: Catalogue, interview: Interview, lang: Lang) {
    if (this.transcriptFailed) return alertBox(lang, tp(lang, 'error.transcript'), () => this.loadTranscript());
    if (this.transcriptFailed === undefined) void Promise.resolve().then(() => this.loadTranscript());
    return html`<kijkom-transcript
      .page=${this}
      .catalogue=${catalogue}
      .interview=${interview}
      .ui=${lang}
    ></kijkom-transcript>`;
  }

  private renderPerson(catalogue: Catalogue, interview: Interview, lang: Lang) {
    const person = interview.person === undefined ? undefined : catalogue.people.get(interview.person);
    return html`<div part="person" class="person">
      ${person?.portrait ? html`<img class="portrait" src=${person.portrait} alt="" />` : nothing}
      <div>
        ${person ? html`<p><strong>${person.name}</strong></p>` : nothing}
        ${person?.role || person?.period ? html`<p class="muted">${[person.role, person.period].filter(Boolean).join(', ')}</p>` : nothing}
        ${
          interview.interviewers.length
            ? html`<p class="muted">${tp(lang, 'interviewers')}: ${interview.interviewers.join(', ')}</p>`
            : nothing
        }
        ${interview.date ? html`<p class="muted">${interview.date}</p>` : nothing}
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'interview-page': InterviewPage;
  }
}
