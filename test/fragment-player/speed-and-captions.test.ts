// The archive player's own controls beyond play and seek: playback speed (a menu and the < > keys),
// the caption language (a menu when there are several tracks) and the list of shortcut keys (a
// panel, opened with its button or ?), all used by keyboard, on the sample HLS media.
import { expect, fixture, html } from '@open-wc/testing';
import { nothing } from 'lit';
import '../../src/fragment-player/define.js';
import type { FragmentPlayer } from '../../src/fragment-player/fragment-player.js';
import { executeServerCommand } from '@web/test-runner-commands';
import { catalogueUrl, nextEvent, soundFor, token, until } from '../helpers/media.js';
import { deepActiveElement, expectVisibleFocus, nameOf, press, shadow } from '../a11y/a11y-helpers.js';

const part = <T extends Element = HTMLElement>(el: Element, name: string) =>
  shadow(el).querySelector<T & Element>(`[part~="${name}"]`);
const media = (el: Element) => shadow(el).querySelector<HTMLMediaElement>('video, audio');
const selectedText = (select: HTMLSelectElement) => select.selectedOptions[0]?.textContent?.trim();
const status = (el: Element) => shadow(el).querySelector('.below > [role="status"]')?.textContent?.trim();

/** A player of a fragment of the interview with nl + en captions and an audio source, pressed play, once it plays. */
async function playing(
  fragment = 'voorbeeld-advies-onder-tijdsdruk',
  lang?: string,
  catalogue = catalogueUrl(token()),
) {
  const el = await fixture<FragmentPlayer>(
    html`<fragment-player lang=${lang ?? nothing} catalogue=${catalogue} fragment=${fragment}></fragment-player>`,
  );
  const button = await until(() => part<HTMLButtonElement>(el, 'play-button'), 'the facade');
  const started = nextEvent(el, 'fragment-play');
  button.click();
  await started;
  const video = await until(() => shadow(el).querySelector('video'), 'the video');
  await until(() => !video.paused && video.currentTime > 0, 'playback');
  return el;
}

/**
 * A catalogue (put on the test server under a token of its own) whose interview of the sample
 * fragment has these caption tracks: [lang, label, URL relative to test/fixtures/].
 */
async function withCaptions(tracks: [string, string, string][]): Promise<string> {
  const t = token();
  const base = new URL('/test/fixtures/catalogue.json', location.href);
  const catalogue = await (await fetch(base)).json();
  const interview = catalogue.interviews.find((i: { id: string }) => i.id === 'gesprek-i');
  // Served from /_cat/…: its URLs made absolute, as from where the fixture lives.
  for (const key of ['video', 'audio', 'poster', 'transcript'])
    if (interview[key]) interview[key] = new URL(interview[key], base).href;
  interview.captions = tracks.map(([lang, label, src]) => ({ lang, label, src: new URL(src, base).href }));
  await executeServerCommand('put-catalogue', { token: t, body: JSON.stringify(catalogue) });
  return `/_cat/${t}/put`;
}

/** Puts focus on `control` by keyboard: from the control before it in the bar, with Tab. */
async function tabTo(el: FragmentPlayer, before: string, control: string) {
  part(el, before)!.focus();
  const focused = await press('Tab');
  expect(focused, `Tab from ${before}: ${nameOf(focused)}`).to.equal(part(el, control));
  expectVisibleFocus(`on ${control}`);
  return focused as HTMLSelectElement;
}

describe('<fragment-player> speed, caption language and shortcut keys', () => {
  afterEach(() => {
    for (const el of document.querySelectorAll('fragment-player')) el.remove();
  });

  it('speed menu by keyboard: sets the rate, which holds in audio-only and for the next fragment', async function () {
    this.timeout(60000);
    const el = await playing();
    const speed = await tabTo(el, 'volume', 'speed');
    // Named, and its value is the speed: what a screen reader says on focus.
    expect(speed.getAttribute('aria-label')).to.equal('Afspeelsnelheid');
    expect(selectedText(speed)).to.equal('Normaal');
    expect([...speed.options].map((o) => o.textContent!.trim())).to.deep.equal([
      '0,5×',
      '0,75×',
      'Normaal',
      '1,25×',
      '1,5×',
      '1,75×',
      '2×',
    ]);
    await press('ArrowDown');
    await until(() => media(el)!.playbackRate === 1.25, 'rate 1.25');
    await press('ArrowDown');
    await until(() => media(el)!.playbackRate === 1.5, 'rate 1.5');
    await el.updateComplete;
    expect(selectedText(speed)).to.equal('1,5×');
    expect(deepActiveElement(), 'focus stays on the menu').to.equal(speed);
    // Arrows on the menu choose a speed; they do not seek.
    const time = media(el)!.currentTime;
    expect(time).to.be.within(12 * 60 + 5 - 1, 12 * 60 + 5 + 10);

    // Audio only: a new media element, at the same speed.
    await soundFor(media(el)!);
    part(el, 'listen')!.focus();
    await press('Enter');
    const audio = await until(() => shadow(el).querySelector('audio'), 'the audio element');
    await until(() => !audio.paused && audio.currentTime > 12 * 60, 'audio playing');
    expect(audio.playbackRate).to.equal(1.5);
    await el.updateComplete;
    expect(selectedText(part<HTMLSelectElement>(el, 'speed')!)).to.equal('1,5×');

    // Another fragment in the same player: a new session, at the same speed.
    const next = nextEvent(el, 'fragment-play');
    await el.play({ fragment: 'voorbeeld-een-lastig-dossier' });
    await next;
    const video = await until(() => shadow(el).querySelector('video'), 'the next video');
    await until(() => !video.paused && video.currentTime > 3 * 60 + 7, 'the next fragment playing');
    expect(video.playbackRate).to.equal(1.5);
    await el.updateComplete;
    expect(selectedText(part<HTMLSelectElement>(el, 'speed')!)).to.equal('1,5×');
  });

  it('> and < step the speed, said in the status line; a player starts at normal speed', async function () {
    this.timeout(30000);
    const el = await playing(undefined, 'en');
    const video = media(el)!;
    expect(video.playbackRate).to.equal(1);
    part(el, 'play-pause')!.focus();
    await press('>');
    expect(video.playbackRate).to.equal(1.25);
    await el.updateComplete;
    expect(status(el)).to.equal('Speed 1.25×');
    expect(selectedText(part<HTMLSelectElement>(el, 'speed')!)).to.equal('1.25×');
    for (let i = 0; i < 4; i++) await press('>');
    // 2× is the fastest on offer.
    expect(video.playbackRate).to.equal(2);
    await press('<');
    expect(video.playbackRate).to.equal(1.75);
    await el.updateComplete;
    expect(status(el)).to.equal('Speed 1.75×');
    expect(video.paused, 'the keys do not pause').to.equal(false);
    // The message goes after a moment: the status line does not keep an old speed.
    await until(() => status(el) === '', 'the status line cleared', 5000);
  });

  it('caption language by keyboard: English shows en and disables nl; C brings back the last choice; Off disables all', async function () {
    this.timeout(30000);
    const el = await playing();
    const video = media(el)!;
    const track = (lang: string) => [...video.textTracks].find((t) => t.language === lang)!;
    const toggle = part(el, 'captions')!;
    const menu = await tabTo(el, 'captions', 'captions-menu');
    expect(menu.getAttribute('aria-label')).to.equal('Taal van de ondertiteling');
    expect([...menu.options].map((o) => [o.textContent!.trim(), o.lang])).to.deep.equal([
      ['Uit', ''],
      ['Nederlands', 'nl'],
      ['English', 'en'],
    ]);
    expect(selectedText(menu)).to.equal('Uit');

    await press('ArrowDown');
    await press('ArrowDown');
    await until(() => track('en').mode === 'showing', 'English showing');
    expect(track('nl').mode).to.equal('disabled');
    await el.updateComplete;
    expect(selectedText(menu)).to.equal('English');
    expect(toggle.getAttribute('aria-pressed')).to.equal('true');
    await until(() => track('en').activeCues?.length, 'an English cue');

    // C: off, then on again in English (the last choice), not in Dutch (the UI language).
    await press('c');
    expect(track('en').mode).to.equal('disabled');
    await el.updateComplete;
    expect(toggle.getAttribute('aria-pressed')).to.equal('false');
    expect(selectedText(menu)).to.equal('Uit');
    await press('c');
    expect(track('en').mode).to.equal('showing');
    expect(track('nl').mode).to.equal('disabled');
    await el.updateComplete;
    expect(selectedText(menu)).to.equal('English');

    // Off, chosen in the menu.
    await press('ArrowUp');
    await until(() => track('nl').mode === 'showing', 'Dutch showing');
    expect(track('en').mode).to.equal('disabled');
    await press('ArrowUp');
    await until(() => track('nl').mode === 'disabled', 'Dutch off');
    expect([...video.textTracks].map((t) => t.mode)).to.deep.equal(['disabled', 'disabled']);
    await el.updateComplete;
    expect(toggle.getAttribute('aria-pressed')).to.equal('false');
    expect(selectedText(menu)).to.equal('Uit');
    await expect(el).to.be.accessible();
  });

  it("a stream's subtitle renditions (nl, en) get the menu too: English by keyboard shows English cues", async function () {
    this.timeout(40000);
    const el = await fixture<FragmentPlayer>(
      html`<fragment-player
        src=${`/_media/${token()}/none/streams/subtitles/index.m3u8`}
        start="62"
      ></fragment-player>`,
    );
    const started = nextEvent(el, 'fragment-play');
    (await until(() => part<HTMLButtonElement>(el, 'play-button'), 'the facade')).click();
    await started;
    const video = await until(() => shadow(el).querySelector('video'), 'the video');
    // hls.js adds the renditions as tracks once it has read the playlist.
    const menu = await until(() => part<HTMLSelectElement>(el, 'captions-menu'), 'the caption-language menu');
    await until(() => menu.options.length === 3, 'Off and two renditions');
    expect([...menu.options].map((o) => o.textContent!.trim())).to.deep.equal(['Uit', 'Nederlands', 'English']);
    menu.focus();
    await press('ArrowDown');
    await press('ArrowDown');
    const cue = await until(
      () => [...video.textTracks].find((t) => t.mode === 'showing' && t.language === 'en')?.activeCues?.[0] as VTTCue,
      'an English cue on screen',
      20000,
    );
    expect(cue.text).to.match(/^Subtitle 1:\d\d$/);
    expect([...video.textTracks].find((t) => t.language === 'nl')!.mode).to.equal('disabled');
    await el.updateComplete;
    expect(part(el, 'captions')!.getAttribute('aria-pressed')).to.equal('true');
  });

  it('the shortcut list: its button and ? open it, it lists the keys, Escape closes it and returns focus; axe-clean', async function () {
    this.timeout(30000);
    const el = await playing();
    const button = part<HTMLButtonElement>(el, 'shortcuts-button')!;
    expect(button.title).to.equal('Sneltoetsen');
    expect(button.getAttribute('aria-pressed')).to.equal('false');
    expect(part(el, 'shortcuts')).to.equal(null);

    // The button, by keyboard: the panel opens below, focus stays on the (pressed) button.
    await tabTo(el, 'share-button', 'shortcuts-button');
    await press('Enter');
    await el.updateComplete;
    const panel = part(el, 'shortcuts')!;
    expect(panel, 'the panel').to.not.equal(null);
    expect(button.getAttribute('aria-pressed')).to.equal('true');
    expect(deepActiveElement()).to.equal(button);
    const rows = [...panel.querySelectorAll('dt')].map((dt) => [
      dt.textContent!.replace(/\s+/g, ' ').trim(),
      dt.nextElementSibling!.textContent!.trim(),
    ]);
    expect(rows).to.deep.equal([
      ['Spatie / K', 'Afspelen of pauzeren'],
      ['← / →', '5 seconden terug of vooruit'],
      ['M', 'Geluid uit of aan'],
      ['C', 'Ondertiteling aan of uit'],
      ['F', 'Volledig scherm aan of uit'],
      ['< / >', 'Langzamer of sneller'],
      ['?', 'Deze lijst tonen'],
      ['Esc', 'Deze lijst of het deelpaneel sluiten'],
    ]);
    expect(panel.querySelectorAll('dt kbd')).to.have.length(11);
    await expect(el).to.be.accessible();
    await press('Escape');
    await el.updateComplete;
    expect(part(el, 'shortcuts')).to.equal(null);
    expect(button.getAttribute('aria-pressed')).to.equal('false');
    expect(expectVisibleFocus('after Escape')).to.equal(button);

    // ? from the timeline: the panel opens with focus on it (so it is read); Escape goes back there.
    const seek = part(el, 'seek')!;
    seek.focus();
    await press('?');
    await el.updateComplete;
    const opened = await until(() => part(el, 'shortcuts'), 'the panel after ?');
    await until(() => deepActiveElement() === opened, 'focus on the panel');
    expectVisibleFocus('on the panel');
    expect(opened.getAttribute('role')).to.equal('group');
    expect(opened.getAttribute('aria-labelledby')).to.equal('shortcuts-intro');
    expect(button.getAttribute('aria-pressed')).to.equal('true');
    await expect(el).to.be.accessible();
    // The player's keys still work with focus on the list.
    const paused = nextEvent(el, 'fragment-pause');
    await press('k');
    await paused;
    await press('Escape');
    await el.updateComplete;
    expect(part(el, 'shortcuts')).to.equal(null);
    expect(expectVisibleFocus('after Escape')).to.equal(seek);
  });

  it('the share panel cites the fragment from the catalogue: plain and APA 7, in the interface language', async function () {
    this.timeout(30000);
    const el = await playing(undefined, 'en');
    part(el, 'share-button')!.click();
    await el.updateComplete;
    const field = (id: string) => part(el, 'share')!.querySelector<HTMLTextAreaElement>(`#${id}`)!;
    const link = 'https://example.org/gesprekken/gesprek-i#t=725,800';
    expect(field('share-cite').value).to.equal(
      `Spreker I, “Advies onder tijdsdruk” (12:05–13:20), in Gesprek met Spreker I, March 2021. De Top Kijkt Om — voorbeeldarchief, Stichting Voorbeeld. ${link}`,
    );
    expect(field('share-apa').value).to.equal(
      `I, S. (2021, March). Gesprek met Spreker I [Video interview]. De Top Kijkt Om — voorbeeldarchief, Stichting Voorbeeld. ${link}`,
    );
    expect(field('share-apa').labels![0].textContent).to.equal('Citation in APA style (APA 7)');
    // In Dutch, with Dutch words and month.
    el.lang = 'nl';
    await until(() => field('share-apa')?.value.includes('(2021, maart)'), 'the Dutch citation');
    expect(field('share-apa').value).to.contain('[Video-interview]');
  });

  it('Escape closes the share panel too, from its fields, back to its button; one panel at a time', async function () {
    this.timeout(30000);
    const el = await playing(undefined, 'en');
    part(el, 'share-button')!.focus();
    await press('Enter');
    await el.updateComplete;
    const share = part(el, 'share')!;
    // The panel follows the control bar: past the shortcuts button, its first field.
    await press('Tab');
    await press('Tab');
    expect(deepActiveElement()).to.equal(share.querySelector('textarea'));
    // ? in a text field is text, not the key list.
    await press('?');
    await el.updateComplete;
    expect(part(el, 'shortcuts')).to.equal(null);
    await press('Escape');
    await el.updateComplete;
    expect(part(el, 'share')).to.equal(null);
    expect(expectVisibleFocus('after Escape')).to.equal(part(el, 'share-button'));
    // Opening the key list closes the share panel.
    await press('Enter');
    await el.updateComplete;
    part(el, 'shortcuts-button')!.click();
    await el.updateComplete;
    expect(part(el, 'share')).to.equal(null);
    expect(part(el, 'shortcuts')?.textContent).to.contain('Keyboard shortcuts while focus is in the player:');
    expect(part(el, 'share-button')!.getAttribute('aria-pressed')).to.equal('false');
  });

  it('a caption file without cues, or that fails, leaves the choices when first shown, saying so', async function () {
    this.timeout(60000);
    // The interview's captions: Dutch without cues (as `kijkom media` writes one), German missing, English real.
    const catalogueWith = await withCaptions([
      ['nl', 'Nederlands', 'no-cues.vtt'],
      ['de', 'Deutsch', '../../demo/media/interview-32m/captions-de-missing.vtt'],
      ['en', 'English', '../../demo/media/interview-32m/captions-en.vtt'],
    ]);
    const el = await playing('voorbeeld-advies-onder-tijdsdruk', undefined, catalogueWith);
    const languages = () =>
      [...part<HTMLSelectElement>(el, 'captions-menu')!.options].map((o) => o.textContent!.trim());
    expect(languages()).to.deep.equal(['Uit', 'Nederlands', 'Deutsch', 'English']);
    // On, in the page's language: the Dutch file has nothing to show.
    part(el, 'captions')!.click();
    await until(() => status(el) === 'Geen ondertitels in Nederlands', 'the notice for Dutch');
    expect(languages()).to.deep.equal(['Uit', 'Deutsch', 'English']);
    expect(part(el, 'captions')!.getAttribute('aria-pressed')).to.equal('false');
    // German from the menu: its file is missing.
    const menu = part<HTMLSelectElement>(el, 'captions-menu')!;
    menu.selectedIndex = 1;
    menu.dispatchEvent(new Event('change', { bubbles: true }));
    await until(() => status(el) === 'Geen ondertitels in Deutsch', 'the notice for German');
    // One language left: the toggle alone, which shows it.
    await until(() => part(el, 'captions-menu') === null, 'no menu for one language');
    part(el, 'captions')!.click();
    await until(() => part(el, 'captions')!.getAttribute('aria-pressed') === 'true', 'English captions on');
    const english = [...media(el)!.textTracks].find((track) => track.language === 'en')!;
    expect(english.mode).to.equal('showing');
  });

  it('when the only caption file has no cues, the captions button goes and focus moves to play/pause', async function () {
    this.timeout(60000);
    const catalogueWith = await withCaptions([['nl', 'Nederlands', 'no-cues.vtt']]);
    const el = await playing('voorbeeld-advies-onder-tijdsdruk', undefined, catalogueWith);
    part(el, 'captions')!.focus();
    await press('Enter');
    await until(() => part(el, 'captions') === null, 'the captions button gone');
    await until(() => deepActiveElement() === part(el, 'play-pause'), 'focus on play/pause');
    expect(status(el)).to.equal('Geen ondertitels in Nederlands');
  });
});
