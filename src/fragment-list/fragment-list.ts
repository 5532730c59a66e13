import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { consume } from '@lit/context';
import { catalogueContext, playbackContext, type CatalogueState, type PlaybackState } from '../catalogue/catalogue-context.js';
import { filterFragments, listFragments } from '../catalogue/fragment-query.js';
import { formatTime, isoDuration } from '../catalogue/time.js';
import type { Catalogue, Fragment } from '../catalogue/types.js';
import { FragmentSelectEvent } from '../events/fragment-events.js';
import { langOf, t } from '../i18n/i18n.js';
import { CatalogueController } from '../internal/catalogue-controller.js';
import { tokens } from '../internal/shared-styles.js';
import type { FragmentPlayer } from '../fragment-player/fragment-player.js';
import { styles } from './fragment-list.styles.js';

/** Items rendered at first and per "show more": the DOM grows with the reader, not the catalogue. */
const PAGE = 100;

/**
 * An accessible list of fragments, of a theme or of one interview. Selecting an item asks to
 * play it: in the enclosing `<theme-page>`, in the `<fragment-player>` named by `player`, or
 * in a player that opens below the item.
 *
 * @summary The fragments of a theme or an interview, as a list of buttons.
 * @tag fragment-list
 *
 * @fires catalogue-load - The catalogue loaded (not fired when it comes from a `<theme-page>`).
 * @fires catalogue-error - The catalogue could not be loaded.
 * @fires fragment-select - An item was chosen; cancel it to handle playback yourself.
 *
 * @csspart base - The list's layout box.
 * @csspart search - The search field's label and input.
 * @csspart list - The `<ol>` of fragments.
 * @csspart item - One `<li>`.
 * @csspart item-button - The button of an item.
 * @csspart time - The start time badge.
 * @csspart error - The error message.
 *
 * @cssprop --fragment-list-accent - Colour of time badges and the current item (falls back to `--kijkom-accent`).
 * @cssprop --fragment-list-gap - Space between items.
 */
export class FragmentList extends LitElement {
  static override styles = [tokens, styles];

  /** URL of a Kijkom catalogue (JSON), resolved against the document's base URL. */
  @property() catalogue?: string;
  /** Id of the theme whose fragments to list, in the theme's order. */
  @property() theme?: string;
  /** Id of the interview whose fragments to list, by start time. */
  @property() interview?: string;
  /** Id of a `<fragment-player>` on the page that plays the selected fragment. */
  @property() player?: string;
  /** Shows only fragments whose title, description or interviewee contain every word. */
  @property() query = '';
  /** Shows a search field that sets `query`. */
  @property({ type: Boolean }) searchable = false;

  @consume({ context: catalogueContext, subscribe: true })
  @state()
  providedCatalogue?: CatalogueState;

  @consume({ context: playbackContext, subscribe: true })
  @state()
  playback?: PlaybackState;

  /** The fragment this list last asked to play (when no `<theme-page>` tracks it). */
  @state() private selected?: string;
  @state() private shown = PAGE;

  private readonly loader = new CatalogueController(this, () => (this.providedCatalogue ? undefined : this.catalogue));

  private get catalogueState(): CatalogueState {
    return this.providedCatalogue ?? this.loader.state;
  }

  private get current(): string | undefined {
    return this.playback ? this.playback.currentFragmentId : this.selected;
  }

  /** Asks to play a fragment; acts only if no listener cancelled the request. */
  select(fragmentId: string): void {
    if (!this.dispatchEvent(new FragmentSelectEvent({ fragmentId }))) return;
    if (this.playback) return this.playback.play(fragmentId);
    this.selected = fragmentId;
    const player = this.player ? (this.ownerDocument.getElementById(this.player) as FragmentPlayer | null) : null;
    if (player) {
      player.fragment = fragmentId;
      void player.updateComplete.then(() => player.play());
    } else {
      void this.updateComplete.then(() => this.renderRoot.querySelector<FragmentPlayer>('.inline fragment-player')?.play());
    }
  }

  private onKeydown(event: KeyboardEvent): void {
    const buttons = [...this.renderRoot.querySelectorAll<HTMLButtonElement>('.item-button')];
    const index = buttons.indexOf(event.target as HTMLButtonElement);
    if (index < 0) return;
    const target = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: buttons.length - 1 }[event.key];
    if (target === undefined) return;
    event.preventDefault();
    buttons[Math.max(0, Math.min(buttons.length - 1, target))].focus();
  }

  override render() {
    const state = this.catalogueState;
    const lang = langOf(this, state.status === 'ready' ? state.catalogue.lang : undefined);
    if (state.status === 'error') {
      return html`<div part="error" role="alert">${t(lang, `error.${state.error.kind}`, { status: state.error.status ?? '' })}</div>`;
    }
    if (state.status !== 'ready') return html`<p part="base" aria-busy="true">${t(lang, 'loading')}</p>`;
    const catalogue = state.catalogue;
    const all = listFragments(catalogue, { theme: this.theme, interview: this.interview });
    if (!all) {
      const key = this.theme !== undefined ? 'error.theme' : 'error.interview';
      return html`<div part="error" role="alert">${t(lang, key, { id: this.theme ?? this.interview ?? '' })}</div>`;
    }
    const items = filterFragments(catalogue, all, this.query);
    return html`<div part="base">
      ${this.searchable
        ? html`<label part="search" class="search"
            >${t(lang, 'search')}
            <input type="search" .value=${this.query} @input=${(e: Event) => ((this.query = (e.target as HTMLInputElement).value), (this.shown = PAGE))}
          /></label>`
        : nothing}
      ${this.query.trim()
        ? html`<p class="count" role="status">
            ${items.length ? t(lang, 'matches', { count: items.length, total: all.length }) : t(lang, 'noMatches', { query: this.query.trim() })}
          </p>`
        : all.length === 0
          ? html`<p class="empty">${t(lang, 'noFragments')}</p>`
          : nothing}
      <ol part="list" class="list" @keydown=${this.onKeydown}>
        ${repeat(
          items.slice(0, this.shown),
          (fragment) => fragment.id,
          (fragment) => this.renderItem(catalogue, fragment, lang),
        )}
      </ol>
      ${items.length > this.shown
        ? html`<button class="more" type="button" @click=${() => (this.shown += PAGE)}>${t(lang, 'showMore')}</button>`
        : nothing}
    </div>`;
  }

  private renderItem(catalogue: Catalogue, fragment: Fragment, lang: 'nl' | 'en') {
    const interview = catalogue.interviews.get(fragment.interview);
    const person = interview?.person === undefined ? undefined : catalogue.people.get(interview.person);
    const isCurrent = fragment.id === this.current;
    const length = fragment.end === undefined ? undefined : fragment.end - fragment.start;
    const inline = isCurrent && !this.playback && !this.player;
    return html`<li part="item">
      <button part="item-button" class="item-button" type="button" aria-current=${isCurrent ? 'true' : nothing} @click=${() => this.select(fragment.id)}>
        <span part="time" class="time"><time datetime=${isoDuration(fragment.start)}>${formatTime(fragment.start)}</time></span>
        <span class="title">${fragment.title}</span>
        <span class="meta">
          ${person ? html`<span>${person.name}</span>` : nothing}
          ${length === undefined ? nothing : html`<span>${t(lang, 'length', { length: '' })}<time datetime=${isoDuration(length)}>${formatTime(length)}</time></span>`}
          ${isCurrent ? html`<span class="now">${t(lang, 'playing')}</span>` : nothing}
        </span>
      </button>
      ${inline ? html`<div class="inline"><fragment-player catalogue=${this.loader.state.status === 'ready' ? this.loader.state.url : nothing} fragment=${fragment.id}></fragment-player></div>` : nothing}
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fragment-list': FragmentList;
  }
}
