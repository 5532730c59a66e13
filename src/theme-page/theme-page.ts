import { nothing } from 'lit';
import { html, literal } from 'lit/static-html.js';
import { property } from 'lit/decorators.js';
import { langOf, t } from '../i18n/i18n.js';
import { CatalogueProvider } from '../internal/catalogue-provider.js';
import { tokens } from '../internal/shared-styles.js';
import { styles } from './theme-page.styles.js';

const headings = [literal`h1`, literal`h2`, literal`h3`, literal`h4`, literal`h5`, literal`h6`];

/**
 * A whole theme: its title, introduction, one stage player and the list of its fragments.
 * Selecting a fragment plays it in the stage player. The catalogue is loaded once and shared
 * with the elements inside through context. It renders the default tags `<fragment-player>`
 * and `<fragment-list>` even when this class is registered under another name.
 *
 * @summary A theme of the archive: introduction, stage player and fragment list.
 * @tag theme-page
 *
 * @fires catalogue-load - The catalogue loaded; `detail.warnings` lists what was skipped.
 * @fires catalogue-error - The catalogue could not be loaded.
 *
 * @csspart base - The page's layout box (container queries apply here).
 * @csspart header - Label and title.
 * @csspart label - The label "Thema" / "Theme".
 * @csspart title - The theme's heading.
 * @csspart intro - The introduction paragraphs.
 * @csspart stage - The box holding the stage player.
 * @csspart error - The error message.
 *
 * @cssprop --theme-page-label-color - Colour of the "Thema" label (falls back to `--kijkom-accent`).
 * @cssprop --theme-page-title-size - Font size of the title.
 * @cssprop --theme-page-measure - Maximum line length of the introduction.
 * @cssprop --theme-page-sticky-top - Offset of the sticky stage player in wide layouts.
 */
export class ThemePage extends CatalogueProvider {
  static override styles = [tokens, styles];

  /** Id of the theme to show. */
  @property() theme?: string;
  /** Level of the theme's heading (1–6); the host page owns its own h1. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  override render() {
    const state = this.loader.state;
    const lang = langOf(this, state.status === 'ready' ? state.catalogue.lang : undefined);
    if (state.status === 'error') {
      return html`<div part="error" role="alert">
        <p>${t(lang, `error.${state.error.kind}`, { status: state.error.status ?? '' })}</p>
      </div>`;
    }
    if (state.status !== 'ready') return html`<div part="base" aria-busy="true">${t(lang, 'loading')}</div>`;
    const theme = this.theme === undefined ? undefined : state.catalogue.themes.get(this.theme);
    if (!theme) return html`<div part="error" role="alert"><p>${t(lang, 'error.theme', { id: this.theme ?? '' })}</p></div>`;
    const level = Math.min(6, Math.max(1, Math.round(this.headingLevel) || 2));
    const heading = headings[level - 1];
    const stageFragment = this.playback.currentFragmentId ?? theme.fragments[0];
    return html`<article part="base" class="page">
      <header part="header">
        <p part="label" class="label">${t(lang, 'theme')}</p>
        <${heading} part="title" class="title">${theme.title}</${heading}>
      </header>
      ${theme.intro.length ? html`<div part="intro" class="intro">${theme.intro.map((p) => html`<p>${p}</p>`)}</div>` : nothing}
      <div class="layout">
        <div part="stage" class="stage">
          ${stageFragment ? html`<fragment-player fragment=${stageFragment}></fragment-player>` : nothing}
        </div>
        <fragment-list theme=${theme.id}></fragment-list>
      </div>
    </article>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'theme-page': ThemePage;
  }
}
