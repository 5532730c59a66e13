// Registers every Kijkom element and exports their classes and the public API.
export { FragmentPlayer } from './fragment-player/define.js';
export { FragmentList } from './fragment-list/define.js';
export { ThemePage } from './theme-page/define.js';
export { InterviewPage } from './interview-page/define.js';
export { configureLoader, clearCatalogueCache, CatalogueLoadError, type LoaderOptions } from './catalogue/loader.js';
export type * from './catalogue/types.js';
export * from './events/catalogue-events.js';
export * from './events/fragment-events.js';
