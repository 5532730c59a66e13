// The hls.js engine with hls.js's light build: a chunk of its own, loaded on the first play.
import Hls from 'hls.js/light';
import { attachHls as attach } from './hls-attach.js';

export const attachHls = (...args: Parameters<typeof attach> extends [unknown, ...infer Rest] ? Rest : never) =>
  attach(Hls, ...args);
