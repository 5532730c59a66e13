// Registers <fragment-list> (and the default tags it renders) on import.
import { FragmentList } from './fragment-list.js';

FragmentList.define();

export { FragmentList };
export type * from '../events/catalogue-events.js';
export type * from '../events/fragment-events.js';
