import { html, nothing } from 'lit';
import { formatTime, isoDuration } from '../catalogue/time.js';
import type { Catalogue, Interview } from '../catalogue/types.js';
import { tp } from '../i18n/page-strings.js';
import type { Lang } from '../i18n/i18n.js';
import { alertBox } from '../internal/alert.js';
import { uiLangOf } from '../internal/catalogue-controller.js';
import { CatalogueProvider } from '../internal/catalogue-provider.js';
import { defineElement } from '../internal/define.js';
import { FragmentList } from '../fragment-list/fragment-list.js';
import { FragmentPlayer } from '../fragment-player/fragment-player.js';
import { listParts, playerParts } from '../internal/exported-parts.js';
import { tokens } from '../internal/shared-styles.js';
import { styles } from './interview-page.styles.js';

/**
 * One whole interview: who speaks, what it is about, its player, and its chapters and
 * fragments as an index.
 *
 * @summary An interview with its details, player and index.
 * @tag interview-page
 *
 * @fires {CatalogueLoadEvent} catalogue-load - The catalogue loaded; `detail.warnings` lists what was skipped.
 * @fires {CatalogueErrorEvent} catalogue-error - The catalogue could not be loaded.
 *
 * @csspart base - The page's layout box (container queries apply here).
 * @csspart title - The interview's heading.
 * @csspart person - The interviewee's portrait, name, role and period.
 * @csspart chapters - The list of chapters.
 * @csspart chapter - A chapter's button, which plays the interview from the chapter's start.
 * @csspart error - The error message (`role="alert"`).
 * @csspart retry - The error's "try again" button, which loads the catalogue again.
 *
 * @cssprop --interview-page-title-size - Font size of the title.
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

  static override properties = { interview: {}, chapterStart: { state: true, attribute: false } };

  /** Id of the interview to show. */
  declare interview?: string;
  /** Where the whole-interview player starts: the chosen chapter's start. */
  declare private chapterStart?: number;

  /** Plays the whole interview from a chapter's start (no fragment is current then). */
  private async playChapter(start: number): Promise<void> {
    this.chapterStart = start;
    if (this.playback.currentFragmentId !== undefined)
      this.playback = { ...this.playback, currentFragmentId: undefined, playing: false };
    await this.updateComplete;
    await this.renderRoot.querySelector<FragmentPlayer>('fragment-player')?.play();
  }

  override render() {
    const state = this.loader.state;
    const lang = uiLangOf(this, state);
    if (state.status !== 'ready') return this.renderPending(lang);
    const interview = this.interview === undefined ? undefined : state.catalogue.interviews.get(this.interview);
    if (!interview) return alertBox(lang, tp(lang, 'error.interview', { id: this.interview ?? '' }));
    const current = this.playback.currentFragmentId;
    return html`<article part="base" class="page">
      <h2 part="title" class="title">${interview.title}</h2>
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
                label=${interview.title}
                poster=${interview.poster ?? nothing}
              ></fragment-player>`
        }
        <div>
          ${
            interview.chapters.length
              ? html`<h3>${tp(lang, 'chapters')}</h3>
                  <ol part="chapters" class="chapters">
                    ${interview.chapters.map(
                      (c) =>
                        html`<li>
                          <button
                            part="chapter"
                            class="chapter"
                            type="button"
                            @click=${() => this.playChapter(c.start)}
                          >
                            <time datetime=${isoDuration(c.start)}>${formatTime(c.start)}</time> ${c.title}
                          </button>
                        </li>`,
                    )}
                  </ol>`
              : nothing
          }
          <h3>${tp(lang, 'fragments')}</h3>
          <fragment-list interview=${interview.id} exportparts=${listParts}></fragment-list>
        </div>
      </div>
    </article>`;
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
