// Parts of the elements a page renders are styleable from the host page (`exportparts`), and the
// manifest names exactly the parts that are forwarded.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import { catalogueUrl, token, until } from '../helpers/media.js';

interface Part {
  name: string;
  description: string;
}
interface Declaration {
  tagName?: string;
  cssParts?: Part[];
}

async function manifestParts(tag: string): Promise<string[]> {
  const manifest = await (await fetch('/custom-elements.json')).json();
  const declarations: Declaration[] = manifest.modules.flatMap(
    (m: { declarations?: Declaration[] }) => m.declarations ?? [],
  );
  return declarations.find((d) => d.tagName === tag)!.cssParts!.map((p) => p.name);
}

/** The names a child's `exportparts` makes visible on its host. */
const exported = (child: Element) =>
  child
    .getAttribute('exportparts')!
    .split(',')
    .map((entry) => entry.split(':').at(-1)!.trim());

describe('forwarded parts', () => {
  it('theme-page::part(play-button) styles the stage player, and the manifest lists what is forwarded', async () => {
    const style = document.createElement('style');
    style.textContent = 'theme-page::part(play-button) { outline: 7px solid rgb(1, 2, 3); }';
    document.head.append(style);
    try {
      const el = await fixture(
        html`<theme-page catalogue=${catalogueUrl(token())} theme="politiek-ambtelijke-verhoudingen"></theme-page>`,
      );
      const player = await until(() => el.shadowRoot!.querySelector('fragment-player'), 'the stage player');
      const button = await until(() => player.shadowRoot!.querySelector('[part~="play-button"]'), 'its play button');
      expect(getComputedStyle(button).outlineColor).to.equal('rgb(1, 2, 3)');
      const list = el.shadowRoot!.querySelector('fragment-list')!;
      const documented = await manifestParts('theme-page');
      for (const name of [...exported(player), ...exported(list)]) expect(documented, name).to.include(name);
      // Every part the player documents is forwarded (under the page's prefix where the page has its own).
      const own = new Set(['base', 'title', 'meta', 'error', 'retry']);
      const playerParts = (await manifestParts('fragment-player')).map((name) =>
        own.has(name) ? `player-${name}` : name,
      );
      expect(exported(player)).to.have.members(playerParts);
      expect(documented).to.include.members(['play-button', 'player-title', 'list-title', 'item-button']);
    } finally {
      style.remove();
    }
  });

  it('interview-page and fragment-list forward what the manifest says', async () => {
    const t = token();
    const page = await fixture(
      html`<interview-page catalogue=${catalogueUrl(t)} interview="gesprek-a"></interview-page>`,
    );
    const player = await until(() => page.shadowRoot!.querySelector('fragment-player'), 'the player');
    const list = page.shadowRoot!.querySelector('fragment-list')!;
    const pageParts = await manifestParts('interview-page');
    for (const name of [...exported(player), ...exported(list)]) expect(pageParts, name).to.include(name);

    const standalone = await fixture(
      html`<fragment-list catalogue=${catalogueUrl(t)} interview="gesprek-a"></fragment-list>`,
    );
    const item = await until(
      () => standalone.shadowRoot!.querySelector<HTMLButtonElement>('[part~="item-button"]'),
      'an item',
    );
    item.click();
    const inline = await until(() => standalone.shadowRoot!.querySelector('fragment-player'), 'the inline player');
    const listParts = await manifestParts('fragment-list');
    for (const name of exported(inline)) expect(listParts, name).to.include(name);
  });
});
