import { END_WAIT, hasReachedEnd, msUntilEnd } from './clip.js';

/** Playback that wants to run but makes no progress this long (and is not reconnecting) has failed. */
const STALL_MS = 10_000;
/** A reconnect postpones the stall watch this often at most: the engine's retries are bounded well within it. */
const STALL_RECONNECTS = 6;

export interface ClipWatchCallbacks {
  /** The clip's end is reached: by our timer, by a pause or wait of the browser's own right there. */
  onEnd(): void;
  /** Playback made no progress for good: while reconnecting (`network`) or not (`decode`). */
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
  private stallTimer?: ReturnType<typeof setTimeout>;
  /** Stall-watch periods in a row spent reconnecting without progress. */
  private reconnectWaits = 0;
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
    listen('seeking', () => (this.furthest = media.currentTime));
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
   * Damaged media can stall without any error. Once armed, the watch is not postponed by more
   * `waiting` or `playing` events; only progress, a reconnect or the user's pause keeps it from failing.
   */
  readonly watchStall = (): void => {
    if (this.stallTimer !== undefined || this.listening.signal.aborted) return;
    this.stallTimer = setTimeout(() => {
      this.stallTimer = undefined;
      // Progress means passing the furthest point reached; a media reset to 0 and back is none.
      const time = this.media.currentTime;
      const moved = time > this.furthest + 0.5;
      if (moved) this.furthest = time;
      this.reconnectWaits = moved ? 0 : this.reconnectWaits + 1;
      if (moved || (this.reconnecting && this.reconnectWaits <= STALL_RECONNECTS)) this.watchStall();
      else if (this.reconnecting) this.on.onStall('network', 'reconnecting made no progress');
      else this.on.onStall('decode', 'playback stalled');
    }, STALL_MS);
  };

  /** Playback waits for the user (a pause, autoplay refused): that is no stall. */
  clearStall(): void {
    clearTimeout(this.stallTimer);
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
