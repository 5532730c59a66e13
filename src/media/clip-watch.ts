import { END_WAIT, hasReachedEnd, msUntilEnd } from './clip.js';
import { engineOptions } from './engine-options.js';

/** How many times a stall period the watch looks at playback. */
const STALL_CHECKS = 4;
/**
 * Stall periods a reconnect postpones the watch at most: a safety net past the engine's own bound
 * (an outage is waited out for `outageTimeout`), so the engine's verdict, with its cause, comes first.
 */
const reconnectPeriods = () => Math.ceil(engineOptions.outageTimeout / engineOptions.stallTimeout) + 2;

export interface ClipWatchCallbacks {
  /** The clip's end is reached: by our timer, by a pause or wait of the browser's own right there. */
  onEnd(): void;
  /** Bytes of media received so far, downloads under way included: bytes arriving mean a slow link, not a stall. */
  received(): number;
  /** No progress, no data arriving and no reconnect under way: the link went silent, or the media cannot be played. */
  onSilent(): void;
  /**
   * Playback made no progress for good: reconnecting got nowhere (`network`), or media is buffered
   * and the decoder will not play it (`decode`).
   */
  onStall(code: 'network' | 'decode', message: string): void;
}

/**
 * Watches one media element playing a clip: times the pause at the clip's end precisely
 * (`timeupdate` alone comes only every ~250 ms) and notices playback that stalls without an
 * error. The player session owns one per media element and destroys it with the element.
 */
export class ClipWatch {
  /** Transient trouble the engine is retrying: the stall watch waits for it, a bounded number of times. */
  reconnecting = false;
  /** The furthest playback position reached since the last seek. */
  furthest: number;
  private endTimer?: ReturnType<typeof setTimeout>;
  private stallTimer?: ReturnType<typeof setInterval>;
  /** Stall-watch periods in a row spent reconnecting without progress. */
  private reconnectWaits = 0;
  /** When the stall watch last saw progress, bytes arriving or a seek. */
  private lastActivity = 0;
  /** Bytes received at the stall watch's last look. */
  private receivedBefore = 0;
  /** The user seeked since the stall watch's last look: a new start, not a stall. */
  private seekedSinceCheck = false;
  private readonly listening = new AbortController();

  constructor(
    private readonly media: HTMLMediaElement,
    private end: number | undefined,
    private readonly on: ClipWatchCallbacks,
  ) {
    this.furthest = media.currentTime;
    const { signal } = this.listening;
    const listen = (type: string, listener: () => void) => media.addEventListener(type, listener, { signal });
    for (const type of ['playing', 'timeupdate', 'seeked', 'ratechange']) listen(type, this.scheduleEnd);
    // Progress counts from where playback now stands, not from the furthest point of a pass before.
    listen('seeking', () => {
      this.furthest = media.currentTime;
      this.seekedSinceCheck = true;
    });
    listen('waiting', () => {
      // Waiting right at the end is the end (the buffer stops there), not a stall.
      if (this.nearEnd()) on.onEnd();
      else this.watchStall();
    });
    listen('pause', () => {
      clearTimeout(this.endTimer);
      // A pause caused by a media error or with no frame to show is not the user's: watch it.
      if (!media.error && media.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA) this.clearStall();
      else this.watchStall();
    });
  }

  /** Within a few frames of the clip's end, while the end still holds. */
  nearEnd(): boolean {
    return this.end !== undefined && this.end - this.media.currentTime < END_WAIT;
  }

  /** Whether playback stands at or past the clip's end (never, once the end is released). */
  pastEnd(): boolean {
    return hasReachedEnd(this.media.currentTime, this.end);
  }

  /** Playing goes on past the clip's end (the user continues the interview). */
  releaseEnd(): void {
    this.end = undefined;
    clearTimeout(this.endTimer);
  }

  /**
   * Tells a slow link, a silent one and broken media apart when playback that should run does not.
   * Once armed, the watch is not postponed by more `waiting` or `playing` events: it looks a few
   * times a period at what happened. Progress, bytes arriving or a seek of the user's are activity;
   * after a whole period without any, a reconnect under way is waited for (a bounded number of
   * periods), media the browser has data for that does not play is broken, and otherwise the link
   * is silent (the engine then reconnects, or finds the media damaged).
   */
  readonly watchStall = (): void => {
    if (this.stallTimer !== undefined || this.listening.signal.aborted) return;
    this.lastActivity = performance.now();
    this.receivedBefore = this.on.received();
    this.seekedSinceCheck = false;
    this.stallTimer = setInterval(this.checkStall, engineOptions.stallTimeout / STALL_CHECKS);
  };

  private readonly checkStall = () => {
    const media = this.media;
    // Paused with a frame to show (the data came after the pause): it waits for the user.
    if (media.paused && !media.error && media.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA)
      return this.clearStall();
    const now = performance.now();
    // Progress means passing the furthest point reached; a media reset to 0 and back is none.
    const time = this.media.currentTime;
    const moved = time > this.furthest + 0.5;
    if (moved) this.furthest = time;
    const received = this.on.received();
    const arriving = received !== this.receivedBefore;
    this.receivedBefore = received;
    if (moved || arriving || this.seekedSinceCheck) {
      this.seekedSinceCheck = false;
      this.lastActivity = now;
      this.reconnectWaits = 0;
      return;
    }
    if (now - this.lastActivity < engineOptions.stallTimeout) return;
    // A period without activity: what follows is judged over the next one.
    this.lastActivity = now;
    this.reconnectWaits++;
    if (this.reconnecting && this.reconnectWaits <= reconnectPeriods()) return;
    if (this.reconnecting) return this.stopWith(() => this.on.onStall('network', 'reconnecting made no progress'));
    // The browser has data past the playhead and still does not play it: the decoder's doing.
    if (this.media.readyState >= HTMLMediaElement.HAVE_FUTURE_DATA)
      return this.stopWith(() => this.on.onStall('decode', 'playback stalled with media buffered ahead'));
    this.on.onSilent();
  };

  /** Ends the watch, then says its verdict. */
  private stopWith(verdict: () => void): void {
    this.clearStall();
    verdict();
  }

  /** Playback waits for the user (a pause, autoplay refused): that is no stall. */
  clearStall(): void {
    clearInterval(this.stallTimer);
    this.stallTimer = undefined;
    this.reconnectWaits = 0;
  }

  private readonly scheduleEnd = () => {
    const media = this.media;
    if (this.end === undefined || media.paused) return;
    clearTimeout(this.endTimer);
    if (this.pastEnd()) return this.on.onEnd();
    const wait = msUntilEnd(media.currentTime, this.end, media.playbackRate);
    if (wait !== undefined && wait < 1000) this.endTimer = setTimeout(this.scheduleEnd, wait);
  };

  /** Stops every timer and listener. */
  destroy(): void {
    this.listening.abort();
    clearTimeout(this.endTimer);
    this.clearStall();
  }
}
