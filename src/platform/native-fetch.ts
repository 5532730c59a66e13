/**
 * `fetch` as it was when Kijkom loaded, so a host page that patches or breaks it later does not
 * change how we load catalogues and playlists. Undefined on a page that has none.
 */
export const nativeFetch: typeof fetch | undefined =
  typeof globalThis.fetch === 'function' ? globalThis.fetch.bind(globalThis) : undefined;
