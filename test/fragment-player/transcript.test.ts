// A playing <fragment-player> shows the fragment's words in sync when asked: the transcript is
// fetched only then, never before play. Fragment 12:05–13:20 of the sample interview (a cue per 15 s).
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/fragment-player/define.js';
import type { FragmentPlayer } from '../../src/fragment-player/fragment-player.js';
import { catalogueUrl, requestLog, token, until } from '../helpers/media.js';
import { shadow } from '../helpers/dom.js';

const fetchedTranscript = async (t: string) =>
  (await requestLog(t)).filter((r) => r.path.endsWith('transcript-nl.vtt')).length;

describe('<fragment-player> transcript', () => {
  afterEach(() => document.querySelectorAll('fragment-player').forEach((el) => el.remove()));

  it('is fetched only when opened, shows the fragment\u2019s cues in sync, and its times seek', async function () {
    this.timeout(40000);
    const t = token();
    const el = await fixture<FragmentPlayer>(
      html`<fragment-player
        catalogue=${catalogueUrl(t)}
        fragment="voorbeeld-advies-onder-tijdsdruk"
      ></fragment-player>`,
    );
    (await until(() => shadow(el).querySelector<HTMLButtonElement>('[part~="play-button"]'), 'the facade')).click();
    const video = await until(() => shadow(el).querySelector('video'), 'the video');
    await until(() => video.currentTime > 725.2 && !video.paused, 'playback', 20000);
    const toggle = await until(
      () => shadow(el).querySelector<HTMLButtonElement>('[part~="transcript-button"]'),
      'the transcript button',
    );
    expect(toggle.getAttribute('aria-pressed')).to.equal('false');
    expect(await fetchedTranscript(t), 'not fetched before it is opened').to.equal(0);

    toggle.click();
    const transcript = await until(() => shadow(el).querySelector('kijkom-transcript'), 'the transcript');
    const root = await until(() => transcript.shadowRoot?.querySelector('.turn') && transcript.shadowRoot, 'its text');
    expect(await fetchedTranscript(t)).to.equal(1);
    await el.updateComplete;
    expect(shadow(el).querySelector('[part~="transcript-button"]')!.getAttribute('aria-pressed')).to.equal('true');
    const times = [...root.querySelectorAll('[part~="transcript-time"]')].map((b) => b.textContent!.trim());
    expect(times, 'only the cues heard in the fragment').to.deep.equal([
      '12:00',
      '12:15',
      '12:30',
      '12:45',
      '13:00',
      '13:15',
    ]);
    await until(() => root.querySelector('[aria-current="true"]'), 'the spoken cue marked');
    expect(root.querySelectorAll('[aria-current="true"]')).to.have.length(1);

    // A time in it seeks this player.
    [...root.querySelectorAll<HTMLButtonElement>('[part~="transcript-time"]')].at(-2)!.click();
    await until(() => video.currentTime >= 780 && video.currentTime < 790, 'a seek to 13:00', 15000);
    await until(
      () =>
        root.querySelector('[aria-current="true"]')?.closest('.turn')?.querySelector('time')?.textContent === '13:00',
      'the mark at 13:00',
    );
    await expect(el).to.be.accessible();

    // Typed into its search, the player's keys (K, M, C, A, F…) are letters: nothing pauses or mutes.
    const search = root.querySelector<HTMLInputElement>('[part~="transcript-search"]')!;
    search.focus();
    await sendKeys({ type: 'kamcf' });
    expect(search.value).to.equal('kamcf');
    expect([video.paused, video.muted]).to.deep.equal([false, false]);
    search.value = '';
    search.dispatchEvent(new Event('input', { bubbles: true, composed: true }));

    // Closed again, it is gone; the words stay loaded for the next time.
    shadow(el).querySelector<HTMLButtonElement>('[part~="transcript-button"]')!.click();
    await until(() => !shadow(el).querySelector('kijkom-transcript'), 'closed');
  });

  it('a player without a transcript has no transcript button', async function () {
    this.timeout(30000);
    const el = await fixture<FragmentPlayer>(
      html`<fragment-player
        src=${`/_media/${token()}/none/interview-32m/video.m3u8`}
        start="60"
        label="Bron"
      ></fragment-player>`,
    );
    (await until(() => shadow(el).querySelector<HTMLButtonElement>('[part~="play-button"]'), 'the facade')).click();
    await until(() => shadow(el).querySelector('[part~="play-pause"]'), 'the controls');
    expect(shadow(el).querySelector('[part~="transcript-button"]')).to.equal(null);
  });
});
