import { chunkLoader } from '../platform/chunk.js';

/** The hls.js engine, a chunk of its own: fetched on the first play, never before. */
export const loadHlsEngine = chunkLoader(() => import('./hls-engine.js'));
