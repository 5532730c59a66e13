import { expect, fixture, html } from '@open-wc/testing';
import { Strings, fill, fillNodes, langOf, stringsReady, uiLang } from '../../src/i18n/i18n.js';
import { commonStrings } from '../../src/i18n/common-strings.js';

describe('languages (i18n)', () => {
  it('fill: placeholders from the values, a missing one empty, other braces kept', () => {
    expect(fill('{count} van {total}', { count: 3, total: 26 })).to.equal('3 van 26');
    expect(fill('fout {status}.', {})).to.equal('fout .');
    expect(fill('{ geen plaats }')).to.equal('{ geen plaats }');
  });

  it('fillNodes: text and nodes in the order the language puts them', () => {
    const time = document.createElement('time');
    expect(fillNodes('vanaf {time}', { time })).to.deep.equal(['vanaf ', time, '']);
    expect(fillNodes('{time} lang, {n} keer', { time, n: 2 })).to.deep.equal(['', time, ' lang, ', '2', ' keer']);
  });

  it('a table: Dutch at once; another language loads on first use, Dutch standing in meanwhile', async () => {
    let loads = 0;
    const table = new Strings<'hello'>({
      nl: { hello: 'Hallo {name}' },
      en: () => (loads++, Promise.resolve({ default: { hello: 'Hello {name}' } })),
      de: { hello: 'Guten Tag {name}' },
    });
    expect(table.has('nl')).to.equal(true);
    expect(table.has('de')).to.equal(true);
    expect(table.has('en')).to.equal(false);
    expect(table.t('en', 'hello', { name: 'Ada' })).to.equal('Hallo Ada');
    await table.load('en');
    expect(table.has('en')).to.equal(true);
    expect(table.t('en', 'hello', { name: 'Ada' })).to.equal('Hello Ada');
    await table.load('en');
    expect(loads, 'loaded once').to.equal(1);
  });

  it('a language whose module fails to load (offline): Dutch stands in, and the element is told to update', async () => {
    const table = new Strings<'hello'>({
      nl: { hello: 'Hallo' },
      en: () => Promise.reject(new TypeError('Failed to fetch dynamically imported module')),
      de: () => Promise.reject(new TypeError('Failed to fetch dynamically imported module')),
    });
    let updates = 0;
    const host = { requestUpdate: () => updates++ };
    expect(stringsReady(host, 'en', table)).to.equal(false);
    await table.load('en');
    await Promise.resolve();
    expect(updates).to.equal(1);
    expect(stringsReady(host, 'en', table)).to.equal(true);
    expect(table.t('en', 'hello')).to.equal('Hallo');
  });

  it('the tables before play carry Dutch only; English and German come as modules of their own', async () => {
    expect(commonStrings.has('nl')).to.equal(true);
    await commonStrings.load('de');
    expect(commonStrings.t('de', 'error.http', { status: 404 })).to.equal(
      'Das Archiv konnte nicht geladen werden (Fehler 404).',
    );
  });

  it('uiLang: the base language of a tag, if it ships', () => {
    expect(uiLang('nl')).to.equal('nl');
    expect(uiLang('nl-BE')).to.equal('nl');
    expect(uiLang('EN-gb')).to.equal('en');
    expect(uiLang('de-AT')).to.equal('de');
    expect(uiLang('fr')).to.equal(undefined);
    expect(uiLang('')).to.equal(undefined);
    expect(uiLang(undefined)).to.equal(undefined);
  });

  it("langOf: the closest lang through shadow roots, then the catalogue's language, then Dutch", async () => {
    const wrapper = await fixture(html`<div lang="de"><span id="host"></span></div>`);
    const host = wrapper.querySelector('#host')!;
    const inner = host.attachShadow({ mode: 'open' }).appendChild(document.createElement('b'));
    expect(langOf(inner)).to.equal('de');
    wrapper.setAttribute('lang', 'fr');
    expect(langOf(inner, 'en')).to.equal('en');
    expect(langOf(inner)).to.equal('nl');
    wrapper.removeAttribute('lang');
    const pageLang = document.documentElement.getAttribute('lang');
    document.documentElement.removeAttribute('lang');
    try {
      expect(langOf(inner, 'en-US')).to.equal('en');
      expect(langOf(inner)).to.equal('nl');
    } finally {
      if (pageLang !== null) document.documentElement.setAttribute('lang', pageLang);
    }
  });
});
