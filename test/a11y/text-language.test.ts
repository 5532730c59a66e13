// Language of parts (WCAG 3.1.2): under an English interface the catalogue's Dutch texts carry the
// catalogue's `lang`, so a screen reader reads them with a Dutch voice; our own strings stay English.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import { catalogueUrl, token, until } from '../helpers/media.js';
import { shadow } from '../helpers/dom.js';

/** The language an element's text is read in: its own or its closest ancestor's `lang`, across shadow roots. */
function langOf(el: Element): string | undefined {
  for (let at: Node | null = el; at; at = at.parentNode ?? (at as ShadowRoot).host ?? null) {
    if (at instanceof Element && at.hasAttribute('lang')) return at.getAttribute('lang')!;
  }
  return undefined;
}

describe('language of parts', () => {
  it('a theme page in English: title, introduction, fragment titles and the player title in Dutch', async () => {
    const wrapper = await fixture(
      html`<div lang="en">
        <theme-page catalogue=${catalogueUrl(token())} theme="politiek-ambtelijke-verhoudingen"></theme-page>
      </div>`,
    );
    const page = wrapper.querySelector('theme-page')!;
    const list = await until(() => shadow(page).querySelector('fragment-list'), 'the list');
    const item = await until(() => shadow(list).querySelector('[part~="title"]'), 'an item');
    const player = shadow(page).querySelector('fragment-player')!;
    const playerTitle = await until(() => shadow(player).querySelector('[part~="title"]'), 'the player title');
    expect(langOf(shadow(page).querySelector('[part~="label"]')!), 'our label').to.equal('en');
    expect(shadow(page).querySelector('[part~="label"]')!.textContent).to.equal('Theme');
    for (const [what, el] of [
      ['title', shadow(page).querySelector('[part~="title"]')!],
      ['intro', shadow(page).querySelector('[part~="intro"] p')!],
      ['fragment title', item],
      ['player title', playerTitle],
    ] as const)
      expect(langOf(el), what).to.equal('nl');
    expect(langOf(shadow(list).querySelector('[part~="meta"]')!), 'the list meta (ours)').to.equal('en');
  });

  it('an interview page in English: title, summary and chapters in Dutch, the mode switch in English', async () => {
    const wrapper = await fixture(
      html`<div lang="en">
        <interview-page catalogue=${catalogueUrl(token())} interview="gesprek-i"></interview-page>
      </div>`,
    );
    const page = wrapper.querySelector('interview-page')!;
    const title = await until(() => shadow(page).querySelector('[part~="title"]'), 'the title');
    expect(langOf(title)).to.equal('nl');
    expect(langOf(shadow(page).querySelector('.summary')!)).to.equal('nl');
    expect(langOf(shadow(page).querySelector('[part~="chapter"]')!)).to.equal('nl');
    const legend = shadow(page).querySelector('[part~="modes"] legend')!;
    expect([legend.textContent, langOf(legend)]).to.deep.equal(['The interview', 'en']);
  });
});
