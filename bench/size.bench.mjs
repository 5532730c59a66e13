// JavaScript a page loads before anyone presses play: the CDN module and the npm entry as an
// app would bundle it, against the budgets of DESIGN.md §3; what loads on demand; which modules
// make up those bytes; and what a real page with one player actually fetched.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';

/** Budgets before any play, gzip; KB = 1,000 bytes, as Vite reports sizes. */
const BUDGET = { npm: 12_000, cdn: 20_000 };

const gzip = (bytes) => gzipSync(bytes, { level: 9 }).length;
const brotli = (bytes) => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const sizes = (contents) => contents.reduce((total, bytes) => ({
  files: total.files + 1,
  bytes: total.bytes + bytes.length,
  gzip: total.gzip + gzip(bytes),
  brotli: total.brotli + brotli(bytes),
}), { files: 0, bytes: 0, gzip: 0, brotli: 0 });
const percent = (part, whole) => `${((100 * part) / whole).toFixed(1)} %`;

/** `entry` and everything it imports statically (an esbuild metafile graph); `import()` is not followed. */
function staticClosure(graph, entry) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file) || !graph[file]) return;
    seen.add(file);
    for (const { path: imported, kind } of graph[file].imports) if (kind === 'import-statement') visit(imported);
  };
  visit(entry);
  return [...seen];
}

/**
 * Bundles `entry` as an app would (minified ESM, code splitting; lit, @lit/context and hls.js
 * bundled in, so hls.js landing in an on-demand chunk is checked, not assumed). Nothing is written.
 * Returns the output files before play (entry + static imports) with their contents, the
 * on-demand ones, and the inputs before play, largest first.
 */
async function bundle(root, entry) {
  const { metafile, outputFiles } = await esbuild.build({
    entryPoints: [entry], absWorkingDir: root, outdir: 'bench/.out', write: false, metafile: true, logLevel: 'silent',
    bundle: true, splitting: true, minify: true, format: 'esm', target: 'es2022',
  });
  const { outputs } = metafile;
  const contents = (output) => outputFiles.find((file) => file.path === path.join(root, output)).contents;
  const before = staticClosure(outputs, Object.keys(outputs).find((output) => outputs[output].entryPoint === entry));
  const onDemand = Object.keys(outputs).filter((output) => output.endsWith('.js') && !before.includes(output));
  return {
    before: before.map(contents),
    inputs: before.flatMap((output) => Object.entries(outputs[output].inputs)).sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput),
    // An esbuild chunk is named by a hash only: name it by its largest input.
    onDemand: onDemand.map((output) => {
      const [input, { bytesInOutput }] = Object.entries(outputs[output].inputs).sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput)[0];
      return { chunk: path.basename(output), contains: `${input} ${percent(bytesInOutput, outputs[output].bytes)}`, ...sizes([contents(output)]) };
    }),
  };
}

/** The npm package or src/ folder of a module path relative to the repo. */
const areaOf = (input) => /^node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1] ?? /^src\/[^/]+/.exec(input)?.[0] ?? input;

/** Input bytes summed by area. */
function areas(inputs) {
  const byArea = new Map();
  for (const [input, { bytesInOutput }] of inputs) byArea.set(areaOf(input), (byArea.get(areaOf(input)) ?? 0) + bytesInOutput);
  return byArea;
}

/** What a Vite chunk holds, from its source map: the areas of its sources. */
async function chunkAreas(root, chunk) {
  const map = JSON.parse(await readFile(path.join(root, `${chunk}.map`), 'utf8').catch(() => '{"sources":[]}'));
  const sources = map.sources.map((source) => path.relative(root, path.resolve(root, path.dirname(chunk), source)));
  return [...new Set(sources.map(areaOf))].join(', ') || 'no source map';
}

export async function run(ctx) {
  const { root } = ctx;
  const build = await ctx.build();
  const file = (relative) => readFile(path.join(root, relative));
  // Paths relative to the repo, shown relative to the bench's build folder: "dist/cdn/kijkom.js".
  const built = path.relative(root, build.dir).split(path.sep).join('/');
  const short = (file) => file.replace(`${built}/`, '');

  // CDN: the built files themselves; esbuild only reads their import statements.
  const cdnEntry = `${built}/dist/cdn/kijkom.js`;
  const cdnGraph = (await esbuild.build({
    entryPoints: [cdnEntry], absWorkingDir: root, outdir: 'bench/.out', write: false, metafile: true, logLevel: 'silent',
    bundle: true, splitting: true, format: 'esm',
  })).metafile.inputs;
  const cdnBefore = staticClosure(cdnGraph, cdnEntry);
  const cdnOnDemand = (await readdir(path.join(build.dir, 'dist/cdn')))
    .map((name) => `${built}/dist/cdn/${name}`)
    .filter((chunk) => chunk.endsWith('.js') && !cdnBefore.includes(chunk));
  const cdn = sizes(await Promise.all(cdnBefore.map(file)));

  const npmBundle = await bundle(root, `${built}/dist/fragment-player.js`);
  const npm = sizes(npmBundle.before);
  // Which modules the bytes are: the same bundles made from src/, so the metafile names source modules.
  const cdnSource = await bundle(root, 'src/index.ts');
  const npmSource = await bundle(root, 'src/fragment-player/define.ts');
  const cdnSourceBytes = sizes(cdnSource.before).bytes;
  const npmSourceBytes = sizes(npmSource.before).bytes;
  const cdnAreas = areas(cdnSource.inputs);
  const npmAreas = areas(npmSource.inputs);

  const budgetRow = (what, measured, budget) => ({
    what,
    files: measured.files,
    bytes: measured.bytes,
    gzip: measured.gzip,
    brotli: measured.brotli,
    'budget gzip': budget,
    status: measured.gzip <= budget ? 'PASS' : 'OVER',
  });
  const withoutFiles = ({ files, ...row }) => row;
  return [
    {
      title: 'JS before any play: an entry with its static imports (gzip -9, brotli 11, per file, summed)',
      rows: [
        budgetRow(`CDN ${short(cdnEntry)} + ${cdnBefore.length - 1} static import(s)`, cdn, BUDGET.cdn),
        budgetRow('npm dist/fragment-player.js + lit + @lit/context (esbuild --bundle --minify --splitting)', npm, BUDGET.npm),
      ],
      note: `KB = 1,000 bytes. CDN files: ${(await Promise.all(cdnBefore.map(async (chunk) => `${short(chunk)} (${await chunkAreas(root, chunk)})`))).join('; ')}.`,
    },
    {
      title: 'On demand (dynamic import() chunks, loaded on play)',
      rows: [
        ...(await Promise.all(cdnOnDemand.map(async (chunk) => withoutFiles({ chunk: short(chunk), contains: await chunkAreas(root, chunk), ...sizes([await file(chunk)]) })))),
        ...npmBundle.onDemand.map((row) => withoutFiles({ ...row, chunk: `npm bundle: ${row.chunk}`, contains: short(row.contains) })),
      ],
    },
    {
      title: `Largest inputs before play, from esbuild's metafile of the same bundles made from src/ ` +
        `(CDN: src/index.ts, ${cdnSourceBytes.toLocaleString('en-US')} bytes, Vite's ${cdn.bytes.toLocaleString('en-US')}; ` +
        `npm: src/fragment-player/define.ts, ${npmSourceBytes.toLocaleString('en-US')} bytes, from dist ${npm.bytes.toLocaleString('en-US')})`,
      rows: cdnSource.inputs.slice(0, 12).map(([input, { bytesInOutput }]) => ({
        input,
        'CDN bytes': bytesInOutput,
        'CDN share': percent(bytesInOutput, cdnSourceBytes),
        'npm fragment-player bytes': npmSource.inputs.find(([other]) => other === input)?.[1].bytesInOutput ?? 0,
      })),
      note: `The other ${cdnSource.inputs.length - 12} inputs of the CDN entry: ${cdnSource.inputs.slice(12).reduce((total, [, input]) => total + input.bytesInOutput, 0).toLocaleString('en-US')} bytes.`,
    },
    {
      title: 'The same by npm package or src/ folder (minified bytes before compression)',
      rows: [...cdnAreas.entries()]
        .filter(([, bytes]) => bytes > 0)
        .sort((a, b) => b[1] - a[1])
        .map(([area, bytes]) => ({
          area,
          'CDN bytes': bytes,
          'CDN share': percent(bytes, cdnSourceBytes),
          'npm fragment-player bytes': npmAreas.get(area) ?? 0,
          'npm share': percent(npmAreas.get(area) ?? 0, npmSourceBytes),
        })),
    },
    await realPage(ctx, { file, short, kijkom: `${build.url}/dist/cdn/kijkom.js` }),
  ];
}

/** Loads a page with one <fragment-player> from the CDN build, waits until the network is idle, and lists what it fetched. */
async function realPage(ctx, { file, short, kijkom }) {
  const page = await ctx.newPage();
  try {
    const url = ctx.server.url('/bench/pages/player.html', { src: '/demo/media/interview-32m/video.m3u8', start: '25:14', kijkom, run: 'size-page' });
    await page.goto(url, { waitUntil: 'networkidle0' });
    const resources = await page.evaluate(() =>
      performance.getEntriesByType('resource').map((entry) => ({ name: new URL(entry.name).pathname, encoded: entry.encodedBodySize })));
    const scripts = resources.filter((resource) => /\.m?js$/.test(resource.name));
    const media = resources.filter((resource) => /\.(m3u8|m4s|mp4|m4a)$/.test(resource.name));
    const hls = scripts.filter((resource) => /hls/.test(resource.name));
    const rows = await Promise.all(scripts.map(async (script) => ({ script: short(script.name.slice(1)), 'bytes sent': script.encoded, gzip: gzip(await file(script.name.slice(1))) })));
    rows.push({ script: 'total', 'bytes sent': rows.reduce((total, row) => total + row['bytes sent'], 0), gzip: rows.reduce((total, row) => total + row.gzip, 0) });
    return {
      title: 'A page with one <fragment-player> (CDN build), before any click: scripts fetched (resource timing)',
      rows,
      note: 'The bench server sends uncompressed (bytes sent = encodedBodySize); gzip is of the same files. ' +
        `hls.js chunk requested: ${hls.length ? `YES (${hls.map((script) => short(script.name.slice(1))).join(', ')})` : 'no'}; media requests: ${media.length}.`,
    };
  } finally {
    await page.close();
  }
}
