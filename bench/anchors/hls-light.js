// Size bench: hls.js, light build ('hls.js/light' → dist/hls.light.mjs; it leaves out alternate
// audio, subtitles, EME, CMCD and interstitials), the build our player chunk bundles.
import Hls from 'hls.js/light';

export default Hls;
