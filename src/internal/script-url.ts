/**
 * The URL of our module for a snippet: the page's own `<script type="module" src="…/kijkom.js">`
 * when it has one (the demo's dev server serves one too), else `kijkom.js` beside `moduleUrl`, the
 * chunk asking (the CDN build's chunks sit beside it).
 */
export function kijkomScriptUrl(doc: Document, moduleUrl: string): string {
  const own = doc.querySelector<HTMLScriptElement>('script[type="module"][src$="/kijkom.js"]');
  return own?.src || new URL('kijkom.js', moduleUrl).href;
}
