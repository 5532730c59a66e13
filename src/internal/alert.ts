import { html, nothing } from 'lit';
import type { CatalogueLoadError } from '../catalogue/loader.js';
import { t, type Lang } from '../i18n/i18n.js';

/** The one error box of every element: a message, and a retry button when trying again can help. */
export function alertBox(lang: Lang, message: string, retry?: () => void) {
  return html`<div part="error" class="alert" role="alert">
    <p>${message}</p>
    ${retry ? html`<button part="retry" class="retry" type="button" @click=${retry}>${t(lang, 'retry')}</button>` : nothing}
  </div>`;
}

/** The error box for a catalogue that could not be loaded. */
export const catalogueAlert = (lang: Lang, error: CatalogueLoadError, retry: () => void) =>
  alertBox(lang, t(lang, `error.${error.kind}`, { status: error.status ?? '' }), retry);
