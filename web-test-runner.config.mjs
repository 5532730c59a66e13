// Real browsers only: Debian's Chromium and Firefox ESR, driven by puppeteer-core, and WebKitGTK over WebDriver.
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import * as puppeteer from 'puppeteer-core';
import { testRoutes, requestLogPlugin, securityHeaders } from './test/server/test-server.mjs';
import { countReporter } from './test/server/count-reporter.mjs';
import { defaultReporter } from '@web/test-runner';
import { browserPath, CHROMIUM_ARGS } from './scripts/browsers.mjs';
import { MINIBROWSER, webkitLauncher } from './scripts/webkit.mjs';
import { FORCED_COLORS_FILE, GROUP_BROWSERS, groupOf } from './scripts/test-groups.mjs';

const chromiumPath = browserPath('chromium');
const firefoxPath = browserPath('firefox');
const only = process.env.BROWSERS?.split(',');

// Chromium alone runs two test files at a time: each in a window of its own that believes it has focus
// (DevTools focus emulation), so focus, `:focus-visible` and keyboard tests behave as in the only
// window. Firefox and WebKit run one file at a time: Firefox failed tests that way in a trial (a
// window not in front is not in focus there, and no protocol command says otherwise), and WebKit's
// WebDriver launcher would run files side by side in iframes of one page.
const chromium = chromeLauncher({
  puppeteer,
  // One where another browser's runner runs beside it (scripts/test.mjs).
  concurrency: Number(process.env.KIJKOM_CHROMIUM_FILES ?? 2),
  async createPage({ context }) {
    const page = await context.newPage({ type: 'window' });
    const devtools = await page.createCDPSession();
    await devtools.send('Emulation.setFocusEmulationEnabled', { enabled: true });
    return page;
  },
  launchOptions: {
    executablePath: chromiumPath,
    headless: true,
    args: CHROMIUM_ARGS,
  },
});
chromium.name = 'Chromium';

// The runner sets an 800×600 viewport per test file. Under WebDriver BiDi puppeteer sends that as
// browsingContext.setViewport plus emulation.setScreenOrientationOverride, which Firefox before 144
// (ESR 140) does not know, and every file would fail before its first test. Where only that command is
// unknown, set the viewport alone; the orientation override is not needed by any test.
async function createFirefoxPage({ context }) {
  const page = await context.newPage();
  const setViewport = page.setViewport.bind(page);
  page.setViewport = async (viewport) => {
    try {
      await setViewport(viewport);
    } catch (error) {
      if (!/\(emulation\.setScreenOrientationOverride\): unknown command/.test(error?.message)) throw error;
      await page.mainFrame().browsingContext.setViewport({
        viewport: viewport?.width && viewport?.height ? { width: viewport.width, height: viewport.height } : null,
        devicePixelRatio: viewport?.deviceScaleFactor || null,
      });
    }
  };
  return page;
}

const firefoxLauncher = (prefs = {}) =>
  chromeLauncher({
    puppeteer,
    createPage: createFirefoxPage,
    launchOptions: {
      browser: 'firefox',
      executablePath: firefoxPath,
      headless: true,
      extraPrefsFirefox: {
        ...prefs,
        'media.autoplay.default': 0,
        'media.autoplay.blocking_policy': 0,
        'media.volume_scale': '0.0',
        'media.hardware-video-decoding.enabled': false,
        // No audio device on a test machine: a null audio backend, not a real one that now and then
        // fails (OnMediaSinkAudioError) and turns a test into a lottery. The player's recovery from
        // media errors is tested deterministically with broken segments (the corrupt-N fault).
        'media.cubeb.force_null_context': true,
      },
    },
  });
const firefox = firefoxLauncher();
firefox.name = 'Firefox';
// Forced colours cannot be switched on in a running Firefox (no DevTools protocol under WebDriver
// BiDi): the forced-colours tests get a Firefox of their own launched with them (Chromium emulates them).
const firefoxForced = firefoxLauncher({ 'browser.display.document_color_use': 2 });
firefoxForced.name = 'Firefox';

/**
 * WebKit (Safari's engine): WebKitGTK's MiniBrowser over WebDriver, a browser of its own per test
 * file (scripts/webkit.mjs). In every run unless BROWSERS leaves it out. A test it cannot run says
 * why (test/helpers/engines.ts).
 */
const webkit = () =>
  webkitLauncher({
    'webkitgtk:browserOptions': {
      binary: MINIBROWSER,
      // Play with sound without a gesture, as the other browsers are told to (autoplay is not what is tested).
      args: ['--automation', '--autoplay-policy=allow', '--media-playback-requires-user-gesture=false'],
    },
  });

const browsers = [
  ['chromium', chromium],
  ['firefox', firefox],
  ...(!only || only.includes('webkit') ? [['webkit', webkit()]] : []),
].filter(([name]) => !only || only.includes(name));

/**
 * The oldest supported browsers run what differs between versions (CI's second pass, `npm test --
 * --browsers-only --subset oldest`): media pipelines and codecs, the driver's protocol commands
 * (keys, viewport), CSS features (container queries, forced colours, highlights), CSP and Trusted
 * Types, and the built module's syntax. Everything else is the same code on the same engine.
 */
const SUBSETS = {
  oldest: [
    'test/fragment-player/fragment-player.test.ts',
    'test/fragment-player/streams.test.ts',
    'test/fragment-player/speed-and-captions.test.ts',
    'test/a11y/keyboard.test.ts',
    FORCED_COLORS_FILE,
    'test/theme-page/narrow.test.ts',
    'test/load/reserved-space.test.ts',
    'test/interview-page/transcript.test.ts',
    'test/security/csp.test.ts',
    'test/security/trusted-types.test.ts',
    'test/build/cdn-player.test.ts',
    'test/consumer/consumer.test.ts',
  ],
};

/**
 * `npm test -- <files>` names test files (scripts/test.mjs passes them here), or a subset names
 * them: each group keeps those of its own, and a group left with none is dropped.
 */
const subset = process.env.KIJKOM_TEST_SUBSET;
if (subset && !SUBSETS[subset]) throw new Error(`no test subset named ${subset}: ${Object.keys(SUBSETS).join(', ')}`);
const selected = subset ? SUBSETS[subset] : process.env.KIJKOM_TEST_FILES?.split(',').filter(Boolean);
const select = (groups) =>
  selected
    ? groups
        .map((group) => ({ ...group, files: selected.filter((file) => groupOf(file) === group.name) }))
        .filter((group) => group.files.length > 0)
    : groups;

export default {
  nodeResolve: true,
  rootDir: '.',
  // Lanes running side by side (scripts/test.mjs) each get a port of their own; else the runner picks.
  ...(process.env.KIJKOM_PORT && { port: Number(process.env.KIJKOM_PORT) }),
  // Its output goes through `npm test`, line by line: no progress bar redrawn in place.
  staticLogging: Boolean(process.env.KIJKOM_RUN_REPORT),
  concurrency: 1,
  concurrentBrowsers: 1,
  testFramework: { config: { timeout: 20000 } },
  // Per test file; the slowest takes about a minute alone, under two beside another browser and
  // stress-ng. A WebKit runner of its own (a lane of `npm test`) gives up sooner: there a file that
  // has not finished has as a rule hung (WebKitGTK's MiniBrowser under load), and `npm test` runs
  // it once more in a fresh browser (a slow file counted hung costs that second run, no failure);
  // waiting 5 minutes for a hang cost a run that much.
  testsFinishTimeout: (only?.join() === 'webkit' ? 2.5 : 5) * 60 * 1000,
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }), requestLogPlugin],
  middleware: [testRoutes, securityHeaders],
  reporters: [defaultReporter(), countReporter()],
  // Expected noise: Lit's dev-mode notice, and the catalogue warnings the damaged-input tests cause.
  filterBrowserLogs: ({ args }) => !(typeof args[0] === 'string' && /^(Lit is in dev mode|Kijkom: )/.test(args[0])),
  groups: select([
    { name: 'unit', files: 'test/catalogue/**/*.test.ts' },
    { name: 'elements', files: ['test/**/*.test.ts', '!test/catalogue/**', `!${FORCED_COLORS_FILE}`] },
    { name: 'forced-colors', files: FORCED_COLORS_FILE },
  ])
    .map((group) => ({
      ...group,
      browsers: browsers
        .filter(([name]) => GROUP_BROWSERS[group.name].includes(name))
        .map(([name, launcher]) => (group.name === 'forced-colors' && name === 'firefox' ? firefoxForced : launcher)),
    }))
    .filter((group) => group.browsers.length > 0),
  browsers: browsers.map(([, b]) => b),
};
