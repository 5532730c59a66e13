// `npm test`: types, lint, the element manifest, the size budget, then every test in Chromium and Firefox ESR.
import { spawnSync } from 'node:child_process';
import { ensureMedia } from './make-media.mjs';
import { checkBrowsers } from './browsers.mjs';

if (!checkBrowsers()) {
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const run = (command, args) => spawnSync(command, args, { stdio: 'inherit' }).status === 0;
const bin = (name) => `node_modules/.bin/${name}`;

if (!run(bin('tsc'), ['--noEmit', '-p', 'tsconfig.json'])) {
  console.log('0 passed, 1 failed');
  process.exit(1);
}
if (!run('npm', ['run', '--silent', 'lint'])) {
  console.log('0 passed, 1 failed');
  process.exit(1);
}
if (!run('node', ['scripts/check-manifest.mjs'])) {
  console.log('0 passed, 1 failed');
  process.exit(1);
}
if (!run('node', ['scripts/check-size.mjs'])) {
  console.log('0 passed, 1 failed');
  process.exit(1);
}
await ensureMedia();
process.exit(run(bin('wtr'), ['--config', 'web-test-runner.config.mjs', ...process.argv.slice(2)]) ? 0 : 1);
