// Part of `npm test`: the JavaScript a page loads before any play, against the budgets (README, "Measured").
// Builds the npm and CDN outputs into a scratch folder (never dist/) and measures them the way
// the size benchmark does (scripts/lib/bundle-size.mjs).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { BUDGET, bundle, gzip, sizes } from './lib/bundle-size.mjs';

const root = process.cwd();
mkdirSync(path.join(root, 'node_modules/.cache'), { recursive: true });
const out = mkdtempSync(path.join(root, 'node_modules/.cache/check-size-'));
const vite = (args) =>
  spawnSync('node_modules/.bin/vite', ['build', '--logLevel', 'error', ...args], { stdio: 'inherit' }).status === 0;
let ok = false;
try {
  if (vite(['--outDir', out]) && vite(['--mode', 'cdn', '--outDir', path.join(out, 'cdn')])) {
    const npm = sizes((await bundle(root, path.relative(root, path.join(out, 'fragment-player.js')))).before).gzip;
    // The CDN module imports nothing statically (checked by the size benchmark): the file alone.
    const cdn = gzip(readFileSync(path.join(out, 'cdn/kijkom.js')));
    const line = (what, size, budget) =>
      `${what}: ${size.toLocaleString('en')} bytes gzip before play (budget ${budget.toLocaleString('en')}) ${size <= budget ? 'PASS' : 'OVER'}`;
    console.log(line('npm fragment-player entry + Lit', npm, BUDGET.npm));
    console.log(line('CDN kijkom.js (all elements)', cdn, BUDGET.cdn));
    ok = npm <= BUDGET.npm && cdn <= BUDGET.cdn;
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
process.exit(ok ? 0 : 1);
