// `npm test`: types, lint, the element manifest, the size budget, then every test in Chromium and Firefox ESR.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { ensureMedia } from './make-media.mjs';

const browsers = [
  { name: 'chromium', path: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', pkg: 'chromium' },
  { name: 'firefox', path: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr', pkg: 'firefox-esr' },
];
const missing = browsers.filter((b) => !existsSync(b.path));
if (missing.length) {
  for (const b of missing)
    console.error(
      `${b.name} not found at ${b.path}: install Debian's package "${b.pkg}" (apt-get install ${b.pkg}), or set ${b.name.toUpperCase()}_PATH.`,
    );
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
