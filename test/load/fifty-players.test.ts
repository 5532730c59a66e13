// Load: a page with 50 <fragment-player> elements on one catalogue stays light until a
// play, plays one at a time, and lets go of everything when the players leave.
import { expect } from '@open-wc/testing';
import '../../src/fragment-player/define.js';
import type { FragmentPlayer } from '../../src/fragment-player/fragment-player.js';
import { HLS_CODE, catalogueUrl, requestLog, token, until } from '../helpers/media.js';
import { shadow } from '../helpers/dom.js';

// Room for every resource entry of this page: past the default 250 the browser drops new ones, and
// the hls.js and "requests after removal" checks below would then see nothing.
performance.setResourceTimingBufferSize(10_000);

const PLAYERS = 50;
/** Every media answer is held back this long, so a player still fetches while it plays and when it is removed. */
const MEDIA_DELAY_MS = 400;

const MEDIA = /\.(m3u8|m4s|mp4)$/;
const playButton = (el: FragmentPlayer) => shadow(el).querySelector<HTMLButtonElement>('[part~="play-button"]');
const title = (el: FragmentPlayer) => shadow(el).querySelector('[part~="title"]')?.textContent;
const mediaIn = (el: FragmentPlayer) => shadow(el).querySelector<HTMLVideoElement>('video');
const resources = () => performance.getEntriesByType('resource') as PerformanceResourceTiming[];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Every <video> and <audio> in `roots` and in the shadow roots below them. */
function mediaElements(...roots: (Document | ShadowRoot | Element)[]): HTMLMediaElement[] {
  const found: HTMLMediaElement[] = [];
  const walk = (node: Node) => {
    if (node instanceof HTMLMediaElement) found.push(node);
    if (node instanceof Element && node.shadowRoot) walk(node.shadowRoot);
    for (const child of node.childNodes) walk(child);
  };
  roots.forEach(walk);
  return found;
}

interface FixtureFragment {
  id: string;
  title: string;
  /** Seconds or `m:s` in the fixture. */
  start: string;
}

const seconds = (time: string) => time.split(':').reduce((sum, part) => sum * 60 + Number(part), 0);

describe('50 players on one page', () => {
  it('fetch the catalogue once and no media before a play, play one at a time, and stop when removed', async () => {
    const { fragments } = (await (await fetch(new URL('../fixtures/catalogue.json', import.meta.url))).json()) as {
      fragments: FixtureFragment[];
    };
    const t = token();
    const url = catalogueUrl(t, `slow-${MEDIA_DELAY_MS}`);
    const chosen = Array.from({ length: PLAYERS }, (_, i) => fragments[i % fragments.length]);
    const container = document.createElement('div');
    const players = chosen.map(({ id }) => {
      const player = document.createElement('fragment-player');
      player.setAttribute('catalogue', url);
      player.setAttribute('fragment', id);
      return player;
    });
    container.append(...players);
    document.body.append(container);

    try {
      // Every facade: its fragment's title and a play button.
      await until(
        () => players.every((player, i) => title(player) === chosen[i].title && playButton(player)),
        'all 50 facades',
      );
      const titles = players.map(title);
      expect(titles).to.deep.equal(chosen.map((fragment) => fragment.title));
      expect(new Set(titles).size).to.equal(Math.min(PLAYERS, fragments.length));

      // A page nobody touches: no hls.js.
      await sleep(300);
      expect(
        resources()
          .filter((e) => HLS_CODE.test(e.name))
          .map((e) => e.name),
        'hls.js before any intent',
      ).to.deep.equal([]);
      // Hovering and focusing every facade may load the playing code (once), never media (DESIGN §2).
      for (const player of players) {
        playButton(player)!.dispatchEvent(new PointerEvent('pointerenter'));
        playButton(player)!.focus();
      }
      await until(() => resources().some((e) => HLS_CODE.test(e.name)), 'hls.js loaded on intent');
      await sleep(300);

      const before = await requestLog(t);
      // The catalogue route logs `ok` once per request: 50 players, one request.
      expect(
        before.filter((r) => r.path === 'ok'),
        'catalogue requests',
      ).to.have.length(1);
      expect(
        before.filter((r) => MEDIA.test(r.path)),
        'media requests before a play',
      ).to.deep.equal([]);
      // Anything else is the poster image.
      expect(
        before.filter((r) => r.path !== 'ok' && !r.path.endsWith('/poster.jpg')),
        'other requests',
      ).to.deep.equal([]);
      const engineCode = resources()
        .filter((e) => HLS_CODE.test(e.name))
        .map((e) => e.name);
      expect(engineCode, 'hls.js fetched once for 50 players').to.deep.equal([...new Set(engineCode)]);
      expect(
        resources()
          .filter((e) => MEDIA.test(new URL(e.name).pathname))
          .map((e) => e.name),
        'media resources before a play',
      ).to.deep.equal([]);
      expect(mediaElements(document), 'media elements before a play').to.have.length(0);

      // Play the first, then the second: the first pauses.
      const [first, second] = players;
      playButton(first)!.click();
      const firstMedia = await until(() => mediaIn(first), 'the first video');
      await until(
        () => !firstMedia.paused && firstMedia.currentTime > seconds(chosen[0].start),
        'the first video playing from its start',
      );
      expect(
        resources().some((e) => HLS_CODE.test(e.name)),
        'hls.js loaded on the play',
      ).to.equal(true);

      playButton(second)!.click();
      const secondMedia = await until(() => mediaIn(second), 'the second video');
      await until(
        () => !secondMedia.paused && secondMedia.currentTime > seconds(chosen[1].start),
        'the second video playing from its start',
      );
      await until(() => firstMedia.paused, 'the first video paused');
      const playing = mediaElements(document).filter((media) => !media.paused);
      expect(playing, 'playing media elements').to.have.length(1);
      expect(playing[0]).to.equal(secondMedia);
      expect(mediaElements(document), 'media elements after two plays').to.have.members([firstMedia, secondMedia]);
      const during = await requestLog(t);
      expect(
        during.filter((r) => r.path === 'ok'),
        'catalogue requests after the plays',
      ).to.have.length(1);
      expect(
        during.some((r) => MEDIA.test(r.path)),
        'media fetched for the plays',
      ).to.equal(true);

      // Remove all 50.
      const removedAt = performance.now();
      container.remove();
      // A request cut off by the removal reaches the log once the server's delay is over; then nothing more.
      await sleep(MEDIA_DELAY_MS + 400);
      const settled = (await requestLog(t)).length;
      await sleep(1500);
      expect((await requestLog(t)).length, 'requests after the removal').to.equal(settled);
      // (A played player's facade comes back with its poster, which the image cache answers: not counted.)
      const startedAfter = resources().filter((e) => e.startTime > removedAt && MEDIA.test(new URL(e.name).pathname));
      expect(
        startedAfter.map((e) => e.name),
        'media requests started after the removal',
      ).to.deep.equal([]);
      expect(mediaElements(document, ...players), 'media elements after the removal').to.have.length(0);
      for (const media of [firstMedia, secondMedia]) {
        expect(media.paused, 'a removed video is paused').to.equal(true);
        expect(media.readyState, 'a removed video holds no media').to.equal(0);
      }
    } finally {
      container.remove();
    }
  });
});
