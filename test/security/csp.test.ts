// Kijkom under a strict Content-Security-Policy: no inline script or style, no eval, media from
// blob: (Media Source Extensions) only. The page under test runs in a same-origin iframe.
import { expect } from '@open-wc/testing';
import { token, until } from '../helpers/media.js';
import { STRICT_CSP, openFrame, otherViolations, playFrom, removeFrames, themeTitle } from './frame.js';

const page = (t: string) => `/test/security/csp-page.html?token=${t}`;

describe('strict CSP', () => {
  afterEach(removeFrames);

  it('serves the page with the strict policy, and our code as JavaScript files only (no inline script)', async () => {
    const response = await fetch(page(token()));
    expect(response.headers.get('content-security-policy')).to.equal(STRICT_CSP);
    const module = await fetch('/test/security/csp-page.ts');
    expect(module.headers.get('content-type')).to.match(/^(application|text)\/javascript\b/);
    const { win, doc } = await openFrame(page(token()));
    expect(win.kijkomTest.status).to.equal('ready');
    // Ours by src= only; the dev server adds its own web-socket client, also by src= (no inline script).
    const scripts = [...doc.scripts];
    expect(scripts.filter((s) => !s.hasAttribute('src')).map((s) => s.outerHTML)).to.deep.equal([]);
    expect(scripts.map((s) => s.getAttribute('src'))).to.include.members(['./recorder.js', './csp-page.ts']);
    expect(scripts.every((s) => new URL(s.src).origin === location.origin)).to.equal(true);
    expect(win.customElements.get('theme-page')).to.not.equal(undefined);
  });

  it('renders a theme page and plays a catalogue fragment with hls.js from its start, without a violation', async () => {
    const { win, doc } = await openFrame(page(token()));
    expect((await themeTitle(doc)).textContent).to.equal('Politiek-ambtelijke verhoudingen');
    const { media, time } = await playFrom(doc, 'catalogue-player', 25 * 60 + 14);
    expect(time).to.be.within(25 * 60 + 14, 25 * 60 + 14 + 1.5);
    // hls.js feeds the element through Media Source Extensions: a blob: URL (media-src blob:).
    expect(media.src).to.match(/^blob:/);
    // The playing controls are up (their timeline is painted with style.setProperty, allowed).
    await until(
      () =>
        media.getRootNode() instanceof win.ShadowRoot &&
        (media.getRootNode() as ShadowRoot).querySelector('[part~="seek"]'),
      'the timeline',
    );
    expect(await otherViolations(win)).to.deep.equal([]);
    expect(win.kijkomTest.errors).to.deep.equal([]);
  });

  it('plays an MP4 source (src="…/video.mp4" start="10") without a violation', async () => {
    const { win, doc } = await openFrame(page(token()));
    // Played directly, with the start as a media fragment (the test server answers byte ranges).
    const { media } = await playFrom(doc, 'mp4-player', 10);
    // It began at 10 s, not from 0 and played up to it.
    expect(media.played.start(0)).to.be.within(9.9, 10.5);
    expect(media.currentSrc).to.match(/\/interview-32m\/video\.mp4#t=10$/);
    expect(media.src).to.not.match(/^blob:/);
    expect(await otherViolations(win)).to.deep.equal([]);
    expect(win.kijkomTest.errors).to.deep.equal([]);
  });

  it('records violations: an inline script and style attributes (in the page and in a shadow root) are blocked and reported (positive control)', async () => {
    const { win, doc } = await openFrame(page(token()));
    const script = doc.createElement('script');
    script.id = 'inline-script';
    script.textContent = 'window.inlineRan = true;';
    doc.body.append(script);
    const styled = doc.createElement('div');
    styled.id = 'styled';
    doc.body.append(styled);
    styled.setAttribute('style', 'color: red');
    // Inside one of our shadow roots too: that is where our own mistakes would be.
    const title = await themeTitle(doc);
    title.id = 'styled-in-shadow';
    title.setAttribute('style', 'color: red');
    const violations = win.kijkomTest.violations;
    await until(() => violations.length >= 3, 'three violations');
    expect((win as unknown as { inlineRan?: boolean }).inlineRan).to.equal(undefined);
    expect(violations.map((v) => `${v.directive} ${v.target}`)).to.have.members([
      'script-src-elem inline-script',
      'style-src-attr styled',
      'style-src-attr styled-in-shadow',
    ]);
  });
});
