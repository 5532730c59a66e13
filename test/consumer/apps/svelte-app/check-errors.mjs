// Svelte markup has no @ts-expect-error: the errors our types must give are checked here instead.
// svelte-check reads errors/ (its tsconfig extends this app's) and must report exactly one error on
// each line named below, and no other.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const EXPECTED = { 8: 'fragmnet', 9: "'fragment' does not exist", 10: 'is not assignable' };
const result = spawnSync(
  'npx',
  ['svelte-check', '--workspace', 'errors', '--tsconfig', path.resolve('errors/tsconfig.json'), '--output', 'machine'],
  {
    encoding: 'utf8',
  },
);
const errors = result.stdout
  .split('\n')
  .map((line) => / ERROR "Errors\.svelte" (\d+):\d+ "(.*)"$/.exec(line))
  .filter(Boolean)
  .map(([, line, message]) => ({ line: Number(line), message }));
const lines = errors.map((error) => error.line).sort((a, b) => a - b);
const wanted = Object.keys(EXPECTED).map(Number);
if (JSON.stringify(lines) !== JSON.stringify(wanted)) {
  console.error(`expected one error on each of lines ${wanted.join(', ')} of errors/Errors.svelte; got:`);
  console.error(errors.map(({ line, message }) => `  ${line}: ${message}`).join('\n') || result.stdout + result.stderr);
  process.exit(1);
}
for (const { line, message } of errors)
  if (!message.includes(EXPECTED[line])) {
    console.error(`line ${line}: expected an error naming ${EXPECTED[line]}, got: ${message}`);
    process.exit(1);
  }
console.log(`svelte-check: the ${errors.length} expected type errors, and no other`);
