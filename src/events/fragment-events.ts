import type { FragmentErrorEvent } from './fragment-error-event.js';

export interface FragmentSelectDetail {
  fragmentId: string;
}

/** Asks the owner of playback to play a fragment; cancel it to handle playback yourself. */
export class FragmentSelectEvent extends Event {
  static readonly type = 'fragment-select';
  constructor(readonly detail: FragmentSelectDetail) {
    super(FragmentSelectEvent.type, { bubbles: true, composed: true, cancelable: true });
  }
}

export interface FragmentPlaybackDetail {
  fragmentId?: string;
  interviewId?: string;
  /** The media URL being played. */
  src: string;
  currentTime: number;
}

export type PlaybackEventType = 'fragment-play' | 'fragment-pause' | 'fragment-ended';

/** Playback state for hosts (analytics): `fragment-play`, `fragment-pause` or `fragment-ended`. */
export class FragmentPlaybackEvent extends Event {
  constructor(
    type: PlaybackEventType,
    readonly detail: FragmentPlaybackDetail,
  ) {
    super(type, { bubbles: true, composed: true });
  }
}

export * from './fragment-error-event.js';

declare global {
  interface GlobalEventHandlersEventMap {
    'fragment-select': FragmentSelectEvent;
    'fragment-play': FragmentPlaybackEvent;
    'fragment-pause': FragmentPlaybackEvent;
    'fragment-ended': FragmentPlaybackEvent;
    'fragment-error': FragmentErrorEvent;
  }
}
