// Keyboard-only walk-throughs: Tab, Shift+Tab, Enter, Space, K and Escape, with
// focus read through shadow roots and checked to be visible at every step. Each walk starts on
// a button before the element and must end on a button after it: focus is never trapped.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { FragmentPlayer } from '../../src/fragment-player/fragment-player.js';
import type { FragmentPlaybackEvent } from '../../src/events/fragment-events.js';
import { catalogueUrl, nextEvent, playlistUrl, token, until } from '../helpers/media.js';
import {
  composedContains,
  deepActiveElement,
  expectVisibleFocus,
  hasPart,
  inShadow,
  invisibleFocus,
  isItem,
  nameOf,
  parts,
  press,
  shadow,
  THEME,
  walk,
} from './a11y-helpers.js';
import { notInWebKit } from '../helpers/engines.js';

const video = (el: Element) => shadow(el).querySelector('video');
/** A playing player's Tab stops when its media has no captions, audio source or transcript. */
const PLAIN_CONTROLS = [
  'seek',
  'play-pause',
  'mute',
  'volume',
  'speed',
  'fullscreen',
  'share-button',
  'shortcuts-button',
];

/** `<button#before>`, the element, `<button#after>`: the page around the element. */
async function between(element: ReturnType<typeof html>) {
  const wrapper = await fixture(
    html`<div>
      <button id="before" type="button">Voor</button>${element}<button id="after" type="button">Na</button>
    </div>`,
  );
  const before = wrapper.querySelector<HTMLButtonElement>('#before')!;
  const after = wrapper.querySelector<HTMLButtonElement>('#after')!;
  return { wrapper, before, after };
}

/** The fragment an item's button shows: items re-render in place, so an element may show another one later. */
const fragmentOf = (el: Element | null | undefined) => el?.closest<HTMLElement>('[data-fragment]')?.dataset.fragment;

describe('keyboard walk-throughs', () => {
  before(function () {
    notInWebKit(
      this,
      'the WebKit driver sends no key down/up (Shift+Tab) through @web/test-runner-commands: only press and type',
    );
  });
  afterEach(() => {
    for (const player of document.querySelectorAll('fragment-player')) player.remove();
    // A selection in a <theme-page> writes #fragment=…; the next test must not be cued by it.
    history.replaceState(null, '', location.pathname + location.search);
  });

  describe('positive controls: the focus checks can fail', () => {
    it('finds focus without an outline, and focus on <body>', async () => {
      const { before } = await between(
        html`<button id="bare" type="button" style="outline: none">Zonder rand</button>`,
      );
      before.focus();
      const bare = await press('Tab');
      expect(bare?.id).to.equal('bare');
      expect(invisibleFocus(bare)).to.match(/no outline/);
      (bare as HTMLElement).blur();
      expect(invisibleFocus(deepActiveElement())).to.match(/focus is on body/);
    });

    it('finds an outline clipped away by an overflow: hidden parent', async () => {
      const { before } = await between(
        html`<div style="overflow: hidden; width: 10em; height: 3em">
          <button
            id="filled"
            type="button"
            style="width: 100%; height: 100%; outline: 3px solid black; outline-offset: 2px"
          >
            Vol
          </button>
        </div>`,
      );
      before.focus();
      const filled = await press('Tab');
      expect(filled?.id).to.equal('filled');
      expect(invisibleFocus(filled)).to.match(/clipped away by <div>/);
      // The same ring drawn inside the box shows.
      (filled as HTMLElement).style.outlineOffset = '-5px';
      expect(invisibleFocus(filled)).to.equal(undefined);
    });

    it('sees focus inside shadow roots', async () => {
      const { before } = await between(
        html`<fragment-player src=${playlistUrl(token())} start="10" label="Schaduw"></fragment-player>`,
      );
      const player = document.querySelector('fragment-player')!;
      await inShadow(player, '[part~="play-button"]');
      before.focus();
      const focused = await press('Tab');
      expect(document.activeElement).to.equal(player);
      expect(focused?.getAttribute('part')).to.equal('play-button');
      expect(composedContains(player, focused)).to.equal(true);
      expect(composedContains(before, focused)).to.equal(false);
    });
  });

  describe('<theme-page>', () => {
    it('Tab to the first fragment, Enter plays it on the stage, controls in order, Space and K pause, Escape and Tab leave', async function () {
      this.timeout(60000);
      const t = token();
      const { before, after } = await between(
        html`<theme-page catalogue=${catalogueUrl(t)} theme=${THEME}></theme-page>`,
      );
      const page = document.querySelector('theme-page')!;
      const list = await inShadow(page, 'fragment-list');
      await until(() => list.shadowRoot?.querySelectorAll('[part~="item-button"]').length === 26, '26 items');
      const player = shadow(page).querySelector<FragmentPlayer>('fragment-player')!;
      await inShadow(player, '[part~="play-button"]');

      // Tab: the stage player's play button, then the first fragment.
      before.focus();
      const into = await walk('Tab', isItem);
      expect(parts(into)).to.deep.equal(['play-button', 'item-button']);
      const first = fragmentOf(into[1]);
      expect(first).to.equal('verbazing-eerste-contact');

      // Enter plays it in the stage player; focus stays on the item.
      const playing = nextEvent<FragmentPlaybackEvent>(player, 'fragment-play');
      await press('Enter');
      expect((await playing).detail.fragmentId).to.equal('verbazing-eerste-contact');
      expect(fragmentOf(expectVisibleFocus('after Enter on the item'))).to.equal(first);
      const media = await until(() => video(player), 'the stage video');
      await until(() => !media.paused && media.currentTime > 142, 'playback');

      // Shift+Tab back through the player's controls to the page before, then Tab forward again.
      const back = await walk('Shift+Tab', (el) => el === before);
      // The first fragment of the theme has a next one and no previous one.
      const controls = ['seek', 'play-pause', 'next', ...PLAIN_CONTROLS.slice(2)];
      expect(parts(back)).to.deep.equal([...controls].reverse().concat('button'));
      const forth = await walk('Tab', isItem);
      expect(parts(forth)).to.deep.equal([...controls, 'item-button']);
      expect(fragmentOf(forth.at(-1))).to.equal(first);
      for (const control of forth.slice(0, -1))
        expect(composedContains(player, control), nameOf(control)).to.equal(true);

      // Space on play/pause pauses; K plays and pauses again.
      const playPause = (await walk('Shift+Tab', hasPart('play-pause'))).at(-1)!;
      const paused = nextEvent(player, 'fragment-pause');
      await press(' ');
      await paused;
      expect(media.paused).to.equal(true);
      await player.updateComplete;
      expect(expectVisibleFocus('after Space')).to.equal(playPause);
      expect(playPause.getAttribute('aria-label')).to.equal('Afspelen');
      const resumed = nextEvent(player, 'fragment-play');
      await press('k');
      await resumed;
      const pausedAgain = nextEvent(player, 'fragment-pause');
      await press('k');
      await pausedAgain;
      expect(media.paused).to.equal(true);
      expect(expectVisibleFocus('after K')).to.equal(playPause);

      // Escape neither moves nor drops focus; Tab then leaves the page element.
      await press('Escape');
      expect(expectVisibleFocus('after Escape')).to.equal(playPause);
      const out = await walk('Tab', (el) => el === after, 60);
      expect(parts(out).filter((p) => p === 'item-button')).to.have.length(26);
      expect(out.at(-1)).to.equal(after);
    });

    it('Enter on the stage play button keeps focus in the stage player', async () => {
      const { before } = await between(
        html`<theme-page catalogue=${catalogueUrl(token())} theme=${THEME}></theme-page>`,
      );
      const page = document.querySelector('theme-page')!;
      const player = (await inShadow<FragmentPlayer>(page, 'fragment-player'))!;
      await inShadow(player, '[part~="play-button"]');
      before.focus();
      await walk('Tab', hasPart('play-button'), 1);
      const playing = nextEvent(player, 'fragment-play');
      await press('Enter');
      await playing;
      await player.updateComplete;
      const focused = deepActiveElement();
      expect(composedContains(player, focused), `focus after activation is on ${nameOf(focused)}`).to.equal(true);
      expectVisibleFocus('after activation');
    });
  });

  describe('<fragment-player> alone', () => {
    /** A player with captions, an audio source and a share link, between two buttons. */
    const setUp = async () => {
      const parts_ = await between(
        html`<fragment-player
          catalogue=${catalogueUrl(token())}
          fragment="voorbeeld-advies-onder-tijdsdruk"
        ></fragment-player>`,
      );
      const player = document.querySelector<FragmentPlayer>('fragment-player')!;
      await inShadow(player, '[part~="play-button"]');
      return { ...parts_, player };
    };

    /** Tab to the play button (the first focusable control) and press Enter. */
    const activate = async (before: HTMLElement, player: FragmentPlayer) => {
      before.focus();
      const [button] = await walk('Tab', hasPart('play-button'), 1);
      expect(composedContains(player, button)).to.equal(true);
      const playing = nextEvent(player, 'fragment-play');
      await press('Enter');
      await playing;
      const media = await until(() => video(player), 'the video');
      await until(() => !media.paused && media.currentTime > 0, 'playback');
      return media;
    };

    it('Enter on the play button keeps focus in the player (on a control)', async () => {
      const { before, player } = await setUp();
      await activate(before, player);
      const focused = deepActiveElement();
      expect(focused === document.body, `focus after activation is on ${nameOf(focused)}`).to.equal(false);
      expect(composedContains(player, focused), `focus after activation: ${nameOf(focused)}`).to.equal(true);
      expectVisibleFocus('after activation');
    });

    it('controls in order; the share panel, its fields and copy buttons are reachable and work; Tab leaves', async function () {
      this.timeout(40000);
      const { before, after, player } = await setUp();
      await activate(before, player);
      before.focus();
      const controls = await walk('Tab', hasPart('share-button'));
      expect(parts(controls)).to.deep.equal([
        'seek',
        'play-pause',
        'mute',
        'volume',
        'speed',
        'captions',
        'captions-menu',
        'listen',
        'fullscreen',
        'transcript-button',
        'share-button',
      ]);
      const share = controls.at(-1)!;
      await press('Enter');
      await player.updateComplete;
      expect(share.getAttribute('aria-pressed')).to.equal('true');
      expect(expectVisibleFocus('after opening the share panel')).to.equal(share);
      const panel = (await inShadow(player, '[part~="share"]', 'the share panel'))!;
      // Into the panel: link, embed, iframe and the two citations, each with its copy button; then out.
      const inPanel = await walk('Tab', (el) => el === after);
      // Past the last control (the shortcuts button) into the panel below the controls.
      expect(inPanel.map((el) => (el.id ? `${el.localName}#${el.id}` : el.localName))).to.deep.equal([
        'button',
        'textarea#share-link',
        'button',
        'textarea#share-embed',
        'button',
        'textarea#share-frame',
        'button',
        'textarea#share-cite',
        'button',
        'textarea#share-apa',
        'button',
        'button#after',
      ]);
      expect(inPanel[0].getAttribute('part')).to.equal('control shortcuts-button');
      for (const el of inPanel.slice(1, 11)) expect(panel.contains(el), nameOf(el)).to.equal(true);
      // Enter on the embed's copy button copies (or selects the text where the clipboard is refused).
      const copy = (await walk('Shift+Tab', (el) => el === inPanel[4], 7)).at(-1)!;
      await press('Enter');
      const message = await until(() => panel.querySelector('[role="status"]')?.textContent?.trim(), 'a copy message');
      expect(message).to.match(/Gekopieerd|Kopiëren lukte niet/);
      const focused = deepActiveElement();
      if (message.startsWith('Gekopieerd')) expect(focused).to.equal(copy);
      else expect(focused).to.equal(panel.querySelector('#share-embed'));
      expectVisibleFocus('after copying');
      expect((await walk('Tab', (el) => el === after)).at(-1)).to.equal(after);
    });

    it('at the fragment end, replay and continue are reachable and operable', async function () {
      this.timeout(30000);
      const { before, after } = await between(
        html`<fragment-player src=${playlistUrl(token())} start="2:22" end="2:24.5" label="Kort"></fragment-player>`,
      );
      const player = document.querySelector<FragmentPlayer>('fragment-player')!;
      await inShadow(player, '[part~="play-button"]');
      before.focus();
      await walk('Tab', hasPart('play-button'), 1);
      const ended = nextEvent(player, 'fragment-ended');
      await press('Enter');
      await ended;
      await player.updateComplete;
      const media = video(player)!;
      before.focus();
      const path = await walk('Tab', (el) => el?.textContent === 'Fragment opnieuw afspelen');
      expect(parts(path)).to.deep.equal([...PLAIN_CONTROLS, 'button']);
      const [continueButton] = await walk('Tab', (el) => el?.textContent === 'Verder kijken in het gesprek', 1);
      expect(continueButton.closest('[part~="actions"]')).to.not.equal(null);
      // Replay: plays from the fragment's start again.
      await walk('Shift+Tab', (el) => el === path.at(-1), 1);
      const replaying = nextEvent<FragmentPlaybackEvent>(player, 'fragment-play');
      await press('Enter');
      await replaying;
      expect(media.currentTime).to.be.within(142 - 0.5, 142 + 1);
      // It ends again; this time continue, which plays on past the end.
      await nextEvent(player, 'fragment-ended');
      await player.updateComplete;
      before.focus();
      await walk('Tab', (el) => el?.textContent === 'Verder kijken in het gesprek');
      const continuing = nextEvent(player, 'fragment-play');
      await press('Enter');
      await continuing;
      await until(() => media.currentTime > 145, 'playback past the end');
      // Nothing traps focus.
      before.focus();
      expect((await walk('Tab', (el) => el === after)).at(-1)).to.equal(after);
    });

    it('replay keeps focus in the player', async function () {
      this.timeout(30000);
      const { before } = await between(
        html`<fragment-player src=${playlistUrl(token())} start="2:22" end="2:24.5" label="Kort"></fragment-player>`,
      );
      const player = document.querySelector<FragmentPlayer>('fragment-player')!;
      await inShadow(player, '[part~="play-button"]');
      const ended = nextEvent(player, 'fragment-ended');
      (await inShadow<HTMLButtonElement>(player, '[part~="play-button"]')).click();
      await ended;
      await player.updateComplete;
      before.focus();
      await walk('Tab', (el) => el?.textContent === 'Fragment opnieuw afspelen');
      const replaying = nextEvent(player, 'fragment-play');
      await press('Enter');
      await replaying;
      await player.updateComplete;
      const focused = deepActiveElement();
      expect(composedContains(player, focused), `focus after replay: ${nameOf(focused)}`).to.equal(true);
      expectVisibleFocus('after replay');
    });

    it('the video is no Tab stop without visible focus, playing or paused', async function () {
      this.timeout(30000);
      const { before, after } = await between(
        html`<fragment-player src=${playlistUrl(token())} start="100" label="Video"></fragment-player>`,
      );
      const player = document.querySelector<FragmentPlayer>('fragment-player')!;
      const playing = nextEvent(player, 'fragment-play');
      (await inShadow<HTMLButtonElement>(player, '[part~="play-button"]')).click();
      await playing;
      const media = await until(() => video(player), 'the video');
      await until(() => !media.paused && media.currentTime > 100.2, 'playback');
      before.focus();
      const whilePlaying = await walk('Tab', (el) => el === after, 20);
      expect(parts(whilePlaying)).to.deep.equal([...PLAIN_CONTROLS, 'button']);
      const paused = nextEvent(player, 'fragment-pause');
      player.pause();
      await paused;
      await player.updateComplete;
      before.focus();
      const whilePaused = await walk('Tab', (el) => el === after, 20);
      // The same stops: the play button over the paused video is for pointers, play/pause is the key one.
      expect(parts(whilePaused)).to.deep.equal([...PLAIN_CONTROLS, 'button']);
    });

    it('paused, "Afspelen" is one Tab stop (the play button over the video is for pointers), and Enter on it keeps focus in the player', async function () {
      this.timeout(30000);
      const { before } = await between(
        html`<fragment-player src=${playlistUrl(token())} start="100" label="Hervat"></fragment-player>`,
      );
      const player = document.querySelector<FragmentPlayer>('fragment-player')!;
      const playing = nextEvent(player, 'fragment-play');
      (await inShadow<HTMLButtonElement>(player, '[part~="play-button"]')).click();
      await playing;
      const media = await until(() => video(player), 'the video');
      await until(() => !media.paused && media.currentTime > 100.2, 'playback');
      const paused = nextEvent(player, 'fragment-pause');
      player.pause();
      await paused;
      await inShadow(player, '.resume');
      before.focus();
      const path = await walk('Tab', hasPart('play-pause'), 6);
      expect(parts(path)).to.deep.equal(['seek', 'play-pause']);
      (path[1] as HTMLElement).focus();
      const resumed = nextEvent(player, 'fragment-play');
      await press('Enter');
      await resumed;
      await player.updateComplete;
      const focused = deepActiveElement();
      expect(composedContains(player, focused), `focus after resuming is on ${nameOf(focused)}`).to.equal(true);
      expectVisibleFocus('after resuming');
    });

    it('after a media error, "try again" is reachable and retries', async function () {
      this.timeout(30000);
      const { before, after } = await between(
        html`<fragment-player src=${playlistUrl(token(), 'manifest404')} start="100" label="Fout"></fragment-player>`,
      );
      const player = document.querySelector<FragmentPlayer>('fragment-player')!;
      const failed = nextEvent(player, 'fragment-error');
      (await inShadow<HTMLButtonElement>(player, '[part~="play-button"]')).click();
      await failed;
      await inShadow(player, '[part~="retry"]');
      before.focus();
      const path = await walk('Tab', (el) => el === after);
      expect(parts(path)).to.deep.equal(['play-button', 'retry', 'button']);
      await walk('Shift+Tab', hasPart('retry'), 1);
      const again = nextEvent(player, 'fragment-error');
      await press('Enter');
      await again;
      await inShadow(player, '[part~="retry"]');
    });

    it('"try again" after a media error keeps focus in the player', async function () {
      this.timeout(30000);
      const { before } = await between(
        html`<fragment-player src=${playlistUrl(token(), 'manifest404')} start="100" label="Fout"></fragment-player>`,
      );
      const player = document.querySelector<FragmentPlayer>('fragment-player')!;
      const failed = nextEvent(player, 'fragment-error');
      (await inShadow<HTMLButtonElement>(player, '[part~="play-button"]')).click();
      await failed;
      await inShadow(player, '[part~="retry"]');
      before.focus();
      await walk('Tab', hasPart('retry'), 2);
      const again = nextEvent(player, 'fragment-error');
      await press('Enter');
      await again;
      await player.updateComplete;
      const focused = deepActiveElement();
      expect(composedContains(player, focused), `focus after retrying is on ${nameOf(focused)}`).to.equal(true);
      expectVisibleFocus('after retrying');
    });
  });

  describe('catalogue errors', () => {
    const elements: [string, ReturnType<typeof html>][] = [
      ['theme-page', html`<theme-page catalogue=${`/_cat/${token()}/status/404`} theme=${THEME}></theme-page>`],
      [
        'fragment-list',
        html`<fragment-list catalogue=${`/_cat/${token()}/status/404`} theme=${THEME}></fragment-list>`,
      ],
      [
        'fragment-player',
        html`<fragment-player
          catalogue=${`/_cat/${token()}/status/404`}
          fragment="loyale-tegenspraak"
        ></fragment-player>`,
      ],
      [
        'interview-page',
        html`<interview-page catalogue=${`/_cat/${token()}/status/404`} interview="gesprek-i"></interview-page>`,
      ],
    ];
    for (const [tag, template] of elements) {
      it(`<${tag}>: "try again" is reachable and asks again`, async () => {
        const { before, after } = await between(template);
        const el = document.querySelector(tag)!;
        await inShadow(el, '[part~="retry"]');
        before.focus();
        const path = await walk('Tab', (node) => node === after);
        expect(parts(path)).to.deep.equal(['retry', 'button']);
        await walk('Shift+Tab', hasPart('retry'), 1);
        const again = nextEvent(el, 'catalogue-error');
        await press('Enter');
        await again;
        await inShadow(el, '[part~="retry"]');
      });

      it(`<${tag}>: "try again" keeps focus in the element`, async () => {
        const { before } = await between(template);
        const el = document.querySelector(tag)!;
        await inShadow(el, '[part~="retry"]');
        before.focus();
        await walk('Tab', hasPart('retry'), 1);
        const again = nextEvent(el, 'catalogue-error');
        await press('Enter');
        await again;
        await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
        const focused = deepActiveElement();
        expect(composedContains(el, focused), `focus after retrying is on ${nameOf(focused)}`).to.equal(true);
        expectVisibleFocus('after retrying');
      });
    }
  });

  describe('<fragment-list> alone', () => {
    it('the search field first; Enter opens a player below the item, whose controls come next; Tab leaves', async function () {
      this.timeout(30000);
      const { before, after } = await between(
        html`<fragment-list catalogue=${catalogueUrl(token())} interview="gesprek-i" searchable></fragment-list>`,
      );
      const list = document.querySelector('fragment-list')!;
      await until(() => shadow(list).querySelectorAll('[part~="item-button"]').length === 3, '3 items');
      before.focus();
      const path = await walk('Tab', (el) => el === after);
      expect(parts(path)).to.deep.equal(['input', 'item-button', 'item-button', 'item-button', 'button']);
      const second = path[2];
      await walk('Shift+Tab', (el) => el === second, 3);
      const played = nextEvent<FragmentPlaybackEvent>(list, 'fragment-play');
      await press('Enter');
      expect((await played).detail.fragmentId).to.equal('voorbeeld-een-lastig-dossier');
      expect(fragmentOf(expectVisibleFocus('after Enter on the item'))).to.equal('voorbeeld-een-lastig-dossier');
      const inline = await inShadow<FragmentPlayer>(list, '.inline fragment-player');
      await inShadow(inline, '[part~="controls"]');
      const next = await walk('Tab', isItem);
      expect(parts(next)).to.deep.equal([
        'seek',
        'play-pause',
        'mute',
        'volume',
        'speed',
        'captions',
        'captions-menu',
        'listen',
        'fullscreen',
        'transcript-button',
        'share-button',
        'shortcuts-button',
        'item-button',
      ]);
      for (const control of next.slice(0, -1))
        expect(composedContains(inline, control), nameOf(control)).to.equal(true);
      expect(next.at(-1)?.textContent).to.contain('Advies onder tijdsdruk');
      expect((await walk('Tab', (el) => el === after)).at(-1)).to.equal(after);
    });
  });

  describe('<interview-page>', () => {
    it('the player, then the fragments; Enter on a fragment plays it in the page player, whose controls are reachable; Tab leaves', async function () {
      this.timeout(40000);
      const { before, after } = await between(
        html`<interview-page catalogue=${catalogueUrl(token())} interview="gesprek-i"></interview-page>`,
      );
      const page = document.querySelector('interview-page')!;
      const list = await inShadow(page, 'fragment-list');
      await until(() => list.shadowRoot?.querySelectorAll('[part~="item-button"]').length === 3, '3 items');
      await inShadow(shadow(page).querySelector('fragment-player')!, '[part~="play-button"]');
      await until(
        () => shadow(page).querySelector('kijkom-transcript')?.shadowRoot?.querySelector('.turn'),
        'the transcript',
      );
      before.focus();
      const path = await walk('Tab', (el) => el === after);
      // Watch/listen/read is one stop (a radio group: arrows choose). The transcript is two stops:
      // its search, and one time button (arrows move between them).
      expect(parts(path)).to.deep.equal([
        'input',
        'play-button',
        'transcript-search',
        'transcript-time',
        ...Array(6).fill('chapter'),
        'item-button',
        'item-button',
        'item-button',
        'button',
      ]);
      expect(path[1].textContent).to.contain('0:00');
      // Enter on the first fragment plays it in the page's player.
      const first = path[10];
      await walk('Shift+Tab', (el) => el === first, 4);
      const played = nextEvent<FragmentPlaybackEvent>(page, 'fragment-play');
      await press('Enter');
      expect((await played).detail.fragmentId).to.equal('voorbeeld-eerste-werkdag');
      expect(fragmentOf(expectVisibleFocus('after Enter on the item'))).to.equal('voorbeeld-eerste-werkdag');
      const player = shadow(page).querySelector<FragmentPlayer>('fragment-player')!;
      await inShadow(player, '[part~="controls"]');
      // Playing, and the transcript following it (on a busy machine that takes a while): only
      // then does moving focus into the text stop it following.
      const transcript = shadow(page).querySelector('kijkom-transcript')!;
      const media = await until(() => video(player), 'the video');
      const from = media.currentTime;
      await until(() => !media.paused && media.currentTime > from, 'playback');
      await until(() => transcript.shadowRoot?.querySelector('[aria-current="true"]'), 'the transcript following');
      // Shift+Tab from the item passes the chapters and the transcript (where moving focus in
      // stops it following playback, so it offers to follow again) and reaches the player's
      // controls, last first.
      const back = await walk('Shift+Tab', hasPart('seek'));
      expect(parts(back)).to.deep.equal([
        ...Array(6).fill('chapter'),
        'transcript-time',
        'transcript-follow',
        'transcript-search',
        'shortcuts-button',
        'share-button',
        'transcript-button',
        'fullscreen',
        'listen',
        'captions-menu',
        'captions',
        'speed',
        'volume',
        'mute',
        'play-pause',
        'seek',
      ]);
      for (const control of back.slice(9)) expect(composedContains(player, control), nameOf(control)).to.equal(true);
      // K pauses from any control.
      const paused = nextEvent(player, 'fragment-pause');
      await press('k');
      await paused;
      expect(video(player)!.paused).to.equal(true);
      expect((await walk('Tab', (el) => el === after)).at(-1)).to.equal(after);
    });

    it('the chapters are reachable and Enter on one plays the interview from there', async function () {
      this.timeout(30000);
      const { before, after } = await between(
        html`<interview-page catalogue=${catalogueUrl(token())} interview="gesprek-i"></interview-page>`,
      );
      const page = document.querySelector('interview-page')!;
      const list = await inShadow(page, 'fragment-list');
      await until(() => list.shadowRoot?.querySelectorAll('[part~="item-button"]').length === 3, '3 items');
      const chapters = shadow(page).querySelector('[part~="chapters"]')!;
      before.focus();
      const path = await walk('Tab', (el) => el === after);
      const inChapters = path.filter((el) => chapters.contains(el));
      expect(inChapters.map((el) => el.textContent?.trim())).to.have.length(6);
      const third = inChapters[2];
      expect(third.textContent).to.contain('9:15');
      await walk('Shift+Tab', (el) => el === third, 20);
      const player = shadow(page).querySelector<FragmentPlayer>('fragment-player')!;
      const playing = nextEvent<FragmentPlaybackEvent>(page, 'fragment-play');
      await press('Enter');
      await playing;
      const media = await until(() => video(shadow(page).querySelector('fragment-player') ?? player), 'the video');
      await until(() => media.currentTime >= 9 * 60 + 15, 'playback from 9:15');
      expect(media.currentTime).to.be.within(9 * 60 + 15 - 0.5, 9 * 60 + 15 + 2);
    });
  });
});
