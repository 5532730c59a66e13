// Media fetched for a fragment with an end (2:22–2:40): our <fragment-player> against hls.js
// defaults that pause at the end, from the click until 3 s after playback stopped.
import { PLAYLIST, mediaRequests, readInterview, segmentRanges, sum } from './lib/media.mjs';

const START = 142; // 2:22
const END = 160; // 2:40
/** How long after the stop fetching is still watched: a player that reads ahead keeps going. */
const AFTER_MS = 3000;

export async function run(ctx) {
  const build = await ctx.build();
  const kijkom = `${build.url}/dist/cdn/kijkom.js`;
  const interview = await readInterview(ctx.root);
  // The segments that hold a frame of [START, END): the last is the one holding the end.
  const needed = interview.segments.filter((segment) => segment.end > START && segment.start < END);
  const last = needed.at(-1);
  const neededBytes = interview.playlistBytes + interview.initBytes + sum(needed);

  const variants = [
    {
      name: 'ours: <fragment-player> (CDN build)',
      page: '/bench/pages/player.html',
      params: { src: PLAYLIST, start: '2:22', end: '2:40', kijkom },
    },
    {
      name: 'hls.js defaults, startPosition, pause at end',
      page: '/bench/pages/hls.html',
      params: { src: PLAYLIST, start: START, end: END, mode: 'start-position' },
    },
  ];
  const rows = [
    {
      player: 'needed',
      requests: needed.length + 2,
      bytes: neededBytes,
      '× needed': 1,
      segments: segmentRanges(
        interview,
        needed.map((s) => ({ path: s.name })),
      ),
      'beyond end': 0,
      'stopped by': '',
      'at s': '',
    },
  ];
  for (const [i, variant] of variants.entries()) {
    const tag = `clip-end-${i}`;
    const page = await ctx.newPage();
    try {
      await page.goto(ctx.server.url(variant.page, { ...variant.params, run: tag }));
      const played = await page.evaluate(
        (start, end) => import('/bench/pages/measure.js').then((m) => m.playToEnd(start, end)),
        START,
        END,
      );
      await new Promise((resolve) => setTimeout(resolve, AFTER_MS));
      const requests = await mediaRequests(ctx.server.log, tag, played.clickedAt, played.endedAt + AFTER_MS);
      const beyond = new Set(
        requests
          .map((entry) => interview.segmentOf(entry.path))
          .filter((segment) => segment && segment.index > last.index),
      );
      rows.push({
        player: variant.name,
        requests: requests.length,
        bytes: sum(requests),
        '× needed': Number((sum(requests) / neededBytes).toFixed(2)),
        segments: segmentRanges(interview, requests),
        'beyond end': beyond.size,
        'stopped by': played.how,
        'at s': Number(played.stoppedAt.toFixed(2)),
      });
    } finally {
      await page.close();
    }
  }
  const ours = rows[1];
  return [
    {
      title: `Fragment ${START}–${END} s played to its end: media fetched from the click until ${AFTER_MS / 1000} s after it stopped (one run each, cache off)`,
      rows,
      note:
        `needed = playlist + init + segments ${needed[0].index}–${last.index} (${needed[0].start}–${last.end} s), the ones holding a frame of [${START}, ${END}).\n` +
        `"stopped by": our fragment-ended or the plain page's pause at ${END} s (else what ended the wait, clip length + 10 s); "at": currentTime then.\n` +
        `Goal: at most one segment beyond segment ${last.index} → ${ours['beyond end'] <= 1 ? 'PASS' : 'OVER'} (ours: ${ours['beyond end']})` +
        (ours['stopped by'] === 'fragment-ended'
          ? '.'
          : `, but ours did not end: ${ours['stopped by']}, stuck at ${ours['at s']} s.`),
    },
  ];
}
