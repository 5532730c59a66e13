// The module of hostile-page.html: (the host's lit-html,) Kijkom, then (?fetch=<kind>-after) the
// host breaks fetch, then the elements are rendered.
import { hostLit, loadKijkom, params, renderElements } from './page.js';

declare global {
  interface Window {
    kijkomHost: { breakFetch(kind: string): void; catalogueErrors: unknown[] };
  }
}

// Every catalogue error our elements report (they fire before the parent test could listen).
document.addEventListener('catalogue-error', (event) =>
  window.kijkomHost.catalogueErrors.push((event as CustomEvent).detail),
);
await hostLit();
if (await loadKijkom()) {
  const [kind, when] = (params.get('fetch') ?? '').split('-');
  if (when === 'after') window.kijkomHost.breakFetch(kind);
  renderElements();
  window.kijkomTest.status = 'ready';
}
