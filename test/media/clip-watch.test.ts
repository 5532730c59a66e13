// The clip watch on a real <video> playing the generated MP4: the end is reported where the clip
// ends (not at the next `timeupdate`), once released it is not, and a destroyed watch is silent.
// Its stall verdicts: bytes arriving are a slow link, nothing arriving with nothing buffered is a
// silent link, media buffered that does not play is broken; a reconnect is waited for, bounded.
import { expect } from '@open-wc/testing';
import { ClipWatch, type ClipWatchCallbacks } from '../../src/media/clip-watch.js';
import { configureEngine, engineOptions } from '../../src/media/engine-options.js';
import { END_WAIT } from '../../src/media/clip.js';
import { token } from '../helpers/media.js';

function video(): HTMLVideoElement {
  const media = document.createElement('video');
  media.muted = true;
  media.src = `/_media/${token()}/none/interview-32m/video.mp4`;
  document.body.append(media);
  return media;
}

/** Callbacks that ignore everything; a test overrides what it looks at. */
const quiet: ClipWatchCallbacks = {
  onEnd: () => undefined,
  received: () => 0,
  onSilent: () => undefined,
  onStall: () => undefined,
};

const timeout = (ms: number) => new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), ms));

describe('ClipWatch', () => {
  let media: HTMLVideoElement;
  let watch: ClipWatch | undefined;
  afterEach(() => {
    watch?.destroy();
    media.pause();
    media.remove();
  });

  it('reports the end within a few frames of it while playing', async () => {
    media = video();
    const end = 1.5;
    const ended = new Promise<number>((resolve) => {
      watch = new ClipWatch(media, end, {
        ...quiet,
        onEnd: () => resolve(media.currentTime),
      });
    });
    await media.play();
    const at = await Promise.race([ended, timeout(8000)]);
    expect(at).to.be.a('number');
    // `timeupdate` alone would be up to 0.25 s late; the timer is not.
    expect(at as number).to.be.within(end - END_WAIT, end + 0.15);
  });

  it('plays past a released end without reporting it', async () => {
    media = video();
    let reported = false;
    watch = new ClipWatch(media, 0.8, { ...quiet, onEnd: () => (reported = true) });
    watch.releaseEnd();
    await media.play();
    await new Promise<void>((resolve) => {
      const check = () => (media.currentTime > 1.6 ? resolve() : requestAnimationFrame(check));
      check();
    });
    expect(reported).to.equal(false);
    expect(watch.pastEnd()).to.equal(false);
  });

  it('says nothing once destroyed', async () => {
    media = video();
    let reported = false;
    watch = new ClipWatch(media, 0.8, { ...quiet, onEnd: () => (reported = true) });
    watch.destroy();
    await media.play();
    await new Promise<void>((resolve) => {
      const check = () => (media.currentTime > 1.6 ? resolve() : requestAnimationFrame(check));
      check();
    });
    expect(reported).to.equal(false);
  });

  it('counts progress from a seek, not from the furthest point of the pass before', async () => {
    media = video();
    watch = new ClipWatch(media, undefined, quiet);
    media.currentTime = 2;
    await new Promise((resolve) => media.addEventListener('seeked', resolve, { once: true }));
    expect(watch.furthest).to.be.closeTo(2, 0.05);
    media.currentTime = 0.5;
    await new Promise((resolve) => media.addEventListener('seeked', resolve, { once: true }));
    expect(watch.furthest).to.be.closeTo(0.5, 0.05);
  });

  describe('stall verdicts (a 300 ms period)', () => {
    const defaults = { ...engineOptions };
    beforeEach(() => configureEngine({ stallTimeout: 300, outageTimeout: 600 }));
    afterEach(() => configureEngine(defaults));

    /** A watch armed on a video that does not move; resolves with what it said within `ms`. */
    async function verdicts(ms: number, on: Partial<ClipWatchCallbacks>, setUp?: (w: ClipWatch) => void) {
      const said: string[] = [];
      watch = new ClipWatch(media, undefined, {
        ...quiet,
        onSilent: () => said.push('silent'),
        onStall: (code) => said.push(code),
        ...on,
      });
      setUp?.(watch);
      watch.watchStall();
      await timeout(ms);
      return said;
    }

    it('bytes arriving without progress: a slow link, no verdict', async () => {
      media = video();
      media.preload = 'none';
      let bytes = 0;
      expect(await verdicts(1500, { received: () => (bytes += 1000) })).to.deep.equal([]);
    });

    it('nothing arriving, nothing buffered: the link is silent, each period', async () => {
      media = video();
      media.preload = 'none';
      const said = await verdicts(1000, {});
      expect(said.length).to.be.within(2, 4);
      expect(new Set(said)).to.deep.equal(new Set(['silent']));
    });

    it('media buffered ahead that does not play: broken (decode)', async () => {
      media = video();
      // Data past the playhead (HAVE_FUTURE_DATA), which the watch asks for; not canplaythrough,
      // which a busy machine's Firefox may take longer than the test to reach.
      await new Promise((resolve) => media.addEventListener('canplay', resolve, { once: true }));
      // Playing at speed 0: not paused, data to play, and the time does not move, as a decoder
      // that takes data and shows nothing.
      media.playbackRate = 0;
      await media.play();
      expect(await verdicts(500, {})).to.deep.equal(['decode']);
    });

    it('paused with a frame to show: waiting for the user, no verdict', async () => {
      media = video();
      await new Promise((resolve) => media.addEventListener('canplay', resolve, { once: true }));
      expect(await verdicts(1000, {})).to.deep.equal([]);
    });

    it('a reconnect is waited for a bounded number of periods, then it is a network failure', async () => {
      media = video();
      media.preload = 'none';
      const said = await verdicts(3000, {}, (w) => (w.reconnecting = true));
      expect(said).to.deep.equal(['network']);
    });
  });
});
