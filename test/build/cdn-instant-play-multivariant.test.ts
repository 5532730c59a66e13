// Instant play, a multivariant playlist (test/build/instant-play.ts): with hls.js's chunk late, the
// playlist of the rendition it starts on, that rendition's init section and start segment are asked
// for meanwhile, and once.
import { expect } from '@open-wc/testing';
import { requestLog } from '../helpers/media.js';
import { describeInstantPlay, playsEarly } from './instant-play.js';

describeInstantPlay(
  'a multivariant playlist',
  'asks for the rendition’s playlist, init section and start segment before hls.js has come, and for none twice',
  async (dist, t) => {
    // The player is wider than the widest rendition (160 px, 96 kbit/s: within the first estimate).
    const files = ['90p.m3u8', '90p-init.mp4', '90p-00025.m4s'];
    await playsEarly(dist, t, `/_media/${t}/none/streams/multivariant/index.m3u8`, files, 25);
    const asked = (await requestLog(t)).map((entry) => entry.path);
    expect(
      asked.filter((p) => /\/(54|72)p/.test(p)),
      'no other rendition',
    ).to.deep.equal([]);
  },
);
