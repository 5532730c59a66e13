// A module of its own: a player's facade reports a failed chunk load with it, without the other events.
import type { FailureCode } from '../media/engine-types.js';

export type FragmentErrorCode = FailureCode;

export interface FragmentErrorDetail {
  code: FragmentErrorCode;
  message: string;
}

/** The media of a player failed for good (after bounded recovery). */
export class FragmentErrorEvent extends Event {
  static readonly type = 'fragment-error';
  constructor(readonly detail: FragmentErrorDetail) {
    super(FragmentErrorEvent.type, { bubbles: true, composed: true });
  }
}
