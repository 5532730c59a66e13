// `npm test`: what runs once (types, lint, the element manifest, the import graph's rules
// (.dependency-cruiser.mjs), the size budget, the packed
// package in fixture apps, the `kijkom` command's tests in Node on the packed package's bin), then
// every browser test in Chromium and Firefox ESR. The last line, which CI reads, counts both:
// "N passed, N failed".
//
//   npm test                                   everything
//   npm test -- test/fragment-player/faults.test.ts [more files]
//                                              those files alone, with what they need prepared
//                                              (media; the build for test/build; the packed apps
//                                              for test/consumer); a .test.mjs under test/cli runs in Node
//   npm test -- --browsers-only [--subset oldest]
//                                              the browser tests alone (CI's second pass, in the
//                                              oldest browsers: the subset named in web-test-runner.config.mjs)
//   BROWSERS=chromium npm test …               one browser
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureMedia } from './make-media.mjs';
import { checkBrowsers } from './browsers.mjs';
import { buildConsumerApps } from '../test/consumer/build-apps.mjs';

const run = (command, args) => spawnSync(command, args, { stdio: 'inherit' }).status === 0;
const bin = (name) => `node_modules/.bin/${name}`;

const args = process.argv.slice(2);
const files = args.filter((arg) => /\.test\.m?[jt]s$/.test(arg)).map((file) => path.relative('.', file));
const browsersOnly = args.includes('--browsers-only');
const subset = args.includes('--subset') ? args[args.indexOf('--subset') + 1] : undefined;
const cliFiles = files.filter((file) => file.endsWith('.test.mjs'));
const browserFiles = files.filter((file) => file.endsWith('.test.ts'));

/** Runs each named step; the first that fails ends the run with a failure counted. */
function steps(list) {
  for (const [name, step] of list) {
    let ok = false;
    const started = performance.now();
    try {
      ok = step();
    } catch (error) {
      console.error(error.message);
    }
    console.log(`-- ${name}: ${ok ? 'ok' : 'FAILED'} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    if (!ok) {
      console.error(`npm test stopped at: ${name}`);
      console.log('0 passed, 1 failed');
      process.exit(1);
    }
  }
}

const selected = files.length > 0;
const needs = (dir) => browserFiles.some((file) => file.startsWith(dir));
steps([
  ['browsers', () => browsersOnly || (selected && !browserFiles.length) || checkBrowsers()],
  ...(selected || browsersOnly
    ? [
        ['build', () => !needs('test/build/') || run('npm', ['run', '--silent', 'build'])],
        // Packing builds too; the apps' step installs the packed command for the CLI tests.
        ['consumer apps', () => !(needs('test/consumer/') || cliFiles.length) || (buildConsumerApps(), true)],
      ]
    : [
        ['types', () => run(bin('tsc'), ['--noEmit', '-p', 'tsconfig.json'])],
        ['lint', () => run('npm', ['run', '--silent', 'lint'])],
        ['manifest', () => run('node', ['scripts/check-manifest.mjs'])],
        ['import graph', () => run(bin('depcruise'), ['src'])],
        ['size budget', () => run('node', ['scripts/check-size.mjs'])],
        ['consumer apps', () => (buildConsumerApps(), true)],
        // The apps' step packed (and so built) the package: what `npm publish` would send, checked.
        ['publish (dry run)', () => run('npm', ['publish', '--dry-run', '--ignore-scripts', '--loglevel=error'])],
      ]),
]);
if (!selected || browserFiles.length || cliFiles.length) await ensureMedia();

/** Runs CLI test files with `node --test`; returns their counts (a runner that died counts as a failure). */
function cliTests(list) {
  const counts = path.join(tmpdir(), `kijkom-cli-counts-${process.pid}.json`);
  const ok = run('node', [
    '--test',
    '--test-concurrency=1',
    ...['--test-reporter=spec', '--test-reporter-destination=stdout'],
    ...['--test-reporter=./test/cli/count-tests.mjs', `--test-reporter-destination=${counts}`],
    ...list,
  ]);
  try {
    const result = JSON.parse(readFileSync(counts, 'utf8'));
    return { ...result, failed: result.failed || (ok ? 0 : 1) };
  } catch {
    return { passed: 0, failed: 1, skipped: 0 };
  } finally {
    rmSync(counts, { force: true });
  }
}

const allCli = () =>
  readdirSync('test/cli')
    .filter((file) => file.endsWith('.test.mjs'))
    .map((file) => `test/cli/${file}`);
const cliList = browsersOnly ? [] : selected ? cliFiles : allCli();
const cli = cliList.length ? cliTests(cliList) : { passed: 0, failed: 0, skipped: 0 };
if (cliList.length) console.log(`kijkom command (Node): ${cli.passed} passed, ${cli.failed} failed`);
if (selected && !browserFiles.length) {
  console.log(`${cli.passed} passed, ${cli.failed} failed`);
  process.exit(cli.failed === 0 ? 0 : 1);
}

/** Runs the browser tests (with `env` added); returns whether they passed and what the count reporter wrote. */
function browserTests(env) {
  const report = path.join(tmpdir(), `kijkom-run-${process.pid}-${Math.random().toString(36).slice(2)}.json`);
  const result = spawnSync(bin('wtr'), ['--config', 'web-test-runner.config.mjs'], {
    stdio: 'inherit',
    env: { ...process.env, ...env, KIJKOM_RUN_REPORT: report },
  });
  try {
    return { ok: result.status === 0, ...JSON.parse(readFileSync(report, 'utf8')) };
  } catch {
    // No report: the runner itself failed.
    return { ok: false, passed: 0, failed: 1, skipped: 0, hung: [] };
  } finally {
    rmSync(report, { force: true });
  }
}

const started = performance.now();
let outcome = browserTests({
  KIJKOM_EXTRA_COUNTS: JSON.stringify(cli),
  ...(selected && { KIJKOM_TEST_FILES: browserFiles.join(',') }),
  ...(subset && { KIJKOM_TEST_SUBSET: subset }),
});
// A WebKit file whose browser stopped answering (WebKitGTK's MiniBrowser, now and then, on a busy
// machine; scripts/webkit.mjs) runs once more in a fresh browser, and its counts replace the
// first ones. Said plainly: a hang again, or a test that fails, still fails the run.
if (outcome.hung.length) {
  const files = outcome.hung.map((entry) => entry.file);
  console.log(
    `\nWebKit stopped answering in ${files.join(', ')}: running ${files.length > 1 ? 'them' : 'it'} once more in a fresh WebKit.`,
  );
  const again = browserTests({ BROWSERS: 'webkit', KIJKOM_TEST_FILES: files.join(','), KIJKOM_EXTRA_COUNTS: '{}' });
  const minus = (key) => outcome.hung.reduce((sum, entry) => sum + entry[key], 0);
  const merged = Object.fromEntries(
    ['passed', 'failed', 'skipped'].map((key) => [key, outcome[key] - minus(key) + again[key]]),
  );
  console.log(
    `Again: ${again.passed} passed, ${again.failed} failed (the first try's ${minus('failed')} failures of ${files.join(', ')} replaced)`,
  );
  outcome = { ...merged, ok: merged.failed === 0 && again.ok };
  console.log(
    `\n${outcome.passed} passed, ${outcome.failed} failed${outcome.skipped ? `, ${outcome.skipped} skipped` : ''}`,
  );
}
console.log(`-- browser tests: ${((performance.now() - started) / 60000).toFixed(1)} min`);
process.exit(outcome.ok && cli.failed === 0 ? 0 : 1);
