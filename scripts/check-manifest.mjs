// Fails when custom-elements.json is not what the analyzer makes of the current source.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// The analyzer takes outdir relative to the working directory.
const out = 'node_modules/.cache/kijkom-cem';
const result = spawnSync('node_modules/.bin/cem', ['analyze', '--outdir', out], { encoding: 'utf8' });
if (result.status !== 0) {
  console.error(result.stderr);
  process.exit(1);
}
const fresh = readFileSync(join(out, 'custom-elements.json'), 'utf8');
let committed = '';
try {
  committed = readFileSync('custom-elements.json', 'utf8');
} catch {
  // None committed yet: then it is out of date.
}
if (JSON.stringify(JSON.parse(fresh)) !== (committed && JSON.stringify(JSON.parse(committed)))) {
  console.error('custom-elements.json is out of date: run `npm run analyze` and commit it.');
  process.exit(1);
}
console.log('custom-elements.json is current.');
