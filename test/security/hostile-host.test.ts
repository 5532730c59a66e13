// Kijkom on a hostile host page (in an iframe): `* { all: unset }`, an AMD `define`, the host's own
// `window.Hls`, a broken `window.fetch` (patched after or before our module loads), the host's own
// lit-html. Our elements must render and play, leave the host's globals alone, and add none of
// their own besides Lit's.
import { expect } from '@open-wc/testing';
import { token, until } from '../helpers/media.js';
import { openFrame, playFrom, removeFrames, shadow, themeTitle, type FrameWindow } from './frame.js';

const page = (query: string) => `/test/security/hostile-page.html?token=${token()}&${query}`;

/** The globals Lit defines (its version markers and property metadata); `litIssuedWarnings` in development builds only. */
const LIT_GLOBALS = [
  'litHtmlVersions',
  'reactiveElementVersions',
  'litElementVersions',
  'litPropertyMetadata',
  'litIssuedWarnings',
];

/** Own properties of the frame's window added and removed since the host's snapshot, taken before our module loaded. */
function globalsDiff(win: FrameWindow) {
  const before = new Set(win.kijkomHost!.globalsBefore);
  const after = new Set(win.Object.getOwnPropertyNames(win));
  return {
    added: [...after].filter((name) => !before.has(name)),
    removed: [...before].filter((name) => !after.has(name)),
  };
}

/** The host's own globals are still the host's: Hls and define untouched and never called. */
function hostGlobalsIntact(win: FrameWindow) {
  const host = win.kijkomHost!;
  expect(win.Hls, 'window.Hls').to.equal(host.hls);
  expect(win.define, 'window.define').to.equal(host.define);
  expect(host.defineCalls, 'calls of the host AMD define').to.equal(0);
}

/** A visible box of at least `min` px each way. */
function visibleBox(el: Element, min: number, what: string) {
  expect(el.checkVisibility(), `${what} visible`).to.equal(true);
  const box = el.getBoundingClientRect();
  expect(box.width, `${what} width`).to.be.at.least(min);
  expect(box.height, `${what} height`).to.be.at.least(min);
}

describe('hostile host page', () => {
  afterEach(removeFrames);

  it('with `* { all: unset }`, AMD define, a host Hls and fetch broken after load: renders, plays, adds only Lit globals', async () => {
    const { win, doc } = await openFrame(page('fetch=garbage-after'));
    expect(win.kijkomTest.status, win.kijkomTest.errors.join('\n')).to.equal('ready');
    // The host's stylesheet reaches our tags, not our shadow roots.
    expect(win.getComputedStyle(doc.getElementById('theme')!).display).to.equal('inline');
    const title = await themeTitle(doc);
    expect(title.textContent).to.equal('Politiek-ambtelijke verhoudingen');
    visibleBox(title, 10, 'the theme title');
    const base = shadow(doc.getElementById('theme'))!.querySelector('[part~="base"]')!;
    expect(win.getComputedStyle(base).display).to.not.equal('inline');
    expect(base.getBoundingClientRect().width).to.be.above(400);
    const button = await until(
      () => shadow(doc.getElementById('catalogue-player'))?.querySelector('[part~="play-button"]'),
      'the play button',
    );
    visibleBox(button, 24, 'the play button');

    const { media, time } = await playFrom(doc, 'catalogue-player', 25 * 60 + 14);
    expect(time).to.be.within(25 * 60 + 14, 25 * 60 + 14 + 1.5);
    expect(media.src, 'played through hls.js (Media Source Extensions)').to.match(/^blob:/);
    // The catalogue came through the fetch captured at load, never the host's broken one.
    expect(win.kijkomHost!.fetchCalls).to.equal(0);
    expect(win.fetch).to.equal(win.kijkomHost!.fetch);
    hostGlobalsIntact(win);
    const { added, removed } = globalsDiff(win);
    // Loading Lit must show in the diff (the snapshot really was taken before our module) …
    expect(added).to.include('litHtmlVersions');
    // … and nothing but Lit's globals may.
    expect(added.filter((name) => !LIT_GLOBALS.includes(name))).to.deep.equal([]);
    expect(removed).to.deep.equal([]);
    expect(win.kijkomTest.errors).to.deep.equal([]);
  });

  for (const kind of ['throw', 'garbage']) {
    it(`with fetch broken before load (${kind === 'throw' ? 'it throws' : 'it returns a string'}): a catalogue error with a retry, a src player still plays`, async () => {
      const { win, doc } = await openFrame(page(`fetch=${kind}-before`));
      expect(win.kijkomTest.status, win.kijkomTest.errors.join('\n')).to.equal('ready');
      const host = win.kijkomHost!;
      // We captured the host's fetch at load, so the catalogue request went to it and failed …
      await until(() => host.catalogueErrors.length > 0, 'a catalogue-error event');
      expect(host.fetchCalls).to.be.at.least(1);
      expect(host.catalogueErrors[0].kind).to.equal('network');
      // … which each element shows as an alert with a retry button, in its own shadow root.
      for (const id of ['theme', 'catalogue-player']) {
        const alert = await until(
          () => shadow(doc.getElementById(id))?.querySelector<HTMLElement>('[role="alert"]'),
          `the alert of #${id}`,
        );
        expect(alert.textContent, `#${id} message`).to.match(/archief kon niet worden geladen/);
        visibleBox(alert, 10, `the alert of #${id}`);
        expect(alert.querySelector('button')?.textContent).to.equal('Opnieuw proberen');
      }
      // Media need no fetch (hls.js loads with XMLHttpRequest): a src player plays from its start.
      const { media, time } = await playFrom(doc, 'hls-player', 100);
      expect(time).to.be.within(100, 101.5);
      expect(media.src).to.match(/^blob:/);
      hostGlobalsIntact(win);
      // The page is not broken: no uncaught error or unhandled rejection.
      expect(win.kijkomTest.errors).to.deep.equal([]);
    });
  }

  it('with no fetch at all before load: still registers and shows a catalogue error', async () => {
    const { win, doc } = await openFrame(page('fetch=missing-before'));
    expect(win.kijkomTest.status, win.kijkomTest.errors.join('\n')).to.equal('ready');
    await until(
      () => shadow(doc.getElementById('theme'))?.querySelector('[role="alert"]'),
      'the alert of the theme page',
    );
    await playFrom(doc, 'hls-player', 100);
  });

  it("beside the host's own lit-html (loaded first): both render, ours plays", async () => {
    const { win, doc } = await openFrame(page('lit=host'));
    expect(win.kijkomTest.status, win.kijkomTest.errors.join('\n')).to.equal('ready');
    expect(doc.querySelector('#host-lit p')?.textContent).to.equal("Rendered by the host's own lit-html");
    expect((win as unknown as { litHtmlVersions: string[] }).litHtmlVersions).to.have.length(2);
    visibleBox(await themeTitle(doc), 10, 'the theme title');
    const { time } = await playFrom(doc, 'catalogue-player', 25 * 60 + 14);
    expect(time).to.be.within(25 * 60 + 14, 25 * 60 + 14 + 1.5);
    hostGlobalsIntact(win);
    expect(globalsDiff(win).added.filter((name) => !LIT_GLOBALS.includes(name))).to.deep.equal([]);
    expect(win.kijkomTest.errors).to.deep.equal([]);
  });
});
