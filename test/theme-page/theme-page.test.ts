import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import type { ThemePage } from '../../src/theme-page/theme-page.js';
import type { CatalogueErrorEvent, CatalogueLoadEvent } from '../../src/events/catalogue-events.js';
import type { FragmentPlaybackEvent } from '../../src/events/fragment-events.js';
import { catalogueUrl, nextEvent, requestLog, token, until } from '../helpers/media.js';
import { shadow } from '../helpers/dom.js';

const THEME = 'politiek-ambtelijke-verhoudingen';
const listOf = (page: ThemePage) => shadow(page).querySelector('fragment-list');
const items = (page: ThemePage) => [...(listOf(page)?.shadowRoot?.querySelectorAll('[part~="item"]') ?? [])];

describe('<theme-page> with the seed theme', () => {
  it('shows the title, the intro and all 26 fragments with padded times, from one catalogue request', async () => {
    const t = token();
    const loaded = new Promise<CatalogueLoadEvent>((resolve) =>
      document.addEventListener('catalogue-load', resolve as EventListener, { once: true }),
    );
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
    // Items re-render in place: look the item up again.
    await until(
      () =>
        items(page)
          .find((li) => li.textContent?.includes('De verkokering voorbij'))
          ?.querySelector('[aria-current="true"] .now'),
      'the item marked as playing',
    );
    await expect(page).to.be.accessible();
    player.remove();
  });

  it("marks the stage's own fragment in the list when it is started from the stage's facade", async () => {
    const page = await fixture<ThemePage>(
      html`<theme-page catalogue=${catalogueUrl(token())} theme=${THEME}></theme-page>`,
    );
    await until(() => items(page).length === 26, '26 items');
    expect(
      items(page).filter((li) => li.querySelector('[aria-current="true"]')),
      'marked before play',
    ).to.deep.equal([]);
    const player = shadow(page).querySelector('fragment-player')!;
    const playing = nextEvent(player, 'fragment-play');
    (await until(() => shadow(player).querySelector<HTMLButtonElement>('[part~="play-button"]'), 'the facade')).click();
    await playing;
    await until(() => items(page)[0]?.querySelector('[aria-current="true"] .now'), 'the first item marked as playing');
    expect(items(page).filter((li) => li.querySelector('[aria-current="true"]')).length, 'items marked').to.equal(1);
    player.remove();
  });

  it('is operable from the keyboard: Tab into the list, arrows, Enter plays', async () => {
    const t = token();
    const wrapper = await fixture(
      html`<div>
        <button>Voor het thema</button><theme-page catalogue=${catalogueUrl(t)} theme=${THEME}></theme-page>
      </div>`,
    );
    const page = wrapper.querySelector('theme-page')!;
    await until(() => items(page).length === 26, '26 items');
    wrapper.querySelector('button')!.focus();
    const deepFocus = () => {
      let node = document.activeElement;
      while (node?.shadowRoot?.activeElement) node = node.shadowRoot.activeElement;
      return node;
    };
    // The stage player's play button first, then the list.
    await sendKeys({ press: 'Tab' });
    expect(deepFocus()?.getAttribute('part')).to.equal('play-button');
    await sendKeys({ press: 'Tab' });
    expect(deepFocus()?.textContent).to.contain('Verbazing bij het eerste contact');
    await sendKeys({ press: 'ArrowDown' });
    expect(deepFocus()?.textContent).to.contain('Een zich overbodig voelende topambtenaar');
    const player = shadow(page).querySelector('fragment-player')!;
    const playing = nextEvent<FragmentPlaybackEvent>(player, 'fragment-play');
    await sendKeys({ press: 'Enter' });
    expect((await playing).detail.fragmentId).to.equal('overbodig-voelende-topambtenaar');
    expect(deepFocus()?.textContent, 'focus stays on the item').to.contain('Een zich overbodig voelende topambtenaar');
    player.remove();
  });

  it('shows the rest of a theme when one item is broken, and reports it with its JSON path', async () => {
    const loaded = new Promise<CatalogueLoadEvent>((resolve) =>
      document.addEventListener('catalogue-load', resolve as EventListener, { once: true }),
    );
    const page = await fixture<ThemePage>(
      html`<theme-page catalogue="/test/fixtures/broken-catalogue.json" theme="deels-kapot"></theme-page>`,
    );
    const { detail } = await loaded;
    expect(detail.url).to.equal(new URL('/test/fixtures/broken-catalogue.json', location.href).href);
    expect(detail.warnings.map((w) => w.path)).to.deep.equal(['fragments[2].start', 'themes[0].fragments[2]']);
    expect(detail.warnings[0].message).to.equal('"12:x" is not a time; item skipped');
    await until(() => items(page).length === 4, 'the four good items');
    expect(items(page).map((li) => li.querySelector('.title')?.textContent)).to.deep.equal([
      'Het eerste fragment',
      'Het tweede fragment',
      'Een id die gecodeerd moet worden',
      'Het laatste fragment',
    ]);
    expect(items(page).map((li) => li.querySelector('time')?.textContent)).to.deep.equal([
      '1:05',
      '2:10',
      '4:01',
      '9:09',
    ]);
    // Warnings are for the console and the event, not the page.
    expect(shadow(page).querySelector('[role="alert"]')).to.equal(null);
    expect(shadow(listOf(page)!).querySelector('[role="alert"]')).to.equal(null);
    await expect(page).to.be.accessible();
  });

  it('shares one request among elements loading the same catalogue themselves', async () => {
    const t = token();
    const wrapper = await fixture(
      html`<div>
        <fragment-player catalogue=${catalogueUrl(t)} fragment="loyale-tegenspraak"></fragment-player>
        <fragment-player catalogue=${catalogueUrl(t)} fragment="wat-moeten-we-daarmee"></fragment-player>
        <fragment-list catalogue=${catalogueUrl(t)} interview="gesprek-c"></fragment-list>
      </div>`,
    );
    const players = [...wrapper.querySelectorAll('fragment-player')];
    await until(() => players.every((p) => shadow(p).querySelector('[part~="play-button"]')), 'both facades');
    expect((await requestLog(t)).filter((r) => r.path === 'ok')).to.have.length(1);
  });

  it('shows a localized alert and fires catalogue-error when the catalogue is unreachable', async () => {
    const t = token();
    const failed = new Promise<CatalogueErrorEvent>((resolve) =>
      document.addEventListener('catalogue-error', resolve as EventListener, { once: true }),
    );
    const page = await fixture<ThemePage>(
      html`<div lang="en"><theme-page catalogue=${`/_cat/${t}/status/404`} theme=${THEME}></theme-page></div>`,
    );
    const event = await failed;
    expect(event.detail.kind).to.equal('http');
    expect(event.detail.status).to.equal(404);
    const themePage = page.querySelector('theme-page')!;
    const alert = await until(() => shadow(themePage).querySelector('[role="alert"]'), 'the alert');
    expect(alert.textContent).to.contain('could not be loaded (error 404)');
    await expect(themePage).to.be.accessible();
    // Failures are not cached: "Try again" asks the server again.
    const again = new Promise<CatalogueErrorEvent>((resolve) =>
      themePage.addEventListener('catalogue-error', resolve as EventListener, { once: true }),
    );
    alert.querySelector<HTMLButtonElement>('[part~="retry"]')!.click();
    await again;
    expect((await requestLog(t)).filter((r) => r.path === 'status')).to.have.length(2);
    expect(shadow(themePage).querySelector('[role="alert"]')?.textContent).to.contain('Try again');
  });
});
