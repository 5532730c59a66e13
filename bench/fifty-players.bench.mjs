// A page with 50 <fragment-player> elements on one catalogue (CDN build) against the same page with
// one, in the same run: time from navigation start to every facade shown, what the page fetched
// before any interaction (by type; media must be none, and no hls.js), JS heap after a GC, DOM nodes.
import { readFile } from 'node:fs/promises';
import path from 'node:path';

const CATALOGUE = '/demo/catalogue.json';
const MANY = 50;
/** The page is idle when no request arrived and none was open for this long. */
const QUIET_MS = 500;

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** What a request fetched, by its path. */
function kind(requestPath) {
  const name = new URL(requestPath, 'http://x').pathname;
  if (name === CATALOGUE) return 'catalogue';
  if (/\.(m3u8|m4s|mp4|m4a|vtt)$/.test(name)) return 'media';
  if (/\.m?js$/.test(name)) return 'scripts';
  if (/\.(jpe?g|png|svg|webp|avif|gif)$/.test(name)) return 'images';
  if (/\.html$/.test(name)) return 'document';
  return 'other';
}
const KINDS = ['document', 'scripts', 'catalogue', 'images', 'media', 'other'];

/** Resolves once the server has seen no new request and has none open for QUIET_MS (at most 15 s). */
async function quiet(log, from) {
  const deadline = Date.now() + 15_000;
  let seen = -1;
  let since = Date.now();
  while (Date.now() < deadline) {
    const entries = log.slice(from);
    if (entries.length !== seen || entries.some((entry) => !entry.done)) {
      seen = entries.length;
      since = Date.now();
    } else if (Date.now() - since >= QUIET_MS) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the page kept fetching for 15 s without any interaction');
}

/** In the page: every node of the document, shadow roots included, and how many players hold a media element. */
function countNodes() {
  let nodes = 0;
  const walk = (node) => {
    nodes++;
    if (node.shadowRoot) walk(node.shadowRoot);
    for (const child of node.childNodes) walk(child);
  };
  walk(document);
  const videos = [...document.querySelectorAll('fragment-player')].filter((player) =>
    player.shadowRoot?.querySelector('video, audio'),
  ).length;
  return { nodes, videos };
}

async function measure(ctx, url) {
  const page = await ctx.newPage();
  try {
    await page.setViewport({ width: 1280, height: 900 });
    const from = ctx.server.log.length;
    await page.goto(url);
    const { renderedMs, paintedMs } = await page.evaluate(() => window.facades);
    await quiet(ctx.server.log, from);
    const requests = ctx.server.log.slice(from);
    const cdp = await page.createCDPSession();
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    await cdp.detach();
    const { nodes, videos } = await page.evaluate(countNodes);
    const byKind = Object.fromEntries(KINDS.map((k) => [k, { requests: 0, bytes: 0 }]));
    for (const entry of requests) {
      byKind[kind(entry.path)].requests++;
      byKind[kind(entry.path)].bytes += entry.bytes;
    }
    const hls = requests.filter((entry) => /hls/i.test(entry.path)).length;
    return {
      renderedMs,
      paintedMs,
      heap: usedSize,
      nodes,
      videos,
      byKind,
      hls,
      total: requests.length,
      bytes: requests.reduce((sum, entry) => sum + entry.bytes, 0),
    };
  } finally {
    await page.close();
  }
}

export async function run(ctx) {
  const build = await ctx.build();
  const kijkom = `${build.url}/dist/cdn/kijkom.js`;
  const { fragments } = JSON.parse(await readFile(path.join(ctx.root, CATALOGUE), 'utf8'));
  const ids = fragments.map((fragment) => fragment.id).join(',');
  const variants = [
    { name: `${MANY} players`, count: MANY },
    { name: '1 player', count: 1 },
  ];
  const samples = new Map(variants.map((variant) => [variant, []]));
  // Interleaved, so a slow moment of the machine does not land on one variant only.
  for (let i = 1; i <= ctx.runs; i++) {
    for (const variant of variants) {
      const url = ctx.server.url('/bench/pages/fifty.html', {
        kijkom,
        catalogue: CATALOGUE,
        fragments: ids,
        count: variant.count,
        run: `fifty-${variant.count}-${i}`,
      });
      samples.get(variant).push(await measure(ctx, url));
    }
  }

  const summary = new Map(
    variants.map((variant) => {
      const runs = samples.get(variant);
      const pick = (get) => median(runs.map(get));
      return [
        variant,
        {
          renderedMs: pick((r) => r.renderedMs),
          paintedMs: pick((r) => r.paintedMs),
          heap: pick((r) => r.heap),
          nodes: pick((r) => r.nodes),
          videos: Math.max(...runs.map((r) => r.videos)),
          hls: Math.max(...runs.map((r) => r.hls)),
          total: pick((r) => r.total),
          bytes: pick((r) => r.bytes),
          byKind: Object.fromEntries(
            KINDS.map((k) => [
              k,
              { requests: pick((r) => r.byKind[k].requests), bytes: pick((r) => r.byKind[k].bytes) },
            ]),
          ),
          // Whether every run fetched the same: a count that varies is worth knowing.
          steady: runs.every((r) => KINDS.every((k) => r.byKind[k].requests === runs[0].byKind[k].requests)),
          maxMedia: Math.max(...runs.map((r) => r.byKind.media.requests)),
        },
      ];
    }),
  );
  const many = summary.get(variants[0]);
  const one = summary.get(variants[1]);
  const kb = (bytes) => Number((bytes / 1000).toFixed(1));
  const extra = MANY - 1;

  const loadRows = variants.map((variant) => {
    const s = summary.get(variant);
    return {
      page: variant.name,
      'facades ms': Math.round(s.renderedMs),
      '× 1 player': Number((s.renderedMs / one.renderedMs).toFixed(2)),
      'painted ms': Math.round(s.paintedMs),
      'JS heap KB': kb(s.heap),
      'DOM nodes': s.nodes,
    };
  });
  loadRows.push({
    page: `each extra player (${MANY} − 1) / ${extra}`,
    'facades ms': Number(((many.renderedMs - one.renderedMs) / extra).toFixed(2)),
    '× 1 player': '',
    'painted ms': Number(((many.paintedMs - one.paintedMs) / extra).toFixed(2)),
    'JS heap KB': kb((many.heap - one.heap) / extra),
    'DOM nodes': Number(((many.nodes - one.nodes) / extra).toFixed(1)),
  });

  const anyOther = variants.some((variant) => summary.get(variant).byKind.other.requests);
  const anyMedia = variants.some((variant) => summary.get(variant).maxMedia);
  const requestRows = variants.map((variant) => {
    const s = summary.get(variant);
    const row = { page: variant.name, requests: s.total, bytes: s.bytes };
    // Counts for every type; bytes where there is something to weigh (media bytes only if media was fetched at all).
    for (const k of KINDS.filter((k) => k !== 'other' || anyOther)) {
      row[k] = s.byKind[k].requests;
      if (k !== 'document' && (k !== 'media' || anyMedia)) row[`${k} bytes`] = s.byKind[k].bytes;
    }
    row['hls.js'] = s.hls;
    row['nothing before play'] = s.maxMedia === 0 && s.hls === 0 && s.videos === 0 ? 'PASS' : 'FAIL';
    return row;
  });

  return [
    {
      title: `${MANY} <fragment-player> elements on one catalogue vs one, CDN build, 1280×900 (median of ${ctx.runs} fresh pages each, interleaved, cache off)`,
      rows: loadRows,
      note:
        'facades: navigation start → every player shows its title and play button (all catalogue-load events fired, every update done);\n' +
        'painted: → after the next animation frame. JS heap: Runtime.getHeapUsage usedSize after HeapProfiler.collectGarbage, once the page is idle.\n' +
        'DOM nodes: every node of the document, shadow roots included. No timing goal: the ratio is what to watch.',
    },
    {
      title: `Requests before any interaction (until ${QUIET_MS} ms without a request; median of ${ctx.runs} each; bytes = body bytes sent)`,
      rows: requestRows,
      note:
        `document: the page itself; scripts: dist/cdn/kijkom.js and its static imports; catalogue: ${CATALOGUE}; images: the posters (${MANY} <img> of one URL in the ${MANY}-player page).\n` +
        `media: playlists, segments, captions (must be 0). hls.js: requests whose path names hls (must be 0). nothing before play also needs no <video>/<audio> in any player.\n` +
        (variants.every((variant) => summary.get(variant).steady)
          ? 'Every run fetched the same number of requests of each type.'
          : 'The number of requests of some type varied between runs (medians shown).'),
    },
  ];
}
