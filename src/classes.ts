// Every element class and the public API, registering nothing: call `X.define(tag?)` yourself.
export { FragmentPlayer } from './fragment-player/fragment-player.js';
export { FragmentList } from './fragment-list/fragment-list.js';
export { ThemePage } from './theme-page/theme-page.js';
export { InterviewPage } from './interview-page/interview-page.js';
export { configureLoader, clearCatalogueCache, CatalogueLoadError, type LoaderOptions } from './catalogue/loader.js';
export type * from './catalogue/types.js';
export * from './events/catalogue-events.js';
export * from './events/fragment-events.js';
export * from './events/transcript-events.js';
export { PlaybackRequestEvent, type ClipRequest, type PlaybackRequest } from './events/playback-request.js';
