// The clip watch on a real <video> playing the generated MP4: the end is reported where the clip
// ends (not at the next `timeupdate`), once released it is not, and a destroyed watch is silent.
import { expect } from '@open-wc/testing';
import { ClipWatch } from '../../src/media/clip-watch.js';
import { END_WAIT } from '../../src/media/clip.js';
import { token } from '../helpers/media.js';

function video(): HTMLVideoElement {
  const media = document.createElement('video');
  media.muted = true;
  media.src = `/_media/${token()}/none/interview-32m/video.mp4`;
  document.body.append(media);
  return media;
}

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
        onEnd: () => resolve(media.currentTime),
        onStall: () => undefined,
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
    watch = new ClipWatch(media, 0.8, { onEnd: () => (reported = true), onStall: () => undefined });
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
    watch = new ClipWatch(media, 0.8, { onEnd: () => (reported = true), onStall: () => undefined });
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
    watch = new ClipWatch(media, undefined, { onEnd: () => undefined, onStall: () => undefined });
    media.currentTime = 2;
    await new Promise((resolve) => media.addEventListener('seeked', resolve, { once: true }));
    expect(watch.furthest).to.be.closeTo(2, 0.05);
    media.currentTime = 0.5;
    await new Promise((resolve) => media.addEventListener('seeked', resolve, { once: true }));
    expect(watch.furthest).to.be.closeTo(0.5, 0.05);
  });
});
