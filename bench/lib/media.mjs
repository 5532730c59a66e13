// The sample interview as files on disk, and the media requests a bench page made.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

/** URL path of the 32-minute sample interview (made by scripts/make-media.mjs). */
export const PLAYLIST = '/demo/media/interview-32m/video.m3u8';

/** The playlist's files with their sizes and time ranges, read from disk (not assumed). */
export async function readInterview(root) {
  const file = path.join(root, PLAYLIST);
  const dir = path.dirname(file);
  const size = async (name) => (await stat(path.join(dir, name))).size;
  const text = await readFile(file, 'utf8');
  const init = /#EXT-X-MAP:URI="([^"]+)"/.exec(text)[1];
  const segments = [];
  let time = 0;
  for (const [, duration, name] of text.matchAll(/#EXTINF:([\d.]+),[^\n]*\n([^#\s][^\n]*)/g)) {
    segments.push({ index: segments.length, name, start: time, end: time + Number(duration), bytes: await size(name) });
    time += Number(duration);
  }
  return {
    playlistBytes: Buffer.byteLength(text),
    initBytes: await size(init),
    segments,
    /** The segment whose time range holds `t`. */
    segmentAt: (t) => segments.find((segment) => segment.start <= t && t < segment.end),
    /** The segment a request path names, if any. */
    segmentOf: (requestPath) =>
      segments.find((segment) => path.posix.basename(new URL(requestPath, 'http://x').pathname) === segment.name),
  };
}

const isMedia = (entry) => /\.(m3u8|m4s|mp4|m4a)$/.test(new URL(entry.path, 'http://x').pathname);

/**
 * The media requests the page tagged `run` made from `from` to `to` (epoch ms), once they have
 * finished: a request started in the window counts with all it was sent, even if it ends later.
 */
export async function mediaRequests(log, run, from, to) {
  const fromRun = (entry) => URL.canParse(entry.referer) && new URL(entry.referer).searchParams.get('run') === run;
  const entries = log.filter((entry) => isMedia(entry) && fromRun(entry) && entry.time >= from && entry.time <= to);
  for (let waited = 0; entries.some((entry) => !entry.done) && waited < 5000; waited += 50) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return entries;
}

export const sum = (entries) => entries.reduce((total, entry) => total + entry.bytes, 0);

/** The segments the requests name, as index ranges: "0–1, 378–380". */
export function segmentRanges(interview, entries) {
  const indices = [
    ...new Set(entries.map((entry) => interview.segmentOf(entry.path)?.index).filter((index) => index !== undefined)),
  ].sort((a, b) => a - b);
  const ranges = [];
  for (const index of indices) {
    const last = ranges.at(-1);
    if (last && index === last[1] + 1) last[1] = index;
    else ranges.push([index, index]);
  }
  return ranges.map(([first, last]) => (first === last ? `${first}` : `${first}–${last}`)).join(', ') || 'none';
}
