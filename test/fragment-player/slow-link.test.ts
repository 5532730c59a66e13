// A slow link is not a broken video (issue 23): an HD stream over a link slower than its bitrate
// reaches its first frame and plays on, saying it is loading meanwhile; seeks in quick succession
// while playing are no stall. The stall watch's period is made short here (3 s against a segment
// that takes 16 s to arrive), so a watch that counts only playback progress fails at once.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/fragment-player/define.js';
import type { FragmentPlayer } from '../../src/fragment-player/fragment-player.js';
import { configureEngine, engineOptions } from '../../src/media/engine-options.js';
import { playlistUrl, token, until } from '../helpers/media.js';
import { shadow } from '../helpers/dom.js';

const video = (el: FragmentPlayer) => shadow(el).querySelector('video');
const playButton = (el: FragmentPlayer) => shadow(el).querySelector<HTMLButtonElement>('[part~="play-button"]');
const status = (el: FragmentPlayer) => shadow(el).querySelector('.status')?.textContent ?? '';

/** Records every fragment-error and every text the status line showed. */
function observe(el: FragmentPlayer) {
  const errors: string[] = [];
  const shown = new Set<string>();
  el.addEventListener('fragment-error', (event) => errors.push(JSON.stringify((event as CustomEvent).detail)));
  const observer = new MutationObserver(() => shown.add(status(el).trim()));
  observer.observe(shadow(el), { subtree: true, childList: true, characterData: true });
  return { errors, shown, stop: () => observer.disconnect() };
}

describe('<fragment-player> on a slow link', () => {
  const defaults = { ...engineOptions };
  beforeEach(() => configureEngine({ stallTimeout: 3000 }));
  afterEach(() => {
    configureEngine(defaults);
    for (const el of document.querySelectorAll('fragment-player')) el.remove();
  });

  it('a 720p stream of 6 s segments at 1 Mbit/s + 100 ms RTT: loading, then the first frame, and it plays on', async function () {
    this.timeout(90000);
    const t = token();
    // 2.6 Mb/s video: its first segment (1.95 MB) takes about 16 s to arrive, the next as long.
    const el = await fixture<FragmentPlayer>(
      html`<fragment-player
        src=${`/_media/${t}/rate-1000/streams/hd/index.m3u8`}
        start="0"
        label="HD"
      ></fragment-player>`,
    );
    await until(() => playButton(el), 'the facade');
    const seen = observe(el);
    playButton(el)!.click();
    const media = await until(() => video(el), 'the video');
    await until(() => /Laden…\s*\d+ %/.test(status(el)), 'the loading state with the download progress', 15000);
    await until(() => media.readyState >= HTMLMediaElement.HAVE_FUTURE_DATA && !media.paused, 'the first frame', 45000);
    expect(seen.errors, 'errors before the first frame').to.deep.equal([]);
    // Past the first segment: the second came over the same slow link while the first played.
    await until(() => media.currentTime > 7, 'playing on into the second segment', 45000);
    seen.stop();
    expect(seen.errors, 'errors while playing on').to.deep.equal([]);
    expect(
      [...seen.shown].some((text) => text.startsWith('Laden…')),
      'said it was loading',
    ).to.equal(true);
    expect(
      [...seen.shown].some((text) => /beschadigd|herstellen/.test(text)),
      'never called the video damaged or the link lost',
    ).to.equal(false);
  });

  it('20 arrow-key seeks on the timeline while playing: no error, and it plays on from where they left it', async function () {
    this.timeout(60000);
    configureEngine({ stallTimeout: 1000 });
    const el = await fixture<FragmentPlayer>(
      html`<fragment-player src=${playlistUrl(token())} start="300" label="Zoeken"></fragment-player>`,
    );
    await until(() => playButton(el), 'the facade');
    const seen = observe(el);
    playButton(el)!.click();
    const media = await until(() => video(el), 'the video');
    await until(() => !media.paused && media.currentTime > 300.2, 'playback');
    const timeline = await until(() => shadow(el).querySelector<HTMLInputElement>('[part~="seek"]'), 'the timeline');
    timeline.focus();
    for (let i = 0; i < 20; i++) {
      await sendKeys({ press: i % 4 === 3 ? 'ArrowLeft' : 'ArrowRight' });
      await new Promise((resolve) => setTimeout(resolve, 100 + (i % 3) * 150));
    }
    const target = media.currentTime;
    await until(() => !media.paused && media.currentTime > target + 1, 'playing on after the seeks', 20000);
    // Three stall periods more: a watch that took the seeks for a stall would have failed by now.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    seen.stop();
    expect(seen.errors).to.deep.equal([]);
    expect(media.paused).to.equal(false);
  });
});
