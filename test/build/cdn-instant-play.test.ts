// Instant play, a media playlist (test/build/instant-play.ts): with hls.js's chunk late, the init
// section and the start segment are asked for meanwhile, and once.
import { playlistUrl, token } from '../helpers/media.js';
import { importBuilt, removePlayers } from './built.js';
import { playsEarly } from './instant-play.js';

const dist = token();

describe('instant play: the built CDN module with hls.js late, a media playlist', () => {
  before(() => importBuilt(`/_dist/${dist}/kijkom.js`));
  afterEach(removePlayers);

  it('asks for the init section and the start segment before hls.js has come, and for none twice', async function () {
    this.timeout(30000);
    const t = token();
    await playsEarly(dist, t, playlistUrl(t), ['video-init.mp4', 'video-00025.m4s'], 25);
  });
});
