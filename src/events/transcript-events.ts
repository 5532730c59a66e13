export interface TranscriptSeekDetail {
  interviewId?: string;
  /** Where playback is about to go, in seconds into the interview. */
  time: number;
}

/** A time in the transcript was chosen; cancel it to keep the player where it is. */
export class TranscriptSeekEvent extends Event {
  static readonly type = 'transcript-seek';
  constructor(readonly detail: TranscriptSeekDetail) {
    super(TranscriptSeekEvent.type, { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'transcript-seek': TranscriptSeekEvent;
  }
}
