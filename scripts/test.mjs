// `npm test`: types, lint, the element manifest, the size budget, the packed package in fixture
// apps, the `kijkom` command's tests in Node (on the packed package's bin), then every test in
// Chromium and Firefox ESR (the build's tests load dist/, which packing built). The last line,
// which CI reads, counts both: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureMedia } from './make-media.mjs';
import { checkBrowsers } from './browsers.mjs';
import { buildConsumerApps } from '../test/consumer/build-apps.mjs';

const run = (command, args) => spawnSync(command, args, { stdio: 'inherit' }).status === 0;
const bin = (name) => `node_modules/.bin/${name}`;

const steps = [
  ['browsers', () => checkBrowsers()],
  ['types', () => run(bin('tsc'), ['--noEmit', '-p', 'tsconfig.json'])],
  ['lint', () => run('npm', ['run', '--silent', 'lint'])],
  ['manifest', () => run('node', ['scripts/check-manifest.mjs'])],
  ['size budget', () => run('node', ['scripts/check-size.mjs'])],
  ['consumer apps', () => (buildConsumerApps(), true)],
];
for (const [name, step] of steps) {
  let ok = false;
  try {
    ok = step();
  } catch (error) {
    console.error(error.message);
  }
  if (!ok) {
    console.error(`npm test stopped at: ${name}`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
}
await ensureMedia();

/** Runs test/cli/*.test.mjs with `node --test`; returns its counts (a runner that died counts as a failure). */
function cliTests() {
  const counts = path.join(tmpdir(), `kijkom-cli-counts-${process.pid}.json`);
  const files = readdirSync('test/cli')
    .filter((file) => file.endsWith('.test.mjs'))
    .map((file) => `test/cli/${file}`);
  const ok = run('node', [
    '--test',
    '--test-concurrency=1',
    ...['--test-reporter=spec', '--test-reporter-destination=stdout'],
    ...['--test-reporter=./test/cli/count-tests.mjs', `--test-reporter-destination=${counts}`],
    ...files,
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
const cli = cliTests();
console.log(`kijkom command (Node): ${cli.passed} passed, ${cli.failed} failed`);
const browsers = spawnSync(bin('wtr'), ['--config', 'web-test-runner.config.mjs', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, KIJKOM_EXTRA_COUNTS: JSON.stringify(cli) },
});
process.exit(browsers.status === 0 && cli.failed === 0 ? 0 : 1);
