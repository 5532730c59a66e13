import { expect, fixture, html } from '@open-wc/testing';
import { formatFragmentHash, parseFragmentHash } from '../../src/internal/deep-link.js';
import { compareTreeOrder, firstInDocumentOrder } from '../../src/internal/deep-link-decision.js';
import { HLS_CODE, catalogueUrl, requestLog, token, until } from '../helpers/media.js';
import { openPage } from '../helpers/frame.js';
import { shadow } from '../helpers/dom.js';

const THEME = 'politiek-ambtelijke-verhoudingen';

describe('deep-link hashes', () => {
  it('reads only #fragment=<percent-encoded id>', () => {
    expect(parseFragmentHash('#fragment=de-verkokering-voorbij')).to.equal('de-verkokering-voorbij');
    expect(parseFragmentHash('#fragment=vraag%20%C3%A9%C3%A9n%20%26%20twee%2Fdrie')).to.equal('vraag één & twee/drie');
    for (const other of ['', '#', '#inhoud', '#fragment=', '#t=10,20', '#fragment', '#fragment=%E0%A4%A']) {
      expect(parseFragmentHash(other), other).to.equal(undefined);
    }
  });

  it('writes ids percent-encoded, and reads back what it wrote', () => {
    expect(formatFragmentHash('vraag één & twee/drie')).to.equal('#fragment=vraag%20%C3%A9%C3%A9n%20%26%20twee%2Fdrie');
    for (const id of ['a', 'a#b', '100%', 'één', '?x=1&y=2', '__proto__'])
      expect(parseFragmentHash(formatFragmentHash(id))).to.equal(id);
  });
});

describe('composed document order', () => {
  it('places a shadow tree where its host is', async () => {
    const root = await fixture(
      html`<div>
        <p id="a"></p>
        <section id="host"></section>
        <p id="c"></p>
      </div>`,
    );
    const host = root.querySelector('#host')!;
    const inner = document.createElement('span');
    const deeper = document.createElement('b');
    host.attachShadow({ mode: 'open' }).append(inner);
    inner.attachShadow({ mode: 'open' }).append(deeper);
    const [a, c] = [root.querySelector('#a')!, root.querySelector('#c')!];
    expect(compareTreeOrder(a, deeper)).to.be.below(0);
    expect(compareTreeOrder(deeper, c)).to.be.below(0);
    expect(compareTreeOrder(host, deeper), 'a host before its shadow content').to.be.below(0);
    expect(compareTreeOrder(inner, inner)).to.equal(0);
    expect(firstInDocumentOrder([c, deeper, inner])).to.equal(inner);
    expect(firstInDocumentOrder([c, deeper, a])).to.equal(a);
    expect(firstInDocumentOrder([])).to.equal(undefined);
  });
});

const stagePlayer = (page: Element) => shadow(page).querySelector('fragment-player')!;
const stageTitle = (page: Element) => stagePlayer(page)?.shadowRoot?.querySelector('[part~="title"]')?.textContent;
const listItems = (page: Element) => [
  ...(shadow(page).querySelector('fragment-list')?.shadowRoot?.querySelectorAll('[part~="item-button"]') ?? []),
];
const currentItems = (page: Element) =>
  listItems(page)
    .filter((b) => b.getAttribute('aria-current') === 'true')
    .map((b) => b.querySelector('.title')?.textContent);

describe('<theme-page> deep links', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

  it('cues #fragment=<id> on load: shown in the stage facade, marked current, scrolled into view, nothing loaded', async () => {
    const t = token();
    const win = await openPage(
      `<div style="height: 2000px">Voorpagina</div><theme-page catalogue="${catalogueUrl(t)}" theme="${THEME}"></theme-page><div style="height: 2000px"></div>`,
      '#fragment=de-verkokering-voorbij',
    );
    const page = win.document.querySelector('theme-page')!;
    await until(() => stageTitle(page) === 'De verkokering voorbij', 'the cued fragment in the stage');
    await until(() => currentItems(page).length === 1, 'the item marked current');
    expect(currentItems(page)).to.deep.equal(['De verkokering voorbij']);
    await until(() => win.scrollY > 1500, 'the page scrolled');
    const stage = shadow(page).querySelector('[part~="stage"]')!.getBoundingClientRect();
    expect(stage.top).to.be.within(-1, win.innerHeight / 2);
    expect(win.location.hash).to.equal('#fragment=de-verkokering-voorbij');
    // Cued, not played: a facade, no "now playing", no media fetched, no hls.js.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(shadow(stagePlayer(page)).querySelector('video')).to.equal(null);
    expect(shadow(stagePlayer(page)).querySelector('[part~="play-button"]')).to.not.equal(null);
    expect(listItems(page).some((b) => b.querySelector('.now'))).to.equal(false);
    expect((await requestLog(t)).filter((r) => /\.(m3u8|m4s)$/.test(r.path))).to.deep.equal([]);
    expect(win.performance.getEntriesByType('resource').some((e) => HLS_CODE.test(e.name))).to.equal(false);
  });

  it('cues only in the first theme page in document order that has the fragment, even when it is ready last', async () => {
    const t = token();
    const win = await openPage(
      `<theme-page id="other" catalogue="${catalogueUrl(t)}" theme="voorbeeld-compleet"></theme-page>
       <theme-page id="slow" catalogue="/_cat/${t}/slow/800" theme="${THEME}"></theme-page>
       <theme-page id="fast" catalogue="${catalogueUrl(t)}" theme="${THEME}"></theme-page>`,
      '#fragment=loyale-tegenspraak',
    );
    const [other, slow, fast] = ['other', 'slow', 'fast'].map((id) => win.document.getElementById(id)!);
    await until(() => listItems(fast).length === 26, 'the fast page ready');
    await until(() => stageTitle(slow) === 'Loyale tegenspraak?', 'the cue in the slow page');
    expect(currentItems(slow)).to.deep.equal(['Loyale tegenspraak?']);
    // The later page, ready first, kept its first fragment; the earlier page lacks the fragment.
    expect(stageTitle(fast)).to.equal('Verbazing bij het eerste contact met topambtenaar Jan Meijer.');
    expect(currentItems(fast)).to.deep.equal([]);
    expect(currentItems(other)).to.deep.equal([]);
  });

  it('cues a percent-encoded id from a catalogue with odd ids', async () => {
    const win = await openPage(
      `<theme-page catalogue="/test/fixtures/broken-catalogue.json" theme="deels-kapot"></theme-page>`,
      formatFragmentHash('vraag één & twee/drie'),
    );
    const page = win.document.querySelector('theme-page')!;
    await until(() => stageTitle(page) === 'Een id die gecodeerd moet worden', 'the cued fragment');
    expect(currentItems(page)).to.deep.equal(['Een id die gecodeerd moet worden']);
  });

  it('says so when no element on the page has the linked fragment, in the first page only, and cues nothing', async () => {
    const t = token();
    const win = await openPage(
      `<div lang="en"><theme-page catalogue="${catalogueUrl(t)}" theme="${THEME}"></theme-page>
       <theme-page catalogue="${catalogueUrl(t)}" theme="${THEME}"></theme-page></div>`,
      '#fragment=bestaat-niet',
    );
    const [first, second] = win.document.querySelectorAll('theme-page');
    const notice = await until(() => shadow(first).querySelector('[part~="link-missed"]'), 'the notice');
    expect(notice.getAttribute('role')).to.equal('status');
    expect(notice.textContent!.trim()).to.equal(
      'The link points to a fragment that is not on this page (“bestaat-niet”).',
    );
    await until(() => listItems(second).length === 26, 'the second page');
    expect(shadow(second).querySelector('[part~="link-missed"]'), 'a notice in the second page').to.equal(null);
    // Nothing cued: each stage shows its theme's first fragment, no item is current.
    expect(stageTitle(first)).to.equal('Verbazing bij het eerste contact met topambtenaar Jan Meijer.');
    expect(currentItems(first)).to.deep.equal([]);
    expect(shadow(stagePlayer(first)).querySelector('video')).to.equal(null);
  });

  it('says nothing of a link it cued', async () => {
    const t = token();
    const win = await openPage(
      `<theme-page catalogue="${catalogueUrl(t)}" theme="${THEME}"></theme-page>`,
      '#fragment=de-verkokering-voorbij',
    );
    const page = win.document.querySelector('theme-page')!;
    await until(() => currentItems(page).length === 1, 'the cue');
    expect(shadow(page).querySelector('[part~="link-missed"]')).to.equal(null);
  });

  it('leaves any other hash alone', async () => {
    const t = token();
    const win = await openPage(
      `<theme-page catalogue="${catalogueUrl(t)}" theme="${THEME}"></theme-page><p id="inhoud">…</p>`,
      '#inhoud',
    );
    const page = win.document.querySelector('theme-page')!;
    await until(() => listItems(page).length === 26, 'the list');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(stageTitle(page)).to.equal('Verbazing bij het eerste contact met topambtenaar Jan Meijer.');
    expect(currentItems(page)).to.deep.equal([]);
    expect(win.location.hash).to.equal('#inhoud');
  });

  it('writes a selection into the hash without a history entry or a scroll jump', async () => {
    const t = token();
    const win = await openPage(
      `<theme-page catalogue="${catalogueUrl(t)}" theme="${THEME}"></theme-page><div style="height: 2000px"></div>`,
      '',
      [1000, 400],
    );
    const page = win.document.querySelector('theme-page')!;
    await until(() => listItems(page).length === 26, 'the list');
    const item = listItems(page).find((b) => b.textContent?.includes('De verkokering voorbij')) as HTMLButtonElement;
    // Wide: the list sits beside the stage, so the stage changing size moves nothing.
    item.scrollIntoView({ block: 'center' });
    const [scrolled, entries] = [win.scrollY, win.history.length];
    let hashChanged = false;
    win.addEventListener('hashchange', () => (hashChanged = true));
    item.click();
    await until(() => win.location.hash === '#fragment=de-verkokering-voorbij', 'the hash');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(win.history.length).to.equal(entries);
    expect(win.scrollY).to.equal(scrolled);
    expect(hashChanged).to.equal(false);
    stagePlayer(page).remove();
  });
});

describe('<fragment-player> deep links', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

  it('a player that comes first in document order takes the cue from a later theme page', async () => {
    const t = token();
    const win = await openPage(
      `<div style="height: 1500px"></div><fragment-player id="quote" catalogue="${catalogueUrl(t)}" fragment="loyale-tegenspraak"></fragment-player>
       <div style="height: 1500px"></div><theme-page catalogue="${catalogueUrl(t)}" theme="${THEME}"></theme-page>`,
      '#fragment=loyale-tegenspraak',
    );
    const player = win.document.getElementById('quote')!;
    const page = win.document.querySelector('theme-page')!;
    await until(() => listItems(page).length === 26, 'the theme page ready');
    await until(() => win.scrollY > 1000 && win.scrollY < 2000, 'the player scrolled into view');
    const box = player.getBoundingClientRect();
    expect(box.top).to.be.within(-1, win.innerHeight);
    expect(currentItems(page)).to.deep.equal([]);
    expect(shadow(player).querySelector('video')).to.equal(null);
  });

  it('a src-mode player is cued by its element id', async () => {
    const t = token();
    const win = await openPage(
      `<div style="height: 2000px"></div><fragment-player id="los-citaat" src="/_media/${t}/none/interview-32m/video.m3u8" start="30" label="Los"></fragment-player><div style="height: 2000px"></div>`,
      '#fragment=los-citaat',
    );
    const player = win.document.getElementById('los-citaat')!;
    await until(() => win.scrollY > 1000, 'the player scrolled into view');
    expect(player.getBoundingClientRect().top).to.be.within(-1, win.innerHeight);
    expect((await requestLog(t)).filter((r) => /\.(m3u8|m4s)$/.test(r.path))).to.deep.equal([]);
  });
});
