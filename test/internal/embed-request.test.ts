import { expect } from '@open-wc/testing';
import { embedRequest, interviewPage } from '../../src/embed/embed-request.js';

/** The embed page, beside the archive's catalogue. */
const PAGE = 'https://a.example/kijkom/embed.html?x';

describe('the embed page’s request (embed.html’s URL, DESIGN §2d)', () => {
  it('a fragment: the player’s catalogue and fragment, and nothing else from the query', () => {
    const request = embedRequest(
      '?catalogue=https%3A%2F%2Fa.example%2Fc.json&fragment=%C3%A9%C3%A9n&onclick=alert(1)&src=x.m3u8&start=3',
      PAGE,
    );
    expect(request.attributes).to.deep.equal([
      ['catalogue', 'https://a.example/c.json'],
      ['fragment', 'één'],
    ]);
    expect(request.lang).to.equal(undefined);
  });

  it('an interview, whole or a stretch of it (t=start[,end])', () => {
    expect(embedRequest('?catalogue=c.json&interview=gesprek-a&t=12:05,13:20', PAGE).attributes).to.deep.equal([
      ['catalogue', 'c.json'],
      ['interview', 'gesprek-a'],
      ['start', '12:05'],
      ['end', '13:20'],
    ]);
    expect(embedRequest('?catalogue=c.json&interview=a&t=30', PAGE).attributes).to.deep.equal([
      ['catalogue', 'c.json'],
      ['interview', 'a'],
      ['start', '30'],
    ]);
    expect(embedRequest('?catalogue=c.json&interview=a', PAGE).attributes).to.have.length(2);
  });

  it('only a catalogue of its own origin, or under a prefix the archive lists; never someone else\u2019s', () => {
    const elsewhere = '?catalogue=https%3A%2F%2Fevil.example%2Fc.json&fragment=f&lang=en';
    expect(embedRequest(elsewhere, PAGE)).to.deep.equal({
      attributes: [],
      lang: 'en',
      refused: 'https://evil.example/c.json',
    });
    expect(embedRequest(elsewhere, PAGE, ['https://evil.example/']).attributes).to.have.length(2);
    // A prefix is a prefix: not a look-alike host.
    expect(embedRequest('?catalogue=https://a.example.evil/c.json', PAGE, ['https://a.example']).refused).to.equal(
      'https://a.example.evil/c.json',
    );
    expect(embedRequest('?catalogue=javascript:alert(1)', PAGE).refused).to.equal('javascript:alert(1)');
    // Relative: from the page's folder, its own origin.
    expect(embedRequest('?catalogue=../c.json&fragment=f', PAGE).refused).to.equal(undefined);
  });

  it('a language only when it looks like one', () => {
    expect(embedRequest('?lang=en', PAGE).lang).to.equal('en');
    expect(embedRequest('?lang=de-AT', PAGE).lang).to.equal('de-AT');
    expect(embedRequest('?lang="><script>', PAGE).lang).to.equal(undefined);
  });

  it('the interview’s page from the catalogue: resolved against it, http(s) only', () => {
    const catalogue = {
      interviews: [
        { id: 'a', url: 'gesprekken/a' },
        { id: 'b', url: 'javascript:alert(1)' },
      ],
      fragments: [{ id: 'f', interview: 'a' }],
    };
    const at = 'https://archief.example/site/catalogue.json';
    expect(interviewPage(catalogue, at, embedRequest('?fragment=f', PAGE))).to.equal(
      'https://archief.example/site/gesprekken/a',
    );
    expect(interviewPage(catalogue, at, embedRequest('?interview=a', PAGE))).to.equal(
      'https://archief.example/site/gesprekken/a',
    );
    expect(interviewPage(catalogue, at, embedRequest('?interview=b', PAGE))).to.equal(undefined);
    expect(interviewPage(catalogue, at, embedRequest('?fragment=none', PAGE))).to.equal(undefined);
    expect(interviewPage('not a catalogue', at, embedRequest('?interview=a', PAGE))).to.equal(undefined);
  });
});
