// The packed package as users get it: fixture apps that installed the tarball and were built for
// production (test/consumer/build-apps.mjs, run by `npm test` before the browsers start) load in
// each browser; every element they import registers, renders and plays from its start.
import { expect } from '@open-wc/testing';
import { until } from '../helpers/media.js';

const START = 142; // "verbazing-eerste-contact" starts at 2:22, as does the src-mode quote.
const ALL = ['theme-page', 'fragment-list', 'fragment-player', 'interview-page'];

async function open(page: string): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.width = '1000';
  frame.height = '800';
  frame.src = `/.consumer/${page}`;
  document.body.append(frame);
  await new Promise((resolve, reject) => {
    frame.addEventListener('load', resolve, { once: true });
    frame.addEventListener('error', reject, { once: true });
  });
  // A missing build answers 404: say what to run rather than time out on an empty page.
  expect(frame.contentDocument!.title, `${page} built (node test/consumer/build-apps.mjs)`).to.not.equal('');
  return frame;
}

const defined = (frame: HTMLIFrameElement, tag: string) => frame.contentWindow!.customElements.get(tag) !== undefined;

/** Waits until every tag is registered and each of its elements has rendered something. */
async function rendered(frame: HTMLIFrameElement, tags: string[]) {
  const doc = frame.contentDocument!;
  await until(() => tags.every((tag) => defined(frame, tag)), `${tags.join(', ')} registered`);
  for (const tag of tags)
    await until(() => {
      // At least one: a framework may not have rendered the tag yet.
      const elements = [...doc.querySelectorAll(tag)];
      return (
        elements.length > 0 &&
        elements.every((el) => el.shadowRoot?.querySelector('[part~="base"], [part~="play-button"]'))
      );
    }, `${tag} rendered`);
}

/** Presses the player's play button and waits for its media to play on from the start. */
async function playsFromStart(player: Element) {
  const button = await until(
    () => player.shadowRoot?.querySelector<HTMLButtonElement>('[part~="play-button"]'),
    'play button',
  );
  button.click();
  const media = await until(
    () => player.shadowRoot?.querySelector<HTMLMediaElement>('[part~="video"]'),
    'media element',
  );
  await until(() => media.currentTime > START + 0.5 && !media.paused, 'playback past the start', 20000);
  expect(media.currentTime).to.be.within(START, START + 3);
}

afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

describe('the packed package in a production build', () => {
  it("Vite + TypeScript, import 'kijkom': all four elements register, render and play", async () => {
    const frame = await open('vite-app/index.html');
    await rendered(frame, ALL);
    const themePage = frame.contentDocument!.querySelector('theme-page')!;
    const themeTitle = await until(() => themePage.shadowRoot!.querySelector('[part~="title"]'), 'the theme title');
    expect(themeTitle.textContent).to.equal('Politiek-ambtelijke verhoudingen');
    await playsFromStart(frame.contentDocument!.querySelector('body > fragment-player')!);
  });

  it("Vite + TypeScript, import 'kijkom/fragment-player.js': that element alone, with typed events", async () => {
    const frame = await open('vite-app/one-element.html');
    await rendered(frame, ['fragment-player']);
    for (const tag of ['theme-page', 'fragment-list', 'interview-page']) expect(defined(frame, tag), tag).to.be.false;
    await playsFromStart(frame.contentDocument!.querySelector('fragment-player')!);
    await until(() => frame.contentDocument!.body.dataset.playedFrom, 'the app heard fragment-play');
    expect(Number(frame.contentDocument!.body.dataset.playedFrom)).to.be.within(START - 0.5, START + 3);
  });

  it("Vite + TypeScript, 'kijkom/classes.js': registers nothing until define('quote-player')", async () => {
    const frame = await open('vite-app/classes.html');
    await rendered(frame, ['quote-player']);
    for (const tag of ALL) expect(defined(frame, tag), tag).to.be.false;
    await playsFromStart(frame.contentDocument!.querySelector('quote-player')!);
  });

  it('React 19 + TypeScript (strict, type-checked): renders every element, events reach React', async () => {
    const frame = await open('react-app/index.html');
    await rendered(frame, ALL);
    const doc = frame.contentDocument!;
    await until(() => doc.querySelector('#warnings')?.textContent, 'catalogue-load in React');
    expect(doc.querySelector('#warnings')!.textContent).to.equal('0');
    await playsFromStart(doc.querySelector('#quote')!);
    await until(() => doc.querySelector('#played-from')?.textContent, 'fragment-play in React');
    expect(Number(doc.querySelector('#played-from')!.textContent)).to.be.within(START - 0.5, START + 3);
    // A number for `start` reaches the element as seconds.
    const quote = doc.querySelectorAll('main > fragment-player')[1];
    await playsFromStart(quote);
  });

  it('Svelte 5 (svelte-check): renders the elements, onfragment-play reaches Svelte', async () => {
    const frame = await open('svelte-app/index.html');
    await rendered(frame, ['theme-page', 'fragment-player']);
    const doc = frame.contentDocument!;
    // heading-level="2", an attribute's text, reaches the element as the number.
    expect(doc.querySelector('theme-page')!.headingLevel).to.equal(2);
    await playsFromStart(doc.querySelector('body fragment-player')!);
    await until(() => doc.querySelector('#played-from')?.textContent, 'fragment-play in Svelte');
    expect(Number(doc.querySelector('#played-from')!.textContent)).to.be.within(START - 0.5, START + 3);
  });

  it('React 18 with kijkom/react-components: properties as properties, events reach React', async () => {
    const frame = await open('react18-app/index.html');
    await rendered(frame, ['theme-page', 'fragment-player']);
    const doc = frame.contentDocument!;
    // headingLevel={3} reached the element as a property.
    expect(doc.querySelector('theme-page')!.headingLevel).to.equal(3);
    await playsFromStart(doc.querySelector('#quote')!);
    await until(() => doc.querySelector('#played-from')?.textContent, 'onFragmentPlay in React 18');
    expect(Number(doc.querySelector('#played-from')!.textContent)).to.be.within(START - 0.5, START + 3);
    // start={142}, a number, reaches the element as seconds.
    await playsFromStart(doc.querySelectorAll('main > fragment-player')[1]);
  });

  it('Vue 3: renders the elements, @fragment-play reaches Vue', async () => {
    const frame = await open('vue-app/index.html');
    await rendered(frame, ['theme-page', 'fragment-player']);
    const doc = frame.contentDocument!;
    await playsFromStart(doc.querySelector('body fragment-player')!);
    await until(() => doc.querySelector('#played-from')?.textContent, 'fragment-play in Vue');
    expect(Number(doc.querySelector('#played-from')!.textContent)).to.be.within(START - 0.5, START + 3);
  });
});
