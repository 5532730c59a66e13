// German, the third UI language (a table per chunk, loaded with the code that needs it): every
// element in German, operated by keyboard and audited by axe, as in Dutch and English; and the
// language chosen as DESIGN §2e says (closest lang, its base language, the catalogue's, Dutch).
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { FragmentPlayer } from '../../src/fragment-player/fragment-player.js';
import type { FragmentPlaybackEvent } from '../../src/events/fragment-events.js';
import { catalogueUrl, nextEvent, token, until } from '../helpers/media.js';
import { notInWebKit } from '../helpers/engines.js';
import {
  composedContains,
  expectVisibleFocus,
  hasPart,
  inShadow,
  isItem,
  loadAxe,
  nameOf,
  parts,
  press,
  shadow,
  THEME,
  walk,
} from './a11y-helpers.js';

const part = (root: ParentNode, name: string) => root.querySelector<HTMLElement>(`[part~="${name}"]`);

/** `<button#before>`, the element in a `<div lang>`, `<button#after>`. */
async function inGerman(element: ReturnType<typeof html>, lang = 'de') {
  const wrapper = await fixture(
    html`<div lang=${lang}>
      <button id="before" type="button">Davor</button>${element}<button id="after" type="button">Danach</button>
    </div>`,
  );
  return {
    before: wrapper.querySelector<HTMLButtonElement>('#before')!,
    after: wrapper.querySelector<HTMLButtonElement>('#after')!,
  };
}

describe('German (lang="de")', () => {
  before(loadAxe);
  afterEach(() => {
    for (const player of document.querySelectorAll('fragment-player')) player.remove();
    history.replaceState(null, '', location.pathname + location.search);
  });

  it('<theme-page>: German labels; Tab to a fragment, Enter plays it, the controls speak German; axe', async function () {
    this.timeout(60000);
    notInWebKit(this, 'the WebKit driver sends no key down/up through @web/test-runner-commands');
    const { before } = await inGerman(
      html`<theme-page catalogue=${catalogueUrl(token())} theme=${THEME}></theme-page>`,
    );
    const page = document.querySelector('theme-page')!;
    const list = await inShadow(page, 'fragment-list');
    await until(() => list.shadowRoot?.querySelectorAll('[part~="item-button"]').length === 26, '26 items');
    const player = shadow(page).querySelector<FragmentPlayer>('fragment-player')!;
    const facade = await inShadow(player, '[part~="play-button"]');
    expect(part(shadow(page), 'label')!.textContent).to.equal('Thema');
    expect(part(shadow(page), 'fragments-heading')!.textContent).to.equal('Fragmente (26)');
    expect(facade.textContent).to.equal('Fragment abspielen (2:22)');
    expect(part(shadow(player), 'meta')!.textContent).to.contain('ab 2:22');
    await expect(page).to.be.accessible();

    before.focus();
    const into = await walk('Tab', isItem);
    expect(parts(into)).to.deep.equal(['play-button', 'item-button']);
    const playing = nextEvent<FragmentPlaybackEvent>(player, 'fragment-play');
    await press('Enter');
    await playing;
    const playPause = await inShadow(player, '[part~="play-pause"]');
    await until(() => playPause.getAttribute('aria-label') === 'Pausieren', '"Pausieren"');
    expect(part(shadow(player), 'seek')!.getAttribute('aria-label')).to.equal('Zeitleiste des Gesprächs');
    await until(
      () => shadow(list).querySelector('[aria-current="true"] .now')?.textContent === 'läuft gerade',
      'läuft gerade',
    );
    expect(expectVisibleFocus('after Enter on the item').matches('[part~="item-button"]')).to.equal(true);
    await expect(page).to.be.accessible();
  });

  it('<fragment-player> alone: Enter plays, "?" lists the shortcuts in German, Escape closes; axe', async function () {
    this.timeout(40000);
    notInWebKit(this, 'the WebKit driver sends no key down/up through @web/test-runner-commands');
    const url = catalogueUrl(token());
    const { before } = await inGerman(
      html`<fragment-player catalogue=${url} fragment="voorbeeld-een-lastig-dossier"></fragment-player>`,
    );
    const player = document.querySelector<FragmentPlayer>('fragment-player')!;
    await inShadow(player, '[part~="play-button"]');
    before.focus();
    const [button] = await walk('Tab', hasPart('play-button'), 1);
    expect(composedContains(player, button), nameOf(button)).to.equal(true);
    const playing = nextEvent(player, 'fragment-play');
    await press('Enter');
    await playing;
    await inShadow(player, '[part~="controls"]');
    await press('?');
    const shortcuts = await inShadow(player, '[part~="shortcuts"]');
    expect(shortcuts.textContent).to.contain('Abspielen oder pausieren');
    expect(shortcuts.textContent).to.contain('Leertaste');
    await expect(player).to.be.accessible();
    await press('Escape');
    await until(() => !part(shadow(player), 'shortcuts'), 'the shortcuts closed');
  });

  it('<interview-page>: chapters, modes and the transcript in German; axe', async function () {
    this.timeout(40000);
    await inGerman(html`<interview-page catalogue=${catalogueUrl(token())} interview="gesprek-i"></interview-page>`);
    const page = document.querySelector('interview-page')!;
    const transcript = await inShadow(page, 'kijkom-transcript');
    await until(() => transcript.shadowRoot?.querySelector('.turn'), 'the transcript');
    const text = shadow(page).textContent!;
    expect(text).to.contain('Kapitel');
    for (const mode of ['Ansehen', 'Anhören', 'Lesen']) expect(text).to.contain(mode);
    expect(shadow(transcript).textContent).to.contain('Transkript des Gesprächs');
    expect(nameOf(part(shadow(transcript), 'transcript-search'))).to.contain('Im Gespräch suchen');
    await expect(page).to.be.accessible();
  });

  it('<fragment-list> searchable: the field, the count and lengths in German; axe', async function () {
    this.timeout(40000);
    await inGerman(
      html`<fragment-list catalogue=${catalogueUrl(token())} interview="gesprek-i" searchable></fragment-list>`,
    );
    const list = document.querySelector('fragment-list')!;
    await until(() => shadow(list).querySelectorAll('[part~="item-button"]').length === 3, '3 items');
    expect(part(shadow(list), 'search')!.textContent).to.contain('In den Fragmenten suchen');
    expect(part(shadow(list), 'item-button')!.textContent).to.contain('Dauer');
    list.query = 'werkdag';
    await until(() => part(shadow(list), 'status')?.textContent === '1 von 3 Fragmenten', '"1 von 3 Fragmenten"');
    await expect(list).to.be.accessible();
  });

  it('a catalogue that cannot be loaded: the alert and "try again" in German, in every element', async function () {
    this.timeout(40000);
    const url = `/_cat/${token()}/status/404`;
    await inGerman(html`
      <theme-page catalogue=${url} theme=${THEME}></theme-page>
      <fragment-list catalogue=${url} theme=${THEME}></fragment-list>
      <fragment-player catalogue=${url} fragment="loyale-tegenspraak"></fragment-player>
      <interview-page catalogue=${url} interview="gesprek-i"></interview-page>
    `);
    for (const tag of ['theme-page', 'fragment-list', 'fragment-player', 'interview-page']) {
      const el = document.querySelector(tag)!;
      const alert = await inShadow(el, '[role="alert"]');
      expect(alert.textContent, tag).to.contain('Das Archiv konnte nicht geladen werden (Fehler 404).');
      expect(part(alert, 'retry')!.textContent, tag).to.equal('Erneut versuchen');
      await expect(el).to.be.accessible();
    }
  });

  it("the language: a regional tag takes its base language; one that does not ship falls back to the catalogue's", async function () {
    this.timeout(40000);
    await inGerman(
      html`<fragment-player catalogue=${catalogueUrl(token())} fragment="loyale-tegenspraak"></fragment-player>`,
      'de-AT',
    );
    const austrian = document.querySelector('fragment-player')!;
    const button = await inShadow(austrian, '[part~="play-button"]');
    expect(button.textContent).to.match(/^Fragment abspielen/);
    austrian.parentElement!.remove();
    // French does not ship: the catalogue's language (Dutch) it is.
    await inGerman(
      html`<fragment-player catalogue=${catalogueUrl(token())} fragment="loyale-tegenspraak"></fragment-player>`,
      'fr',
    );
    const french = document.querySelector('fragment-player')!;
    expect((await inShadow(french, '[part~="play-button"]')).textContent).to.match(/^Speel het fragment/);
  });
});
