// JavaScript a page loads before anyone presses play: the CDN module and the npm entry as an
// app would bundle it, against the budgets (README, "Measured"), next to other players (the anchors,
// bundled the same way as our npm entry); what loads on demand, next to hls.js full and light;
// which modules make up those bytes; and what a real page with one player actually fetched.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { BUDGET, bundle, gzip, percent, sizes, staticClosure } from '../scripts/lib/bundle-size.mjs';

const times = (part, whole) => `${(part / whole).toFixed(2)}×`;

/**
 * Other players, for scale: what a page imports to show one player of each, as an entry file in
 * bench/anchors/ (its comment says what it imports and why), bundled exactly as our npm entry is
 * (bundle() below). Their versions are pinned in package.json's devDependencies. JavaScript only:
 * a stylesheet an anchor asks a page to load is not counted (ours and Mux Player's CSS is inside
 * the JS, so that is). `after` is what the bench cannot see: what the anchor loads once played.
 */
const ANCHORS = [
  {
    name: 'media-chrome',
    pkg: 'media-chrome',
    entry: 'bench/anchors/media-chrome.js',
    after: 'controls only: no HLS engine (a page adds one, e.g. hls-video-element with hls.js)',
  },
  {
    name: 'Vidstack',
    pkg: 'vidstack',
    entry: 'bench/anchors/vidstack.js',
    after:
      'its providers are on-demand chunks; hls.js itself it fetches at play from a third-party CDN unless the page hands it the library',
  },
  {
    name: 'Mux Player',
    pkg: '@mux/mux-player',
    entry: 'bench/anchors/mux-player.js',
    after: 'hls.js and Mux Data (mux-embed) are among its static imports, so they load before any play',
  },
  {
    name: 'lite-youtube-embed',
    pkg: 'lite-youtube-embed',
    entry: 'bench/anchors/lite-youtube-embed.js',
    after: "on click it inserts YouTube's iframe player (third-party JS, not measured)",
  },
];

/** hls.js, to compare our on-demand chunks with: bundled as the anchors are, and its own minified ESM files as shipped. */
const HLS = [
  {
    what: "hls.js full: import Hls from 'hls.js' (dist/hls.mjs), esbuild-minified",
    entry: 'bench/anchors/hls-full.js',
  },
  {
    what: "hls.js light: import Hls from 'hls.js/light' (dist/hls.light.mjs), esbuild-minified",
    entry: 'bench/anchors/hls-light.js',
  },
  { what: 'hls.js full as shipped: dist/hls.min.mjs', file: 'node_modules/hls.js/dist/hls.min.mjs' },
  { what: 'hls.js light as shipped: dist/hls.light.min.mjs', file: 'node_modules/hls.js/dist/hls.light.min.mjs' },
];

/** The npm package (the innermost, for a nested node_modules) or src/ folder of a module path relative to the repo. */
const areaOf = (input) =>
  /^(?:.*\/)?node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1] ?? /^src\/[^/]+/.exec(input)?.[0] ?? input;

/** Whether hls.js is among the inputs of a bundle's files before play. */
const hasHls = (inputs) => (inputs.some(([input]) => areaOf(input) === 'hls.js') ? 'yes' : 'no');

/**
 * One anchor bundled like our npm entry: its version, what its entry imports (read from the entry
 * file), the sizes before play and what they are made of; or why it could not be measured.
 */
async function measureAnchor(root, anchor) {
  const source = await readFile(path.join(root, anchor.entry), 'utf8');
  const imports = [...source.matchAll(/^import\s+(?:[\w{}\s,*]+\s+from\s+)?'([^']+)'/gm)].map((match) => match[1]);
  const version = await readFile(path.join(root, 'node_modules', anchor.pkg, 'package.json'), 'utf8').then(
    (text) => JSON.parse(text).version,
    () => undefined,
  );
  if (!version) return { ...anchor, imports, error: `not installed (node_modules/${anchor.pkg} missing: run npm ci)` };
  try {
    const bundled = await bundle(root, anchor.entry);
    const byArea = [...areas(bundled.inputs)].filter(([, bytes]) => bytes > 0).sort((a, b) => b[1] - a[1]);
    return {
      ...anchor,
      imports,
      version,
      ...sizes(bundled.before),
      onDemand: bundled.onDemand.length,
      hls: hasHls(bundled.inputs),
      byArea,
    };
  } catch (error) {
    return {
      ...anchor,
      imports,
      version,
      error: `esbuild failed: ${String(error.message ?? error)
        .split('\n')
        .slice(0, 3)
        .join(' ')}`,
    };
  }
}

/** Input bytes summed by area. */
function areas(inputs) {
  const byArea = new Map();
  for (const [input, { bytesInOutput }] of inputs)
    byArea.set(areaOf(input), (byArea.get(areaOf(input)) ?? 0) + bytesInOutput);
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
  const cdnGraph = (
    await esbuild.build({
      entryPoints: [cdnEntry],
      absWorkingDir: root,
      outdir: 'bench/.out',
      write: false,
      metafile: true,
      logLevel: 'silent',
      bundle: true,
      splitting: true,
      format: 'esm',
    })
  ).metafile.inputs;
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
  const anchors = [];
  for (const anchor of ANCHORS) anchors.push(await measureAnchor(root, anchor));
  const hls = [];
  for (const { what, entry, file: shipped } of HLS) {
    hls.push({ what, ...(entry ? sizes((await bundle(root, entry)).before) : sizes([await file(shipped)])) });
  }
  // One play loads one engine: hls-engine (hls.js light) or, for a stream with alternate audio or
  // subtitle renditions, hls-engine-full instead. The sum is what play costs for a stream that needs
  // only the light one; the full engine is set against it below.
  const isFull = (chunk) => /\/hls-engine-full-[^/]*\.js$/.test(chunk);
  const isLight = (chunk) => /\/hls-engine-[^/]*\.js$/.test(chunk) && !isFull(chunk);
  const cdnOnDemandSizes = sizes(await Promise.all(cdnOnDemand.filter((chunk) => !isFull(chunk)).map(file)));
  const engines = await Promise.all(
    [cdnOnDemand.find(isLight), cdnOnDemand.find(isFull)].map(async (chunk) =>
      chunk ? { chunk, ...sizes([await file(chunk)]) } : undefined,
    ),
  );
  // The npm bundle's chunks are named after their source: hls-engine-full-<hash>-<hash>.js.
  const npmOnDemand = npmBundle.onDemand.filter((chunk) => !/^hls-engine-full-/.test(path.basename(chunk.chunk)));
  const npmOnDemandSizes = npmOnDemand.reduce(
    (total, chunk) => ({
      files: total.files + 1,
      bytes: total.bytes + chunk.bytes,
      gzip: total.gzip + chunk.gzip,
      brotli: total.brotli + chunk.brotli,
    }),
    { files: 0, bytes: 0, gzip: 0, brotli: 0 },
  );

  const budgetRow = (what, measured, budget, hlsBeforePlay) => ({
    what,
    files: measured.files,
    bytes: measured.bytes,
    gzip: measured.gzip,
    brotli: measured.brotli,
    'gzip vs npm': times(measured.gzip, npm.gzip),
    'hls.js in it': hlsBeforePlay,
    'budget gzip': budget,
    status: measured.gzip <= budget ? 'PASS' : 'OVER',
  });
  const anchorLabel = (anchor) =>
    `anchor ${anchor.name}${anchor.version ? ` ${anchor.version}` : ''}: ${anchor.imports.join(' + ')}`;
  const anchorRow = (anchor) =>
    anchor.error
      ? {
          what: anchorLabel(anchor),
          files: '',
          bytes: '',
          gzip: '',
          brotli: '',
          'gzip vs npm': '',
          'hls.js in it': '',
          'budget gzip': '',
          status: `NOT MEASURED: ${anchor.error}`,
        }
      : {
          what: anchorLabel(anchor),
          files: anchor.files,
          bytes: anchor.bytes,
          gzip: anchor.gzip,
          brotli: anchor.brotli,
          'gzip vs npm': times(anchor.gzip, npm.gzip),
          'hls.js in it': anchor.hls,
          'budget gzip': '',
          status: '',
        };
  const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;
  const anchorNote = (anchor) =>
    anchor.error
      ? `  ${anchor.name}: not measured: ${anchor.error}`
      : `  ${anchor.name}: ${anchor.byArea
          .slice(0, 5)
          .map(([area, bytes]) => `${area} ${kb(bytes)}`)
          .join(', ')}` +
        `${anchor.byArea.length > 5 ? ` (+ ${anchor.byArea.length - 5} more)` : ''} minified; ${anchor.onDemand} on-demand chunk(s); after play: ${anchor.after}.`;
  const withoutFiles = ({ files, ...row }) => row;
  return [
    {
      title:
        'JS before any play, ours and the anchors: an entry with its static imports (gzip -9, brotli 11, per file, summed)',
      rows: [
        budgetRow(
          `CDN ${short(cdnEntry)} + ${cdnBefore.length - 1} static import(s)`,
          cdn,
          BUDGET.cdn,
          hasHls(cdnSource.inputs),
        ),
        budgetRow(
          'npm dist/fragment-player.js + lit + @lit/context (esbuild --bundle --minify --splitting)',
          npm,
          BUDGET.npm,
          hasHls(npmBundle.inputs),
        ),
        ...anchors.map(anchorRow),
      ],
      note:
        `Budgets: DESIGN's KB of 1,024 bytes. CDN files: ${(await Promise.all(cdnBefore.map(async (chunk) => `${short(chunk)} (${await chunkAreas(root, chunk)})`))).join('; ')}.\n` +
        'Anchors: each entry in bench/anchors/ bundled exactly as our npm entry (esbuild, minified ESM, code splitting, target es2022; ' +
        "entry chunk + its static imports; import() not followed). JavaScript only: an anchor's own stylesheets (Vidstack's theme.css " +
        "and layout CSS, lite-youtube-embed's CSS) are not counted. 'gzip vs npm' is against our npm <fragment-player>. Made of:\n" +
        anchors.map(anchorNote).join('\n'),
    },
    {
      title: 'On demand (dynamic import() chunks, loaded on play)',
      rows: [
        ...(await Promise.all(
          cdnOnDemand.map(async (chunk) =>
            withoutFiles({
              chunk: short(chunk),
              contains: await chunkAreas(root, chunk),
              ...sizes([await file(chunk)]),
            }),
          ),
        )),
        ...npmBundle.onDemand.map((row) =>
          withoutFiles({ ...row, chunk: `npm bundle: ${row.chunk}`, contains: short(row.contains) }),
        ),
      ],
    },
    {
      title: 'Our on-demand player chunks next to hls.js (all chunks import() loads on play, summed)',
      rows: [
        {
          what: `ours CDN: ${cdnOnDemand
            .filter((chunk) => !isFull(chunk))
            .map(short)
            .join(' + ')}`,
          ...cdnOnDemandSizes,
        },
        { what: `ours npm bundle: ${npmOnDemand.map((chunk) => chunk.chunk).join(' + ')}`, ...npmOnDemandSizes },
        ...hls,
      ].map((row) => ({
        ...row,
        'gzip vs hls.js light': times(row.gzip, hls.find((other) => other.what.startsWith('hls.js light:')).gzip),
      })),
      note: "The hls.js rows are bundled like the npm bundle (entries bench/anchors/hls-full.js and hls-light.js); our player bundles hls.js/light. 'ours' sums the chunks one play loads with the light engine (hls-engine-full, loaded instead of it only for alternate audio or subtitles, is not in it).",
    },
    engineTable(engines, short),
    {
      title:
        `Largest inputs before play, from esbuild's metafile of the same bundles made from src/ ` +
        `(CDN: src/index.ts, ${cdnSourceBytes.toLocaleString('en-US')} bytes, Vite's ${cdn.bytes.toLocaleString('en-US')}; ` +
        `npm: src/fragment-player/define.ts, ${npmSourceBytes.toLocaleString('en-US')} bytes, from dist ${npm.bytes.toLocaleString('en-US')})`,
      rows: cdnSource.inputs.slice(0, 12).map(([input, { bytesInOutput }]) => ({
        input,
        'CDN bytes': bytesInOutput,
        'CDN share': percent(bytesInOutput, cdnSourceBytes),
        'npm fragment-player bytes': npmSource.inputs.find(([other]) => other === input)?.[1].bytesInOutput ?? 0,
      })),
      note: `The other ${cdnSource.inputs.length - 12} inputs of the CDN entry: ${cdnSource.inputs
        .slice(12)
        .reduce((total, [, input]) => total + input.bytesInOutput, 0)
        .toLocaleString('en-US')} bytes.`,
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

/**
 * The CDN's two hls.js engine chunks side by side: what play would cost if every stream loaded
 * the full build, for one that needs none of it (plain fMP4 or MPEG-TS, multivariant without
 * alternate audio or subtitles): the full chunk's bytes over the light one's.
 */
function engineTable([light, full], short) {
  const title = 'hls.js engine chunk loaded on play (CDN): light, and full for a stream that needs none of it';
  if (!light || !full)
    return { title, rows: [], note: `NOT MEASURED: no ${light ? 'hls-engine-full' : 'hls-engine'} chunk in dist/cdn` };
  const row = (what, chunk) => ({
    what,
    chunk: short(chunk.chunk),
    bytes: chunk.bytes,
    gzip: chunk.gzip,
    brotli: chunk.brotli,
    'gzip vs light': times(chunk.gzip, light.gzip),
  });
  return {
    title,
    rows: [
      row('hls-engine (hls.js light): what ours loads for fMP4, MPEG-TS, multivariant', light),
      row('hls-engine-full (hls.js full): only for alternate audio or subtitle renditions', full),
      {
        what: 'full instead of light: the extra a stream that needs none of it would pay',
        chunk: '',
        bytes: full.bytes - light.bytes,
        gzip: full.gzip - light.gzip,
        brotli: full.brotli - light.brotli,
        'gzip vs light': times(full.gzip - light.gzip, light.gzip),
      },
    ],
    note: 'Both import the shared hls-attach chunk (loaded either way, not in these rows). Which chunk a play loaded: player-startup, JS after click.',
  };
}

/** Loads a page with one <fragment-player> from the CDN build, waits until the network is idle, and lists what it fetched. */
async function realPage(ctx, { file, short, kijkom }) {
  const page = await ctx.newPage();
  try {
    const url = ctx.server.url('/bench/pages/player.html', {
      src: '/demo/media/interview-32m/video.m3u8',
      start: '25:14',
      kijkom,
      run: 'size-page',
    });
    await page.goto(url, { waitUntil: 'networkidle0' });
    const resources = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((entry) => ({ name: new URL(entry.name).pathname, encoded: entry.encodedBodySize })),
    );
    const scripts = resources.filter((resource) => /\.m?js$/.test(resource.name));
    const media = resources.filter((resource) => /\.(m3u8|m4s|mp4|m4a)$/.test(resource.name));
    const hls = scripts.filter((resource) => /hls/.test(resource.name));
    const rows = await Promise.all(
      scripts.map(async (script) => ({
        script: short(script.name.slice(1)),
        'bytes sent': script.encoded,
        gzip: gzip(await file(script.name.slice(1))),
      })),
    );
    rows.push({
      script: 'total',
      'bytes sent': rows.reduce((total, row) => total + row['bytes sent'], 0),
      gzip: rows.reduce((total, row) => total + row.gzip, 0),
    });
    return {
      title: 'A page with one <fragment-player> (CDN build), before any click: scripts fetched (resource timing)',
      rows,
      note:
        'The bench server sends uncompressed (bytes sent = encodedBodySize); gzip is of the same files. ' +
        `hls.js chunk requested: ${hls.length ? `YES (${hls.map((script) => short(script.name.slice(1))).join(', ')})` : 'no'}; media requests: ${media.length}.`,
    };
  } finally {
    await page.close();
  }
}
