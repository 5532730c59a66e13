import { validateCatalogue } from './validate.js';
import type { Catalogue, CatalogueErrorKind, CatalogueWarning } from './types.js';
import { nativeFetch } from '../platform/native-fetch.js';

/** Limits of every catalogue load; change them with `configureLoader` (tests make them small). */
export interface LoaderOptions {
  /** Milliseconds before a load fails with kind `timeout`. Default 15 000. */
  timeout: number;
  /** Bytes of body after which the download is aborted with kind `too-large`. Default 10 MB. */
  maxBytes: number;
}

/** The largest catalogue the elements load unless `configureLoader({ maxBytes })` says otherwise; `kijkom` warns above it. */
export const CATALOGUE_MAX_BYTES = 10 * 1024 * 1024;

const options: LoaderOptions = { timeout: 15_000, maxBytes: CATALOGUE_MAX_BYTES };

/** Sets the loader's limits for every load that starts afterwards. */
export function configureLoader(changes: Partial<LoaderOptions>): void {
  Object.assign(options, changes);
}

export interface LoadedCatalogue {
  catalogue: Catalogue;
  warnings: CatalogueWarning[];
}

/** A fatal load failure: nothing of the catalogue can be shown. */
export class CatalogueLoadError extends Error {
  override name = 'CatalogueLoadError';
  constructor(
    readonly kind: CatalogueErrorKind,
    readonly url: string,
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

interface Entry {
  promise: Promise<LoadedCatalogue>;
  controller: AbortController;
  /** Callers still waiting; the request is aborted only when none is left. */
  waiting: number;
  settled: boolean;
}

/** One entry per absolute URL per page; failed loads are removed, so a retry refetches. */
const cache = new Map<string, Entry>();

/** Forgets every cached catalogue (for tests and for hosts that publish a new version). */
export function clearCatalogueCache(): void {
  for (const entry of cache.values()) if (!entry.settled) entry.controller.abort();
  cache.clear();
}

async function readBody(response: Response, url: string, signal: AbortSignal): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > options.maxBytes) {
    // Refused unread: cancel the body, or the download stays open (and may go on) until garbage collection.
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge(url);
  }
  if (!response.body) return response.text();
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let size = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > options.maxBytes) {
      await reader.cancel();
      throw tooLarge(url);
    }
    text += decoder.decode(value, { stream: true });
    if (signal.aborted) throw signal.reason;
  }
  return text + decoder.decode();
}

const tooLarge = (url: string) =>
  new CatalogueLoadError('too-large', url, `the catalogue is larger than ${options.maxBytes} bytes`);

async function fetchCatalogue(url: string, signal: AbortSignal): Promise<LoadedCatalogue> {
  let response: Response;
  try {
    if (!nativeFetch) throw new TypeError('this page has no fetch');
    response = await nativeFetch(url, { signal, credentials: 'omit', headers: { accept: 'application/json' } });
    // A host's broken fetch may answer anything; only a Response is an answer.
    if (typeof response?.ok !== 'boolean' || typeof response.status !== 'number')
      throw new TypeError('fetch gave no response');
  } catch (error) {
    if (signal.aborted) throw signal.reason;
    throw new CatalogueLoadError('network', url, `the catalogue could not be reached (${String(error)})`);
  }
  if (!response.ok) {
    throw new CatalogueLoadError(
      'http',
      url,
      `the server answered ${response.status} ${response.statusText}`.trim(),
      response.status,
    );
  }
  const text = await readBody(response, url, signal);
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw new CatalogueLoadError('parse', url, `the catalogue is not JSON (${(error as Error).message})`);
  }
  const finalUrl = response.url || url;
  const result = validateCatalogue(doc, finalUrl);
  if (!result.ok) throw new CatalogueLoadError('format', url, result.message);
  if (result.warnings.length) logWarnings(url, result.warnings);
  return { catalogue: result.catalogue, warnings: result.warnings };
}

/** One console message per fetched catalogue, listing its problems, for whoever maintains it. */
function logWarnings(url: string, warnings: CatalogueWarning[]): void {
  console.warn(
    `Kijkom: ${warnings.length} problem(s) in ${url}; the rest is shown.`,
    warnings.map(({ path, message }) => `${path}: ${message}`),
  );
}

function start(url: string): Entry {
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new CatalogueLoadError('timeout', url, `no complete answer within ${options.timeout} ms`)),
    options.timeout,
  );
  const entry: Entry = { controller, waiting: 0, settled: false, promise: undefined as never };
  entry.promise = fetchCatalogue(url, controller.signal)
    .catch((error: unknown) => {
      // An abort reason may be our own timeout error; anything else unexpected is a network failure.
      if (error instanceof CatalogueLoadError || (error instanceof DOMException && error.name === 'AbortError'))
        throw error;
      throw new CatalogueLoadError('network', url, String(error));
    })
    .finally(() => {
      clearTimeout(timer);
      entry.settled = true;
    });
  entry.promise.catch(() => {
    if (cache.get(url) === entry) cache.delete(url);
  });
  return entry;
}

/**
 * Loads and validates the catalogue at an absolute URL. Every caller for the same URL shares one
 * request and one result. Aborting `signal` rejects this caller with an `AbortError`; the request
 * itself is aborted only when no other caller still waits for it.
 */
export function loadCatalogue(url: string, signal?: AbortSignal): Promise<LoadedCatalogue> {
  let entry = cache.get(url);
  if (!entry) {
    entry = start(url);
    cache.set(url, entry);
  }
  const shared = entry;
  shared.waiting++;
  if (!signal) return shared.promise;
  if (signal.aborted) {
    release(url, shared);
    return Promise.reject(signal.reason);
  }
  return new Promise<LoadedCatalogue>((resolve, reject) => {
    const onAbort = () => {
      reject(signal.reason);
      release(url, shared);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    shared.promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** One caller gave up; abort the request when it was the last one waiting. */
function release(url: string, entry: Entry): void {
  if (--entry.waiting > 0 || entry.settled) return;
  entry.controller.abort();
  if (cache.get(url) === entry) cache.delete(url);
}
