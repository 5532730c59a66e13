// Helpers for element tests against the generated media, served through the test server's routes.
import { executeServerCommand } from '@web/test-runner-commands';

export interface LoggedRequest {
  path: string;
  status: number;
  bytes: number;
  /** The request's Range header, if it had one. */
  range?: string;
}

/** hls.js itself or our engine around it (not the small facade module that knows where they are). */
export const HLS_CODE = /hls\.js\/|hls-engine/;

/** `path` on the same test server under the other loopback name: another origin, answering without CORS headers. */
export function otherOrigin(path: string): string {
  const host = location.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1';
  return `${location.protocol}//${host}:${location.port}${path}`;
}

/** A fresh token: requests under it are logged apart from every other test's. */
export const token = () => Math.random().toString(36).slice(2);

/** The fixture catalogue, its media routed through `/_media/<token>/<fault>/`. */
export const catalogueUrl = (t: string, fault = 'none') => `/_cat/${t}/ok/${fault}`;

/** The sample interview's playlist under a token and fault. */
export const playlistUrl = (t: string, fault = 'none', file = 'video.m3u8') =>
  `/_media/${t}/${fault}/interview-32m/${file}`;

export const requestLog = (t: string) =>
  executeServerCommand<LoggedRequest[], { token: string }>('request-log', { token: t });

/** Index of a media segment ("video-00378.m4s" → 378), or undefined for anything else. */
export function segmentIndex(path: string): number | undefined {
  const match = /-(\d+)\.m4s$/.exec(path);
  return match ? Number(match[1]) : undefined;
}

/** A segment request the page started: its URL, segment index and when it started (performance.now()). */
export interface StartedSegment {
  url: string;
  index: number;
  startTime: number;
}

/**
 * Watches the segment requests the page starts from now on (resource timing, which keeps when each
 * request started, where the server's log only says what arrived). `stop` ends the watch.
 */
export function watchSegments(): { segments: StartedSegment[]; stop(): void } {
  const segments: StartedSegment[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const { name, startTime } of list.getEntriesByType('resource')) {
      const index = /-(\d+)\.(?:m4s|ts)$/.exec(new URL(name).pathname)?.[1];
      if (index !== undefined) segments.push({ url: name, index: Number(index), startTime });
    }
  });
  observer.observe({ type: 'resource' });
  return { segments, stop: () => observer.disconnect() };
}

/** Resolves with the first event of `type` on `target`, or rejects after `ms`. */
export function nextEvent<T extends Event>(target: EventTarget, type: string, ms = 15000): Promise<T> {
  // Made now, so that its stack names the test line that waits.
  const timeout = new Error(`no ${type} event within ${ms} ms`);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(timeout), ms);
    target.addEventListener(type, (event) => (clearTimeout(timer), resolve(event as T)), { once: true });
  });
}

/**
 * Polls `check` every 50 ms (awaited, so it may ask the server) until it returns a truthy value, or rejects after `ms`, naming `what`
 * (a function: worded when it fails, so it can say what was there instead).
 */
export async function until<T>(
  check: () => T | Promise<T>,
  what: string | (() => string),
  ms = 15000,
): Promise<NonNullable<T>> {
  const deadline = performance.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (performance.now() > deadline)
      throw new Error(`timed out waiting for ${typeof what === 'string' ? what : what()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Waits until `media` plays; resolves with the time it first played from. Read from `played`, not
 * from a `playing` listener: the player may create its video and start it between two polls of
 * `until`, and a listener added after that never hears the event (seen on an idle machine).
 */
export async function playingFrom(media: HTMLMediaElement, ms = 20000): Promise<number> {
  await until(
    () => !media.paused && media.played.length > 0,
    () => `playback (${mediaState(media)})`,
    ms,
  );
  return media.played.start(0);
}

/** What a media element is doing, for a failure message. */
export function mediaState(media: HTMLMediaElement): string {
  const buffered = [...Array(media.buffered.length).keys()].map(
    (i) => `${media.buffered.start(i)}-${media.buffered.end(i)}`,
  );
  return (
    `${media.paused ? 'paused' : 'not paused'} at ${media.currentTime} s, readyState ${media.readyState}, ` +
    `networkState ${media.networkState}, buffered [${buffered.join(', ')}]` +
    (media.error ? `, error ${media.error.code} ${media.error.message}` : '')
  );
}

/**
 * Waits until `media` has played `seconds` of sound (from where it stands now), before a test
 * switches to another media element (audio only, and back). Headless Firefox's null audio backend
 * (a test machine has no sound device) fails an element started within a few seconds of the page's
 * first sound (OnMediaSinkAudioError). The player tries again when that happens (the engine's
 * `soundRetryDelays`), but a test about switching sources should not lean on that path. Seen under load.
 */
export async function soundFor(media: HTMLMediaElement, seconds = 5): Promise<void> {
  const from = media.currentTime;
  await until(() => !media.paused && media.currentTime >= from + seconds, `${seconds} s of sound`, 30000);
}
