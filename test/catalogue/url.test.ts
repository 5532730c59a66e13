import { expect } from '@open-wc/testing';
import { resolveUrl } from '../../src/catalogue/url.js';

/** A catalogue on another origin and path than this test page. */
const CATALOGUE = 'https://archief.example/data/v1/catalogue.json';

/** Asserts that `value` resolves against `base`, and returns the URL. */
function resolved(value: unknown, base = CATALOGUE): string {
  const result = resolveUrl(value, base);
  if (!result.ok) throw new Error(`expected ${JSON.stringify(value)} to resolve, got "${result.reason}"`);
  return result.url;
}

/** Asserts that `value` is refused, and returns the reason. */
function refusal(value: unknown, base = CATALOGUE): string {
  const result = resolveUrl(value, base);
  if (result.ok) throw new Error(`expected ${JSON.stringify(value)} to be refused, got ${result.url}`);
  expect(result.reason).to.be.a('string').and.not.equal('');
  return result.reason;
}

describe('resolveUrl', () => {
  describe('relative URLs', () => {
    it('resolve against the catalogue URL, not the page', () => {
      expect(new URL(document.baseURI).origin).to.not.equal(new URL(CATALOGUE).origin);
      expect(resolved('media/a.m3u8')).to.equal('https://archief.example/data/v1/media/a.m3u8');
      expect(resolved('../img/p.jpg')).to.equal('https://archief.example/data/img/p.jpg');
      expect(resolved('/root.mp4')).to.equal('https://archief.example/root.mp4');
      expect(resolved('?v=2')).to.equal('https://archief.example/data/v1/catalogue.json?v=2');
      expect(resolved('  media/a.m3u8  ')).to.equal('https://archief.example/data/v1/media/a.m3u8');
    });

    it('resolve against a same-origin catalogue URL, not the page path', () => {
      const base = new URL('/some/deep/dir/catalogue.json', location.href).href;
      expect(resolved('media/a.mp4', base)).to.equal(new URL('/some/deep/dir/media/a.mp4', location.href).href);
      expect(resolved('media/a.mp4', base)).to.not.equal(new URL('media/a.mp4', document.baseURI).href);
    });

    it('ignore a <base href> in the document', () => {
      const base = document.createElement('base');
      base.href = 'https://elsewhere.example/base/dir/';
      document.head.prepend(base);
      try {
        expect(document.baseURI).to.equal('https://elsewhere.example/base/dir/');
        expect(resolved('media/a.m3u8')).to.equal('https://archief.example/data/v1/media/a.m3u8');
        expect(resolved('//cdn.example/x.mp4')).to.equal('https://cdn.example/x.mp4');
      } finally {
        base.remove();
      }
      expect(document.baseURI).to.not.equal('https://elsewhere.example/base/dir/');
    });

    it('take the scheme of the catalogue when protocol-relative', () => {
      expect(resolved('//cdn.example/x.mp4', 'http://archief.example/c.json')).to.equal('http://cdn.example/x.mp4');
    });
  });

  describe('absolute URLs', () => {
    it('keeps http and https as they are', () => {
      expect(resolved('https://cdn.example/a/b.m3u8?x=1#t=3')).to.equal('https://cdn.example/a/b.m3u8?x=1#t=3');
      expect(resolved('http://cdn.example/a.mp4')).to.equal('http://cdn.example/a.mp4');
    });

    it('normalises an upper-case http scheme', () => {
      expect(resolved('HTTPS://cdn.example/a.mp4')).to.equal('https://cdn.example/a.mp4');
    });
  });

  describe('refuses every other scheme', () => {
    const cases: [string, string][] = [
      ['javascript:', 'javascript:alert(1)'],
      ['upper-case JAVASCRIPT:', 'JAVASCRIPT:alert(1)'],
      ['mixed-case JavaScript:', 'JavaScript:alert(1)'],
      ['javascript: after leading spaces', '   javascript:alert(1)'],
      ['javascript: after leading tabs and newlines', '\t\n\r javascript:alert(1)'],
      ['javascript: after a leading control character', '\u0000javascript:alert(1)'],
      ['javascript: with a tab inside the scheme', 'java\tscript:alert(1)'],
      ['javascript: with a newline inside the scheme', 'java\nscript:alert(1)'],
      ['data:', 'data:text/html,<script>alert(1)</script>'],
      ['data: base64', 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='],
      ['vbscript:', 'vbscript:msgbox(1)'],
      ['file:', 'file:///etc/passwd'],
      ['blob:', 'blob:https://archief.example/1b2c3d'],
      ['ftp:', 'ftp://archief.example/a.mp4'],
    ];
    for (const [name, value] of cases) {
      it(name, () => {
        expect(refusal(value)).to.match(/scheme/);
      });
    }
  });

  describe('refuses what is not a URL', () => {
    const cases: [string, unknown][] = [
      ['the empty string', ''],
      ['whitespace only', ' \t\n'],
      ['a number', 42],
      ['null', null],
      ['undefined', undefined],
      ['an object', { href: 'https://cdn.example/a.mp4' }],
      ['a URL object', new URL('https://cdn.example/a.mp4')],
      ['an array', ['https://cdn.example/a.mp4']],
      ['a boolean', true],
    ];
    for (const [name, value] of cases) {
      it(name, () => {
        refusal(value);
      });
    }

    it('an unparsable URL', () => {
      refusal('http://[not-an-ipv6]/');
    });
  });
});
