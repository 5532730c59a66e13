// Reserved space (no layout shift): an element holds the same room on screen before its script
// has run (the README's `:not(:defined)` rules, as demo/demo.css applies them), while its catalogue
// loads (answered late by the test server), and once it shows; so what follows it does not move
// while the reader looks. Each case runs in a frame of its own, where the elements start undefined.
import { expect } from '@open-wc/testing';
import { token, until } from '../helpers/media.js';

const CATALOGUE_DELAY_MS = 1500;
/** Allowed difference, as a share of the room the loaded element takes on screen. */
const TOLERANCE = 0.03;

interface Room {
  /** The element's height within the frame's viewport. */
  shown: number;
  /** Where what follows it starts, within the frame's viewport (its height when below it). */
  after: number;
}

/** A frame of `width`×`height` with the demo's stylesheet and `body`, then a paragraph; no script yet. */
async function frame(width: number, height: number, body: string): Promise<HTMLIFrameElement> {
  const iframe = document.createElement('iframe');
  iframe.width = String(width);
  iframe.height = String(height);
  iframe.srcdoc = `<!doctype html><html lang="nl"><head><meta charset="utf-8" />
    <link rel="stylesheet" href="/demo/demo.css" /></head>
    <body>${body}<p id="after">Wat volgt.</p></body></html>`;
  const loaded = new Promise((resolve) => iframe.addEventListener('load', resolve, { once: true }));
  document.body.append(iframe);
  await loaded;
  return iframe;
}

const cases = [
  {
    tag: 'fragment-player',
    width: 800,
    height: 900,
    // A title on one line at this width: the loading state holds one line for it.
    body: (catalogue: string) => `<article class="post"><h1>Een blog</h1><p>Een citaat:</p>
      <fragment-player catalogue="${catalogue}" fragment="overbodig-voelende-topambtenaar"></fragment-player></article>`,
  },
  ...[
    [1350, 940],
    [412, 823],
  ].map(([width, height]) => ({
    tag: 'theme-page',
    width,
    height,
    body: (catalogue: string) =>
      `<main><theme-page catalogue="${catalogue}" theme="politiek-ambtelijke-verhoudingen"></theme-page></main>`,
  })),
];

describe('reserved space', () => {
  const frames: HTMLIFrameElement[] = [];
  afterEach(() => frames.splice(0).forEach((f) => f.remove()));

  for (const { tag, width, height, body } of cases) {
    it(`<${tag}> at ${width}×${height} holds its room before its script, while loading and loaded`, async function () {
      this.timeout(20000);
      const iframe = await frame(width, height, body(`/_cat/${token()}/slow/${CATALOGUE_DELAY_MS}`));
      frames.push(iframe);
      const win = iframe.contentWindow as Window & typeof globalThis;
      const doc = iframe.contentDocument!;
      const el = doc.querySelector(tag)! as HTMLElement & { updateComplete: Promise<unknown> };
      const after = doc.getElementById('after')!;
      const room = (): Room => {
        const box = el.getBoundingClientRect();
        return {
          shown: Math.min(box.bottom, height) - Math.max(box.top, 0),
          after: Math.min(after.getBoundingClientRect().top, height),
        };
      };
      const busy = () => el.shadowRoot?.querySelector('[aria-busy]');

      expect(win.customElements.get(tag), 'not defined yet').to.equal(undefined);
      const before = room();
      const script = doc.createElement('script');
      script.type = 'module';
      script.src = '/src/index.ts';
      doc.head.append(script);
      await win.customElements.whenDefined(tag);
      await el.updateComplete;
      expect(busy(), 'shows its loading state').to.exist;
      const loading = room();
      await until(() => !busy(), 'the catalogue');
      await el.updateComplete;
      await new Promise((resolve) => win.requestAnimationFrame(() => win.requestAnimationFrame(resolve)));
      const loaded = room();

      expect(loaded.shown, 'the loaded element is on screen').to.be.above(100);
      const near = (value: number, what: string) =>
        expect(value, `${what} (loaded: ${JSON.stringify(loaded)})`).to.be.closeTo(
          loaded.shown,
          loaded.shown * TOLERANCE,
        );
      near(before.shown, 'room before the script');
      near(loading.shown, 'room while loading');
      const follows = (value: number, what: string) =>
        expect(value, what).to.be.closeTo(loaded.after, loaded.shown * TOLERANCE);
      follows(before.after, 'what follows, before the script');
      follows(loading.after, 'what follows, while loading');
    });
  }
});
