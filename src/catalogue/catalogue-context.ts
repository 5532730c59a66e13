import { createContext } from '@lit/context';
import type { CatalogueLoadError } from './loader.js';
import type { Catalogue } from './types.js';

/** Where a catalogue load stands; what providers pass down to the elements they render. */
export type CatalogueState =
  | { status: 'idle' }
  | { status: 'loading'; url: string }
  | { status: 'ready'; url: string; catalogue: Catalogue }
  | { status: 'error'; url: string; error: CatalogueLoadError };

/** The catalogue of a `<theme-page>` or `<interview-page>`, shared with the elements inside it. */
export const catalogueContext = createContext<CatalogueState | undefined>(Symbol('kijkom-catalogue'));

/** Playback as a provider owns it: which fragment is current, whether it plays, the theme's order. */
export interface PlaybackState {
  /** The fragment shown in the provider's player: playing, paused or only cued by a deep link. */
  currentFragmentId?: string;
  /**
   * The fragment whose stretch the provider's player stands in while it plays the whole
   * interview (an `<interview-page>`): lists mark it current when no fragment is.
   */
  within?: string;
  /** Whether the provider's player is playing (between `fragment-play` and a pause, end or error). */
  playing: boolean;
  /** A `<theme-page>`'s fragments in order: its player offers the previous and next of them. */
  queue?: string[];
}

export const playbackContext = createContext<PlaybackState | undefined>(Symbol('kijkom-playback'));
