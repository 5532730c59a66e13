// `npm test`: the packed package in fixture apps (and `npm publish --dry-run`), the `kijkom`
// command's tests in Node on the packed package's bin, then every browser test in Chromium,
// Firefox ESR and WebKit (in lanes: `phases` below) and, beside them from the start, what runs once:
// types, lint, the element manifest, the import graph's rules (.dependency-cruiser.mjs), the size
// budget. The last line, which CI reads, counts them all: "N passed, N failed".
//
//   npm test                                   everything
//   npm test -- test/fragment-player/faults.test.ts [more files]
//                                              those files alone, with what they need prepared
//                                              (media; the build for test/build; the packed apps
//                                              for test/consumer); a .test.mjs under test/cli runs in Node
//   npm test -- --browsers-only [--subset oldest]
//                                              the browser tests alone (CI's second pass, in the
//                                              oldest browsers: the subset named in web-test-runner.config.mjs)
//   BROWSERS=chromium npm test …               one browser (or several, comma-separated)
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { ensureMedia } from './make-media.mjs';
import { checkBrowsers } from './browsers.mjs';
import { GROUP_BROWSERS, groupOf } from './test-groups.mjs';
import { buildConsumerApps } from '../test/consumer/build-apps.mjs';

const run = (command, args) => spawnSync(command, args, { stdio: 'inherit' }).status === 0;
const bin = (name) => `node_modules/.bin/${name}`;

const args = process.argv.slice(2);
const files = args.filter((arg) => /\.test\.m?[jt]s$/.test(arg)).map((file) => path.relative('.', file));
const browsersOnly = args.includes('--browsers-only');
const subset = args.includes('--subset') ? args[args.indexOf('--subset') + 1] : undefined;
const cliFiles = files.filter((file) => file.endsWith('.test.mjs'));
const browserFiles = files.filter((file) => file.endsWith('.test.ts'));

/** Runs each named step (awaited); the first that fails ends the run with a failure counted. */
async function steps(list) {
  for (const [name, step] of list) {
    let ok = false;
    const started = performance.now();
    try {
      ok = await step();
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
// The sample media renders (ffmpeg) while the package is packed and the apps build.
const media = ensureMedia();
// Its failure is reported where it is awaited, below, not as an unhandled rejection meanwhile.
media.catch(() => {});
await steps([
  ['browsers', () => browsersOnly || (selected && !browserFiles.length) || checkBrowsers()],
  ...(selected || browsersOnly
    ? [
        ['build', () => !needs('test/build/') || run('npm', ['run', '--silent', 'build'])],
        // Packing builds too; the apps' step installs the packed command for the CLI tests.
        [
          'consumer apps',
          async () => !(needs('test/consumer/') || cliFiles.length) || (await buildConsumerApps(), true),
        ],
      ]
    : [
        ['consumer apps', async () => (await buildConsumerApps(), true)],
        // The apps' step packed (and so built) the package: what `npm publish` would send, checked.
        ['publish (dry run)', () => run('npm', ['publish', '--dry-run', '--ignore-scripts', '--loglevel=error'])],
      ]),
]);

/** Runs a command, its output going to ours; resolves with whether it succeeded. */
const runAside = (command, args) =>
  new Promise((resolve) =>
    spawn(command, args, { stdio: 'inherit' })
      // Not started at all (a missing binary): a failure like any other.
      .on('error', (error) => {
        console.error(error.message);
        resolve(false);
      })
      .on('close', (status) => resolve(status === 0)),
  );

/** Runs CLI test files with `node --test`; returns their counts (a runner that died counts as a failure). */
async function cliTests(list) {
  const counts = path.join(tmpdir(), `kijkom-cli-counts-${process.pid}.json`);
  const ok = await runAside('node', [
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

/**
 * The checks that need no browser run beside the browser tests, one after another (the browsers
 * wait for media and pages, these for the processor): types, lint, the manifest, the import graph,
 * the size budget. A check that fails counts as one failure, and is named.
 */
async function checksAside() {
  const checks = [
    ['types', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']],
    ['lint', 'npm', ['run', '--silent', 'lint']],
    ['manifest', 'node', ['scripts/check-manifest.mjs']],
    ['import graph', bin('depcruise'), ['src']],
    ['size budget', 'node', ['scripts/check-size.mjs']],
  ];
  const failures = [];
  for (const [name, command, args] of checks) {
    const started = performance.now();
    const ok = await runAside(command, args);
    console.log(`-- ${name}: ${ok ? 'ok' : 'FAILED'} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    if (!ok) failures.push(`check ${name} failed`);
  }
  return failures;
}

const aside = selected || browsersOnly ? Promise.resolve([]) : checksAside();
// The sample media, which the command's tests package too.
await media;
// The command's Node tests before the browsers: a browser test plays the stream `kijkom media`
// writes in them (test/cli/cli-stream.test.ts).
const cliList = browsersOnly ? [] : selected ? cliFiles : allCli();
const cli = cliList.length ? await cliTests(cliList) : { passed: 0, failed: 0, skipped: 0 };
if (cliList.length) console.log(`kijkom command (Node): ${cli.passed} passed, ${cli.failed} failed`);
if (selected && !browserFiles.length) {
  console.log(`${cli.passed} passed, ${cli.failed} failed`);
  process.exit(cli.failed === 0 ? 0 : 1);
}

/**
 * The browser tests run in lanes, a runner per browser, never more than two test files at once
 * (two cores): two browsers side by side, one file each, or Chromium alone with two (in windows of
 * its own). With all three, Chromium goes first alone, then Firefox beside WebKit. Firefox cannot
 * run two files at once (a window not in front has no focus there), and three browsers at once on
 * two cores starved real-time playback under load (ci11d).
 */
const wanted = process.env.BROWSERS?.split(',') ?? ['chromium', 'firefox', 'webkit'];
const phases = wanted.length > 2 ? [['chromium'], wanted.filter((browser) => browser !== 'chromium')] : [wanted];

// eslint-disable-next-line no-control-regex -- the escape character is what it finds
const CURSOR = /\x1b\[[0-9;]*[ABCDGHJK]/g;

/** A free TCP port on loopback, so lanes running side by side each have a test server of their own. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Runs the browser tests in one browser (with `env` added), its output lines marked with the
 * browser's name; resolves with whether they passed and what the count reporter wrote.
 */
async function browserTests(browser, env) {
  const report = path.join(
    tmpdir(),
    `kijkom-run-${process.pid}-${browser}-${Math.random().toString(36).slice(2)}.json`,
  );
  const child = spawn(bin('wtr'), ['--config', 'web-test-runner.config.mjs'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      ...env,
      BROWSERS: browser,
      KIJKOM_PORT: String(await freePort()),
      KIJKOM_RUN_REPORT: report,
    },
  });
  for (const [from, to] of [
    [child.stdout, process.stdout],
    [child.stderr, process.stderr],
  ])
    // Cursor moves (the runner redraws its progress line) make no sense between another lane's lines.
    createInterface({ input: from }).on('line', (line) => to.write(`[${browser}] ${line.replace(CURSOR, '')}\n`));
  const status = await new Promise((resolve) => child.on('error', () => resolve(-1)).on('close', resolve));
  try {
    return { ok: status === 0, ...JSON.parse(readFileSync(report, 'utf8')) };
  } catch {
    // No report: the runner itself failed.
    return { ok: false, passed: 0, failed: 1, skipped: 0, hung: [], failures: [`${browser}: the test runner failed`] };
  } finally {
    rmSync(report, { force: true });
  }
}

/** Sums lanes' outcomes. */
const merge = (outcomes) => ({
  ok: outcomes.every((outcome) => outcome.ok),
  ...Object.fromEntries(
    ['passed', 'failed', 'skipped'].map((key) => [key, outcomes.reduce((sum, o) => sum + o[key], 0)]),
  ),
  hung: outcomes.flatMap((outcome) => outcome.hung),
  failures: outcomes.flatMap((outcome) => outcome.failures),
});

const started = performance.now();
const env = {
  ...(selected && { KIJKOM_TEST_FILES: browserFiles.join(',') }),
  ...(subset && { KIJKOM_TEST_SUBSET: subset }),
};
const lanes = [];
for (const phase of phases) {
  // Named files: only the browsers that run one of them (test/catalogue/ runs in Chromium alone).
  const browsers = phase.filter(
    (browser) =>
      wanted.includes(browser) &&
      (!selected || browserFiles.some((file) => GROUP_BROWSERS[groupOf(file)].includes(browser))),
  );
  const phaseStarted = performance.now();
  // Chromium beside another browser runs one file at a time.
  const laneEnv = { ...env, ...(browsers.length > 1 && { KIJKOM_CHROMIUM_FILES: '1' }) };
  lanes.push(...(await Promise.all(browsers.map((browser) => browserTests(browser, laneEnv)))));
  if (browsers.length)
    console.log(`-- ${browsers.join(' beside ')}: ${((performance.now() - phaseStarted) / 60000).toFixed(1)} min`);
}
if (!lanes.length) {
  // Files named that no browser asked for runs (say BROWSERS=webkit with a unit test): not a pass.
  console.log(
    `\nNo browser runs ${browserFiles.join(', ')}${process.env.BROWSERS ? ` (BROWSERS=${process.env.BROWSERS})` : ''}.`,
  );
  lanes.push({ ok: false, passed: 0, failed: 1, skipped: 0, hung: [], failures: ['no browser ran the files named'] });
}
let outcome = merge(lanes);
// A WebKit file whose browser stopped answering or went away runs again in a fresh browser, at most
// twice, and the last try's counts replace the first ones. Not a test that failed: WebKitGTK's
// MiniBrowser, now and then on a busy machine, deadlocks its page's main thread inside GStreamer
// (seen with gdb: an event WebKit sends down its media pipeline waits on a lock forever), so no script,
// no timer and no test timeout runs again (scripts/webkit.mjs). Said plainly: a file that fails,
// or still hangs on its last try, fails the run.
const WEBKIT_TRIES = 3;
// The lanes' own verdicts stand, but for the hang of the WebKit lane, which a later try replaces.
let ok = lanes.every((lane) => lane.ok || lane.hung.length > 0);
let hung = outcome.hung;
const retried = hung.length > 0;
for (let tries = 1; hung.length && tries < WEBKIT_TRIES; tries++) {
  const files = hung.map((entry) => entry.file);
  console.log(
    `\nWebKit stopped answering or went away in ${files.join(', ')}: running ${files.length > 1 ? 'them' : 'it'} again in a fresh WebKit (try ${tries + 1} of ${WEBKIT_TRIES}).`,
  );
  const again = await browserTests('webkit', { KIJKOM_TEST_FILES: files.join(',') });
  const minus = (key) => hung.reduce((sum, entry) => sum + entry[key], 0);
  console.log(
    `Again: ${again.passed} passed, ${again.failed} failed (the last try's ${minus('failed')} failures of ${files.join(', ')} replaced)`,
  );
  outcome = {
    ...Object.fromEntries(['passed', 'failed', 'skipped'].map((key) => [key, outcome[key] - minus(key) + again[key]])),
    failures: [
      ...outcome.failures.filter((line) => !files.some((file) => line.startsWith(`WebKit ${file}:`))),
      ...again.failures,
    ],
  };
  // Each try's verdict stands too, but for the files it leaves hanging (the next try's).
  ok &&= again.ok || again.hung.length > 0;
  hung = again.hung;
}
if (retried) outcome.ok = ok && hung.length === 0;
console.log(`-- browser tests: ${((performance.now() - started) / 60000).toFixed(1)} min`);
const checkFailures = await aside;
outcome.failures.push(...checkFailures);
// The line CI reads, last: the command's tests and every lane together.
const total = Object.fromEntries(['passed', 'failed', 'skipped'].map((key) => [key, outcome[key] + cli[key]]));
total.failed += checkFailures.length;
if (outcome.failures.length) console.log(`\nFailed:\n${outcome.failures.map((line) => `  ${line}`).join('\n')}`);
console.log(`\n${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
process.exit(outcome.ok && total.failed === 0 ? 0 : 1);
