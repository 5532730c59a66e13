// Kijkom under Trusted Types (the strict CSP plus `require-trusted-types-for 'script'`), where the
// browser has them. Lit renders through a policy named `lit-html`; we create no other one.
import { expect } from '@open-wc/testing';
import { token, until } from '../helpers/media.js';
import {
  STRICT_CSP,
  openFrame,
  otherViolations,
  playFrom,
  removeFrames,
  themeTitle,
  type FrameWindow,
} from './frame.js';

const REQUIRE = "require-trusted-types-for 'script'";
const POLICIES: Record<string, string> = {
  require: `${STRICT_CSP}; ${REQUIRE}`,
  lit: `${STRICT_CSP}; ${REQUIRE}; trusted-types lit-html`,
  'lit-dup': `${STRICT_CSP}; ${REQUIRE}; trusted-types lit-html 'allow-duplicates'`,
};
const page = (tt: string, extra = '') => `/test/security/csp-page.html?token=${token()}&tt=${tt}${extra}`;

/** Opens the page under `tt` after checking the server really sends that policy. */
async function open(tt: string, extra = '') {
  const url = page(tt, extra);
  expect((await fetch(url)).headers.get('content-security-policy')).to.equal(POLICIES[tt]);
  return openFrame(url);
}

/** The theme renders, a catalogue fragment plays from its start through hls.js, and nothing is reported. */
async function rendersAndPlays(win: FrameWindow, doc: Document) {
  expect(win.kijkomTest.status, win.kijkomTest.errors.join('\n')).to.equal('ready');
  expect((await themeTitle(doc)).textContent).to.equal('Politiek-ambtelijke verhoudingen');
  const { media, time } = await playFrom(doc, 'catalogue-player', 25 * 60 + 14);
  expect(time).to.be.within(25 * 60 + 14, 25 * 60 + 14 + 1.5);
  expect(media.src).to.match(/^blob:/);
  expect(await otherViolations(win)).to.deep.equal([]);
  expect(win.kijkomTest.errors).to.deep.equal([]);
}

/** Calls `action` in the frame and returns the name of the error it threw ('' when none). */
const thrown = (action: () => unknown) => {
  try {
    action();
    return '';
  } catch (error) {
    return (error as Error).name;
  }
};

if ('trustedTypes' in window) {
  describe('Trusted Types', () => {
    afterEach(removeFrames);

    it(`renders and plays under ${REQUIRE}, which is enforced (a string to innerHTML throws and is reported)`, async () => {
      const { win, doc } = await open('require');
      await rendersAndPlays(win, doc);
      // We install no default policy (that would let any string through for the whole page).
      expect(win.trustedTypes.defaultPolicy).to.equal(null);
      const div = doc.createElement('div');
      div.id = 'sink';
      expect(thrown(() => (div.innerHTML = '<b>x</b>'))).to.equal('TypeError');
      await until(
        () => win.kijkomTest.violations.some((v) => v.directive === 'require-trusted-types-for'),
        'the innerHTML violation',
      );
    });

    it('renders and plays with `trusted-types lit-html`: Lit made its policy, and nothing else made one', async () => {
      const { win, doc } = await open('lit');
      await rendersAndPlays(win, doc);
      const violations = win.kijkomTest.violations;
      // Another name is refused and reported, so a policy of ours or hls.js's would have shown up above.
      expect(thrown(() => win.trustedTypes.createPolicy('kijkom-other', {}))).to.equal('TypeError');
      await until(() => violations.some((v) => v.directive === 'trusted-types'), 'the trusted-types violation');
      // A second `lit-html` is refused only because one exists: Lit's own.
      const before = violations.length;
      expect(thrown(() => win.trustedTypes.createPolicy('lit-html', {}))).to.equal('TypeError');
      await until(() => violations.length > before, 'the duplicate policy violation');
    });

    it("renders and plays beside a host's own lit-html with `trusted-types lit-html 'allow-duplicates'`", async () => {
      const { win, doc } = await open('lit-dup', '&lit=host');
      expect(doc.querySelector('#host-lit p')?.textContent).to.equal("Rendered by the host's own lit-html");
      expect((win as unknown as { litHtmlVersions: string[] }).litHtmlVersions).to.have.length(2);
      await rendersAndPlays(win, doc);
    });

    it("fails to load beside a host's own lit-html without 'allow-duplicates' (why a host with Lit needs it)", async () => {
      const { win, doc } = await open('lit', '&lit=host');
      expect(doc.querySelector('#host-lit p')?.textContent).to.equal("Rendered by the host's own lit-html");
      expect(win.kijkomTest.status).to.equal('failed');
      expect(win.kijkomTest.errors.join('\n')).to.contain('lit-html');
      expect(win.customElements.get('theme-page')).to.equal(undefined);
      await until(
        () => win.kijkomTest.violations.some((v) => v.directive === 'trusted-types'),
        'the trusted-types violation',
      );
    });
  });
} else {
  describe('Trusted Types', () => {
    it('are not supported by this browser (no window.trustedTypes): the Trusted Types tests run in browsers that have them', () => {
      expect('trustedTypes' in window).to.equal(false);
      expect('TrustedHTML' in window).to.equal(false);
    });
  });
}
