import { writeFileSync } from 'node:fs';
import path from 'node:path';
// Ends a run of the runner with its counts: "N passed, N failed". Under `npm test`, each browser's
// runner (scripts/test.mjs runs them in lanes) writes them to the file KIJKOM_RUN_REPORT names,
// with what failed and the WebKit files whose browser stopped answering or went away (run once
// more in a fresh one); `npm test` then prints every lane's failures and the sum, the line CI reads.
export function countReporter() {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  /** WebKit files whose browser stopped answering or went away, with what they counted: [{ file, passed, failed, skipped }]. */
  const hung = [];
  /** What failed, one line each ("browser file: suite › test: first line of the error"), printed above the counts. */
  const failures = [];
  const firstLine = (error) => String(error?.message ?? error ?? '').split('\n')[0];
  const walk = (suite, where, names = []) => {
    for (const test of suite.tests) {
      if (test.skipped) skipped++;
      else if (test.passed) passed++;
      else {
        failed++;
        failures.push(`${where}: ${[...names, test.name].join(' › ')}: ${firstLine(test.error)}`);
      }
    }
    for (const child of suite.suites) walk(child, where, [...names, child.name]);
  };
  /** Seconds the tests of each file took in each browser (their own durations, hooks left out). */
  const times = [];
  const duration = (suite) =>
    suite.tests.reduce((sum, test) => sum + (test.duration ?? 0), 0) +
    suite.suites.reduce((sum, child) => sum + duration(child), 0);
  /** Per browser launched, when its first test file started and its last one finished: its wall time. */
  const wall = new Map();
  return {
    start({ sessions }) {
      sessions.on('session-status-updated', (session) => {
        // From a browser's first file opening (a session is SCHEDULED well before).
        if (session.status === 'SCHEDULED') return;
        const now = performance.now();
        if (!wall.has(session.browser)) wall.set(session.browser, { from: now, to: now });
        wall.get(session.browser).to = now;
      });
    },
    onTestRunFinished({ sessions }) {
      for (const session of sessions) {
        const before = { passed, failed, skipped };
        const file = path.relative(process.cwd(), session.testFile);
        const where = `${session.browser.name} ${file}`;
        if (session.testResults) {
          walk(session.testResults, where);
          times.push([session.browser.name, file, duration(session.testResults) / 1000]);
        }
        // A file that failed to load runs no tests; count it as a failure, not as nothing.
        if (!session.passed && (!session.testResults || session.errors?.length)) {
          failed += session.errors?.length || 1;
          const errors = session.errors?.length ? session.errors : ['the file did not run'];
          for (const error of errors) failures.push(`${where}: ${firstLine(error)}`);
        }
        // A browser that stopped answering (scripts/webkit.mjs) or went away under its tests (ci13e:
        // MiniBrowser gone mid-file, "the browser disconnected", then "invalid session id" from its
        // driver), not a test that failed.
        const stopped = session.errors?.some((error) =>
          /did not finish within|browser disconnected|invalid session id/.test(firstLine(error)),
        );
        if (session.browser.name === 'WebKit' && stopped)
          hung.push({
            file,
            passed: passed - before.passed,
            failed: failed - before.failed,
            skipped: skipped - before.skipped,
          });
      }
    },
    async stop() {
      // Where the time goes: the slowest files, and each browser's sum (issue 18's 20 minutes).
      const total = times.reduce((sum, [, , seconds]) => sum + seconds, 0);
      if (times.length > 1) {
        console.log(`\nSlowest test files (of ${total.toFixed(0)} s in tests):`);
        for (const [browser, file, seconds] of [...times].sort((a, b) => b[2] - a[2]).slice(0, 15))
          console.log(`  ${seconds.toFixed(1).padStart(6)} s  ${browser.padEnd(8)} ${file}`);
        const byBrowser = {};
        for (const [browser, , seconds] of times) byBrowser[browser] = (byBrowser[browser] ?? 0) + seconds;
        console.log(
          `  per browser: ${Object.entries(byBrowser)
            .map(([b, s]) => `${b} ${s.toFixed(0)} s`)
            .join(', ')}`,
        );
        // Wall time: what running files side by side (Chromium's two at a time) saves shows here.
        console.log(
          `  per browser launched, first file started to last finished: ${[...wall]
            .map(([browser, { from, to }]) => `${browser.name} ${((to - from) / 1000).toFixed(0)} s`)
            .join(', ')}`,
        );
      }
      const report = process.env.KIJKOM_RUN_REPORT;
      if (report) return writeFileSync(report, JSON.stringify({ passed, failed, skipped, hung, failures }));
      if (failures.length) console.log(`\nFailed:\n${failures.map((line) => `  ${line}`).join('\n')}`);
      console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
    },
  };
}
