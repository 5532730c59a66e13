// What the engine's parts share: a source, what it reports, what it gives its player. Types only,
// in a module of their own, so that the engine and its hls.js part import each other's nothing.
import type { EarlyAnswer, EarlyAnswers } from './early-answers.js';

/** Why playback failed for good, as the player's `fragment-error` event names it. */
export type FailureCode = 'network' | 'not-found' | 'unsupported' | 'decode';

export interface EngineSource {
  src: string;
  start: number;
  end?: number;
  /** The audio rendition to start with where a stream has several: one like this (the one chosen last). */
  audio?: AudioRendition;
}

/** One of a stream's audio renditions (its languages), as the playlist names it. */
export interface AudioRendition {
  name: string;
  lang: string;
}

/**
 * Why playback failed, where known: the server's error status, no connection, CORS, a server
 * that cannot start a file part-way (no byte ranges), or a live stream.
 */
export type FailureCause =
  | { kind: 'http'; status: number }
  | { kind: 'unreachable' }
  | { kind: 'cors' }
  | { kind: 'no-ranges' }
  | { kind: 'live' }
  /** The sound could not be played (Firefox: the audio output failed), not the media. */
  | { kind: 'sound' };

export interface EngineCallbacks {
  /** A failure that recovery could not fix; the player shows it. */
  onFatal(code: FailureCode, message: string, cause?: FailureCause): void;
  /** Transient trouble the engine is retrying (`true`) or recovered from (`false`). */
  onReconnecting(active: boolean): void;
  /** The stream's audio renditions became known, or another one plays. */
  onAudioChange(): void;
}

/** An attached source; `destroy` releases everything it holds. */
export interface Engine {
  readonly kind: 'hls.js' | 'native' | 'progressive';
  /** Bytes of media received so far, downloads under way included (a count of progress events where bytes are not told). */
  received(): number;
  /** How far the download playback waits for has come, 0 to 1, where known. */
  pending(): number | undefined;
  /**
   * Playback is stuck with no data arriving: loads again from where it stands, or reports the
   * media damaged where it is buffered there and does not play; false where it can do neither.
   */
  recover(): boolean;
  /** Lets buffering go on past the clip's end (the user continues the interview). */
  releaseEnd(): void;
  /** The stream's audio renditions (none where it has one sound) and the index of the one playing. */
  audio(): { renditions: AudioRendition[]; playing: number };
  /** Plays the audio rendition at `index` of `audio().renditions`. */
  chooseAudio(index: number): void;
  destroy(): void;
}

/**
 * What the engine knows before hls.js runs: the playlist already fetched, the start's media already
 * asked for, trouble already seen.
 */
export interface HlsStart {
  /** The playlist as fetched, handed to hls.js instead of a second request. */
  playlist?: EarlyAnswer;
  /** The rendition's playlist, and the start's init section and segment, asked for while hls.js's code loaded. */
  early?: EarlyAnswers;
  /** The rendition of a multivariant playlist asked for early (its playlist's URL): hls.js starts on it. */
  variant?: string;
  /** A first request for the playlist failed; hls.js now tries again. */
  reconnecting?: boolean;
}

/**
 * Seconds ahead the buffer holds before the first frame: the segment holding the start, and the
 * next one only where the start lies this close to its end. Chromium does not start with 0.1 s
 * after the start buffered, Firefox stops about a frame (0.2 s at 5 fps) short of what it has.
 */
export const START_AHEAD = 0.3;

/**
 * Whether a media error is the sound output's, not the media's: Firefox reports its audio device
 * (or its stand-in) failing to open as NS_ERROR_DOM_MEDIA_MEDIASINK_ERR, "OnMediaSinkAudioError".
 */
export const soundOutputFailed = (message: string) => /MEDIASINK_ERR|OnMediaSinkAudioError/.test(message);
