import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { ContextConsumer } from '@lit/context';
import {
  catalogueContext,
  playbackContext,
  type CatalogueState,
  type PlaybackState,
} from '../catalogue/catalogue-context.js';
import { filterFragments, listFragments } from '../catalogue/fragment-query.js';
import { formatTime, isoDuration } from '../catalogue/time.js';
import type { Catalogue, Fragment } from '../catalogue/types.js';
import { FragmentPlaybackEvent, FragmentSelectEvent } from '../events/fragment-events.js';
import { requestPlayback } from '../internal/playback-owner.js';
import { pageStrings, tp } from '../i18n/page-strings.js';
import { commonStrings, t } from '../i18n/common-strings.js';
import { stringsReady, type Lang } from '../i18n/i18n.js';
import { alertBox, catalogueAlert } from '../internal/alert.js';
import { defineElement } from '../internal/define.js';
import { FocusKeeper } from '../internal/focus-keeper.js';
import { CatalogueController, uiLangOf } from '../internal/catalogue-controller.js';
import { playerParts } from '../internal/exported-parts.js';
import { tokens } from '../internal/shared-styles.js';
import { FragmentPlayer } from '../fragment-player/fragment-player.js';
import { styles } from './fragment-list.styles.js';

const playbackEvents = ['fragment-play', 'fragment-pause', 'fragment-ended', 'fragment-error'] as const;

/** Items rendered at first and per "show more": the DOM grows with the reader, not the catalogue. */
const PAGE = 100;

/**
 * An accessible list of fragments, of a theme or of one interview: each item a button with the
 * start time, the title, the interviewee and the length (when the fragment has an end). Up,
 * Down, Home and End move between the items. Selecting an item asks to play it: in the
 * enclosing `<theme-page>`, else in the `<fragment-player>` named by `player`, else in a
 * player that opens below the item. The current item has `aria-current="true"`.
 *
 * It renders 100 items and a "show more" button, so a theme of thousands of fragments puts a
 * bounded number of nodes into the page.
 *
 * @summary The fragments of a theme or an interview, as a list of buttons.
 * @tag fragment-list
 *
 * @fires {CatalogueLoadEvent} catalogue-load - The catalogue loaded (not fired when it comes from a `<theme-page>`).
 * @fires {CatalogueErrorEvent} catalogue-error - The catalogue could not be loaded.
 * @fires {FragmentSelectEvent} fragment-select - An item was chosen; cancelable: when a listener calls `preventDefault()`, the list does nothing, so you can handle playback yourself.
 *
 * @csspart base - The list's layout box (container queries apply here: the time moves above the title below 26rem).
 * @csspart search - The search field's label and input (with `searchable`).
 * @csspart status - How many fragments match the query, or that none do.
 * @csspart list - The `<ol>` of fragments.
 * @csspart item - One `<li>`.
 * @csspart item-button - The button of an item.
 * @csspart time - The start time badge.
 * @csspart title - The fragment's title in an item.
 * @csspart meta - Interviewee, length and "now playing" in an item.
 * @csspart inline - The box below the current item holding its own player (without `player` and outside a `<theme-page>`).
 * @csspart more - The "show more" button.
 * @csspart error - The error message (`role="alert"`).
 * @csspart retry - The error's "try again" button, which loads the catalogue again (when the list loads its own).
 *
 * @cssprop --fragment-list-accent - Time badges, the current item's bar and "now playing"; falls back to `--kijkom-accent`, then `--basis-color-accent-1-color-default`, then #154273 (dark: #8fb8e8).
 * @cssprop --fragment-list-divider-color - Lines between items; falls back to `--kijkom-border-color`, then `--basis-color-default-border-default`, then #c9c9c6 (dark: #444).
 * @cssprop --fragment-list-current-background - Background of the current item; falls back to `--kijkom-surface`, then `--basis-color-default-bg-subtle`, then #f3f3f1 (dark: #222).
 * @cssprop [--fragment-list-gap=0] - Space between items.
 * @cssprop --kijkom-on-accent - Text on the time badges; falls back to `--basis-color-accent-1-inverse-color-default`, then white (dark: #0b1a2b).
 * @cssprop --kijkom-link-color - Fragment titles; falls back to `--basis-color-action-2-color-default`, `--nl-link-color`, `--utrecht-link-color`, then the accent.
 * @cssprop --kijkom-color - Text colour; falls back to `--basis-color-default-color-document`, then #1b1b1b (dark: #ececec).
 * @cssprop --kijkom-color-muted - Interviewee, length and counts; falls back to `--basis-color-default-color-subtle`, then #555 (dark: #b4b4b4).
 * @cssprop --kijkom-background - Background of the search field; falls back to `--basis-color-default-bg-document`, then white (dark: #161616).
 * @cssprop --kijkom-border-color - Border of the search field; falls back to `--basis-color-default-border-default`, then #c9c9c6 (dark: #444).
 * @cssprop --kijkom-focus-color - Focus ring colour; falls back to `--basis-focus-outline-color`, then black (dark: white).
 * @cssprop --kijkom-focus-width - Focus ring width; falls back to `--basis-focus-outline-width`, then 3px.
 * @cssprop --kijkom-focus-offset - Focus ring offset of the field and buttons; falls back to `--basis-focus-outline-offset`, then 2px.
 * @cssprop --kijkom-radius - Corner radius of badges, field and buttons; falls back to `--basis-border-radius-md`, then 6px.
 * @cssprop --kijkom-font-family - Text font; falls back to `--basis-text-font-family-default`, then the host's font.
 * @cssprop --kijkom-error-color - The bar beside an error message; falls back to #a4001f (dark: #ff8a8a).
 */
export class FragmentList extends LitElement {
  /**
   * Registers the class as `<fragment-list>`, or as `tag`, and `<fragment-player>`, which the list
   * renders inline; a tag already taken is left alone.
   */
  static define(tag = 'fragment-list'): void {
    FragmentPlayer.define();
    defineElement(tag, this);
  }

  static override styles = [tokens, styles];

  // Declared without decorators: their runtime is bytes a page would load before play.
  static override properties = {
    catalogue: {},
    theme: {},
    interview: {},
    player: {},
    query: {},
    searchable: { type: Boolean },
    // Internal state (`attribute: false` as well, so the manifest analyzer lists no attribute).
    providedCatalogue: { state: true, attribute: false },
    playback: { state: true, attribute: false },
    selected: { state: true, attribute: false },
    playing: { state: true, attribute: false },
    shown: { state: true, attribute: false },
  };

  /** URL of a Kijkom catalogue (JSON), resolved against the document's base URL. */
  declare catalogue?: string;
  /** Id of the theme whose fragments to list, in the theme's order. */
  declare theme?: string;
  /** Id of the interview whose fragments to list, by start time. */
  declare interview?: string;
  /** Id of a `<fragment-player>` on the page that plays the selected fragment. */
  declare player?: string;
  /** Shows only fragments whose title, description or interviewee contain every word. */
  query = '';
  /** Shows a search field that sets `query`. */
  searchable = false;

  /** The catalogue of an enclosing `<theme-page>` or `<interview-page>`, when there is one. */
  declare private providedCatalogue?: CatalogueState;
  /** The playback state of an enclosing page's player, when there is one. */
  declare private playback?: PlaybackState;

  /** The fragment this list last asked to play (when no `<theme-page>` tracks it). */
  declare private selected?: string;
  /** Whether the player this list drives is playing (when no `<theme-page>` tracks it). */
  private playing = false;
  private shown = PAGE;

  constructor() {
    super();
    new ContextConsumer(this, {
      context: catalogueContext,
      subscribe: true,
      callback: (value) => (this.providedCatalogue = value),
    });
    new ContextConsumer(this, {
      context: playbackContext,
      subscribe: true,
      callback: (value) => (this.playback = value),
    });
    // A retry's button is replaced by loading, then by the result: keep focus in the element.
    new FocusKeeper(this, ['[part~="retry"]']);
  }

  private readonly loader = new CatalogueController(this, () => (this.providedCatalogue ? undefined : this.catalogue));

  private get catalogueState(): CatalogueState {
    return this.providedCatalogue ?? this.loader.state;
  }

  private get current(): string | undefined {
    return this.playback ? (this.playback.currentFragmentId ?? this.playback.within) : this.selected;
  }

  private get isPlaying(): boolean {
    return this.playback ? this.playback.playing : this.playing;
  }

  /** The `<fragment-player>` named by `player`, if it is on the page. */
  private get namedPlayer(): FragmentPlayer | null {
    return this.player ? (this.ownerDocument.getElementById(this.player) as FragmentPlayer | null) : null;
  }

  /** The theme's or interview's fragments, and those the query keeps; undefined for an unknown theme or interview. */
  private fragmentsOf(catalogue: Catalogue): { all: Fragment[]; items: Fragment[] } | undefined {
    const all = listFragments(catalogue, { theme: this.theme, interview: this.interview });
    return all && { all, items: filterFragments(catalogue, all, this.query) };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    for (const type of playbackEvents) this.ownerDocument.addEventListener(type, this.onPlayback);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const type of playbackEvents) this.ownerDocument.removeEventListener(type, this.onPlayback);
  }

  /** Follows the player this list drives: our inline one, or the one named by `player`. */
  private readonly onPlayback = (event: Event) => {
    if (this.playback) return;
    const origin = event.composedPath()[0];
    if (!(origin instanceof Node) || !(this.renderRoot.contains(origin) || origin === this.namedPlayer)) return;
    this.playing = event.type === 'fragment-play';
    // The named player may be started from elsewhere: mark what it plays.
    if (event instanceof FragmentPlaybackEvent && event.detail.fragmentId !== undefined)
      this.selected = event.detail.fragmentId;
  };

  /**
   * Asks to play a fragment; acts only if no listener cancelled the request. Resolves once
   * playback started, was refused or failed.
   */
  async select(fragmentId: string): Promise<void> {
    if (!this.dispatchEvent(new FragmentSelectEvent({ fragmentId }))) return;
    // Inside a page, up to the page, which owns playback.
    if (this.playback) return requestPlayback(this, { action: 'play', clip: { fragment: fragmentId } });
    this.selected = fragmentId;
    // The named player, or the one this list renders below the item.
    const player =
      this.namedPlayer ??
      (await this.updateComplete, this.renderRoot.querySelector<FragmentPlayer>('.inline fragment-player'));
    await player?.play({ fragment: fragmentId });
  }

  /**
   * Renders the fragment's item if it is further down than "show more" reached, and scrolls it
   * into view. Does nothing for a fragment this list does not show.
   */
  async revealFragment(fragmentId: string): Promise<void> {
    const state = this.catalogueState;
    const items = state.status === 'ready' ? this.fragmentsOf(state.catalogue)?.items : undefined;
    const index = items?.findIndex((fragment) => fragment.id === fragmentId) ?? -1;
    if (index < 0) return;
    this.shown = Math.max(this.shown, Math.ceil((index + 1) / PAGE) * PAGE);
    await this.updateComplete;
    this.renderRoot.querySelectorAll('.item-button')[index]?.scrollIntoView({ block: 'nearest' });
  }

  /** Shows the next page of items and moves focus to the first of them. */
  private async showMore(): Promise<void> {
    const first = this.shown;
    this.shown += PAGE;
    await this.updateComplete;
    this.renderRoot.querySelectorAll<HTMLButtonElement>('.item-button')[first]?.focus();
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

  /** The fragment whose item holds the focus, if one does. */
  private get focusedFragment(): string | undefined {
    return (this.renderRoot as ShadowRoot).activeElement?.closest<HTMLElement>('[data-fragment]')?.dataset.fragment;
  }

  protected override update(changed: PropertyValues<this>): void {
    // Items re-render in place, so a focused item button may now show another fragment: keep
    // focus on the fragment it showed.
    const focused = this.focusedFragment;
    super.update(changed);
    if (focused !== undefined && this.focusedFragment !== focused) {
      this.renderRoot.querySelector<HTMLElement>(`[data-fragment="${CSS.escape(focused)}"] .item-button`)?.focus();
    }
  }

  override render() {
    const state = this.catalogueState;
    const lang = uiLangOf(this, state);
    // Until the language's strings are there (Dutch always is): loading, without words.
    if (!stringsReady(this, lang, commonStrings, pageStrings)) return html`<p part="base" aria-busy="true"></p>`;
    if (state.status === 'error') {
      return catalogueAlert(lang, state.error, () => this.loader.retry());
    }
    if (state.status !== 'ready') return html`<p part="base" aria-busy="true">${t(lang, 'loading')}</p>`;
    const catalogue = state.catalogue;
    const fragments = this.fragmentsOf(catalogue);
    if (!fragments) {
      return alertBox(
        lang,
        this.theme !== undefined
          ? tp(lang, 'error.theme', { id: this.theme })
          : t(lang, 'error.interview', { id: this.interview ?? '' }),
      );
    }
    const { all, items } = fragments;
    const query = this.query.trim();
    const count = !query
      ? nothing
      : items.length
        ? tp(lang, 'matches', { count: items.length, total: all.length })
        : tp(lang, 'noMatches', { query });
    return html`<div part="base">
      ${
        this.searchable
          ? html`<label part="search" class="search"
              >${tp(lang, 'search')}
              <input
                type="search"
                .value=${this.query}
                @input=${(e: Event) => ((this.query = (e.target as HTMLInputElement).value), (this.shown = PAGE))}
            /></label>`
          : nothing
      }
      ${
        // The count's live region is there before the first search: some screen readers skip a region made with its text.
        this.searchable || query ? html`<p part="status" class="count" role="status">${count}</p>` : nothing
      }
      ${!query && all.length === 0 ? html`<p part="status" class="empty">${tp(lang, 'noFragments')}</p>` : nothing}
      ${
        items.length
          ? html`<ol part="list" class="list" @keydown=${this.onKeydown}>
              ${this.renderItems(catalogue, items.slice(0, this.shown), lang)}
            </ol>`
          : nothing
      }
      ${
        items.length > this.shown
          ? html`<button part="more" class="more" type="button" @click=${this.showMore}>
              ${tp(lang, 'showMore')}
            </button>`
          : nothing
      }
    </div>`;
  }

  /**
   * The items without a keyed directive (its runtime is bytes every page loads): the current item
   * has a child part of its own, so its DOM, and the inline player playing in it, survives
   * filtering; the others re-render in place (focus follows its fragment: `update`).
   */
  private renderItems(catalogue: Catalogue, shown: Fragment[], lang: Lang) {
    const item = (fragment: Fragment) => this.renderItem(catalogue, fragment, lang);
    const at = shown.findIndex((fragment) => fragment.id === this.current);
    return at < 0
      ? [shown.map(item), nothing, nothing]
      : [shown.slice(0, at).map(item), item(shown[at]), shown.slice(at + 1).map(item)];
  }

  private renderItem(catalogue: Catalogue, fragment: Fragment, lang: Lang) {
    const interview = catalogue.interviews.get(fragment.interview);
    const person = interview?.person === undefined ? undefined : catalogue.people.get(interview.person);
    const isCurrent = fragment.id === this.current;
    const length = fragment.end === undefined ? undefined : fragment.end - fragment.start;
    // Without a page or a named player to drive, the list plays the fragment below its item.
    const inline = isCurrent && !this.playback && !this.namedPlayer;
    return html`<li part="item" data-fragment=${fragment.id}>
      <button
        part="item-button"
        class="item-button"
        type="button"
        aria-current=${isCurrent ? 'true' : nothing}
        @click=${() => this.select(fragment.id)}
      >
        <span part="time" class="time"
          ><time datetime=${isoDuration(fragment.start)}>${formatTime(fragment.start)}</time></span
        >
        <span part="title" class="title" lang=${catalogue.lang ?? nothing}>${fragment.title}</span>
        <span part="meta" class="meta">
          ${person ? html`<span>${person.name}</span>` : nothing}
          ${length === undefined ? nothing : html`<span>${t(lang, 'length')}<time datetime=${isoDuration(length)}>${formatTime(length)}</time></span>`}
          ${isCurrent && this.isPlaying ? html`<span class="now">${tp(lang, 'playing')}</span>` : nothing}
        </span>
      </button>
      ${inline ? html`<div part="inline" class="inline"><fragment-player catalogue=${this.loader.state.status === 'ready' ? this.loader.state.url : nothing} fragment=${fragment.id} exportparts=${playerParts}></fragment-player></div>` : nothing}
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fragment-list': FragmentList;
  }
}
