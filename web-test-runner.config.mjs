// Real browsers only: Debian's Chromium and Firefox ESR, driven by puppeteer-core.
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import * as puppeteer from 'puppeteer-core';
import { testRoutes, requestLogPlugin, securityHeaders } from './test/server/test-server.mjs';
import { countReporter } from './test/server/count-reporter.mjs';
import { defaultReporter } from '@web/test-runner';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const firefoxPath = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const only = process.env.BROWSERS?.split(',');

const chromium = chromeLauncher({
  puppeteer,
  launchOptions: {
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--autoplay-policy=no-user-gesture-required',
      '--mute-audio',
    ],
  },
});
chromium.name = 'Chromium';

const firefox = chromeLauncher({
  puppeteer,
  launchOptions: {
    browser: 'firefox',
    executablePath: firefoxPath,
    headless: true,
    extraPrefsFirefox: {
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
firefox.name = 'Firefox';

const browsers = [
  ['chromium', chromium],
  ['firefox', firefox],
].filter(([name]) => !only || only.includes(name));

export default {
  nodeResolve: true,
  rootDir: '.',
  concurrency: 1,
  concurrentBrowsers: 1,
  testFramework: { config: { timeout: 20000 } },
  testsFinishTimeout: 10 * 60 * 1000,
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }), requestLogPlugin],
  middleware: [testRoutes, securityHeaders],
  reporters: [defaultReporter(), countReporter()],
  groups: [
    // Pure logic: one browser is enough.
    {
      name: 'unit',
      files: 'test/catalogue/**/*.test.ts',
      browsers: browsers.filter(([n]) => n === 'chromium').map(([, b]) => b),
    },
    { name: 'elements', files: ['test/**/*.test.ts', '!test/catalogue/**'], browsers: browsers.map(([, b]) => b) },
  ],
  browsers: browsers.map(([, b]) => b),
};
