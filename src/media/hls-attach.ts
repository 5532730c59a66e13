// The hls.js engine, for either build of hls.js (light, or full where a stream needs it).
import type HlsFull from 'hls.js';
import type { ErrorData, FragBufferedData, Fragment, HlsConfig, Loader, LoaderCallbacks, LoaderContext } from 'hls.js';
import {
  soundOutputFailed,
  type Engine,
  type EngineCallbacks,
  type EngineSource,
  type FailureCause,
  type HlsStart,
  START_AHEAD,
} from './engine-types.js';
import type { EarlyAnswer } from './early-answers.js';
import { START_ESTIMATE, sameUrl, startVariant } from './start-requests.js';
import { nativeFetch } from '../platform/native-fetch.js';
import type { EngineOptions } from './engine-options.js';

/** The hls.js class; the light build is the same class with fewer parts. */
export type HlsClass = typeof HlsFull;

/** A media (decode) error is recovered at most once in this window, and this often in all. */
const MEDIA_RECOVERY_WINDOW_MS = 5000;
const MEDIA_RECOVERIES = 2;
/** HTTP statuses that refuse a request for good: no retry. */
const REFUSED = new Set([401, 403]);
/** Fatal network errors are retried this often (after hls.js's own retries) before giving up. */
const NETWORK_RETRIES = 2;
/** How long a probe telling CORS from no connection may take. */
const PROBE_MS = 5000;

/** Seconds ahead the buffer holds once playback runs. */
const BUFFER_AHEAD = 10;
/** Seconds buffered at a stuck playhead that make it the media's fault, not the network's. */
const DECODABLE_AHEAD = 0.5;
/** Seconds past a clip's end that are still fetched, so playback can reach the end itself. */
const END_MARGIN = 0.5;

/** The longest a segment's download may take, however slowly its bytes arrive. */
const SEGMENT_LOAD_MS = 5 * 60_000;

/** Bounded retries for every request, so trouble ends in playback or an error, never a spinner. */
const retries = (delayMs: number) => ({ maxNumRetry: 2, retryDelayMs: delayMs, maxRetryDelayMs: delayMs * 4 });
const policy = (maxTimeToFirstByteMs: number, maxLoadTimeMs: number, retry: ReturnType<typeof retries> | null) => ({
  default: { maxTimeToFirstByteMs, maxLoadTimeMs, timeoutRetry: retry, errorRetry: retry },
});

export function attachHls(
  Hls: HlsClass,
  media: HTMLMediaElement,
  source: EngineSource,
  callbacks: EngineCallbacks,
  known: HlsStart,
  options: EngineOptions,
): Engine {
  const hls = new Hls({
    // What the engine fetched before hls.js ran: the first playlist (a retry asks the network) and
    // the start's init section and segment.
    pLoader: fromMemory<HlsConfig['pLoader']>(Hls, (context) => {
      if ((context as { type?: string }).type !== 'manifest') return known.early?.take(context.url);
      const { playlist } = known;
      known.playlist = undefined;
      return playlist;
    }),
    fLoader: fromMemory<HlsConfig['fLoader']>(Hls, ({ url, rangeStart, rangeEnd }) =>
      known.early?.take(url, rangeStart, rangeEnd),
    ),
    startPosition: source.start,
    // The audio language chosen last, from the first segment on (no other language fetched first).
    // By its language where it has one (the next interview's English may have another name), else its name.
    ...(source.audio && {
      audioPreference: source.audio.lang ? { lang: source.audio.lang } : { name: source.audio.name },
    }),
    // Workers need a blob: or script URL a strict CSP or Trusted Types may forbid; fMP4 needs no transmuxing.
    enableWorker: false,
    // No read-ahead before the first frame, then a short buffer: a fragment is short, and bytes
    // past its end are waste. In seconds only: hls.js would stretch it to maxBufferSize's worth at
    // a level's bitrate (up to maxMaxBufferLength) where the playlist gives one, as a
    // multivariant playlist does.
    maxBufferLength: START_AHEAD,
    maxBufferSize: 0,
    maxMaxBufferLength: 30,
    backBufferLength: options.backBuffer,
    testBandwidth: false,
    abrEwmaDefaultEstimate: START_ESTIMATE,
    capLevelToPlayerSize: true,
    // hls.js retries a multivariant playlist silently inside its loader; we retry it ourselves,
    // so that the player can say it is reconnecting.
    manifestLoadPolicy: policy(8000, 15000, null),
    playlistLoadPolicy: policy(8000, 15000, retries(options.requestRetryDelay)),
    // A segment may take long on a slow link (an HD segment of 2 MB at 400 kbit/s: 40 s), and
    // a download abandoned for its time starts over and never ends. One whose bytes stop
    // arriving is found by the player's stall watch, which asks for a reconnect.
    fragLoadPolicy: policy(8000, SEGMENT_LOAD_MS, retries(options.requestRetryDelay)),
  });
  let end = source.end;
  let lastMediaRecovery = -Infinity;
  let mediaRecoveries = 0;
  let networkRetries = 0;
  let playlistRetries = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let errorTimer: ReturnType<typeof setTimeout> | undefined;
  let reconnecting = known.reconnecting ?? false;
  let destroyed = false;

  const setReconnecting = (active: boolean) => {
    if (active === reconnecting) return;
    reconnecting = active;
    callbacks.onReconnecting(active);
  };
  hls.on(Hls.Events.AUDIO_TRACKS_UPDATED, () => callbacks.onAudioChange());
  hls.on(Hls.Events.AUDIO_TRACK_SWITCHED, () => callbacks.onAudioChange());
  // A playlist that arrives ends a playlist retry.
  hls.on(Hls.Events.MANIFEST_LOADED, () => setReconnecting(false));
  hls.on(Hls.Events.LEVEL_LOADED, (_event, { details }) => {
    setReconnecting(false);
    // A VOD playlist without its end tag was cut off on the way: damaged, not live.
    if (details.live && details.type === 'VOD')
      fatal('decode', 'damaged playlist: a VOD playlist cut off before its end (no #EXT-X-ENDLIST)');
    // A sliding-window live playlist has no fixed timeline for a fragment to start and end in
    // (an EVENT playlist, which only grows, has one).
    else if (details.live && details.type !== 'EVENT')
      fatal('unsupported', 'live streams are not supported', { kind: 'live' });
  });

  // Start on the rendition playback will stay on: the one the engine asked for early, else by the
  // same rule (the playlist came to hls.js itself).
  hls.on(Hls.Events.MANIFEST_PARSED, (_event, { levels }) => {
    const width = media.getBoundingClientRect().width * devicePixelRatio;
    // The early choice holds for the first playlist only; a reload (a retry) chooses again.
    const chosen = levels.findIndex((level) => sameUrl(level.uri, known.variant));
    known.variant = undefined;
    const start = chosen >= 0 ? levels[chosen] : startVariant(levels, width, hls.bandwidthEstimate);
    if (start) hls.startLevel = levels.indexOf(start);
  });

  // Media types fetched (main, alternate audio) and those buffered past the clip's end.
  const fetching = new Set<string>();
  const pastEnd = new Set<string>();
  let stoppedAtEnd = false;
  hls.on(
    Hls.Events.FRAG_LOADING,
    (_event, { frag }) => void (String(frag.type) !== 'subtitle' && fetching.add(frag.type)),
  );
  // Bytes of segments received, downloads under way included (a loader's stats grow as its bytes
  // arrive, and hls.js hands them to the fragment it loads): they tell a slow link from a silent one.
  const downloading = new Set<Fragment>();
  let receivedBefore = 0;
  const downloaded = (frag: Fragment | undefined) => {
    if (frag && downloading.delete(frag)) receivedBefore += frag.stats.loaded;
  };
  hls.on(Hls.Events.FRAG_LOADING, (_event, { frag }) => {
    downloaded(frag);
    downloading.add(frag);
  });
  hls.on(Hls.Events.FRAG_LOADED, (_event, { frag }) => downloaded(frag));
  // A segment cut off on its way (its last box incomplete) stalls the decoder without any error.
  hls.on(Hls.Events.FRAG_LOADED, (_event, { frag, payload }) => {
    if (!frag.encrypted && isCutOff(payload)) fatal('decode', `damaged media: segment ${frag.sn} is cut off`);
  });
  // A start segment that opens without a keyframe (segments cut by time, not on keyframes) shows
  // nothing before its first keyframe: load the segment before it, as hls.js does itself only while
  // it reads ahead, which it does not before our first frame. Chromium has meanwhile shown that
  // keyframe at the start, so seek to the start again once the segment is buffered again after the
  // one before it.
  let startBuffered = false;
  let startWithout: number | undefined;
  const backtrack = backtracker(hls);
  hls.on(Hls.Events.FRAG_BUFFERED, (_event, data: FragBufferedData) => {
    networkRetries = 0;
    outageSince = undefined;
    playlistRetries = 0;
    setReconnecting(false);
    const main = String(data.frag.type) === 'main';
    if (main && !startBuffered) {
      startBuffered = true;
      if (backtrack && opensLate(data.frag, source.start)) {
        startWithout = data.frag.sn as number;
        return backtrack(data.frag);
      }
    }
    if (main && data.frag.sn === startWithout) {
      startWithout = undefined;
      if (Math.abs(media.currentTime - source.start) < 1) media.currentTime = source.start;
    }
    // Stop fetching once the clip's end is buffered, with a little past it: an end on a segment
    // boundary needs the next segment's first frames, or playback stalls just short of it. With
    // alternate audio, both the video and the audio must reach it.
    if (end === undefined) return;
    if (data.frag.start + data.frag.duration >= end + END_MARGIN) pastEnd.add(data.frag.type);
    // After a restart the buffer may already run on to the end from here: stop there too.
    const through = bufferedEnd(media, data.frag.start + data.frag.duration / 2) >= end + END_MARGIN / 2;
    if (through || [...fetching].every((type) => pastEnd.has(type))) {
      stoppedAtEnd = true;
      hls.stopLoad();
    }
  });
  // Loading stopped at the end, and the back buffer drops what lies far behind the playhead: a
  // seek back (a replay too) loads again from there, unless the buffer still runs on to the end.
  const restart = () => {
    stoppedAtEnd = false;
    pastEnd.clear();
    hls.startLoad(media.currentTime);
  };

  // Since when the connection has been lost mid-play (undefined while it holds).
  let outageSince: number | undefined;
  const retryLoad = () => {
    clearTimeout(retryTimer);
    retryTimer = undefined;
    hls.startLoad(media.currentTime || source.start);
  };
  // Back online: try again now rather than at the next retry.
  const onOnline = () => outageSince !== undefined && retryTimer !== undefined && retryLoad();
  addEventListener('online', onOnline);

  hls.on(Hls.Events.ERROR, (_event, data: ErrorData) => {
    downloaded(data.frag);
    // Refused for good (a link expired, access withdrawn): asking again changes nothing, so the
    // first refusal ends playback, not hls.js's retries and ours.
    const status = data.response?.code;
    if (data.type === Hls.ErrorTypes.NETWORK_ERROR && status && REFUSED.has(status))
      return fatal('network', `${describe(data)}: refused`, { kind: 'http', status });
    if (!data.fatal) {
      // An abort is of our own making (stopLoad at the clip's end, a level switch), never trouble.
      if (data.type === Hls.ErrorTypes.NETWORK_ERROR && data.details !== Hls.ErrorDetails.INTERNAL_ABORTED)
        setReconnecting(true);
      return;
    }
    if (data.type === Hls.ErrorTypes.MEDIA_ERROR) return recoverMedia(data.details);
    if (data.type === Hls.ErrorTypes.NETWORK_ERROR) {
      const missing = status === 404 || status === 410;
      // A missing playlist is final; a missing segment may be a CDN still catching up: retry it.
      if (missing && data.details === Hls.ErrorDetails.MANIFEST_LOAD_ERROR) return fatal('not-found', describe(data));
      if (data.details === Hls.ErrorDetails.MANIFEST_PARSING_ERROR)
        return fatal('unsupported', `damaged playlist: ${describe(data)}`);
      if (isPlaylistError(Hls, data)) {
        const delays = options.playlistRetryDelays;
        if (missing || playlistRetries >= delays.length) return void failNetwork(data, missing);
        setReconnecting(true);
        retryTimer = setTimeout(() => {
          hls.config.startPosition = media.currentTime || source.start;
          hls.loadSource(source.src);
        }, delays[playlistRetries++]);
        return;
      }
      // A connection lost mid-play (no answer at all, not an error status) is waited out, within
      // bounds: the viewer's train goes through a tunnel, the Wi-Fi comes back.
      const connectionLost = !status && playedOnce;
      if (connectionLost) outageSince ??= performance.now();
      const outageLeft = outageSince === undefined ? 0 : options.outageTimeout - (performance.now() - outageSince);
      if (networkRetries < NETWORK_RETRIES || (connectionLost && outageLeft > 0)) {
        networkRetries++;
        setReconnecting(true);
        retryTimer = setTimeout(retryLoad, options.networkRetryDelay);
        return;
      }
      return void failNetwork(data, missing);
    }
    const unsupported = data.details === Hls.ErrorDetails.MANIFEST_INCOMPATIBLE_CODECS_ERROR;
    fatal(unsupported ? 'unsupported' : 'decode', describe(data));
  });

  const describe = (data: ErrorData) => `${data.details}${data.response?.code ? ` (HTTP ${data.response.code})` : ''}`;

  let failed = false;
  /** Playback has run: a connection lost from now on is waited out (before, it fails at once). */
  let playedOnce = false;
  /** A stall with media at the playhead was met with a seek there, since playback last ran. */
  let nudged = false;
  function fatal(code: Parameters<EngineCallbacks['onFatal']>[0], message: string, cause?: FailureCause) {
    if (failed) return;
    failed = true;
    clearTimeout(retryTimer);
    setReconnecting(false);
    hls.stopLoad();
    callbacks.onFatal(code, message, cause);
  }

  /** A network failure past every retry, named by its cause. */
  async function failNetwork(data: ErrorData, missing: boolean) {
    if (missing) return fatal('not-found', describe(data));
    setReconnecting(false);
    hls.stopLoad();
    const cause = await failureCause(data);
    if (destroyed) return;
    const why =
      cause?.kind === 'http'
        ? `server error (HTTP ${cause.status})`
        : cause?.kind === 'cors'
          ? 'blocked by CORS: the server sends no Access-Control-Allow-Origin for this page'
          : cause?.kind === 'unreachable'
            ? 'server unreachable'
            : 'no answer in time';
    fatal('network', `${data.details}: ${why}`, cause);
  }

  /** Reattaches the media after a decode error, within bounds; past them the error is final. */
  function recoverMedia(details: string) {
    const now = performance.now();
    if (now - lastMediaRecovery > MEDIA_RECOVERY_WINDOW_MS && mediaRecoveries < MEDIA_RECOVERIES) {
      lastMediaRecovery = now;
      mediaRecoveries++;
      // The player's stall watch turns a recovery that gets nowhere into an error.
      hls.recoverMediaError();
    } else fatal('decode', `damaged media: ${details}`);
  }

  /**
   * The sound output failed: the media is fine, so it is reattached and plays on after a wait, a
   * few times (a device busy or slow to open often works on a later try); then the player says
   * that the sound could not be played, not that the video is damaged.
   */
  let soundRetries = 0;
  let soundTimer: ReturnType<typeof setTimeout> | undefined;
  function recoverSound(details: string) {
    const delay = options.soundRetryDelays[soundRetries++];
    if (delay === undefined) return fatal('decode', `sound output failed: ${details}`, { kind: 'sound' });
    soundTimer = setTimeout(() => !destroyed && hls.recoverMediaError(), delay);
  }

  const listening = new AbortController();
  const on = (type: string, listener: () => void) =>
    media.addEventListener(type, listener, { signal: listening.signal });
  // A video reads ahead once its first frame is shown while playing, or once the time moves on
  // where no frame is drawn (a hidden tab) or it came while paused. Not at 'playing': that comes
  // with the first frame, now and then just before it, and the next segment's request raced it.
  // Where no frame can be watched for (an <audio>), it reads ahead when playing starts.
  const readAhead = () => {
    hls.config.maxBufferLength = BUFFER_AHEAD;
    // What hls.js did not take by now it asked for otherwise (a start by a segment's edge).
    known.early?.abort();
  };
  const video = media instanceof HTMLVideoElement && 'requestVideoFrameCallback' in media ? media : undefined;
  const frameCallback = video?.requestVideoFrameCallback(() => !media.paused && readAhead());
  let playingFrom: number | undefined;
  on('playing', () => (video ? (playingFrom ??= media.currentTime) : readAhead()));
  on('playing', () => {
    playedOnce = true;
    nudged = false;
    // Sound again: a later failure of the output gets its retries afresh.
    soundRetries = 0;
  });
  on('timeupdate', () => playingFrom !== undefined && media.currentTime > playingFrom && readAhead());
  on('seeking', () => {
    if (stoppedAtEnd && end !== undefined && media.currentTime < end && bufferedEnd(media, media.currentTime) < end)
      restart();
  });
  // A decode error hls.js does not see: Chromium closes the MediaSource on one (hls.js then resets
  // it, clearing media.error), Firefox may leave it open with the element dead. Recover it here.
  on('error', () => {
    errorTimer = setTimeout(() => {
      if (!media.error) return;
      const details = media.error.message || `media error ${media.error.code}`;
      if (soundOutputFailed(details)) recoverSound(details);
      else recoverMedia(details);
    });
  });
  // A media recovery (ours, or hls.js's own for a MediaSource that closed on a decode error)
  // detaches and reattaches the media, which stops it without a pause event: play on after it
  // if nobody paused. Only after a detach: a pause before the first attach stays a pause.
  // It also loads again from where playback stood: left to itself, hls.js now and then resumed a
  // recovery before the first frame from the interview's last segment, and played from its end.
  let wantsPlay = false;
  let reattaching = false;
  let position = source.start;
  on('play', () => (wantsPlay = true));
  on('pause', () => (wantsPlay = false));
  on('timeupdate', () => !reattaching && !media.seeking && (position = media.currentTime));
  hls.on(Hls.Events.MEDIA_DETACHED, () => (reattaching = true));
  hls.on(Hls.Events.MEDIA_ATTACHED, () => {
    if (!reattaching) return;
    reattaching = false;
    hls.startLoad(position);
    if (wantsPlay && media.paused) media.play().catch(() => undefined);
  });
  hls.loadSource(source.src);
  hls.attachMedia(media);

  return {
    kind: 'hls.js',
    received() {
      let bytes = receivedBefore;
      for (const frag of downloading) bytes += frag.stats.loaded;
      return bytes;
    },
    pending() {
      const main = [...downloading].filter((frag) => String(frag.type) === 'main' && frag.stats.total > 0).pop();
      return main && Math.min(1, main.stats.loaded / main.stats.total);
    },
    recover() {
      if (failed || destroyed) return false;
      const at = !reattaching && media.readyState >= HTMLMediaElement.HAVE_METADATA ? media.currentTime : position;
      // The media is there and does not play: not a network matter. WebKit now and then stops
      // after a seek with data at the playhead, and goes on after a seek to where it stands; it
      // also takes undecodable data without an error, which a seek does not cure: then it is a
      // media error, recovered as one (the media reattached and the segment fetched again).
      if (bufferedEnd(media, at) - at >= DECODABLE_AHEAD) {
        if (nudged) recoverMedia('playback stalled with media buffered at the playhead');
        else {
          nudged = true;
          media.currentTime = at;
        }
        return true;
      }
      setReconnecting(true);
      hls.stopLoad();
      hls.startLoad(at);
      return true;
    },
    releaseEnd() {
      if (end === undefined) return;
      end = undefined;
      restart();
    },
    audio() {
      const tracks = hls.audioTracks;
      // One rendition is no choice.
      if (tracks.length < 2) return { renditions: [], playing: -1 };
      return {
        renditions: tracks.map((track) => ({ name: track.name, lang: track.lang ?? '' })),
        playing: hls.audioTrack,
      };
    },
    chooseAudio(index) {
      hls.audioTrack = index;
    },
    destroy() {
      destroyed = true;
      known.early?.abort();
      removeEventListener('online', onOnline);
      clearTimeout(retryTimer);
      clearTimeout(errorTimer);
      clearTimeout(soundTimer);
      listening.abort();
      if (frameCallback !== undefined) video?.cancelVideoFrameCallback(frameCallback);
      hls.destroy();
    },
  };
}

/**
 * Whether `start` falls in a segment whose first frames were dropped for want of a keyframe, so
 * playback might begin at that keyframe, after `start` (hls.js does not say where it is).
 */
function opensLate(frag: Fragment, start: number): boolean {
  const dropped = Object.values(frag.elementaryStreams).some((stream) => stream?.partial);
  return dropped && frag.start < start;
}

/**
 * hls.js's own reload of the segment before one that opens without a keyframe (its stream
 * controller's `backtrack`, not public); undefined where a release no longer has it.
 */
function backtracker(hls: HlsFull): ((frag: Fragment) => void) | undefined {
  const controller = (hls as unknown as { streamController?: { backtrack?: (frag: Fragment) => void } })
    .streamController;
  const backtrack = controller?.backtrack;
  return typeof backtrack === 'function' ? (frag) => backtrack.call(controller, frag) : undefined;
}

/** Where the buffered range holding `time` ends, or `time` itself when nothing is buffered there. */
function bufferedEnd(media: HTMLMediaElement, time: number): number {
  const { buffered } = media;
  for (let i = 0; i < buffered.length; i++)
    if (buffered.start(i) <= time + 0.1 && time < buffered.end(i)) return buffered.end(i);
  return time;
}

/** Boxes an fMP4 segment or init segment opens with; other formats (MPEG-TS) are not checked. */
const MP4_OPENING = new Set(['ftyp', 'styp', 'sidx', 'moof', 'emsg', 'prft']);

/** Whether an fMP4 payload ends inside a box, as a cut-off answer does. */
function isCutOff(payload: ArrayBuffer): boolean {
  const view = new DataView(payload);
  const type = (at: number) => String.fromCharCode(...new Uint8Array(payload, at + 4, 4));
  if (view.byteLength < 8 || !MP4_OPENING.has(type(0))) return false;
  for (let at = 0; at < view.byteLength;) {
    if (at + 8 > view.byteLength) return true;
    let size = view.getUint32(at);
    if (size === 1) size = at + 16 > view.byteLength ? Infinity : Number(view.getBigUint64(at + 8));
    else if (size === 0) return false; // the box runs to the end
    if (size < 8) return false; // not boxes after all
    if (at + size > view.byteLength) return true;
    at += size;
  }
  return false;
}

const isPlaylistError = ({ ErrorDetails: d }: HlsClass, data: ErrorData) =>
  [
    d.MANIFEST_LOAD_ERROR,
    d.MANIFEST_LOAD_TIMEOUT,
    d.LEVEL_LOAD_ERROR,
    d.LEVEL_LOAD_TIMEOUT,
    d.AUDIO_TRACK_LOAD_ERROR,
    d.AUDIO_TRACK_LOAD_TIMEOUT,
    d.SUBTITLE_LOAD_ERROR,
    d.SUBTITLE_TRACK_LOAD_TIMEOUT,
  ].includes(data.details);

/**
 * hls.js's loader, answering from memory what the engine asked for before hls.js ran (`take`
 * finds it, once); every other request, and one whose early answer cannot serve, goes to the
 * network as hls.js would send it. While the early answer is on its way its bytes count as this
 * load's (the stall watch reads them), and hls.js's time limits hold for it as for its own
 * requests; a load hls.js aborts or times out cancels it, so that its next try goes to the
 * network (a request that hangs is not waited for twice).
 */
function fromMemory<L>(Hls: HlsClass, take: (context: LoaderContext) => EarlyAnswer | undefined): L {
  type Config = Parameters<Loader<LoaderContext>['load']>[1];
  return class extends Hls.DefaultConfig.loader {
    /** The early answer this load waits for, with what it reports to. */
    private waiting?: { answer: EarlyAnswer; context: LoaderContext; callbacks: LoaderCallbacks<LoaderContext> };
    private deadline?: ReturnType<typeof setTimeout>;

    /** Stops waiting: the answer cancelled unless it came, and no longer told of progress. */
    private stopWaiting(came = false) {
      clearTimeout(this.deadline);
      if (!this.waiting) return;
      if (!came) this.waiting.answer.cancel?.();
      this.waiting.answer.onProgress = undefined;
      this.waiting = undefined;
    }

    override abort() {
      const waiting = this.waiting;
      if (!waiting) return super.abort();
      // As hls.js's own loader reports an abort: its fragment loader settles on it.
      this.stopWaiting();
      this.stats.aborted = true;
      waiting.callbacks.onAbort?.(this.stats, waiting.context, null);
    }

    override destroy() {
      this.stopWaiting();
      super.destroy();
    }

    override load(context: LoaderContext, config: Config, callbacks: LoaderCallbacks<LoaderContext>) {
      const answer = take(context);
      if (!answer) return super.load(context, config, callbacks);
      const stats = this.stats;
      const waiting = (this.waiting = { answer, context, callbacks });
      // hls.js's limits, as its own loader keeps them: to the first byte, then to the last.
      const { maxTimeToFirstByteMs, maxLoadTimeMs } = config.loadPolicy;
      const arm = () => {
        clearTimeout(this.deadline);
        const limit = answer.first ? maxLoadTimeMs : maxTimeToFirstByteMs || maxLoadTimeMs;
        if (!Number.isFinite(limit)) return;
        this.deadline = setTimeout(
          () => {
            if (this.waiting !== waiting) return;
            this.stopWaiting();
            callbacks.onTimeout(stats, context, null);
          },
          Math.max(0, answer.asked + limit - performance.now()),
        );
      };
      const progress = () => {
        if (answer.first && !stats.loading.first) arm();
        stats.loading.first = answer.first;
        stats.loaded = answer.loaded;
        stats.total = answer.total;
      };
      stats.loading.start = answer.asked;
      progress();
      arm();
      answer.onProgress = progress;
      void answer.done.then((response) => {
        if (this.waiting !== waiting) return;
        this.stopWaiting(true);
        if (!response) {
          stats.loading.start = stats.loading.first = 0;
          return super.load(context, config, callbacks);
        }
        // Failed: as hls.js's own request would have (it retries, and the player says it is reconnecting).
        if ('status' in response)
          return callbacks.onError({ code: response.status, text: response.text }, context, null, stats);
        // An answer that came before hls.js asked (it waited for hls.js's code) is timed as if
        // asked for now: hls.js reads its bandwidth from these times, and the wait is not the link's.
        const shift = performance.now() - response.end;
        const size = typeof response.data === 'string' ? response.data.length : response.data.byteLength;
        stats.loading.start = answer.asked + shift;
        stats.loading.first = answer.first + shift;
        stats.loading.end = response.end + shift;
        stats.loaded = stats.total = size;
        stats.bwEstimate = (size * 8000) / Math.max(1, response.end - answer.first);
        callbacks.onProgress?.(stats, context, response.data, null);
        callbacks.onSuccess({ url: response.url, data: response.data, code: 200 }, stats, context, null);
      });
    }
  } as unknown as L;
}

/**
 * Why a request failed: the server's status when it sent one. Without one (status 0), a
 * cross-origin request was either blocked by CORS or never connected; a no-cors probe of the
 * same URL tells them apart, as it succeeds whenever the server answers at all.
 */
async function failureCause(data: ErrorData): Promise<FailureCause | undefined> {
  const status = data.response?.code;
  if (status) return { kind: 'http', status };
  if (/timeout/i.test(data.details)) return undefined;
  const url = data.url ?? data.context?.url ?? data.frag?.url;
  if (!url || new URL(url, location.href).origin === location.origin) return { kind: 'unreachable' };
  try {
    if (!nativeFetch) throw new TypeError('this page has no fetch');
    await nativeFetch(url, {
      mode: 'no-cors',
      credentials: 'omit',
      cache: 'no-store',
      signal: AbortSignal.timeout(PROBE_MS),
    });
    return { kind: 'cors' };
  } catch {
    return { kind: 'unreachable' };
  }
}
