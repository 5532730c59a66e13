// Ends the run with the line CI reads: "N passed, N failed". scripts/test.mjs runs the `kijkom`
// command's Node tests first and passes their counts in KIJKOM_EXTRA_COUNTS, added here.
export function countReporter() {
  const extra = JSON.parse(process.env.KIJKOM_EXTRA_COUNTS || '{}');
  let passed = extra.passed ?? 0;
  let failed = extra.failed ?? 0;
  let skipped = extra.skipped ?? 0;
  const walk = (suite) => {
    for (const test of suite.tests) {
      if (test.skipped) skipped++;
      else if (test.passed) passed++;
      else failed++;
    }
    for (const child of suite.suites) walk(child);
  };
  return {
    onTestRunFinished({ sessions }) {
      for (const session of sessions) {
        if (session.testResults) walk(session.testResults);
        // A file that failed to load runs no tests; count it as a failure, not as nothing.
        if (!session.passed && (!session.testResults || session.errors?.length)) failed += session.errors?.length || 1;
      }
    },
    async stop() {
      console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
    },
  };
}
