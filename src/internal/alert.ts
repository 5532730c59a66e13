import type { CatalogueLoadError } from '../catalogue/loader.js';
import { t } from '../i18n/common-strings.js';
import type { Lang } from '../i18n/i18n.js';
import { h } from './dom.js';

/**
 * The one error box of every element: a message, and a retry button when trying again can help.
 * Plain DOM (Lit templates render it as a node), so the player's facade needs no template engine.
 */
export function alertBox(lang: Lang, message: string, retry?: () => void): HTMLElement {
  const button = retry && h('button', { part: 'retry', class: 'retry', type: 'button' }, t(lang, 'retry'));
  if (button) button.onclick = retry;
  return h('div', { part: 'error', class: 'alert', role: 'alert' }, h('p', {}, message), button);
}

/** The error box for a catalogue that could not be loaded. */
export const catalogueAlert = (lang: Lang, error: CatalogueLoadError, retry: () => void) =>
  alertBox(lang, t(lang, `error.${error.kind}`, { status: error.status ?? '' }), retry);
