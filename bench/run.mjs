// `npm run bench` — runs every bench/*.bench.mjs in name order and prints what it measured.
//
//   node bench/run.mjs [--json] [name …]
//
// --json   also writes bench/results.json (not committed)
// name …   only the benchmarks whose file name contains one of these words
//
// A benchmark is a module `bench/<name>.bench.mjs` exporting
//
//   export async function run(ctx) { … return [{ title, rows, note }] }
//
// returning tables: `rows` is an array of plain objects with the same keys (the columns);
// values are strings or numbers (numbers are printed with thousands separators, up to 2
// decimals); `note` is an optional line under the table. A benchmark may print its own
// output instead and return nothing. Figures are printed, never asserted: a goal or budget is
// a PASS/OVER column, not a failure. A benchmark that throws is reported and the rest still run.
//
// `ctx` is shared by all benchmarks of one run:
//   ctx.root         absolute path of the repo
//   ctx.server       the one static server on loopback, serving the repo root:
//                    .origin, .url(path, params), .log (every request: { time, path, status,
//                    bytes, referer, done }, times in epoch ms; written to bench/requests.log at the end)
//   ctx.browser      the one Chromium (puppeteer-core); open pages with ctx.newPage()
//   ctx.newPage()    a fresh page with the HTTP cache disabled and page errors echoed; close it yourself
//   ctx.build()      builds dist/ and dist/cdn/ as scripts/build.mjs does (without .d.ts), once per run, into a
//                    folder of its own under node_modules/.cache; resolves to { dir, url }: that folder's
//                    absolute path and its path on the server (so `${url}/dist/cdn/kijkom.js`)
//   ctx.runs         how often to repeat a timed measurement (take the median)
// Bench pages live in bench/pages/; give each page load a unique `run` query parameter, so its
// media requests (which carry the page URL as referer) can be told apart in the log.
import { execFile } from 'node:child_process';
import { readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import puppeteer from 'puppeteer-core';
import { ensureMedia } from '../scripts/make-media.mjs';
import { startServer } from './lib/server.mjs';
import { browserPath, CHROMIUM_ARGS } from '../scripts/browsers.mjs';

const began = performance.now();
const [loadAtStart] = os.loadavg();
const benchDir = path.dirname(fileURLToPath(import.meta.url));
const root = path.dirname(benchDir);
const args = process.argv.slice(2);
const json = args.includes('--json');
const only = args.filter((arg) => !arg.startsWith('--'));

const files = (await readdir(benchDir))
  .filter((name) => name.endsWith('.bench.mjs') && (only.length === 0 || only.some((word) => name.includes(word))))
  .sort();
if (files.length === 0) throw new Error(`no benchmark matches ${only.join(', ')}`);

await ensureMedia();
const server = await startServer(root);
const browser = await puppeteer.launch({
  executablePath: browserPath('chromium'),
  args: CHROMIUM_ARGS,
});
const chromium = await browser.version();

let built;
const ctx = {
  root,
  server,
  browser,
  runs: 5,
  async newPage() {
    const page = await browser.newPage();
    await page.setCacheEnabled(false);
    page.on('pageerror', (error) => console.error(`  [page error] ${error.message}`));
    page.on('console', (message) => message.type() === 'error' && console.error(`  [page console] ${message.text()}`));
    return page;
  },
  build() {
    // The two Vite builds of scripts/build.mjs (npm, then CDN), into a folder of our own: a build
    // or test beside the bench can then not swap dist/ files mid-run. The tsc step only emits
    // .d.ts, which no benchmark reads, and a type error in work in progress must not stop the figures.
    built ??= (async () => {
      const base = path.join(root, 'node_modules/.cache/kijkom-bench');
      await rm(base, { recursive: true, force: true });
      for (const [mode, outDir] of [
        [[], 'dist'],
        [['--mode', 'cdn'], 'dist/cdn'],
      ]) {
        const args = ['build', ...mode, '--outDir', path.join(base, outDir)];
        await promisify(execFile)(path.join(root, 'node_modules/.bin/vite'), args, {
          cwd: root,
          maxBuffer: 16 * 1024 * 1024,
        }).catch((error) => {
          const output = `${error.stdout ?? ''}${error.stderr ?? ''}`.trim().split('\n').slice(-20).join('\n');
          throw new Error(`vite ${args.join(' ')} failed:\n${output}`);
        });
      }
      return { dir: base, url: `/${path.relative(root, base).split(path.sep).join('/')}` };
    })();
    return built;
  },
};

const results = {};
try {
  for (const file of files) {
    console.log(`\n== ${file}`);
    try {
      const { run } = await import(path.join(benchDir, file));
      const tables = (await run(ctx)) ?? [];
      tables.forEach(printTable);
      results[file] = tables;
    } catch (error) {
      console.log(`FAILED: ${error.stack ?? error}`);
      results[file] = { error: String(error.message ?? error) };
      process.exitCode = 1;
    }
  }
} finally {
  await browser.close();
  await server.close();
}

await writeFile(
  path.join(benchDir, 'requests.log'),
  server.log
    .map((entry) =>
      [new Date(entry.time).toISOString(), entry.status, entry.bytes, entry.path, entry.referer].join('\t'),
    )
    .join('\n') + '\n',
);

const seconds = ((performance.now() - began) / 1000).toFixed(0);
// The load average says how far timings can be trusted: other work on the machine shows up in them.
const machine =
  `${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, load ${loadAtStart.toFixed(1)} at start, ` +
  `${os.type()} ${os.release()}, Node ${process.version}, ${chromium}`;
const date = new Date().toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
console.log(`\n${date} · ${machine} · full run ${seconds} s`);
if (json) {
  await writeFile(
    path.join(benchDir, 'results.json'),
    JSON.stringify({ date, machine, seconds: Number(seconds), results }, null, 2) + '\n',
  );
  console.log('wrote bench/results.json');
}

function printTable({ title, rows = [], note }) {
  console.log(`\n${title}`);
  if (rows.length > 0) {
    const keys = Object.keys(rows[0]);
    const text = (value) =>
      typeof value === 'number' ? value.toLocaleString('en-US', { maximumFractionDigits: 2 }) : String(value ?? '');
    const cells = rows.map((row) => keys.map((key) => text(row[key])));
    const widths = keys.map((key, i) => Math.max(key.length, ...cells.map((row) => row[i].length)));
    // Numbers right-aligned, text left-aligned.
    const line = (values, row) =>
      values
        .map((value, i) => (typeof row?.[keys[i]] === 'number' ? value.padStart(widths[i]) : value.padEnd(widths[i])))
        .join('  ')
        .trimEnd();
    console.log(line(keys));
    console.log(widths.map((width) => '-'.repeat(width)).join('  '));
    rows.forEach((row, i) => console.log(line(cells[i], row)));
  }
  if (note) console.log(note);
}
