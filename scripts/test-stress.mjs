// `npm run test:stress [-- <npm test arguments>]`: `npm test` with the machine kept busy beside it
// (`stress-ng --cpu 2`, a process per core of a 2-core runner), as on a shared CI machine. The
// suite must pass like this. npm test's count comes last but one, then the run's time.
import { spawn, spawnSync } from 'node:child_process';

if (spawnSync('stress-ng', ['--version']).error) {
  console.error('test:stress needs stress-ng: apt-get install stress-ng');
  process.exit(2);
}
const stress = spawn('stress-ng', ['--cpu', '2', '--quiet'], { stdio: 'ignore' });
const started = performance.now();
const test = spawn('npm', ['test', '--', ...process.argv.slice(2)], { stdio: 'inherit' });
test.on('close', (code) => {
  stress.kill('SIGINT');
  console.log(
    `test:stress: npm test took ${((performance.now() - started) / 60000).toFixed(1)} min beside stress-ng --cpu 2`,
  );
  process.exit(code ?? 1);
});
