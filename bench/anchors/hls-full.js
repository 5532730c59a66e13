// Size bench: hls.js, full build (the package's default ESM entry, dist/hls.mjs), to compare with
// our on-demand player chunk.
import Hls from 'hls.js';

export default Hls;
