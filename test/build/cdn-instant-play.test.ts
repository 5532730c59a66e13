// Instant play, a media playlist (test/build/instant-play.ts): with hls.js's chunk late, the init
// section and the start segment are asked for meanwhile, and once.
import { playlistUrl } from '../helpers/media.js';
import { describeInstantPlay, playsEarly } from './instant-play.js';

describeInstantPlay(
  'a media playlist',
  'asks for the init section and the start segment before hls.js has come, and for none twice',
  (dist, t) => playsEarly(dist, t, playlistUrl(t), ['video-init.mp4', 'video-00025.m4s'], 25),
);
