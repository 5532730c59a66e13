// Registers <fragment-player> (and the default tags it renders) on import.
import { FragmentPlayer } from './fragment-player.js';

FragmentPlayer.define();

export { FragmentPlayer };
export type * from '../events/catalogue-events.js';
export type * from '../events/fragment-events.js';
