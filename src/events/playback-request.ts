/** What a player plays: a fragment of the catalogue, an interview (from `start`, to `end`), or a media URL. */
export type ClipRequest =
  | { fragment: string }
  | { interview: string; start?: number; end?: number }
  | { src: string; start?: number; end?: number };

/** Play (a clip, or on), go to a time (and play from there), or pause. */
export type PlaybackRequest =
  { action: 'play'; clip?: ClipRequest } | { action: 'seek'; time: number; play?: boolean } | { action: 'pause' };

/**
 * Asks for playback: sent up (bubbling, composed) from whatever wants something played, and
 * carried out by the element that owns playback — the page element, or a player standing alone.
 * Cancel it and nothing happens.
 */
export class PlaybackRequestEvent extends Event {
  static readonly type = 'playback-request';
  /** Set by the owner that takes the request: settles once it was carried out, refused or failed. */
  done?: Promise<void>;
  constructor(readonly detail: PlaybackRequest) {
    super(PlaybackRequestEvent.type, { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'playback-request': PlaybackRequestEvent;
  }
}
