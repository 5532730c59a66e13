// The browser stops a progressive video at its media fragment's end (`#t=start,end`) itself, and
// now and then (Firefox) before our own end timer: that pause is the fragment's end, not the user's.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/fragment-player/define.js';
import type { FragmentPlayer } from '../../src/fragment-player/fragment-player.js';
import { token, until } from '../helpers/media.js';

const START = 120;
const END = 126;

describe('<fragment-player> paused at the end by someone else', () => {
  it('shows the end (replay / continue) and fires fragment-ended, not fragment-pause', async () => {
    const src = `/_media/${token()}/none/interview-32m/video.mp4`;
    const el = await fixture<FragmentPlayer>(
      html`<fragment-player src=${src} start=${START} end=${END} label="MP4"></fragment-player>`,
    );
    const events: string[] = [];
    for (const type of ['fragment-pause', 'fragment-ended']) el.addEventListener(type, () => events.push(type));
    const button = await until(
      () => el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="play-button"]'),
      'facade',
    );
    button.click();
    const video = await until(() => el.shadowRoot!.querySelector('video'), 'the video');
    await until(() => !video.paused && video.currentTime > START, 'playback', 20000);
    // Pause a moment before the end, as the browser's media-fragment end does when it comes first.
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        if (video.currentTime < END - 0.2) return;
        clearInterval(timer);
        if (!video.paused) video.pause();
        resolve();
      }, 5);
    });
    await until(() => el.shadowRoot!.querySelector('[part~="actions"]'), 'the end choices');
    expect(events).to.deep.equal(['fragment-ended']);
    el.remove();
  });
});
