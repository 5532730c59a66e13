import { expect } from '@open-wc/testing';
import { embedRequest, interviewPage } from '../../src/embed/embed-request.js';

describe('the embed page’s request (embed.html’s URL, DESIGN §2d)', () => {
  it('a fragment: the player’s catalogue and fragment, and nothing else from the query', () => {
    const request = embedRequest(
      '?catalogue=https%3A%2F%2Fa.example%2Fc.json&fragment=%C3%A9%C3%A9n&onclick=alert(1)&src=x.m3u8&start=3',
    );
    expect(request.attributes).to.deep.equal([
      ['catalogue', 'https://a.example/c.json'],
      ['fragment', 'één'],
    ]);
    expect(request.lang).to.equal(undefined);
  });

  it('an interview, whole or a stretch of it (t=start[,end])', () => {
    expect(embedRequest('?catalogue=c.json&interview=gesprek-a&t=12:05,13:20').attributes).to.deep.equal([
      ['catalogue', 'c.json'],
      ['interview', 'gesprek-a'],
      ['start', '12:05'],
      ['end', '13:20'],
    ]);
    expect(embedRequest('?catalogue=c.json&interview=a&t=30').attributes).to.deep.equal([
      ['catalogue', 'c.json'],
      ['interview', 'a'],
      ['start', '30'],
    ]);
    expect(embedRequest('?catalogue=c.json&interview=a').attributes).to.have.length(2);
  });

  it('a language only when it looks like one', () => {
    expect(embedRequest('?lang=en').lang).to.equal('en');
    expect(embedRequest('?lang=de-AT').lang).to.equal('de-AT');
    expect(embedRequest('?lang="><script>').lang).to.equal(undefined);
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
    expect(interviewPage(catalogue, at, embedRequest('?fragment=f'))).to.equal(
      'https://archief.example/site/gesprekken/a',
    );
    expect(interviewPage(catalogue, at, embedRequest('?interview=a'))).to.equal(
      'https://archief.example/site/gesprekken/a',
    );
    expect(interviewPage(catalogue, at, embedRequest('?interview=b'))).to.equal(undefined);
    expect(interviewPage(catalogue, at, embedRequest('?fragment=none'))).to.equal(undefined);
    expect(interviewPage('not a catalogue', at, embedRequest('?interview=a'))).to.equal(undefined);
  });
});
