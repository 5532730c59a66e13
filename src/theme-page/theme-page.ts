import { html, nothing } from 'lit';
import type { Catalogue, Theme } from '../catalogue/types.js';
import { tp } from '../i18n/page-strings.js';
import { alertBox } from '../internal/alert.js';
import { headingLevel, Headings } from '../internal/heading.js';
import { uiLangOf } from '../internal/catalogue-controller.js';
import { CatalogueProvider, pendingStyles } from '../internal/catalogue-provider.js';
import { defineElement } from '../internal/define.js';
import { FragmentList } from '../fragment-list/fragment-list.js';
import { FragmentPlayer } from '../fragment-player/fragment-player.js';
import { replaceFragmentHash } from '../internal/deep-link.js';
import { listParts, playerParts } from '../internal/exported-parts.js';
import { tokens } from '../internal/shared-styles.js';
import { styles } from './theme-page.styles.js';

/**
 * A whole theme: its title, introduction, one stage player and the list of its fragments.
 * Selecting a fragment plays it in the stage player and writes `#fragment=<id>` into the
 * address (`history.replaceState`: no history entry, no scroll). A page opened with
 * `#fragment=<id>` cues that fragment: the first element in document order that has it shows
 * it in its player, marks it current and scrolls it into view, and nothing plays.
 *
 * The catalogue is loaded once and shared with the elements inside through context. It renders
 * the default tags `<fragment-player>` and `<fragment-list>` even when this class is registered
 * under another name.
 *
 * Colours, fonts and spacing come from the host page: each `--theme-page-*` property falls
 * back to a `--kijkom-*` token, then to NL Design System's `--basis-*` token, then to a literal;
 * colours follow the host's `color-scheme`.
 *
 * @summary A theme of the archive: introduction, stage player and fragment list.
 * @tag theme-page
 *
 * @fires {CatalogueLoadEvent} catalogue-load - The catalogue loaded; `detail.warnings` lists what was skipped.
 * @fires {CatalogueErrorEvent} catalogue-error - The catalogue could not be loaded.
 * @fires {FragmentSelectEvent} fragment-select - From the list inside (composed): a fragment was chosen; cancel it and the page does nothing.
 * @fires {FragmentPlaybackEvent} fragment-play - From the stage player (composed): playback started.
 * @fires {FragmentPlaybackEvent} fragment-pause - From the stage player (composed): playback paused.
 * @fires {FragmentPlaybackEvent} fragment-ended - From the stage player (composed): the fragment's end was reached.
 * @fires {FragmentErrorEvent} fragment-error - From the stage player (composed): the media failed.
 *
 * @csspart base - The page's layout box (container queries apply here; two columns from 48rem).
 * @csspart link-missed - Above the page: the notice that the address's `#fragment=` names a fragment that is not on the page (`role="status"`; nothing is cued).
 * @csspart header - Label and title.
 * @csspart label - The label "Thema" / "Theme".
 * @csspart title - The theme's heading (`h2`, or the level of `heading-level`).
 * @csspart intro - The introduction paragraphs.
 * @csspart stage - The box holding the stage player (sticky in the two-column layout).
 * @csspart fragments - The section holding the list's heading and the `<fragment-list>`.
 * @csspart fragments-heading - The list's heading, "Fragmenten (26)", one level below the title.
 * @csspart error - The error message (`role="alert"`).
 * @csspart retry - The error's "try again" button, which loads the catalogue again.
 *
 * @cssprop --theme-page-label-color - Colour of the "Thema" label; falls back to `--kijkom-accent`.
 * @cssprop [--theme-page-title-size=clamp(1.6em, 1.2em + 2.5cqi, 2.5em)] - Font size of the title.
 * @cssprop [--theme-page-intro-size=1.0625em] - Font size of the introduction.
 * @cssprop [--theme-page-measure=42em] - Maximum line length of the introduction.
 * @cssprop [--theme-page-sticky-top=1rem] - Offset of the sticky stage player in the two-column layout (below a fixed site header, say).
 * @cssprop --kijkom-accent - Accent of every Kijkom element (label, time badges, current item); falls back to `--basis-color-accent-1-color-default`, then #154273 (dark: #8fb8e8).
 * @cssprop --kijkom-on-accent - Text on the accent; falls back to `--basis-color-accent-1-inverse-color-default`, then white (dark: #0b1a2b).
 * @cssprop --kijkom-color - Text colour; falls back to `--basis-color-default-color-document`, then #1b1b1b (dark: #ececec).
 * @cssprop --kijkom-color-muted - Secondary text (interviewee, counts); falls back to `--basis-color-default-color-subtle`, then #555 (dark: #b4b4b4).
 * @cssprop --kijkom-background - Background of fields; falls back to `--basis-color-default-bg-document`, then white (dark: #161616).
 * @cssprop --kijkom-surface - Background of the current item and of alerts; falls back to `--basis-color-default-bg-subtle`, then #f3f3f1 (dark: #222).
 * @cssprop --kijkom-border-color - Dividers and field borders; falls back to `--basis-color-default-border-default`, then #c9c9c6 (dark: #444).
 * @cssprop --kijkom-link-color - Fragment titles in the list; falls back to `--basis-color-action-2-color-default`, `--nl-link-color`, `--utrecht-link-color`, then the accent.
 * @cssprop --kijkom-focus-color - Focus ring colour; falls back to `--basis-focus-outline-color`, then black (dark: white).
 * @cssprop --kijkom-focus-width - Focus ring width; falls back to `--basis-focus-outline-width`, then 3px.
 * @cssprop --kijkom-focus-offset - Focus ring offset; falls back to `--basis-focus-outline-offset`, then 2px.
 * @cssprop --kijkom-radius - Corner radius; falls back to `--basis-border-radius-md`, then 6px.
 * @cssprop --kijkom-space - The spacing unit of the layout; falls back to `--basis-space-block-md`, then 1rem.
 * @cssprop --kijkom-font-family - Text font; falls back to `--basis-text-font-family-default`, then the host's font.
 * @cssprop --kijkom-heading-font-family - Heading font; falls back to `--basis-heading-font-family`, then the text font.
 * @cssprop --kijkom-error-color - The bar beside an error message; falls back to #a4001f (dark: #ff8a8a).
 */
export class ThemePage extends CatalogueProvider {
  /**
   * Registers the class as `<theme-page>`, or as `tag`, and the default tags it renders,
   * `<fragment-player>` and `<fragment-list>`; a tag already taken is left alone.
   */
  static define(tag = 'theme-page'): void {
    FragmentPlayer.define();
    FragmentList.define();
    defineElement(tag, this);
  }

  static override styles = [tokens, pendingStyles, styles];

  static override properties = { theme: {}, headingLevel: { type: Number, attribute: 'heading-level' } };

  /** Id of the theme to show. */
  declare theme?: string;
  /**
   * Level of the theme's heading (1–6); the host page owns its own h1.
   * @attr heading-level
   */
  headingLevel = 2;

  protected override holds(catalogue: Catalogue, id: string): boolean {
    return this.themeIn(catalogue)?.fragments.includes(id) ?? false;
  }

  private themeIn(catalogue: Catalogue): Theme | undefined {
    return this.theme === undefined ? undefined : catalogue.themes.get(this.theme);
  }

  protected override willUpdate(): void {
    // The theme's order goes down with the playback state: the stage player steps through it.
    const state = this.loader.state;
    const queue = state.status === 'ready' ? this.themeIn(state.catalogue)?.fragments : undefined;
    if (queue !== this.playback.queue) this.playback = { ...this.playback, queue };
    super.willUpdate();
  }

  /**
   * Plays a fragment in the stage player and writes it into the address, so the page can be
   * shared as it is. When the stage is mostly out of sight (a narrow page, where it sits above
   * the list) it is scrolled into view and focus goes to its play control: nobody has to scroll
   * or tab back past the list to find what plays.
   */
  override async playFragment(fragmentId: string): Promise<void> {
    replaceFragmentHash(fragmentId);
    const stage = this.renderRoot.querySelector('[part~="stage"]');
    const box = stage?.getBoundingClientRect();
    const away = box && Math.min(box.bottom, innerHeight) - Math.max(box.top, 0) < box.height / 2;
    this.cueFragment(fragmentId);
    const player = await this.player();
    if (away) {
      const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;
      stage!.scrollIntoView({ block: 'nearest', behavior: reduce ? 'instant' : 'smooth' });
      // Now, not once it plays: the player keeps focus on its main control as the facade becomes
      // play/pause, and a reader who tabbed on meanwhile keeps their place (focus moved after the
      // play settled took it from the next button a busy machine had reached first). No scroll
      // that would cut the smooth one short.
      player?.focus({ preventScroll: true });
    }
    await player?.play({ fragment: fragmentId });
  }

  private readonly headings = new Headings();

  override render() {
    const state = this.loader.state;
    const lang = uiLangOf(this, state);
    if (state.status !== 'ready' || !this.hasStrings(lang)) return this.renderPending(lang);
    const theme = this.themeIn(state.catalogue);
    if (!theme) return alertBox(lang, tp(lang, 'error.theme', { id: this.theme ?? '' }));
    const level = headingLevel(this.headingLevel);
    const stageFragment = this.playback.currentFragmentId ?? theme.fragments[0];
    // The catalogue's texts in the catalogue's language, whatever the interface's (WCAG 3.1.2).
    const textLang = state.catalogue.lang;
    return html`${this.renderLinkMissed(lang)}
      <article part="base" class="page">
        <header part="header">
          <p part="label" class="label">${tp(lang, 'theme')}</p>
          ${this.headings.get(level, { part: 'title', class: 'title', lang: textLang }, theme.title)}
        </header>
        ${theme.intro.length ? html`<div part="intro" class="intro" lang=${textLang ?? nothing}>${theme.intro.map((p) => html`<p>${p}</p>`)}</div>` : nothing}
        <div class="layout">
          <div part="stage" class="stage">
            ${stageFragment ? html`<fragment-player fragment=${stageFragment} exportparts=${playerParts}></fragment-player>` : nothing}
          </div>
          <section part="fragments" class="fragments" aria-labelledby="fragments-heading">
            ${this.headings.get(level + 1, { id: 'fragments-heading', part: 'fragments-heading', class: 'fragments-heading' }, tp(lang, 'fragments'), theme.fragments.length)}
            <fragment-list theme=${theme.id} exportparts=${listParts}></fragment-list>
          </section>
        </div>
      </article>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'theme-page': ThemePage;
  }
}
