import { withMediaFragment } from './clip.js';
import { isProgressive, loadHlsEngine } from './hls-loader.js';
import { chunkLoader } from '../platform/chunk.js';
import {
  soundOutputFailed,
  type Engine,
  type EngineCallbacks,
  type EngineSource,
  type FailureCode,
  START_AHEAD,
} from './engine-types.js';
import { EarlyAnswers, answered } from './early-answers.js';
import { START_ESTIMATE, startRequests, startVariant, variants } from './start-requests.js';
import { nativeFetch } from '../platform/native-fetch.js';
import { engineOptions } from './engine-options.js';

const hasMediaSource = () => 'MediaSource' in globalThis || 'ManagedMediaSource' in globalThis;

/**
 * Attaches a source to a media element: progressive files directly with `#t=start,end`;
 * HLS through hls.js (a chunk loaded now, never before) wherever Media Source Extensions
 * exist, natively only where they do not (iOS Safari). Chromium's native HLS reads from the
 * opening segments before it seeks, so it cannot start where a fragment says.
 */
export async function attachEngine(
  media: HTMLMediaElement,
  source: EngineSource,
  callbacks: EngineCallbacks,
  /** Aborted when the player no longer wants this engine (what it asked for early is cancelled). */
  signal?: AbortSignal,
): Promise<Engine> {
  if (isProgressive(source.src)) {
    const engine = attachDirect(
      media,
      withMediaFragment(source.src, source.start, source.end),
      'progressive',
      callbacks,
    );
    if (source.start <= 0) return engine;
    const probe = new AbortController();
    void checkStartReachable(source.src, probe.signal).then((reachable) => {
      if (reachable || probe.signal.aborted) return;
      const message = `the server answers no byte ranges, so playback cannot start at ${source.start} s`;
      callbacks.onFatal('unsupported', message, { kind: 'no-ranges' });
    });
    return {
      ...engine,
      destroy() {
        probe.abort();
        engine.destroy();
      },
    };
  }
  if (hasMediaSource()) {
    const { playlist, reconnecting } = await fetchPlaylist(source.src);
    if (reconnecting) callbacks.onReconnecting(true);
    // The start's media is asked for now, while hls.js's code may still be on its way.
    const early = new EarlyAnswers();
    signal?.addEventListener('abort', () => early.abort(), { once: true });
    const variant = playlist && askEarly(early, playlist, source.start, media);
    try {
      const { attachHls } = await (playlist && needsFullHls(playlist.text) ? loadFullHlsEngine() : loadHlsEngine());
      const known = { playlist: playlist && answered(playlist.url, playlist.text), early, variant, reconnecting };
      return attachHls(media, source, callbacks, known, engineOptions);
    } catch (error) {
      early.abort();
      throw error;
    }
  }
  if (media.canPlayType('application/vnd.apple.mpegurl')) {
    const engine = attachDirect(media, source.src, 'native', callbacks);
    media.addEventListener('loadedmetadata', () => (media.currentTime = source.start), { once: true });
    return engine;
  }
  callbacks.onFatal('unsupported', 'this browser cannot play HLS');
  return {
    kind: 'native',
    received: () => 0,
    pending: () => undefined,
    recover: () => false,
    releaseEnd() {},
    audio: oneSound,
    chooseAudio() {},
    destroy() {},
  };
}

/**
 * A source the browser plays itself offers no choice of audio here (Safari's own controls offer
 * a stream's languages in full screen).
 */
const oneSound = () => ({ renditions: [], playing: -1 });

/** The engine with hls.js's full build, for streams that need it. */
const loadFullHlsEngine = chunkLoader(() => import('./hls-engine-full.js'));

/** How long the first playlist request may take before hls.js is left to try again. */
const PLAYLIST_MS = 8000;

/**
 * Fetches the playlist first, to choose the hls.js build by what the stream holds; hls.js is
 * then handed the text, so it is still requested once. Where this fails, hls.js (light) tries
 * again with its own retries and error reporting; a missing playlist is no reason to reconnect.
 */
async function fetchPlaylist(
  src: string,
): Promise<{ playlist?: { url: string; text: string }; reconnecting?: boolean }> {
  try {
    if (!nativeFetch) throw new TypeError('this page has no fetch');
    const response = await nativeFetch(src, { signal: AbortSignal.timeout(PLAYLIST_MS) });
    if (response.ok) return { playlist: { url: response.url || src, text: await response.text() } };
    return { reconnecting: response.status !== 404 && response.status !== 410 };
  } catch {
    return { reconnecting: true };
  }
}

/**
 * Asks for what hls.js will ask for first (issue: instant play): from a media playlist the start's
 * init section and segment; from a multivariant one the playlist of the rendition to start on, then
 * from it those. Returns that rendition's playlist URL, for hls.js to start on.
 */
function askEarly(
  early: EarlyAnswers,
  playlist: { url: string; text: string },
  start: number,
  media: HTMLMediaElement,
) {
  const offered = variants(playlist.text, playlist.url);
  if (!offered.length) return void early.fetch(startRequests(playlist.text, playlist.url, start, START_AHEAD));
  const width = media.getBoundingClientRect().width * devicePixelRatio;
  const variant = startVariant(offered, width, START_ESTIMATE)?.url;
  if (!variant) return undefined;
  // Read before hls.js may take it (promise reactions run in order), so its segments are asked for first.
  void early.fetchPlaylist(variant)?.done.then((answer) => {
    if (answer && 'data' in answer && typeof answer.data === 'string')
      early.fetch(startRequests(answer.data, answer.url, start, START_AHEAD));
  });
  return variant;
}

/** Alternate audio (a rendition with its own URI) and subtitle renditions need the full build. */
const needsFullHls = (playlist: string) =>
  /^#EXT-X-MEDIA:(?:(?=.*TYPE=SUBTITLES)|(?=.*TYPE=AUDIO)(?=.*URI=))/m.test(playlist);

/**
 * A server that ignores Range requests lets a browser play a file only from its beginning
 * (Chromium plays from 0:00, Firefox stalls or fails to decode). Asks the server for one byte:
 * 206 means it can seek. Where the answer cannot be read (a server without CORS), nothing is
 * claimed: what the browser can seek to is no guide, as it grows with the download.
 */
async function checkStartReachable(src: string, signal: AbortSignal): Promise<boolean> {
  try {
    if (!nativeFetch) return true;
    const response = await nativeFetch(src, { headers: { range: 'bytes=0-0' }, signal });
    void response.body?.cancel();
    return response.status === 206;
  } catch {
    return true;
  }
}

function attachDirect(media: HTMLMediaElement, src: string, kind: Engine['kind'], callbacks: EngineCallbacks): Engine {
  const onError = () => {
    const error = media.error;
    if (!error) return;
    const code: FailureCode =
      error.code === MediaError.MEDIA_ERR_DECODE
        ? 'decode'
        : error.code === MediaError.MEDIA_ERR_SRC_NOT_SUPPORTED
          ? 'unsupported'
          : 'network';
    const message = error.message || `media error ${error.code}`;
    // Not the media: the sound output (no retry here; the browser plays the file itself).
    if (soundOutputFailed(message)) return callbacks.onFatal('decode', message, { kind: 'sound' });
    callbacks.onFatal(code, message);
  };
  // The browser downloads by itself and tells only that bytes arrived: count its progress events.
  let progressEvents = 0;
  const onProgress = () => progressEvents++;
  media.addEventListener('error', onError);
  media.addEventListener('progress', onProgress);
  media.src = src;
  return {
    kind,
    received: () => progressEvents,
    pending: () => undefined,
    recover: () => false,
    releaseEnd() {},
    audio: oneSound,
    chooseAudio() {},
    destroy() {
      media.removeEventListener('error', onError);
      media.removeEventListener('progress', onProgress);
      media.removeAttribute('src');
      media.load();
    },
  };
}
