import { expect } from '@open-wc/testing';
import { embedSnippet, iframeSnippet, shareLink } from '../../src/catalogue/clip-links.js';

const page = 'https://blog.example/post?id=3#comments';

describe('share', () => {
  it('links to the canonical interview page with a media fragment when the catalogue has one', () => {
    const link = shareLink(
      { src: 'https://m.example/v.m3u8', start: 142, end: 205.5, interviewUrl: 'https://example.org/gesprekken/a' },
      page,
    );
    expect(link).to.equal('https://example.org/gesprekken/a#t=142,205.5');
  });

  it('links to this page with #fragment=<id> (percent-encoded) otherwise, replacing any hash', () => {
    expect(shareLink({ src: 'https://m.example/v.m3u8', start: 1, fragmentId: 'één & twee' }, page)).to.equal(
      'https://blog.example/post?id=3#fragment=%C3%A9%C3%A9n%20%26%20twee',
    );
    expect(shareLink({ src: 'https://m.example/v.m3u8', start: 1, elementId: 'quote-1' }, page)).to.equal(
      'https://blog.example/post?id=3#fragment=quote-1',
    );
  });

  it('makes a snippet with absolute URLs and escaped attribute values', () => {
    const snippet = embedSnippet(
      {
        catalogue: 'https://a.example/c.json',
        fragmentId: 'x"><script>alert(1)</script>',
        src: 'https://m.example/v.m3u8',
        start: 1,
        label: '<b>Een titel</b>',
        person: 'Spreker A',
      },
      'https://cdn.example/kijkom.js',
      'https://blog.example/post#fragment=x',
    );
    expect(snippet).to.equal(
      '<script type="module" src="https://cdn.example/kijkom.js"></script><fragment-player catalogue="https://a.example/c.json" fragment="x&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"><a href="https://blog.example/post#fragment=x">&lt;b&gt;Een titel&lt;/b&gt; — Spreker A</a></fragment-player>',
    );
    // Parsed back, the hostile id is only an attribute value.
    const doc = new DOMParser().parseFromString(snippet, 'text/html');
    expect(doc.querySelectorAll('script')).to.have.length(1);
    expect(doc.querySelector('fragment-player')?.getAttribute('fragment')).to.equal('x"><script>alert(1)</script>');
    // The link inside the tag, what a page without the script shows: its words are text, not markup.
    expect(doc.querySelector('fragment-player > a')?.textContent).to.equal('<b>Een titel</b> — Spreker A');
  });

  it('an iframe snippet: the embed page beside our module, as DESIGN §2d has its URL; none without a catalogue of its origin', () => {
    const fragment = {
      catalogue: 'https://a.example/c.json',
      fragmentId: 'één"><x>',
      src: 'https://m.example/v.m3u8',
      start: 142,
      label: 'Een titel',
      person: 'Spreker A',
    };
    const script = 'https://a.example/kijkom/1.2.0/kijkom.js';
    const frameOf = (snippet?: string) =>
      new DOMParser().parseFromString(snippet ?? '', 'text/html').querySelector('iframe')!;
    const frame = frameOf(iframeSnippet(fragment, script, 'en'));
    expect(frame.title).to.equal('Een titel — Spreker A');
    expect(frame.hasAttribute('allowfullscreen')).to.equal(true);
    const src = new URL(frame.getAttribute('src')!);
    expect(src.origin + src.pathname).to.equal('https://a.example/kijkom/1.2.0/embed.html');
    expect([...src.searchParams]).to.deep.equal([
      ['catalogue', 'https://a.example/c.json'],
      ['fragment', 'één"><x>'],
      ['lang', 'en'],
    ]);
    const whole = frameOf(
      iframeSnippet({ ...fragment, fragmentId: undefined, interviewId: 'gesprek-a', end: 160 }, script, 'nl'),
    );
    expect([...new URL(whole.getAttribute('src')!).searchParams]).to.deep.equal([
      ['catalogue', 'https://a.example/c.json'],
      ['interview', 'gesprek-a'],
      ['t', '142,160'],
      ['lang', 'nl'],
    ]);
    expect(iframeSnippet({ src: 'https://m.example/v.m3u8', start: 1 }, script, 'nl')).to.equal(undefined);
    // A catalogue of another origin than the embed page's: the page would not show it, so no snippet.
    expect(iframeSnippet(fragment, 'https://cdn.example/kijkom.js', 'nl')).to.equal(undefined);
  });

  it('carries src, times and label in src mode', () => {
    const snippet = embedSnippet(
      { src: 'https://m.example/v.m3u8', start: 142, end: 160, label: 'A & B' },
      'https://cdn.example/kijkom.js',
      page,
    );
    const player = new DOMParser().parseFromString(snippet, 'text/html').querySelector('fragment-player')!;
    expect([...player.attributes].map((a) => [a.name, a.value])).to.deep.equal([
      ['src', 'https://m.example/v.m3u8'],
      ['start', '142'],
      ['end', '160'],
      ['label', 'A & B'],
    ]);
  });

  it('a whole interview: links with #t= to its canonical page or this one, and embeds by interview id and times', () => {
    const whole = {
      catalogue: 'https://a.example/c.json',
      interviewId: 'gesprek-a',
      src: 'https://m.example/v.m3u8',
      start: 754,
    };
    expect(shareLink(whole, page)).to.equal('https://blog.example/post?id=3#t=754');
    expect(shareLink({ ...whole, interviewUrl: 'https://example.org/gesprekken/a' }, page)).to.equal(
      'https://example.org/gesprekken/a#t=754',
    );
    const snippet = embedSnippet({ ...whole, end: 800 }, 'https://cdn.example/kijkom.js', page);
    const player = new DOMParser().parseFromString(snippet, 'text/html').querySelector('fragment-player')!;
    expect([...player.attributes].map((a) => [a.name, a.value])).to.deep.equal([
      ['catalogue', 'https://a.example/c.json'],
      ['interview', 'gesprek-a'],
      ['start', '754'],
      ['end', '800'],
    ]);
  });
});
