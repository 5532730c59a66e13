// The player as users get it: the built CDN module, with its on-demand chunks beside it.
import { expect } from '@open-wc/testing';
import type { FragmentPlaybackEvent } from '../../src/events/fragment-events.js';
import { catalogueUrl, nextEvent, playlistUrl, requestLog, segmentIndex, token, until } from '../helpers/media.js';
import { control, facade, importBuilt, player, playButton, removePlayers, shadow, type Player } from './built.js';

const CDN = '/dist/cdn/kijkom.js';
const SEGMENT = 4; // seconds per segment of the generated media
const SHAPES = 'path, rect, circle, ellipse, line, polyline, polygon';
const video = (el: Player) => shadow(el).querySelector('video');

/** Presses play and waits for playback to start. */
async function playing(el: Player): Promise<HTMLVideoElement> {
  await facade(el);
  const started = nextEvent(el, 'fragment-play');
  playButton(el)!.click();
  await started;
  return video(el)!;
}

/**
 * How many shapes each icon of the controls has in the source: the built icons must draw as many.
 * Read from the source text (served as JavaScript here), so a redrawn icon needs no test change.
 */
async function sourceShapes(): Promise<Record<string, number>> {
  const source = await (await fetch('/src/fragment-player/player-controls.ts')).text();
  const icons = [...source.matchAll(/(\w+): icon\(\s*svg`([^`]*)`/g)];
  return Object.fromEntries(
    icons.map(([, name, body]) => [name, body.match(/<(path|rect|circle|ellipse|line|polyline|polygon)\b/g)!.length]),
  );
}

/**
 * How many shapes the icon in `button` draws: those that are direct children of its <svg> (a shape
 * inside another shape is not drawn) with an area. Counted, not asserted one by one, so that a
 * failure names the icon and leaves DOM nodes out of the report.
 */
function drawnShapes(button: HTMLElement): number {
  const svg = button.querySelector('svg');
  return [...(svg?.children ?? [])].filter((shape) => {
    if (!shape.matches(SHAPES)) return false;
    const box = (shape as SVGGraphicsElement).getBBox();
    return box.width * box.height > 0;
  }).length;
}

describe('the built CDN module', () => {
  before(() => importBuilt(CDN));
  afterEach(removePlayers);

  it('registers every element from one file, fetching no chunk and nothing of src/ before play', () => {
    for (const tag of ['fragment-player', 'fragment-list', 'theme-page', 'interview-page'])
      expect(customElements.get(tag), tag).to.be.a('function');
    const scripts = performance
      .getEntriesByType('resource')
      .map((entry) => new URL(entry.name).pathname)
      .filter((path) => path.startsWith('/dist/') || path.startsWith('/src/'));
    expect(scripts).to.deep.equal([CDN]);
  });

  it('shows its facade, then plays from the fragment start without earlier segments', async () => {
    const t = token();
    const el = player({ catalogue: catalogueUrl(t), fragment: 'betekenisvolle-vraag-bij-aanvang' });
    await facade(el);
    expect(playButton(el)!.textContent).to.equal('Speel het fragment (25:14)');
    expect(shadow(el).querySelector('[part~="title"]')!.textContent).to.match(/\S/);
    expect(video(el)).to.equal(null);
    expect((await requestLog(t)).filter((r) => /\.(m3u8|m4s|mp4)$/.test(r.path))).to.deep.equal([]);
    const start = 25 * 60 + 14;
    const media = await playing(el);
    await until(() => media.currentTime > start && !media.paused, 'playback past the start');
    expect(media.currentTime).to.be.within(start - 0.5, start + 1.5);
    const segments = (await requestLog(t)).map((r) => segmentIndex(r.path)).filter((i) => i !== undefined);
    expect(Math.min(...segments)).to.equal(Math.floor(start / SEGMENT));
  });

  it('draws every shape of every icon of its controls', async () => {
    const expected = await sourceShapes();
    expect(Object.keys(expected)).to.have.members([
      'play',
      'pause',
      'volume',
      'captions',
      'listen',
      'fullscreen',
      'share',
      'shortcuts',
      'transcript',
      'previous',
      'next',
    ]);
    // An interview with captions and an audio source: every control is shown.
    const el = player({ catalogue: catalogueUrl(token()), fragment: 'voorbeeld-advies-onder-tijdsdruk' });
    const media = await playing(el);
    await el.updateComplete;
    const drawn: Record<string, number> = {};
    for (const [icon, part] of [
      ['pause', 'play-pause'],
      ['volume', 'mute'],
      ['captions', 'captions'],
      ['listen', 'listen'],
      ['fullscreen', 'fullscreen'],
      ['share', 'share-button'],
      ['shortcuts', 'shortcuts-button'],
      ['transcript', 'transcript-button'],
    ])
      drawn[icon] = drawnShapes(await control(el, part));
    media.pause();
    await until(
      () => shadow(el).querySelector('[part~="play-pause"]')?.getAttribute('aria-label') === 'Afspelen',
      'paused',
    );
    drawn.play = drawnShapes(await control(el, 'play-pause'));
    el.remove();
    // Previous and next exist only while a theme plays: the second fragment of a theme page has both.
    const page = document.body.appendChild(document.createElement('theme-page'));
    page.setAttribute('catalogue', catalogueUrl(token()));
    page.setAttribute('theme', 'politiek-ambtelijke-verhoudingen');
    try {
      const list = await until(() => shadow(page).querySelector('fragment-list'), 'the list');
      (
        await until(() => shadow(list).querySelectorAll<HTMLButtonElement>('[part~="item-button"]')[1], 'an item')
      ).click();
      const stage = await until(() => shadow(page).querySelector<Player>('fragment-player'), 'the stage player');
      for (const icon of ['previous', 'next']) drawn[icon] = drawnShapes(await control(stage, icon));
    } finally {
      page.remove();
    }
    expect(drawn).to.deep.equal(expected);
  });

  it('opens share with a link, a snippet that loads this very module, and an iframe of the embed page beside it', async () => {
    const t = token();
    const el = player({ catalogue: catalogueUrl(t), fragment: 'loyale-tegenspraak' });
    await playing(el);
    (await control(el, 'share-button')).click();
    const fields = await until(() => {
      const found = shadow(el).querySelectorAll<HTMLTextAreaElement>('[part~="share"] textarea');
      // The link, the element and iframe snippets, then the two citations.
      return found.length === 5 ? [...found].map((field) => field.value) : undefined;
    }, 'the share panel');
    const [link, snippet, frame] = fields;
    const expected = new URL(location.href);
    expected.hash = 'fragment=loyale-tegenspraak';
    expect(link).to.equal(expected.href);
    const doc = new DOMParser().parseFromString(snippet, 'text/html');
    const script = doc.querySelector('script')!;
    expect(script.type).to.equal('module');
    expect(script.getAttribute('src')).to.equal(new URL(CDN, location.href).href);
    expect((await fetch(script.getAttribute('src')!)).ok).to.equal(true);
    const embedded = doc.querySelector('fragment-player')!;
    expect(embedded.getAttribute('catalogue')).to.equal(new URL(catalogueUrl(t), location.href).href);
    expect(embedded.getAttribute('fragment')).to.equal('loyale-tegenspraak');
    const page = new URL(new DOMParser().parseFromString(frame, 'text/html').querySelector('iframe')!.src);
    expect(page.pathname).to.equal('/dist/cdn/embed.html');
    expect((await fetch(page)).ok).to.equal(true);
    expect(page.searchParams.get('fragment')).to.equal('loyale-tegenspraak');
  });

  it("pauses at a fragment's end and offers replay and continue", async () => {
    const el = player({ src: playlistUrl(token()), start: '142', end: '145', label: 'Kort' });
    await facade(el);
    const ended = nextEvent<FragmentPlaybackEvent>(el, 'fragment-ended');
    playButton(el)!.click();
    const event = await ended;
    expect(event.detail.currentTime).to.be.within(144.7, 145.3);
    const media = video(el)!;
    expect(media.paused).to.equal(true);
    const actions = shadow(el).querySelector('[part~="actions"]')!;
    expect([...actions.querySelectorAll('button')].map((b) => b.textContent!.trim())).to.deep.equal([
      'Fragment opnieuw afspelen',
      'Verder kijken in het gesprek',
    ]);
    // Replay starts the fragment over.
    const replaying = nextEvent(el, 'fragment-play');
    actions.querySelector('button')!.click();
    await replaying;
    expect(media.currentTime).to.be.within(141.5, 143);
  });
});
