// Sources the player cannot play as asked say why, instead of failing later as "damaged": an MP4
// whose server ignores Range (no start part-way), and a live sliding-window playlist.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/fragment-player/define.js';
import type { FragmentPlayer } from '../../src/fragment-player/fragment-player.js';
import type { FragmentErrorEvent } from '../../src/events/fragment-events.js';
import { nextEvent, token, until } from '../helpers/media.js';

async function playAndFail(src: string, start: string): Promise<{ el: FragmentPlayer; event: FragmentErrorEvent }> {
  const el = await fixture<FragmentPlayer>(
    html`<fragment-player lang="nl" src=${src} start=${start} label="Bron"></fragment-player>`,
  );
  const failed = nextEvent<FragmentErrorEvent>(el, 'fragment-error', 20000);
  (await until(() => el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="play-button"]'), 'facade')).click();
  return { el, event: await failed };
}

describe('<fragment-player> with sources it cannot play as asked', () => {
  afterEach(() => document.querySelectorAll('fragment-player').forEach((el) => el.remove()));

  it('an MP4 from a server without byte ranges, started part-way: says so', async () => {
    const { el, event } = await playAndFail(`/_media/${token()}/norange/interview-32m/video.mp4`, '100');
    expect(event.detail.code).to.equal('unsupported');
    expect(event.detail.message).to.match(/byte ranges/);
    const alert = await until(() => el.shadowRoot!.querySelector('[role="alert"]'), 'the alert');
    expect(alert.textContent).to.contain('byte ranges');
  });

  it('the same MP4 from its start plays (nothing to seek)', async () => {
    const el = await fixture<FragmentPlayer>(
      html`<fragment-player
        src=${`/_media/${token()}/norange/interview-32m/video.mp4`}
        label="Bron"
      ></fragment-player>`,
    );
    (await until(() => el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="play-button"]'), 'facade')).click();
    const video = await until(() => el.shadowRoot!.querySelector('video'), 'the video');
    await until(() => video.currentTime > 0.5 && !video.paused, 'playback');
    expect(el.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
  });

  it('a live sliding-window playlist: says live streams are not played', async () => {
    const { el, event } = await playAndFail(`/_media/${token()}/live/interview-32m/video.m3u8`, '0');
    expect(event.detail.code).to.equal('unsupported');
    expect(event.detail.message).to.match(/live/);
    const alert = await until(() => el.shadowRoot!.querySelector('[role="alert"]'), 'the alert');
    expect(alert.textContent).to.contain('livestream');
  });
});
