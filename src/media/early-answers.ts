// Requests the engine makes before hls.js runs (the first playlist; the start's init section and
// segment, while hls.js's code still loads), kept for hls.js's loaders to answer from memory, so
// that each is still made once.
import { nativeFetch } from '../platform/native-fetch.js';
import { normalUrl, type MediaRequest } from './start-requests.js';

/** An answer on its way: how far it has come (the player's stall watch reads it), then the answer. */
export interface EarlyAnswer {
  /** When it was asked for, and when its first byte came (0 until then), in `performance.now()` time. */
  readonly asked: number;
  first: number;
  /** Bytes so far, and in all (0 while not known). */
  loaded: number;
  total: number;
  /** Told of every chunk of bytes that arrives (the loader waiting for it). */
  onProgress?: () => void;
  /** Stops the request (hls.js gave up waiting for it, and asks the network again). */
  cancel?(): void;
  /**
   * The answer; or the failure (an HTTP status, 0 for no answer at all), which hls.js handles as
   * its own request's; or undefined where the request is better made again the usual way.
   */
  readonly done: Promise<Answered | Failed | undefined>;
}

export type Answered = { url: string; data: ArrayBuffer | string; end: number };
export type Failed = { status: number; text: string };

/** An answer already here (a playlist fetched before hls.js ran). */
export function answered(url: string, data: string): EarlyAnswer {
  const now = performance.now();
  return {
    asked: now,
    first: now,
    loaded: data.length,
    total: data.length,
    done: Promise.resolve({ url, data, end: now }),
  };
}

/** A request's key: its URL, and its byte range (`end` exclusive; 0 for none, as hls.js gives it) where it has one. */
const requestKey = (url: string, start?: number, end?: number) =>
  end ? `${normalUrl(url)} ${start ?? 0}-${end}` : normalUrl(url);

/** Requests made early, by key, until hls.js takes their answers. */
export class EarlyAnswers {
  private readonly answers = new Map<string, FetchedAnswer>();
  /** Aborted: nothing more is asked for. */
  private aborted = false;

  private ask(url: string, range?: { start?: number; end?: number }, asText = false): FetchedAnswer | undefined {
    if (this.aborted) return undefined;
    const key = requestKey(url, range?.start, range?.end);
    const answer = new FetchedAnswer(
      url,
      range?.end ? `bytes=${range.start ?? 0}-${range.end - 1}` : undefined,
      asText,
    );
    this.answers.get(key)?.cancel();
    this.answers.set(key, answer);
    return answer;
  }

  /** Makes `requests` now, each at once and side by side. */
  fetch(requests: MediaRequest[]): void {
    for (const request of requests) this.ask(request.url, request);
  }

  /** Asks for a playlist now; its answer, as text, is also what the engine reads next. */
  fetchPlaylist(url: string): EarlyAnswer | undefined {
    return this.ask(url, undefined, true);
  }

  /**
   * The early answer to a request for `url` (bytes `start` to `end`, exclusive, where `end` is
   * not 0), if one was made; each is taken once (a later try goes to the network).
   */
  take(url: string, start?: number, end?: number): EarlyAnswer | undefined {
    const key = requestKey(url, start, end);
    const answer = this.answers.get(key);
    this.answers.delete(key);
    return answer;
  }

  /** Cancels what hls.js has not taken (the player stopped before hls.js ran, or has gone). */
  abort(): void {
    this.aborted = true;
    for (const answer of this.answers.values()) answer.cancel();
    this.answers.clear();
  }
}

/** A request made with the page's own fetch, its body read as it arrives (so that a slow download is seen to move). */
class FetchedAnswer implements EarlyAnswer {
  readonly asked = performance.now();
  first = 0;
  loaded = 0;
  total = 0;
  onProgress?: () => void;
  readonly done: EarlyAnswer['done'];
  private readonly aborter = new AbortController();

  constructor(url: string, range: string | undefined, asText = false) {
    const { signal } = this.aborter;
    this.done = this.read(url, range, signal, asText).catch((error: unknown) =>
      signal.aborted ? undefined : { status: 0, text: String(error) },
    );
  }

  cancel(): void {
    this.aborter.abort();
  }

  private async read(
    url: string,
    range: string | undefined,
    signal: AbortSignal,
    asText: boolean,
  ): Promise<Answered | Failed | undefined> {
    if (!nativeFetch) return undefined;
    const response = await nativeFetch(url, { headers: range ? { range } : {}, signal });
    this.first = performance.now();
    if (!response.ok) {
      void response.body?.cancel();
      return { status: response.status, text: response.statusText };
    }
    // A range asked for and the whole file answered (a server without ranges): not these bytes.
    if ((range && response.status !== 206) || !response.body) {
      void response.body?.cancel();
      return undefined;
    }
    this.total = Number(response.headers.get('content-length')) || 0;
    const chunks: Uint8Array[] = [];
    const reader = response.body.getReader();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      chunks.push(chunk.value);
      this.loaded += chunk.value.byteLength;
      this.onProgress?.();
    }
    const data = new Uint8Array(this.loaded);
    let at = 0;
    for (const chunk of chunks) {
      data.set(chunk, at);
      at += chunk.byteLength;
    }
    return {
      url: response.url || url,
      data: asText ? new TextDecoder().decode(data) : data.buffer,
      end: performance.now(),
    };
  }
}
