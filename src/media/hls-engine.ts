// The hls.js path; a chunk of its own so that nothing of hls.js loads before a play.
import Hls from 'hls.js/light';
import type { ErrorData, FragBufferedData } from 'hls.js';
import type { Engine, EngineCallbacks, EngineSource } from './engine.js';

/** A media (decode) error is recovered at most once in this window, and this often in all. */
const MEDIA_RECOVERY_WINDOW_MS = 5000;
const MEDIA_RECOVERIES = 2;
/** Fatal network errors are retried this often (after hls.js's own retries) before giving up. */
const NETWORK_RETRIES = 2;
const NETWORK_RETRY_DELAY_MS = 1500;

/** Seconds ahead the buffer holds once playback runs. */
const BUFFER_AHEAD = 10;
/** Seconds past a clip's end that are still fetched, so playback can reach the end itself. */
const END_MARGIN = 0.5;

/** Bounded retries for every request, so trouble ends in playback or an error, never a spinner. */
const retry = { maxNumRetry: 2, retryDelayMs: 500, maxRetryDelayMs: 2000 };
const policy = (maxTimeToFirstByteMs: number, maxLoadTimeMs: number) => ({
  default: { maxTimeToFirstByteMs, maxLoadTimeMs, timeoutRetry: retry, errorRetry: retry },
});

export function attachHls(media: HTMLMediaElement, source: EngineSource, callbacks: EngineCallbacks): Engine {
  const hls = new Hls({
    startPosition: source.start,
    // Workers need a blob: or script URL a strict CSP or Trusted Types may forbid; fMP4 needs no transmuxing.
    enableWorker: false,
    // No read-ahead before the first frame (only the segment holding the start), then a short
    // buffer: a fragment is short, and bytes past its end are waste.
    maxBufferLength: 1,
    maxMaxBufferLength: 30,
    backBufferLength: 30,
    testBandwidth: false,
    capLevelToPlayerSize: true,
    manifestLoadPolicy: policy(8000, 15000),
    playlistLoadPolicy: policy(8000, 15000),
    fragLoadPolicy: policy(8000, 20000),
  });
  let end = source.end;
  let lastMediaRecovery = -Infinity;
  let mediaRecoveries = 0;
  let networkRetries = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let errorTimer: ReturnType<typeof setTimeout> | undefined;
  let reconnecting = false;

  const setReconnecting = (active: boolean) => {
    if (active === reconnecting) return;
    reconnecting = active;
    callbacks.onReconnecting(active);
  };

  hls.on(Hls.Events.FRAG_BUFFERED, (_event, data: FragBufferedData) => {
    networkRetries = 0;
    setReconnecting(false);
    // Stop fetching once the clip's end is buffered, with a little past it: an end on a segment
    // boundary needs the next segment's first frames, or playback stalls just short of it.
    if (end !== undefined && data.frag.start + data.frag.duration >= end + END_MARGIN) hls.stopLoad();
  });

  hls.on(Hls.Events.ERROR, (_event, data: ErrorData) => {
    if (!data.fatal) {
      if (data.type === Hls.ErrorTypes.NETWORK_ERROR) setReconnecting(true);
      return;
    }
    if (data.type === Hls.ErrorTypes.MEDIA_ERROR) return recoverMedia(data.details);
    if (data.type === Hls.ErrorTypes.NETWORK_ERROR) {
      const status = data.response?.code;
      const missing = status === 404 || status === 410;
      // A missing playlist is final; a missing segment may be a CDN still catching up: retry it.
      if (missing && data.details === Hls.ErrorDetails.MANIFEST_LOAD_ERROR) return fatal('not-found', describe(data));
      if (data.details === Hls.ErrorDetails.MANIFEST_PARSING_ERROR) return fatal('unsupported', describe(data));
      if (networkRetries < NETWORK_RETRIES) {
        networkRetries++;
        setReconnecting(true);
        retryTimer = setTimeout(() => hls.startLoad(media.currentTime || source.start), NETWORK_RETRY_DELAY_MS);
        return;
      }
      return fatal(missing ? 'not-found' : 'network', describe(data));
    }
    const unsupported = data.details === Hls.ErrorDetails.MANIFEST_INCOMPATIBLE_CODECS_ERROR;
    fatal(unsupported ? 'unsupported' : 'decode', describe(data));
  });

  const describe = (data: ErrorData) => `${data.details}${data.response?.code ? ` (HTTP ${data.response.code})` : ''}`;

  function fatal(code: Parameters<EngineCallbacks['onFatal']>[0], message: string) {
    setReconnecting(false);
    hls.stopLoad();
    callbacks.onFatal(code, message);
  }

  /** Reattaches the media after a decode error, within bounds; past them the error is final. */
  function recoverMedia(details: string) {
    const now = performance.now();
    if (now - lastMediaRecovery > MEDIA_RECOVERY_WINDOW_MS && mediaRecoveries < MEDIA_RECOVERIES) {
      lastMediaRecovery = now;
      mediaRecoveries++;
      // The player's stall watch turns a recovery that gets nowhere into an error.
      hls.recoverMediaError();
    } else fatal('decode', details);
  }

  const listening = new AbortController();
  const on = (type: string, listener: () => void) =>
    media.addEventListener(type, listener, { signal: listening.signal });
  on('playing', () => (hls.config.maxBufferLength = BUFFER_AHEAD));
  // A decode error hls.js does not see: Chromium closes the MediaSource on one (hls.js then resets
  // it, clearing media.error), Firefox may leave it open with the element dead. Recover it here.
  on('error', () => {
    errorTimer = setTimeout(
      () => media.error && recoverMedia(media.error.message || `media error ${media.error.code}`),
    );
  });
  // A media recovery (ours, or hls.js's own for a MediaSource that closed on a decode error)
  // detaches and reattaches the media, which stops it without a pause event: play on after it
  // if nobody paused. Only after a detach: a pause before the first attach stays a pause.
  let wantsPlay = false;
  let reattaching = false;
  on('play', () => (wantsPlay = true));
  on('pause', () => (wantsPlay = false));
  hls.on(Hls.Events.MEDIA_DETACHED, () => (reattaching = true));
  hls.on(Hls.Events.MEDIA_ATTACHED, () => {
    if (reattaching && wantsPlay && media.paused) media.play().catch(() => undefined);
    reattaching = false;
  });
  hls.loadSource(source.src);
  hls.attachMedia(media);

  return {
    kind: 'hls.js',
    releaseEnd() {
      if (end === undefined) return;
      end = undefined;
      hls.startLoad(media.currentTime);
    },
    destroy() {
      clearTimeout(retryTimer);
      clearTimeout(errorTimer);
      listening.abort();
      hls.destroy();
    },
  };
}
