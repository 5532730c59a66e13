// Registers <theme-page> (and the default tags it renders) on import.
import { ThemePage } from './theme-page.js';

ThemePage.define();

export { ThemePage };
export type * from '../events/catalogue-events.js';
export type * from '../events/fragment-events.js';
