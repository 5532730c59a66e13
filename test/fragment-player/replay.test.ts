// A fragment longer than the engine's back buffer: by its end the start is no longer buffered and
// loading has stopped at the end, so replaying, continuing or seeking back must load again.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/fragment-player/define.js';
import type { FragmentPlayer } from '../../src/fragment-player/fragment-player.js';
import { nextEvent, playlistUrl, token, until } from '../helpers/media.js';
import { shadow } from '../helpers/dom.js';
import { notInWebKit } from '../helpers/engines.js';
import { configureEngine, engineOptions } from '../../src/media/engine-options.js';

const START = 60;
// Seconds the engine keeps behind the playhead here (30 by default). hls.js frees whole segments
// (6 s here), and only as it appends more: the fragment is five times as long.
const BACK_BUFFER = 6;
const END = START + 5 * BACK_BUFFER;
// Played fast, so the test does not take the fragment's length.
const RATE = 4;

const video = (el: FragmentPlayer) => shadow(el).querySelector('video');
const playButton = (el: FragmentPlayer) => shadow(el).querySelector<HTMLButtonElement>('[part~="play-button"]');
const actions = (el: FragmentPlayer) => [...shadow(el).querySelectorAll<HTMLButtonElement>('[part~="actions"] button')];
const buffered = (media: HTMLMediaElement, time: number) =>
  [...Array(media.buffered.length).keys()].some((i) => media.buffered.start(i) <= time && time < media.buffered.end(i));

/** Plays fast to near the end, then at normal speed, so the pause at the end is timed as usual. */
async function slowNearEnd(media: HTMLMediaElement) {
  await until(() => media.currentTime > END - 2, 'nearly the end', 30000);
  media.playbackRate = 1;
}

/** Plays the fragment fast to its end; resolves with the media and a list of errors reported since. */
async function playToEnd() {
  const el = await fixture<FragmentPlayer>(
    html`<fragment-player src=${playlistUrl(token())} start=${START} end=${END} label="Lang"></fragment-player>`,
  );
  await until(() => playButton(el), 'the facade');
  const errors: string[] = [];
  el.addEventListener('fragment-error', (event) => errors.push((event as CustomEvent).detail.code));
  const ended = nextEvent(el, 'fragment-ended', 40000);
  playButton(el)!.click();
  const media = await until(() => video(el), 'the video');
  await until(() => !media.paused, 'playback', 20000);
  media.playbackRate = RATE;
  await slowNearEnd(media);
  await ended;
  expect(media.currentTime, 'paused at the end').to.be.within(END - 0.3, END + 0.3);
  // The premise: the start has left the back buffer.
  expect(buffered(media, START + 1), 'the start still buffered').to.equal(false);
  await el.updateComplete;
  return { el, media, errors };
}

/** Resolves once playback runs past `time`, or rejects with the player's error. */
async function playsPast(el: FragmentPlayer, media: HTMLMediaElement, errors: string[], time: number) {
  await until(
    () => {
      if (errors.length) throw new Error(`fragment-error ${errors.join(', ')}`);
      return media.currentTime > time && !media.paused;
    },
    `playback past ${time}`,
    20000,
  );
  expect(shadow(el).querySelector('[role="alert"]'), 'an error shown').to.equal(null);
}

describe('<fragment-player> after the end of a fragment longer than the back buffer', () => {
  const defaults = { ...engineOptions };
  before(() => configureEngine({ backBuffer: BACK_BUFFER }));
  after(() => configureEngine(defaults));
  afterEach(() => {
    for (const el of document.querySelectorAll('fragment-player')) el.remove();
  });

  it('replays from the start and ends again at the end', async function () {
    notInWebKit(
      this,
      'WebKitGTK 2.50 pauses the media by itself after the seek back while playing faster than 1× (at 1× it plays on; this test plays at 4× to stay short)',
    );
    this.timeout(90000);
    const { el, media, errors } = await playToEnd();
    const [replay] = actions(el);
    const endedAgain = nextEvent(el, 'fragment-ended', 40000);
    media.playbackRate = RATE;
    replay.click();
    await playsPast(el, media, errors, START + 4);
    expect(media.currentTime, 'replays from the start').to.be.below(START + 15);
    await slowNearEnd(media);
    await endedAgain;
    expect(media.paused).to.equal(true);
    expect(media.currentTime, 'paused at the end again').to.be.within(END - 0.3, END + 0.3);
    expect(errors).to.deep.equal([]);
  });

  it('continues the interview past the end', async function () {
    this.timeout(60000);
    const { el, media, errors } = await playToEnd();
    const [, continueButton] = actions(el);
    continueButton.click();
    await playsPast(el, media, errors, END + 8);
  });

  it('plays on from a point before the end sought after the end', async function () {
    this.timeout(60000);
    const { el, media, errors } = await playToEnd();
    const target = START + 10;
    const seek = shadow(el).querySelector<HTMLInputElement>('[part~="seek"]')!;
    seek.value = String(target);
    seek.dispatchEvent(new Event('input'));
    await until(() => !media.seeking, 'the seek');
    await el.updateComplete;
    // The end choices give way to the play button, which plays on from the sought point.
    expect(actions(el), 'end choices').to.deep.equal([]);
    playButton(el)!.click();
    await playsPast(el, media, errors, target + 4);
    expect(media.currentTime, 'from the sought point').to.be.below(target + 15);
  });
});
