/**
 * Wraps the `import()` of an on-demand chunk so that a failed load (offline, a page served
 * without our chunk files, a CSP) can be tried again. Firefox keeps a failed module URL failed
 * for the page's life, so after a failure the URL the error names is imported afresh with a
 * query; where the error names none (Safari), the same import is tried again.
 */
export function chunkLoader<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  let failedUrl: string | undefined;
  let tries = 0;
  return () =>
    (loaded ??= (failedUrl ? (import(/* @vite-ignore */ failedUrl + '?retry=' + ++tries) as Promise<T>) : load()).catch(
      (error: unknown) => {
        loaded = undefined;
        failedUrl = /https?:\/\/[^\s?#]+/.exec(String(error))?.[0] ?? failedUrl;
        throw error;
      },
    ));
}
