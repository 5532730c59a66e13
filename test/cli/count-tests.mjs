// A `node --test` reporter that writes only `{"passed":N,"failed":N,"skipped":N}`, counting tests (not
// suites): scripts/test.mjs hands the sums to the browser run's last line (test/server/count-reporter.mjs).
export default async function* countTests(source) {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    if (event.data.details?.type === 'suite') {
      // A suite that failed outside its tests (a hook, an import) ran none of them: a failure.
      if (event.type === 'test:fail' && event.data.details.error?.failureType !== 'subtestsFailed') counts.failed++;
      continue;
    }
    if (event.data.skip || event.data.todo) counts.skipped++;
    else if (event.type === 'test:pass') counts.passed++;
    else counts.failed++;
  }
  yield JSON.stringify(counts) + '\n';
}
