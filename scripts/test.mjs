// `npm test`: types, lint, the element manifest, the size budget, the packed package in fixture
// apps, then every test in Chromium and Firefox ESR (the build's tests load dist/, which packing built).
import { spawnSync } from 'node:child_process';
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
process.exit(run(bin('wtr'), ['--config', 'web-test-runner.config.mjs', ...process.argv.slice(2)]) ? 0 : 1);
