import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { ThemePage } from '../../src/theme-page/theme-page.js';
import type { CatalogueErrorEvent, CatalogueLoadEvent } from '../../src/events/catalogue-events.js';
import { catalogueUrl, nextEvent, requestLog, token, until } from '../helpers/media.js';

const THEME = 'politiek-ambtelijke-verhoudingen';
const shadow = (el: Element) => el.shadowRoot as ShadowRoot;
const listOf = (page: ThemePage) => shadow(page).querySelector('fragment-list');
const items = (page: ThemePage) => [...(listOf(page)?.shadowRoot?.querySelectorAll('[part~="item"]') ?? [])];

describe('<theme-page> with the seed theme', () => {
  it('shows the title, the intro and all 26 fragments with padded times, from one catalogue request', async () => {
    const t = token();
    const loaded = new Promise<CatalogueLoadEvent>((resolve) => document.addEventListener('catalogue-load', resolve as EventListener, { once: true }));
    const page = await fixture<ThemePage>(html`<theme-page catalogue=${catalogueUrl(t)} theme=${THEME}></theme-page>`);
    const event = await loaded;
    expect(event.target).to.equal(page);
    expect(event.detail.warnings).to.deep.equal([]);
    await until(() => items(page).length === 26, '26 items');
    const root = shadow(page);
    expect(root.querySelector('h2[part~="title"]')?.textContent).to.equal('Politiek-ambtelijke verhoudingen');
    expect(root.querySelector('[part~="label"]')?.textContent).to.equal('Thema');
    expect(root.querySelectorAll('[part~="intro"] p')).to.have.length(4);
    const times = items(page).map((li) => li.querySelector('time')?.textContent);
    expect(times).to.include.members(['12:01', '29:04', '13:02', '23:07', '2:22']);
    expect(times[7]).to.equal('12:01');
    // The list, the stage player and the page share one request; nothing of the media yet.
    const log = await requestLog(t);
    expect(log.filter((r) => r.path === 'ok')).to.have.length(1);
    expect(log.filter((r) => /\.(m3u8|m4s)$/.test(r.path))).to.deep.equal([]);
    expect(shadow(root.querySelector('fragment-player')!).querySelector('video')).to.equal(null);
    await expect(page).to.be.accessible();
  });

  it('plays a selected fragment from its start in the stage player', async () => {
    const t = token();
    const page = await fixture<ThemePage>(html`<theme-page catalogue=${catalogueUrl(t)} theme=${THEME}></theme-page>`);
    await until(() => items(page).length === 26, '26 items');
    const item = items(page).find((li) => li.textContent?.includes('De verkokering voorbij'))!;
    const player = shadow(page).querySelector('fragment-player')!;
    const playing = nextEvent(player, 'fragment-play');
    item.querySelector('button')!.click();
    await playing;
    const media = await until(() => shadow(player).querySelector('video'), 'the video');
    await until(() => media.currentTime >= 22 * 60 + 39, 'playback from 22:39');
    expect(media.currentTime).to.be.within(22 * 60 + 39 - 0.5, 22 * 60 + 39 + 2);
    await until(() => item.querySelector('[aria-current="true"]'), 'the item marked current');
  });

  it('shares one request among elements loading the same catalogue themselves', async () => {
    const t = token();
    const wrapper = await fixture(html`<div>
      <fragment-player catalogue=${catalogueUrl(t)} fragment="loyale-tegenspraak"></fragment-player>
      <fragment-player catalogue=${catalogueUrl(t)} fragment="wat-moeten-we-daarmee"></fragment-player>
      <fragment-list catalogue=${catalogueUrl(t)} interview="gesprek-c"></fragment-list>
    </div>`);
    const players = [...wrapper.querySelectorAll('fragment-player')];
    await until(() => players.every((p) => shadow(p).querySelector('[part~="play-button"]')), 'both facades');
    expect((await requestLog(t)).filter((r) => r.path === 'ok')).to.have.length(1);
  });

  it('shows a localized alert and fires catalogue-error when the catalogue is unreachable', async () => {
    const t = token();
    const failed = new Promise<CatalogueErrorEvent>((resolve) => document.addEventListener('catalogue-error', resolve as EventListener, { once: true }));
    const page = await fixture<ThemePage>(html`<div lang="en"><theme-page catalogue=${`/_cat/${t}/status/404`} theme=${THEME}></theme-page></div>`);
    const event = await failed;
    expect(event.detail.kind).to.equal('http');
    expect(event.detail.status).to.equal(404);
    const themePage = page.querySelector('theme-page')!;
    const alert = await until(() => shadow(themePage).querySelector('[role="alert"]'), 'the alert');
    expect(alert.textContent).to.contain('could not be loaded (error 404)');
    await expect(themePage).to.be.accessible();
  });
});
