// The module of csp-page.html (loaded by src=, never inline): Kijkom and its elements.
import { hostLit, loadKijkom, renderElements } from './page.js';

await hostLit();
if (await loadKijkom()) {
  renderElements();
  window.kijkomTest.status = 'ready';
}
