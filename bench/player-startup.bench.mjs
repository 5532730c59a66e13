// Bytes, requests and time from pressing play to the first frame at a start part-way through a
// stream: our <fragment-player> (CDN build) against plain hls.js with and without startPosition,
// and against Chromium's native HLS (a plain <video src=playlist>, no MSE), which our engine uses
// only where MSE is missing: seeking on loadedmetadata as our native path does, and with #t=start.
// One table per stream in STREAMS, all made by the same code.
import { PLAYLIST, mediaRequests, readStream, segmentRanges, sum } from './lib/media.mjs';

/** The streams measured, each with a start in the middle: a label, its playlist and the start in seconds. */
const STREAMS = [
  { label: 'the 32-minute interview (fMP4)', src: PLAYLIST, start: 1514 }, // 25:14
  { label: 'MPEG-TS (streams/ts)', src: '/demo/media/streams/ts/index.m3u8', start: 90 },
  {
    label: 'multivariant, 3 fMP4 renditions (streams/multivariant)',
    src: '/demo/media/streams/multivariant/index.m3u8',
    start: 90,
  },
];
const GOAL = 1.1;
/** The pointer's rest on the facade before the click, in the "with hover" rows (intent loads our code). */
const HOVER_MS = 300;
/**
 * The networks: loopback for every stream; DevTools throttling (Chromium's network emulation: each
 * request waits the round trip, bytes flow at the rate) for the interview, with ours and the anchor only.
 */
const NETWORKS = [
  { label: 'loopback' },
  { label: '10 Mbit/s, 40 ms RTT', mbit: 10, rtt: 40 },
  { label: '1.6 Mbit/s, 150 ms RTT', mbit: 1.6, rtt: 150 },
];

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** 1514 → "25:14", the form a page gives <fragment-player start>. */
const clock = (seconds) => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;

export async function run(ctx) {
  const build = await ctx.build();
  const kijkom = `${build.url}/dist/cdn/kijkom.js`;
  const tables = [];
  for (const [n, stream] of STREAMS.entries()) tables.push(await startup(ctx, kijkom, stream, n, NETWORKS[0]));
  for (const [n, network] of NETWORKS.entries())
    if (network.mbit) tables.push(await startup(ctx, kijkom, STREAMS[0], `${n}-net`, network));
  return tables;
}

/** The startup table of one stream on one network. `n` keeps its run tags apart from the other tables'. */
async function startup(ctx, kijkom, { label, src, start }, n, network) {
  const stream = await readStream(ctx.root, src);
  const multivariant = stream.renditions.length > 1;
  const throttled = Boolean(network.mbit);

  const allVariants = [
    {
      name: 'ours: <fragment-player> (CDN build)',
      page: '/bench/pages/player.html',
      params: { src, start: clock(start), kijkom },
    },
    {
      name: `ours, the pointer on the facade ${HOVER_MS} ms before the click`,
      page: '/bench/pages/player.html',
      params: { src, start: clock(start), kijkom },
      hover: HOVER_MS,
    },
    {
      name: 'hls.js startPosition',
      page: '/bench/pages/hls.html',
      params: { src, start, mode: 'start-position' },
    },
    {
      name: 'naive: hls.js from 0, seek on canplay',
      page: '/bench/pages/hls.html',
      params: { src, start, mode: 'naive' },
    },
    {
      name: 'native HLS, seek on loadedmetadata',
      page: '/bench/pages/native.html',
      params: { src, start, mode: 'seek' },
      native: 'seek',
    },
    {
      name: `native HLS, src#t=${start}`,
      page: '/bench/pages/native.html',
      params: { src, start, mode: 'fragment' },
      native: 'fragment',
    },
  ];
  // Throttled: ours and the anchor only (the other rows answer other questions, on loopback).
  const variants = throttled ? allVariants.slice(0, 3) : allVariants;
  const anchor = variants[2];
  // Whether this Chromium plays the playlist natively at all, in each mode; a mode that does not
  // gets that fact as its row instead of figures.
  const probe = throttled
    ? { mse: true, summary: 'not checked here', unavailable: () => undefined }
    : await probeNative(ctx, src, start, n);
  for (const variant of variants.filter((v) => v.native)) variant.unavailable = probe.unavailable(variant.native);
  const samples = new Map(variants.map((variant) => [variant, []]));
  // Interleaved, so a slow moment of the machine does not land on one variant only.
  for (let i = 1; i <= ctx.runs; i++) {
    for (const variant of variants.filter((v) => !v.unavailable)) {
      const tag = `startup-${n}-${variants.indexOf(variant)}-${i}`;
      const page = await ctx.newPage();
      try {
        if (throttled) {
          const bytesPerSecond = (network.mbit * 1e6) / 8;
          await page.emulateNetworkConditions({
            download: bytesPerSecond,
            upload: bytesPerSecond,
            latency: network.rtt,
          });
        }
        await page.goto(ctx.server.url(variant.page, { ...variant.params, run: tag }));
        const frame = await page
          .evaluate(
            (start, hover) => import('/bench/pages/measure.js').then((m) => m.firstFrame(start, hover)),
            start,
            variant.hover ?? 0,
          )
          // A native run that does not get there is a result, not a broken bench: keep why.
          .catch(async (error) => {
            if (!variant.native) throw error;
            const media = await page
              .evaluate(() => document.querySelector('video')?.error?.message ?? '')
              .catch(() => '');
            return { failed: `${error.message}${media ? ` (${media})` : ''}` };
          });
        if (frame.failed) {
          samples.get(variant).push(frame);
          continue;
        }
        const requests = await mediaRequests(ctx.server.log, tag, frame.clickedAt, frame.firstFrameAt);
        // Module requests carry their importer as referer, not the page: they are found by time alone (one page at a time).
        const scripts = ctx.server.log.filter(
          (entry) =>
            /\.m?js(\?|$)/.test(entry.path) && entry.time >= frame.clickedAt && entry.time <= frame.firstFrameAt,
        );
        // Against the least that shows this frame in the rendition it came from (of a multivariant stream).
        const rendition = stream.renditionOf(frame.height);
        const least = stream.minimum(rendition, start);
        samples.get(variant).push({
          requests: requests.length,
          bytes: sum(requests),
          ratio: sum(requests) / least.bytes,
          rendition: rendition.name,
          ms: frame.ms,
          segments: segmentRanges(stream, requests),
          order: requestOrder(stream, requests),
          js: sum(scripts),
          chunks: scripts.map((entry) => chunkName(entry.path)).join(', '),
        });
      } finally {
        await page.close();
      }
    }
  }

  const medians = variants.map((variant) => {
    if (variant.unavailable) return { variant, unavailable: variant.unavailable };
    const failures = samples.get(variant).filter((r) => r.failed);
    const runs = samples.get(variant).filter((r) => !r.failed);
    if (runs.length === 0)
      return { variant, unavailable: `no frame at ${start} s in ${failures.length} runs: ${failures[0].failed}` };
    const bytes = median(runs.map((r) => r.bytes));
    // The segments of the run closest to the median bytes, to show what the bytes were.
    const typical = runs.reduce((best, r) => (Math.abs(r.bytes - bytes) < Math.abs(best.bytes - bytes) ? r : best));
    return {
      variant,
      requests: median(runs.map((r) => r.requests)),
      bytes,
      ratio: median(runs.map((r) => r.ratio)),
      ms: median(runs.map((r) => r.ms)),
      js: median(runs.map((r) => r.js)),
      segments: typical.segments,
      order: typical.order,
      rendition: typical.rendition,
      chunks: typical.chunks,
      withinGoal: runs.filter((r) => r.ratio <= GOAL).length,
      failed: failures.length,
    };
  });
  const anchorMs = medians.find((m) => m.variant === anchor).ms;
  const ours = medians[0];
  // The minimum row: in the rendition ours showed (a media playlist has one).
  const shown = stream.renditions.find((r) => r.name === ours.rendition) ?? stream.renditions[0];
  const minimum = stream.minimum(shown, start);
  const first = minimum.segment;
  // A multivariant stream's table says which rendition each first frame came from.
  const renditionColumn = (name) => (multivariant ? { rendition: name } : {});
  const blank = {
    ...renditionColumn(''),
    requests: '',
    bytes: '',
    '× min': '',
    [`runs ≤ ${GOAL}×`]: '',
    segments: '',
    'click→frame ms': '',
    '× hls.js': '',
    'JS after click': '',
  };
  const goal = ours.ratio <= GOAL ? 'PASS' : 'OVER';
  const parts = [
    multivariant && `multivariant playlist ${stream.masterBytes}`,
    `${multivariant ? `${shown.name} ` : ''}playlist ${shown.playlistBytes}`,
    shown.initBytes && `init ${shown.initBytes}`,
    `segment ${first.index} (${first.start}–${first.end} s) ${first.bytes} bytes`,
  ].filter(Boolean);
  return {
    title:
      `${label}: play at ${clock(start)} (${start} s), ${network.label}, media fetched from the click to the first frame ` +
      `(median of ${ctx.runs} runs each, cache off)`,
    rows: [
      {
        player: 'physical minimum',
        ...renditionColumn(shown.name),
        requests: minimum.requests,
        bytes: minimum.bytes,
        '× min': 1,
        [`runs ≤ ${GOAL}×`]: '',
        segments: multivariant ? `${shown.name} ${first.index}` : String(first.index),
        'click→frame ms': '',
        '× hls.js': '',
        'JS after click': '',
      },
      ...medians.map(
        ({ variant, unavailable, requests, bytes, ratio, ms, segments, rendition, js, withinGoal, failed }) =>
          unavailable
            ? {
                player: variant.name,
                ...blank,
                // The fact instead of figures: this Chromium does not play it that way (why: in the note).
                requests: 'NOT MEASURED',
                segments: 'see note',
              }
            : {
                player: variant.name,
                ...renditionColumn(rendition),
                requests,
                bytes,
                '× min': Number(ratio.toFixed(2)),
                // On loopback whether the next segment is requested before the first frame is a race: show how it went.
                [`runs ≤ ${GOAL}×`]: `${withinGoal}/${ctx.runs}${failed ? ` (${failed} failed)` : ''}`,
                segments,
                'click→frame ms': Math.round(ms),
                '× hls.js': Number((ms / anchorMs).toFixed(2)),
                'JS after click': js,
              },
      ),
    ],
    note:
      `minimum = ${parts.join(' + ')}, from disk.\n` +
      (multivariant
        ? `× min is each run's bytes against the minimum in the rendition its first frame came from (by height): ` +
          `${stream.renditions.map((r) => `${r.name} ${stream.minimum(r, start).bytes}`).join(', ')} bytes.\n`
        : '') +
      `A request counts when it starts between the click and the first frame shown at ≥ ${start} s, with all the bytes it was sent.\n` +
      `Ours fetches and compiles its on-demand chunks after the click (JS after click, bytes: ${ours.chunks || 'none'}), or on the pointer's rest before it (with hover); the plain pages load hls.js with the page.\n` +
      `Goals (issue 21): click→frame ≤ 0.8 × hls.js with hover, ≤ 1.0 × without.\n` +
      `Goal: ours ≤ ${GOAL} × minimum bytes (median) → ${goal} (${ours.ratio.toFixed(2)} ×).\n` +
      `Native HLS check (before the runs, MediaSource ${probe.mse ? 'present: our engine uses hls.js here' : 'missing'}): ${probe.summary}\n` +
      medians
        .filter((m) => m.variant.native)
        .map(
          (m) =>
            `${m.variant.name}: ${m.unavailable ? `NOT MEASURED, ${m.unavailable}` : `requests in order (median-bytes run): ${m.order}`}`,
        )
        .join('\n'),
  };
}

/** A built chunk's name without its hash: "…/hls-engine-DhEbHe.js" → "hls-engine". */
const chunkName = (requestPath) =>
  new URL(requestPath, 'http://x').pathname
    .split('/')
    .pop()
    .replace(/-[\w-]{6}\.m?js$|\.m?js$/, '');

/**
 * Requests in the order they arrived, by what they fetched: "playlist, init, 0, init, 0, 1, 2, init, 378";
 * of a multivariant stream with the rendition: "master, 90p playlist, 90p init, 90p 22".
 */
function requestOrder(stream, requests) {
  const multivariant = stream.renditions.length > 1;
  return [...requests]
    .sort((a, b) => a.time - b.time)
    .map((entry) => {
      const name = new URL(entry.path, 'http://x').pathname.split('/').pop();
      const segment = stream.segmentOf(entry.path);
      if (segment) return multivariant ? `${segment.rendition} ${segment.index}` : segment.index;
      if (!multivariant) return name.endsWith('.m3u8') ? 'playlist' : /init/.test(name) ? 'init' : name;
      const rendition = stream.renditions.find((r) => name.startsWith(`${r.name}.`) || name.startsWith(`${r.name}-`));
      if (!rendition) return name.endsWith('.m3u8') ? 'master' : name;
      return `${rendition.name} ${name.endsWith('.m3u8') ? 'playlist' : /init/.test(name) ? 'init' : name}`;
    })
    .join(', ');
}

/**
 * One page of its own (its requests carry their own tag, outside every measured window): what
 * canPlayType says for HLS, and whether each native mode plays the playlist from start.
 */
async function probeNative(ctx, src, start, n) {
  const page = await ctx.newPage();
  try {
    await page.goto(ctx.server.url('/bench/pages/native.html', { src, start, run: `startup-${n}-native-probe` }));
    const report = await page.evaluate(() => window.probeNative());
    const mse = await page.evaluate(() => 'MediaSource' in globalThis || 'ManagedMediaSource' in globalThis);
    const at = (t) => (t === null ? 'none' : `${t.toFixed(2)} s`);
    const unavailable = (mode) => {
      if (!report.canPlayType) return `canPlayType('application/vnd.apple.mpegurl') is '' in this Chromium`;
      const result = report.modes[mode];
      if (result.error) return `does not play the playlist natively: ${result.error}`;
      if (mode === 'fragment' && (result.atMetadata ?? 0) < start - 0.25)
        return `#t=${start} not honoured (currentTime ${at(result.atMetadata)} at loadedmetadata)`;
      if (!result.playing) return `did not play on from ${start} s within 15 s (currentTime ${at(result.at)})`;
      return undefined;
    };
    const modeText = (mode) => {
      const result = report.modes[mode];
      return `${mode}: ${unavailable(mode) ?? 'plays'} (currentTime ${at(result.atMetadata)} at loadedmetadata, ${at(result.at)} after)`;
    };
    const summary =
      `canPlayType('application/vnd.apple.mpegurl') = '${report.canPlayType}'` +
      (report.canPlayType ? `; ${modeText('seek')}; ${modeText('fragment')}` : '');
    return { mse, summary, unavailable };
  } finally {
    await page.close();
  }
}
