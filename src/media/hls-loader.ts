import { chunkLoader } from '../platform/chunk.js';

/** The hls.js engine, a chunk of its own: fetched on the first play, never before. */
export const loadHlsEngine = chunkLoader(() => import('./hls-engine.js'));

/** True when `src` is a progressive file the media element plays itself, not an HLS playlist that needs the engine. */
export function isProgressive(src: string): boolean {
  return /\.(mp4|m4v|m4a|mp3|webm)$/i.test(new URL(src).pathname);
}
