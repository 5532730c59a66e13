/** URL rules of the catalogue: resolve against the catalogue's own URL, keep only http(s). */

export type UrlResult = { ok: true; url: string } | { ok: false; reason: string };

const ALLOWED = new Set(['http:', 'https:']);

/**
 * Resolves a catalogue URL field against `base` (the catalogue's final URL, never the page).
 * Any scheme but http: and https: is refused, so `javascript:` and `data:` never reach the DOM.
 */
export function resolveUrl(value: unknown, base: string): UrlResult {
  if (typeof value !== 'string') return { ok: false, reason: 'is not a URL' };
  const text = value.trim();
  if (text === '') return { ok: false, reason: 'is empty' };
  let url: URL;
  try {
    url = new URL(text, base);
  } catch {
    return { ok: false, reason: 'is not a URL' };
  }
  if (!ALLOWED.has(url.protocol))
    return { ok: false, reason: `uses the scheme "${url.protocol}"; only http: and https: are allowed` };
  return { ok: true, url: url.href };
}
