// The sample media as files on disk, and the media requests a bench page made.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

/** URL path of the 32-minute sample interview (made by scripts/make-media.mjs). */
export const PLAYLIST = '/demo/media/interview-32m/video.m3u8';

/** The 32-minute sample interview: one fMP4 media playlist. */
export const readInterview = (root) => readStream(root, PLAYLIST);

/**
 * A stream's files with their sizes and time ranges, read from disk (not assumed): a media
 * playlist, or a multivariant playlist and each of its renditions (`name` = the media playlist's
 * file name without `.m3u8`, `height` from RESOLUTION). `playlistBytes`, `initBytes` and
 * `segments` are the first rendition's (the only one of a media playlist); `masterBytes` is 0 for
 * a media playlist. Segments carry `index` (in their playlist) and `rendition` (its name).
 */
export async function readStream(root, playlist) {
  const file = path.join(root, playlist);
  const text = await readFile(file, 'utf8');
  const variants = [...text.matchAll(/#EXT-X-STREAM-INF:([^\n]*)\n([^#\s][^\n]*)/g)];
  const renditions = variants.length
    ? await Promise.all(
        variants.map(async ([, attributes, uri]) => {
          const media = path.join(path.dirname(file), uri);
          return {
            ...(await readMedia(media, await readFile(media, 'utf8'))),
            height: Number(/RESOLUTION=\d+x(\d+)/.exec(attributes)?.[1] ?? 0),
          };
        }),
      )
    : [await readMedia(file, text)];
  const [main] = renditions;
  const all = renditions.flatMap((rendition) => rendition.segments);
  const basename = (requestPath) => path.posix.basename(new URL(requestPath, 'http://x').pathname);
  return {
    masterBytes: variants.length ? Buffer.byteLength(text) : 0,
    renditions,
    playlistBytes: main.playlistBytes,
    initBytes: main.initBytes,
    segments: main.segments,
    /** The (first rendition's) segment whose time range holds `t`. */
    segmentAt: (t) => main.segmentAt(t),
    /** The segment a request path names, if any, in whichever rendition. */
    segmentOf: (requestPath) => all.find((segment) => basename(requestPath) === segment.name),
    /** The rendition whose height is closest to a decoded frame's (the first for a media playlist). */
    renditionOf: (height) =>
      renditions.reduce((best, r) => (Math.abs(r.height - height) < Math.abs(best.height - height) ? r : best)),
    /**
     * The least a player must fetch to show the frame at `t` in `rendition`: the multivariant
     * playlist (if any), the media playlist, the init segment (if any) and the segment holding `t`.
     */
    minimum(rendition, t) {
      const segment = rendition.segmentAt(t);
      return {
        segment,
        requests: (variants.length ? 1 : 0) + 1 + (rendition.initBytes ? 1 : 0) + 1,
        bytes:
          (variants.length ? Buffer.byteLength(text) : 0) +
          rendition.playlistBytes +
          rendition.initBytes +
          segment.bytes,
      };
    },
  };
}

async function readMedia(file, text) {
  const dir = path.dirname(file);
  const name = path.basename(file, '.m3u8');
  const size = async (file) => (await stat(path.join(dir, file))).size;
  const init = /#EXT-X-MAP:URI="([^"]+)"/.exec(text)?.[1];
  const segments = [];
  let time = 0;
  for (const [, duration, file] of text.matchAll(/#EXTINF:([\d.]+),[^\n]*\n([^#\s][^\n]*)/g)) {
    segments.push({
      index: segments.length,
      rendition: name,
      name: file,
      start: time,
      end: time + Number(duration),
      bytes: await size(file),
    });
    time += Number(duration);
  }
  return {
    name,
    height: 0,
    playlistBytes: Buffer.byteLength(text),
    initBytes: init ? await size(init) : 0,
    segments,
    segmentAt: (t) => segments.find((segment) => segment.start <= t && t < segment.end),
  };
}

const isMedia = (entry) => /\.(m3u8|m4s|mp4|m4a|ts)$/.test(new URL(entry.path, 'http://x').pathname);

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

/**
 * The segments the requests name, as index ranges: "0–1, 378–380"; per rendition when the stream
 * has several, in the order first fetched: "90p 22–23; 54p 22".
 */
export function segmentRanges(stream, entries) {
  const found = entries.map((entry) => stream.segmentOf(entry.path)).filter(Boolean);
  const names = [...new Set(found.map((segment) => segment.rendition))];
  const text = names.map((name) => {
    const indices = [...new Set(found.filter((s) => s.rendition === name).map((s) => s.index))].sort((a, b) => a - b);
    const ranges = [];
    for (const index of indices) {
      const last = ranges.at(-1);
      if (last && index === last[1] + 1) last[1] = index;
      else ranges.push([index, index]);
    }
    const list = ranges.map(([first, last]) => (first === last ? `${first}` : `${first}–${last}`)).join(', ');
    return (stream.renditions?.length ?? 1) > 1 ? `${name} ${list}` : list;
  });
  return text.join('; ') || 'none';
}
