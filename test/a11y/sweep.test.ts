// Accessibility sweep: every element in every state it has, audited by axe
// (awaited), in Dutch and in English. Each audit first checks that the element really is in the
// state named, so an audit never passes on an empty or unintended view.
import { expect, fixture, html } from '@open-wc/testing';
import { nothing } from 'lit';
import '../../src/index.js';
import type { FragmentPlayer } from '../../src/fragment-player/fragment-player.js';
import type { FragmentErrorEvent } from '../../src/events/fragment-events.js';
import { catalogueUrl, nextEvent, playlistUrl, soundFor, token, until } from '../helpers/media.js';
import { inShadow, loadAxe, shadow, THEME } from './a11y-helpers.js';

type Tag = 'theme-page' | 'fragment-list' | 'fragment-player' | 'interview-page';

/** Mounts `<tag attrs…>` inside a `<div lang>` (no lang when undefined); returns the element. */
async function mount<T extends HTMLElement>(tag: Tag, attrs: Record<string, string>, lang?: string): Promise<T> {
  const wrapper = await fixture(html`<div lang=${lang ?? nothing}></div>`);
  const el = document.createElement(tag) as unknown as T;
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  wrapper.append(el);
  return el;
}

/** The text of an element's alert, once it shows one. */
const alertText = async (el: Element) => (await inShadow(el, '[role="alert"]', 'the alert')).textContent ?? '';

/** Attributes that make each element show `what` of the fixture catalogue. */
const subjects: Record<Tag, Record<string, string>> = {
  'theme-page': { theme: THEME },
  'fragment-list': { theme: THEME },
  'fragment-player': { fragment: 'loyale-tegenspraak' },
  'interview-page': { interview: 'gesprek-i' },
};
const tags = Object.keys(subjects) as Tag[];

describe('accessibility sweep (axe)', () => {
  before(loadAxe);

  afterEach(() => {
    // Silence anything a test started.
    for (const player of document.querySelectorAll('fragment-player')) player.remove();
    // A selection in a <theme-page> writes #fragment=…; the next test must not be cued by it.
    history.replaceState(null, '', location.pathname + location.search);
  });

  describe('positive controls: the audit can fail', () => {
    it('axe finds a control smaller than 24 × 24 pixels (WCAG 2.2)', async () => {
      const host = await fixture(html`<div></div>`);
      const root = host.attachShadow({ mode: 'open' });
      root.innerHTML = '<p>Tekst</p><button type="button">a</button><button type="button">b</button>';
      for (const button of root.querySelectorAll('button'))
        button.style.cssText = 'width:12px;height:12px;padding:0;margin:0';
      await expect(host).not.to.be.accessible();
      for (const button of root.querySelectorAll('button'))
        button.style.cssText = 'width:32px;height:32px;margin:0 4px';
      await expect(host).to.be.accessible();
    });

    it('axe finds a nameless button inside a shadow root', async () => {
      const host = await fixture(html`<div></div>`);
      host.attachShadow({ mode: 'open' }).innerHTML = '<button type="button"><svg aria-hidden="true"></svg></button>';
      await expect(host).not.to.be.accessible();
    });

    it('axe finds a missing accessible name in one of our own elements once it is removed', async () => {
      const el = await mount<FragmentPlayer>('fragment-player', {
        catalogue: catalogueUrl(token()),
        fragment: 'loyale-tegenspraak',
      });
      const button = await inShadow(el, '[part~="play-button"]', 'the play button');
      await expect(el).to.be.accessible();
      // Strip the button's name (its text and the title it is also labelled by): the same audit must now object.
      button.replaceChildren();
      button.removeAttribute('aria-labelledby');
      await expect(el).not.to.be.accessible();
    });

    it("axe reaches two shadow roots down: a <theme-page>'s list items", async () => {
      const el = await mount('theme-page', { catalogue: catalogueUrl(token()), theme: THEME });
      const list = await inShadow(el, 'fragment-list', 'the list');
      const item = await inShadow(list, '[part~="item-button"]', 'an item');
      await expect(el).to.be.accessible();
      item.replaceChildren();
      await expect(el).not.to.be.accessible();
    });

    it('axe checks colour contrast inside a shadow root', async () => {
      const host = await fixture(html`<div></div>`);
      host.attachShadow({ mode: 'open' }).innerHTML =
        '<p style="color: #bbb; background: #fff">Nauwelijks leesbaar</p>';
      await expect(host).not.to.be.accessible();
    });
  });

  // Loading, catalogue errors and unknown ids: the same for every element.
  for (const tag of tags) {
    describe(`<${tag}>`, () => {
      it('while the catalogue loads', async () => {
        const el = await mount(tag, { catalogue: `/_cat/${token()}/slow/3000`, ...subjects[tag] });
        await inShadow(el, '[aria-busy="true"]', 'the loading state');
        expect(shadow(el).textContent).to.contain('Laden…');
        await expect(el).to.be.accessible();
        expect(shadow(el).querySelector('[aria-busy="true"]'), 'still loading when the audit ended').to.not.equal(null);
      });

      it('when the catalogue answers 404 (English)', async () => {
        const el = await mount(tag, { catalogue: `/_cat/${token()}/status/404`, ...subjects[tag] }, 'en');
        expect(await alertText(el)).to.contain('could not be loaded (error 404)');
        expect(shadow(el).querySelector('[part~="retry"]')?.textContent).to.equal('Try again');
        await expect(el).to.be.accessible();
      });

      it('when the catalogue is not JSON (Dutch)', async () => {
        const el = await mount(tag, { catalogue: `/_cat/${token()}/notjson`, ...subjects[tag] }, 'nl');
        expect(await alertText(el)).to.contain('geen geldig JSON-bestand');
        await expect(el).to.be.accessible();
      });
    });
  }

  describe('unknown ids', () => {
    const cases: [Tag, Record<string, string>, RegExp][] = [
      ['theme-page', { theme: 'geen-thema' }, /thema “geen-thema” staat niet/],
      ['fragment-list', { theme: 'geen-thema' }, /thema “geen-thema” staat niet/],
      ['fragment-list', { interview: 'geen-gesprek' }, /gesprek “geen-gesprek” staat niet/],
      ['fragment-player', { fragment: 'geen-fragment' }, /fragment “geen-fragment” staat niet/],
      ['interview-page', { interview: 'geen-gesprek' }, /gesprek “geen-gesprek” staat niet/],
    ];
    for (const [tag, attrs, message] of cases) {
      it(`<${tag} ${Object.entries(attrs)
        .map(([k, v]) => `${k}="${v}"`)
        .join(' ')}>`, async () => {
        const el = await mount(tag, { catalogue: catalogueUrl(token()), ...attrs });
        expect(await alertText(el)).to.match(message);
        await expect(el).to.be.accessible();
      });
    }

    it('<fragment-player> in src mode without a usable src', async () => {
      const el = await mount('fragment-player', { src: 'javascript:alert(1)', start: '10' }, 'en');
      expect(await alertText(el)).to.contain('No video was given');
      await expect(el).to.be.accessible();
    });
  });

  describe('<theme-page> ready', () => {
    const ready = async (lang?: string) => {
      const el = await mount('theme-page', { catalogue: catalogueUrl(token()), theme: THEME }, lang);
      const list = await inShadow(el, 'fragment-list', 'the list');
      await until(() => list.shadowRoot?.querySelectorAll('[part~="item-button"]').length === 26, '26 items');
      await inShadow(shadow(el).querySelector('fragment-player')!, '[part~="play-button"]', 'the stage facade');
      return el;
    };

    it('in Dutch', async () => {
      const el = await ready();
      expect(shadow(el).querySelector('[part~="label"]')?.textContent).to.equal('Thema');
      await expect(el).to.be.accessible();
    });

    it('in English, playing a fragment in the stage player', async () => {
      const el = await ready('en');
      expect(shadow(el).querySelector('[part~="label"]')?.textContent).to.equal('Theme');
      const list = shadow(el).querySelector('fragment-list')!;
      const player = shadow(el).querySelector('fragment-player')!;
      const playing = nextEvent(player, 'fragment-play');
      shadow(list).querySelectorAll<HTMLButtonElement>('[part~="item-button"]')[2].click();
      await playing;
      await until(
        () => shadow(list).querySelector('[aria-current="true"] .now')?.textContent === 'now playing',
        '"now playing"',
      );
      await inShadow(player, '[part~="controls"]', 'the controls');
      await expect(el).to.be.accessible();
    });
  });

  describe('<fragment-list> ready', () => {
    const items = (el: Element) => shadow(el).querySelectorAll('[part~="item-button"]');

    it('a theme (Dutch)', async () => {
      const el = await mount('fragment-list', { catalogue: catalogueUrl(token()), theme: THEME });
      await until(() => items(el).length === 26, '26 items');
      await expect(el).to.be.accessible();
    });

    it('an interview, with lengths (English)', async () => {
      const el = await mount('fragment-list', { catalogue: catalogueUrl(token()), interview: 'gesprek-i' }, 'en');
      await until(() => items(el).length === 3, '3 items');
      expect(items(el)[0].textContent).to.contain('length');
      await expect(el).to.be.accessible();
    });

    it('searchable, with a query that matches nothing', async () => {
      const el = await mount('fragment-list', {
        catalogue: catalogueUrl(token()),
        theme: THEME,
        searchable: '',
        query: 'geen-zulk-woord',
      });
      const status = await inShadow(el, '[part~="status"]', 'the status');
      expect(status.textContent).to.contain('Geen fragmenten gevonden voor “geen-zulk-woord”');
      expect(items(el)).to.have.length(0);
      expect(shadow(el).querySelector('input[type="search"]')).to.not.equal(null);
      await expect(el).to.be.accessible();
    });

    it('searchable, with a query that matches some (English)', async () => {
      const el = await mount(
        'fragment-list',
        { catalogue: catalogueUrl(token()), theme: THEME, searchable: '', query: 'minister' },
        'en',
      );
      await until(() => items(el).length > 0, 'matches');
      expect(shadow(el).querySelector('[part~="status"]')?.textContent).to.match(/\d+ of 26 fragments/);
      await expect(el).to.be.accessible();
    });

    it('playing a fragment in its own inline player', async () => {
      const el = await mount('fragment-list', { catalogue: catalogueUrl(token()), interview: 'gesprek-i' });
      await until(() => items(el).length === 3, '3 items');
      const played = nextEvent(el, 'fragment-play');
      (items(el)[1] as HTMLButtonElement).click();
      await played;
      const inline = await inShadow(el, '.inline fragment-player', 'the inline player');
      await inShadow(inline, '[part~="controls"]', 'its controls');
      await expect(el).to.be.accessible();
    });
  });

  describe('<fragment-player>', () => {
    const playButton = (el: Element) => inShadow<HTMLButtonElement>(el, '[part~="play-button"]', 'the play button');
    const video = (el: Element) => shadow(el).querySelector('video');

    /** A player of a fragment with captions, an audio source and a canonical URL (so every control shows), playing. */
    const playing = async (lang?: string) => {
      const el = await mount<FragmentPlayer>(
        'fragment-player',
        { catalogue: catalogueUrl(token()), fragment: 'voorbeeld-advies-onder-tijdsdruk' },
        lang,
      );
      const started = nextEvent(el, 'fragment-play');
      (await playButton(el)).click();
      await started;
      const media = await until(() => video(el), 'the video');
      await until(() => media.currentTime > 12 * 60 + 5.2 && !media.paused, 'playback');
      return el;
    };

    it('facade (Dutch)', async () => {
      const el = await mount('fragment-player', { catalogue: catalogueUrl(token()), fragment: 'loyale-tegenspraak' });
      expect((await playButton(el)).textContent).to.contain('Speel het fragment');
      await expect(el).to.be.accessible();
    });

    it('facade in src mode with a poster (English)', async () => {
      const t = token();
      const el = await mount(
        'fragment-player',
        {
          src: playlistUrl(t),
          start: '2:22',
          end: '2:30',
          label: 'Kort',
          poster: `/_media/${t}/none/interview-32m/poster.jpg`,
        },
        'en',
      );
      expect((await playButton(el)).textContent).to.contain('Play the fragment');
      expect(shadow(el).querySelector('[part~="poster"]')).to.not.equal(null);
      await expect(el).to.be.accessible();
    });

    it('playing, with every control shown (Dutch)', async () => {
      const el = await playing();
      const controls = [...shadow(el).querySelectorAll('[part~="control"]')].map((c) => c.getAttribute('part'));
      expect(controls).to.have.members([
        'control play-pause',
        'control mute',
        'control captions',
        'control listen',
        'control fullscreen',
        'control transcript-button',
        'control share-button',
        'control shortcuts-button',
      ]);
      // The speed and caption-language menus too.
      expect(shadow(el).querySelectorAll('[part~="controls"] select')).to.have.length(2);
      await expect(el).to.be.accessible();
    });

    it('playing with captions on and muted (English)', async () => {
      const el = await playing('en');
      shadow(el).querySelector<HTMLButtonElement>('[part~="captions"]')!.click();
      shadow(el).querySelector<HTMLButtonElement>('[part~="mute"]')!.click();
      await el.updateComplete;
      expect(shadow(el).querySelector('[part~="captions"]')?.getAttribute('aria-pressed')).to.equal('true');
      expect(shadow(el).querySelector('[part~="play-pause"]')?.getAttribute('aria-label')).to.equal('Pause');
      await expect(el).to.be.accessible();
    });

    it('paused, with the play button over the video', async () => {
      const el = await playing();
      const paused = nextEvent(el, 'fragment-pause');
      el.pause();
      await paused;
      await inShadow(el, '.resume', 'the play button over the video');
      await expect(el).to.be.accessible();
    });

    it('audio only', async function () {
      this.timeout(40000);
      const el = await playing();
      await soundFor(video(el)!);
      shadow(el).querySelector<HTMLButtonElement>('[part~="listen"]')!.click();
      const audio = await inShadow<HTMLAudioElement>(el, 'audio', 'the audio element');
      await until(() => !audio.paused, 'audio playing');
      await expect(el).to.be.accessible();
    });

    it('with the share panel open', async () => {
      const el = await playing();
      shadow(el).querySelector<HTMLButtonElement>('[part~="share-button"]')!.click();
      await el.updateComplete;
      const panel = await inShadow(el, '[part~="share"]', 'the share panel');
      // The link, the element snippet, the iframe snippet and the two citations.
      expect([...panel.querySelectorAll('textarea')].map((field) => field.id)).to.deep.equal([
        'share-link',
        'share-embed',
        'share-frame',
        'share-cite',
        'share-apa',
      ]);
      await expect(el).to.be.accessible();
      // After copying, with the message shown.
      panel.querySelector<HTMLButtonElement>('.share-field button')!.click();
      await until(() => panel.querySelector('[role="status"]')?.textContent?.trim(), 'a copy message');
      await expect(el).to.be.accessible();
    });

    it('with the keyboard shortcuts open and English captions chosen (English)', async () => {
      const el = await playing('en');
      shadow(el).querySelector<HTMLButtonElement>('[part~="shortcuts-button"]')!.click();
      const menu = shadow(el).querySelector<HTMLSelectElement>('[part~="captions-menu"]')!;
      menu.value = '1';
      menu.dispatchEvent(new Event('change'));
      await el.updateComplete;
      const panel = await inShadow(el, '[part~="shortcuts"]', 'the shortcuts panel');
      expect(panel.querySelectorAll('dt')).to.have.length(8);
      expect(menu.selectedOptions[0].textContent?.trim()).to.equal('English');
      await expect(el).to.be.accessible();
    });

    it('paused at the fragment end, offering replay and continue (English)', async () => {
      const el = await mount<FragmentPlayer>(
        'fragment-player',
        { src: playlistUrl(token()), start: '2:22', end: '2:24.5', label: 'Kort' },
        'en',
      );
      const ended = nextEvent(el, 'fragment-ended');
      (await playButton(el)).click();
      await ended;
      await el.updateComplete;
      const actions = await inShadow(el, '[part~="actions"]', 'the end actions');
      expect([...actions.querySelectorAll('button')].map((b) => b.textContent)).to.deep.equal([
        'Replay the fragment',
        'Continue the interview',
      ]);
      await expect(el).to.be.accessible();
    });

    it('after a media error (missing playlist)', async () => {
      const el = await mount('fragment-player', {
        src: playlistUrl(token(), 'manifest404'),
        start: '100',
        label: 'Fout',
      });
      const failed = nextEvent<FragmentErrorEvent>(el, 'fragment-error');
      (await playButton(el)).click();
      expect((await failed).detail.code).to.equal('not-found');
      expect(await alertText(el)).to.contain('De video is niet gevonden');
      await expect(el).to.be.accessible();
    });
  });

  describe('<interview-page> ready', () => {
    const ready = async (lang?: string) => {
      const el = await mount('interview-page', { catalogue: catalogueUrl(token()), interview: 'gesprek-i' }, lang);
      const list = await inShadow(el, 'fragment-list', 'the list');
      await until(() => list.shadowRoot?.querySelectorAll('[part~="item-button"]').length === 3, '3 items');
      await inShadow(shadow(el).querySelector('fragment-player')!, '[part~="play-button"]', 'the player facade');
      return el;
    };

    it('in Dutch', async () => {
      const el = await ready();
      expect(shadow(el).querySelectorAll('[part~="chapters"] li')).to.have.length(6);
      expect(shadow(el).textContent).to.contain('Hoofdstukken');
      await expect(el).to.be.accessible();
    });

    it('in English, playing a fragment from its list', async () => {
      const el = await ready('en');
      expect(shadow(el).textContent).to.contain('Chapters');
      const list = shadow(el).querySelector('fragment-list')!;
      const played = nextEvent(el, 'fragment-play');
      shadow(list).querySelector<HTMLButtonElement>('[part~="item-button"]')!.click();
      await played;
      const player = shadow(el).querySelector('fragment-player')!;
      await inShadow(player, '[part~="controls"]', 'the controls');
      await expect(el).to.be.accessible();
    });
  });
});
