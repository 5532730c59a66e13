/**
 * How long playback waits before it calls trouble by its name. One object, read by the engine
 * and the stall watch when they need a value; `configureEngine` changes it (tests make the waits
 * short, so that a fault test does not sit through real retries).
 */
export interface EngineOptions {
  /**
   * Milliseconds playback may make no progress, with no media data arriving, before the watch
   * acts: it reconnects a link that went silent and reports media the decoder will not play.
   * Default 10 000.
   */
  stallTimeout: number;
  /** Milliseconds before hls.js's first retry of a failed request (then twice as long, up to four times). Default 500. */
  requestRetryDelay: number;
  /** Milliseconds before a segment that failed past hls.js's own retries is tried again. Default 1 500. */
  networkRetryDelay: number;
  /**
   * Milliseconds a connection lost mid-play is waited out (tried again every `networkRetryDelay`,
   * and at once when the browser is back online) before playback fails. Default 60 000.
   */
  outageTimeout: number;
  /** Seconds of played media kept buffered behind the playhead (a seek back into them loads nothing); the rest is freed. Default 30. */
  backBuffer: number;
  /** Milliseconds before each new attempt at a playlist that failed to load; then the failure is final. Default 500, 1 500, 3 000. */
  playlistRetryDelays: number[];
  /**
   * Milliseconds before each new attempt to play when the sound output failed (Firefox reports its
   * audio device failing as a media error); then the failure is final. Default 500, 1 500, 3 000.
   */
  soundRetryDelays: number[];
}

export const engineOptions: EngineOptions = {
  stallTimeout: 10_000,
  requestRetryDelay: 500,
  networkRetryDelay: 1500,
  outageTimeout: 60_000,
  playlistRetryDelays: [500, 1500, 3000],
  soundRetryDelays: [500, 1500, 3000],
  backBuffer: 30,
};

/** Sets the engine's waits for every playback that starts afterwards. */
export function configureEngine(changes: Partial<EngineOptions>): void {
  Object.assign(engineOptions, changes);
}
