// The hls.js engine with hls.js's full build, for streams with alternate audio or subtitle
// renditions (the light build plays them silent or without subtitles): a chunk loaded only for them.
import Hls from 'hls.js';
import { attachHls as attach } from './hls-attach.js';

export const attachHls = (...args: Parameters<typeof attach> extends [unknown, ...infer Rest] ? Rest : never) =>
  attach(Hls, ...args);
