// Forced colours (Windows high contrast; WCAG 1.4.11 as its users meet it): the browser replaces
// backgrounds and drops shadows, so what we drew with them vanishes. Screenshots taken in forced
// colours are compared: the timeline's played part and fragment span, a pressed toggle and the
// current list item must each look different from what they are not. Chromium emulates forced
// colours through DevTools; this file's Firefox is launched with them (web-test-runner.config.mjs).
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/index.js';
import type { FragmentList } from '../../src/fragment-list/fragment-list.js';
import type { FragmentPlayer } from '../../src/fragment-player/fragment-player.js';
import { catalogueUrl, playlistUrl, token, until } from '../helpers/media.js';
import { boxOf, rendered, screenshot, type Shot } from '../helpers/screenshot.js';
import { shadow } from '../helpers/dom.js';

/** The share of pixels in columns [from, to) that differ between two shots of the same size. */
function differing(a: Shot, b: Shot, from = 0, to = a.width): number {
  let changed = 0;
  let all = 0;
  for (let y = 0; y < a.height; y++)
    for (let x = Math.max(0, Math.round(from)); x < Math.min(a.width, Math.round(to)); x++) {
      const i = (y * a.width + x) * 4;
      const delta =
        Math.abs(a.data[i] - b.data[i]) +
        Math.abs(a.data[i + 1] - b.data[i + 1]) +
        Math.abs(a.data[i + 2] - b.data[i + 2]);
      all++;
      if (delta > 60) changed++;
    }
  return all ? changed / all : 0;
}

/** A shot's columns [from, to) as one column of pixels per row: the row's middle pixel. */
function column(shot: Shot, from: number, to: number): string {
  const x = Math.round((from + to) / 2);
  const rows: string[] = [];
  for (let y = 0; y < shot.height; y++)
    rows.push([...shot.data.slice((y * shot.width + x) * 4, (y * shot.width + x) * 4 + 3)].join(','));
  return rows.join(' ');
}

/** Runs `change`, lets the page render it, and returns screenshots of `el`'s box before and after. */
async function beforeAfter(el: Element, change: () => unknown, grow = 0): Promise<[Shot, Shot]> {
  const rect = boxOf(el, grow);
  const before = await screenshot(rect);
  await change();
  await rendered();
  return [before, await screenshot(rect)];
}

describe('forced colours', () => {
  before(async () => {
    await executeServerCommand('forced-colors');
    expect(matchMedia('(forced-colors: active)').matches, 'forced colours are on').to.equal(true);
  });

  it("the timeline's track, played part and fragment span stay visible", async function () {
    this.timeout(30000);
    // The clip 100–400 s of 32:00 (1920 s) is wide enough to measure; paused at 250 s inside it.
    const el = await fixture<FragmentPlayer>(
      html`<fragment-player src=${playlistUrl(token())} start="100" end="400" label="Fragment"></fragment-player>`,
    );
    (await until(() => shadow(el).querySelector<HTMLButtonElement>('[part~="play-button"]'), 'facade')).click();
    const video = await until(() => shadow(el).querySelector('video'), 'the video');
    await until(() => !video.paused && video.currentTime > 100, 'playing');
    video.pause();
    video.currentTime = 250;
    await until(() => !video.seeking && Math.abs(video.currentTime - 250) < 1, 'at 250 s');
    const track = await until(() => shadow(el).querySelector<HTMLElement>('.track'), 'the track');
    await until(
      () => Number(shadow(el).querySelector<HTMLInputElement>('.seek')!.value) >= 249,
      'the timeline at 250 s',
    );
    await el.updateComplete;

    // Without the track the screenshot shows what is left of the timeline (the thumb); with it, each
    // stretch of the track must differ from that.
    const { width } = track.getBoundingClientRect();
    const [shown, hidden] = await beforeAfter(track, () => track.setAttribute('hidden', ''), 2);
    const at = (seconds: number) => 2 + (seconds / 1920) * width;
    const playedOnly = [at(10), at(90)] as const;
    const both = [at(110), at(230)] as const;
    const spanOnly = [at(270), at(390)] as const;
    const neither = [at(600), at(1900)] as const;
    expect(differing(shown, hidden, ...playedOnly), 'the played part').to.be.above(0.1);
    expect(differing(shown, hidden, ...spanOnly), 'the fragment span').to.be.above(0.3);
    expect(differing(shown, hidden, ...neither), 'the outline of the track').to.be.above(0.05);
    // And they differ from one another: the span is not the played part, nor the empty track.
    const looks = [playedOnly, both, spanOnly, neither].map(([from, to]) => column(shown, from, to));
    expect(new Set(looks).size, 'four distinct stretches of track').to.equal(4);
  });

  it('a pressed toggle looks pressed', async function () {
    this.timeout(30000);
    const el = await fixture<FragmentPlayer>(
      html`<fragment-player src=${playlistUrl(token())} start="100" label="Fragment"></fragment-player>`,
    );
    (await until(() => shadow(el).querySelector<HTMLButtonElement>('[part~="play-button"]'), 'facade')).click();
    const mute = await until(() => shadow(el).querySelector<HTMLButtonElement>('[part~="mute"]'), 'the mute toggle');
    await el.updateComplete;
    const pressed = () => mute.getAttribute('aria-pressed');
    const start = pressed();
    const [before, after] = await beforeAfter(mute, async () => {
      mute.click();
      await until(() => pressed() !== start, 'the toggle switched');
      await el.updateComplete;
    });
    expect(differing(before, after), `pressed ${start} → ${pressed()}`).to.be.above(0.3);
  });

  it('the current list item keeps its mark when paused', async function () {
    this.timeout(30000);
    const list = await fixture<FragmentList>(
      html`<fragment-list catalogue=${catalogueUrl(token())} interview="gesprek-i"></fragment-list>`,
    );
    const items = await until(() => {
      const found = [...shadow(list).querySelectorAll<HTMLButtonElement>('.item-button')];
      return found.length >= 2 && found;
    }, 'two items');
    // The second item's left edge, before and after it became current and its player paused.
    const item = items[1];
    const before = await screenshot(boxOf(item));
    item.click();
    const player = await until(
      () => shadow(list).querySelector<FragmentPlayer>('.inline fragment-player'),
      'inline player',
    );
    const video = await until(() => shadow(player).querySelector('video'), 'the video');
    await until(() => !video.paused, 'playing');
    video.pause();
    const current = await until(
      () => shadow(list).querySelector<HTMLElement>('.item-button[aria-current="true"]'),
      'current item',
    );
    await until(() => !current.querySelector('.now'), '"now playing" gone once paused');
    await rendered();
    const after = await screenshot(boxOf(current));
    expect(current.querySelector('.title')?.textContent).to.equal(item.querySelector('.title')?.textContent);
    expect(differing(before, after, 0, 6), "the current item's edge").to.be.above(0.5);
  });
});
