// The engine's native-HLS path, the one iPhone Safari takes (no Media Source Extensions): forced
// here by hiding Media Source Extensions from the page, in a browser that plays HLS itself
// (Chromium does; Firefox and WebKitGTK do not, and skip this file saying so).
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/fragment-player/define.js';
import type { FragmentPlayer } from '../../src/fragment-player/fragment-player.js';
import type { FragmentErrorEvent } from '../../src/events/fragment-events.js';
import { playlistUrl, requestLog, token, until } from '../helpers/media.js';
import { shadow } from '../helpers/dom.js';

const HLS = 'application/vnd.apple.mpegurl';
const hidden = ['MediaSource', 'ManagedMediaSource'] as const;

describe('<fragment-player> without Media Source Extensions (native HLS, as on iPhone)', () => {
  const saved = new Map<string, PropertyDescriptor | undefined>();
  before(function () {
    if (!document.createElement('video').canPlayType(HLS)) {
      console.warn('Kijkom: not run here: this browser does not play HLS itself');
      this.skip();
    }
    for (const name of hidden) {
      saved.set(name, Object.getOwnPropertyDescriptor(window, name));
      delete (window as unknown as Record<string, unknown>)[name];
    }
  });
  after(() => {
    for (const [name, descriptor] of saved) if (descriptor) Object.defineProperty(window, name, descriptor);
  });
  afterEach(() => {
    for (const el of document.querySelectorAll('fragment-player')) el.remove();
  });

  it('plays the stream natively from the fragment start, and loads no hls.js', async function () {
    this.timeout(40000);
    expect('MediaSource' in window, 'Media Source Extensions hidden').to.equal(false);
    const t = token();
    const el = await fixture<FragmentPlayer>(
      html`<fragment-player src=${playlistUrl(t)} start="100" end="110" label="Natief"></fragment-player>`,
    );
    await until(() => shadow(el).querySelector('[part~="play-button"]'), 'the facade');
    const errors: string[] = [];
    el.addEventListener('fragment-error', (event) => errors.push((event as FragmentErrorEvent).detail.message));
    shadow(el).querySelector<HTMLButtonElement>('[part~="play-button"]')!.click();
    const media = await until(() => shadow(el).querySelector('video'), 'the video');
    await until(() => !media.paused && media.currentTime > 100.5, 'playback from the start', 30000);
    expect(errors).to.deep.equal([]);
    expect(media.currentTime, 'from the fragment start').to.be.within(100, 106);
    // The element plays the playlist itself: its URL is the media's source, no blob: of a MediaSource.
    expect(media.currentSrc).to.contain(`/_media/${t}/`);
    const scripts = performance.getEntriesByType('resource').filter((entry) => /hls-attach|hls\.js/.test(entry.name));
    expect(scripts.length, 'hls.js loaded').to.equal(0);
    expect((await requestLog(t)).some((r) => r.path.endsWith('.m3u8'))).to.equal(true);
  });
});
