// The facade's play label and focus ring on any poster (WCAG 1.4.3, 2.4.7), measured on real
// pixels: the facade is rendered over a solid white and a solid black poster and screenshotted.
// The label's text colour is compared with every pixel behind its glyphs (the same box shot with
// the text made transparent); the focus ring with the poster it is drawn on.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/fragment-player/define.js';
import type { FragmentPlayer } from '../../src/fragment-player/fragment-player.js';
import { boxOf, contrast, pixel, rendered, screenshot, type Rgb } from '../helpers/screenshot.js';
import { notInWebKit } from '../helpers/engines.js';

const POSTERS = { white: '/test/fixtures/poster-white.svg', black: '/test/fixtures/poster-black.svg' };

/** A facade `width` CSS pixels wide over a solid poster, after a focusable button (so Tab reaches the play button by keyboard). */
async function facade(poster: string, width: number) {
  const wrap = await fixture<HTMLDivElement>(
    html`<div>
      <button id="before">before</button>
      <fragment-player
        src="/demo/media/interview-32m/video.m3u8"
        start="2:22"
        label="Een los fragment"
        poster=${poster}
      ></fragment-player>
    </div>`,
  );
  const player = wrap.querySelector<FragmentPlayer>('fragment-player')!;
  player.style.width = `${width}px`;
  await player.updateComplete;
  const root = player.shadowRoot!;
  const image = root.querySelector<HTMLImageElement>('[part~="poster"]')!;
  await image.decode();
  await rendered();
  return { wrap, root, button: root.querySelector<HTMLButtonElement>('[part~="play-button"]')! };
}

// A phone's column, where a scrim leaves the label least behind it, and a blog's.
for (const [name, poster] of Object.entries(POSTERS))
  for (const width of [320, 640]) {
    describe(`the facade ${width} px wide on a ${name} poster`, () => {
      before(function () {
        notInWebKit(this, 'the screenshot command takes pictures through Puppeteer, which does not drive WebKit');
      });
      it('keeps its play label at 4.5:1 or more against every pixel behind the text', async () => {
        const { root } = await facade(poster, width);
        const text = root.querySelector('.play-text')!;
        const color = getComputedStyle(text)
          .color.match(/[\d.]+/g)!
          .slice(0, 3)
          .map(Number) as Rgb;
        // The glyphs' box (not the plate's padding), shot with the text made transparent: what is behind it.
        const glyphs = document.createRange();
        glyphs.selectNodeContents(text);
        const rect = boxOf(glyphs);
        expect(rect.width * rect.height, 'the label has a box').to.be.above(100);
        const hide = new CSSStyleSheet();
        hide.replaceSync('.play-text { color: transparent !important; }');
        root.adoptedStyleSheets = [...root.adoptedStyleSheets, hide];
        await rendered();
        const behind = await screenshot(rect);
        let worst = Infinity;
        for (let y = 0; y < behind.height; y++)
          for (let x = 0; x < behind.width; x++) worst = Math.min(worst, contrast(color, pixel(behind, x, y)));
        expect(worst, `label contrast on the ${name} poster (worst pixel)`).to.be.at.least(4.5);
      });

      it('shows a focus ring of 3:1 or more against the poster on every side', async () => {
        const { wrap, root, button } = await facade(poster, width);
        const screen = root.querySelector('[part~="screen"]')!;
        const rect = boxOf(screen);
        wrap.querySelector<HTMLButtonElement>('#before')!.focus();
        await rendered();
        const unfocused = await screenshot(rect);
        await sendKeys({ press: 'Tab' });
        await rendered();
        expect(button.matches(':focus-visible'), 'the play button has keyboard focus').to.equal(true);
        const focused = await screenshot(rect);
        // From the middle of the left, right and top edges inward (the label sits bottom left):
        // pixels whose focused colour stands 3:1 or more against the poster's.
        const depth = 16;
        const [midX, midY] = [Math.floor(focused.width / 2), Math.floor(focused.height / 2)];
        const sides = {
          left: (i: number) => [i, midY],
          right: (i: number) => [focused.width - 1 - i, midY],
          top: (i: number) => [midX, i],
        };
        for (const [side, at] of Object.entries(sides)) {
          let ring = 0;
          for (let i = 0; i < depth; i++) {
            const [x, y] = at(i);
            if (contrast(pixel(focused, x, y), pixel(unfocused, x, y)) >= 3) ring++;
          }
          expect(ring, `pixels of the ring at the ${side} edge standing 3:1 against the ${name} poster`).to.be.at.least(
            2,
          );
        }
      });
    });
  }
