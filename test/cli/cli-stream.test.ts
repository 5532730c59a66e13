// What `kijkom media` made (test/cli/media.test.mjs, run by npm test before the browsers, writes it
// to test/media/cli-stream/) plays in a real <fragment-player>: from its start to its end. And the
// README's recipe: that media with an OHMS export, through `kijkom import ohms --media`
// (test/media/cli-catalogue.json), is a working <theme-page>.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { FragmentPlayer } from '../../src/fragment-player/fragment-player.js';
import type { ThemePage } from '../../src/theme-page/theme-page.js';
import type { CatalogueLoadEvent } from '../../src/events/catalogue-events.js';
import { nextEvent, playingFrom, until } from '../helpers/media.js';
import { shadow } from '../helpers/dom.js';

const STREAM = '/test/media/cli-stream/video.m3u8';
const START = 3;
const END = 7;

const CATALOGUE = '/test/media/cli-catalogue.json';

const items = (page: ThemePage) => [
  ...(shadow(page).querySelector('fragment-list')?.shadowRoot?.querySelectorAll('[part~="item"]') ?? []),
];
const playButton = (el: FragmentPlayer) => shadow(el).querySelector<HTMLButtonElement>('[part~="play-button"]');

describe('kijkom media output in <fragment-player>', () => {
  afterEach(() => {
    for (const el of document.querySelectorAll('fragment-player')) el.remove();
  });

  it('plays the multivariant fMP4 ladder from its start and pauses at its end', async function () {
    this.timeout(40000);
    const playlist = await fetch(STREAM);
    expect(playlist.ok, `${STREAM}: run \`node --test test/cli/media.test.mjs\` (npm test does)`).to.equal(true);
    expect(await playlist.text()).to.match(/^#EXTM3U\n[\s\S]*#EXT-X-STREAM-INF:/);

    const el = await fixture<FragmentPlayer>(
      html`<fragment-player src=${STREAM} start=${START} end=${END} label="Proefopname"></fragment-player>`,
    );
    await until(() => playButton(el), 'the facade');
    const ended = nextEvent(el, 'fragment-ended', 30000);
    playButton(el)!.click();
    const media = await until(() => shadow(el).querySelector('video'), 'the video');
    const startedAt = await playingFrom(media);
    expect(startedAt, 'starts at the start').to.be.within(START - 0.3, START + 0.3);
    await until(() => media.currentTime > START + 1, 'time moving on', 20000);
    expect(media.videoWidth, 'a picture was decoded').to.be.greaterThan(0);
    await ended;
    expect(media.paused).to.equal(true);
    expect(media.currentTime, 'paused at the end').to.be.within(END - 0.3, END + 0.3);
  });

  it('the recipe: an OHMS index over that media is a theme page whose fragments play', async function () {
    this.timeout(40000);
    const loaded = new Promise<CatalogueLoadEvent>((resolve) =>
      document.addEventListener('catalogue-load', resolve as EventListener, { once: true }),
    );
    const page = await fixture<ThemePage>(html`<theme-page catalogue=${CATALOGUE} theme="cli-stream"></theme-page>`);
    expect((await loaded).detail.warnings).to.deep.equal([]);
    await until(() => items(page).length === 3, 'the three index points');
    expect(shadow(page).querySelector('h2[part~="title"]')?.textContent).to.equal('Proefopname');
    expect(items(page).map((li) => li.querySelector('time')?.textContent)).to.deep.equal(['0:00', '0:03', '0:08']);
    const item = items(page).find((li) => li.textContent?.includes('Het tweede stuk'))!;
    const player = shadow(page).querySelector('fragment-player')!;
    const playing = nextEvent(player, 'fragment-play');
    item.querySelector('button')!.click();
    await playing;
    const media = await until(() => shadow(player).querySelector('video'), 'the video');
    await until(() => media.currentTime >= 3.5 && !media.paused, 'playback from 0:03', 20000);
    expect(media.currentTime).to.be.within(3, 8);
  });
});
