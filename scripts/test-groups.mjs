// Which browsers run which test files: read by web-test-runner.config.mjs (its groups) and by
// scripts/test.mjs (which lanes a selection of files needs).
export const FORCED_COLORS_FILE = 'test/a11y/forced-colors.test.ts';

/** The group a browser test file belongs to. */
export const groupOf = (file) =>
  file === FORCED_COLORS_FILE ? 'forced-colors' : file.startsWith('test/catalogue/') ? 'unit' : 'elements';

/**
 * The browsers each group runs in. Pure logic (test/catalogue/): one browser is enough. Forced
 * colours: WebKitGTK has none to emulate or switch on under WebDriver.
 */
export const GROUP_BROWSERS = {
  unit: ['chromium'],
  elements: ['chromium', 'firefox', 'webkit'],
  'forced-colors': ['chromium', 'firefox'],
};
