// The requests hls.js makes first for a start part-way through a stream, read from its playlists'
// text: the rendition a multivariant playlist starts on, then the init section and the segment
// holding the start. The engine makes them while hls.js's code is still loading, and hands hls.js
// the answers from memory. Pure: no DOM.

/** A request for media bytes: its URL, and where the playlist gives one its byte range (`end` exclusive). */
export interface MediaRequest {
  url: string;
  start?: number;
  end?: number;
}

/**
 * The requests, in order, that hls.js starts with for `start` in the media playlist `text` (found
 * at `playlistUrl`), buffering `ahead` seconds past it: the init section, the segment holding the
 * start, and the next one where the start lies within `ahead` of its end. None for a multivariant
 * playlist (the rendition is chosen later), a playlist still growing (no `#EXT-X-ENDLIST`: its
 * segments may change), or a start outside it.
 */
export function startRequests(text: string, playlistUrl: string, start: number, ahead: number): MediaRequest[] {
  const lines = text.split(/\r?\n/).map((line) => line.trim());
  if (lines[0] !== '#EXTM3U' || !lines.includes('#EXT-X-ENDLIST')) return [];
  if (lines.some((line) => line.startsWith('#EXT-X-STREAM-INF') || line.startsWith('#EXT-X-DEFINE'))) return [];
  try {
    return readStart(lines, playlistUrl, start, ahead);
  } catch {
    // A URI no URL can be made of: hls.js asks for what it can itself.
    return [];
  }
}

function readStart(lines: string[], playlistUrl: string, start: number, ahead: number): MediaRequest[] {
  const resolve = (uri: string) => new URL(uri, playlistUrl).href;
  /** A segment key (AES-128, AES-256) is in force: hls.js widens a byte-range init section to whole blocks. */
  let keyed = false;

  let init: MediaRequest | undefined;
  let duration: number | undefined;
  let range: { length: number; offset?: number } | undefined;
  /** Where the last byte range of each URL ended: a range without an offset starts there. */
  const rangeEnds = new Map<string, number>();
  let time = 0;
  const found: MediaRequest[] = [];
  for (const line of lines) {
    if (line.startsWith('#EXT-X-MAP:')) {
      const uri = attribute(line, 'URI');
      const mapRange = byteRange(attribute(line, 'BYTERANGE'));
      if (uri === undefined) return [];
      const url = resolve(uri);
      if (mapRange && keyed) init = undefined;
      else
        init = mapRange ? { url, start: mapRange.offset ?? 0, end: (mapRange.offset ?? 0) + mapRange.length } : { url };
    } else if (line.startsWith('#EXT-X-KEY:')) {
      keyed = attribute(line, 'METHOD') !== 'NONE';
    } else if (line.startsWith('#EXTINF:')) {
      duration = Number.parseFloat(line.slice('#EXTINF:'.length));
      if (!(duration >= 0)) return [];
    } else if (line.startsWith('#EXT-X-BYTERANGE:')) {
      range = byteRange(line.slice('#EXT-X-BYTERANGE:'.length));
      if (!range) return [];
    } else if (line && !line.startsWith('#')) {
      if (duration === undefined) return [];
      const url = resolve(line);
      let request: MediaRequest = { url };
      if (range) {
        const offset = range.offset ?? rangeEnds.get(url) ?? 0;
        request = { url, start: offset, end: offset + range.length };
        rangeEnds.set(url, request.end!);
      }
      const end = time + duration;
      // The segment holding the start, then the next one while the start lies within `ahead` of
      // the end of the one before.
      if ((found.length === 0 && start >= time && start < end) || (found.length > 0 && start + ahead > time)) {
        if (found.length === 0 && init) found.push(init);
        found.push(request);
      } else if (found.length > 0) break;
      time = end;
      duration = undefined;
      range = undefined;
    }
  }
  return found;
}

/**
 * Whether two URLs name the same resource, as written by a playlist and as hls.js resolved it
 * (which leaves what `URL` would percent-encode or lowercase as it stands).
 */
export function sameUrl(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && normalUrl(a) === normalUrl(b);
}

/** A URL in `URL`'s spelling; the text as it stands where it is none. */
export function normalUrl(url: string): string {
  try {
    return new URL(url).href;
  } catch {
    return url;
  }
}

/** A quoted or plain attribute's value in a tag's attribute list. */
function attribute(line: string, name: string): string | undefined {
  const match = new RegExp(`[:,]${name}=("[^"]*"|[^,]*)`).exec(line);
  return match?.[1].replace(/^"|"$/g, '');
}

/** `length[@offset]`, as `#EXT-X-BYTERANGE` and the map's `BYTERANGE` give it. */
function byteRange(value: string | undefined): { length: number; offset?: number } | undefined {
  const match = /^(\d+)(?:@(\d+))?$/.exec(value ?? '');
  if (!match) return undefined;
  return { length: Number(match[1]), offset: match[2] === undefined ? undefined : Number(match[2]) };
}

/**
 * The bandwidth estimate (bits per second) before anything was measured: hls.js's, set in its
 * configuration so that the engine's early choice and hls.js's agree.
 */
export const START_ESTIMATE = 500_000;

/** A rendition a multivariant playlist offers. */
export interface Variant {
  url: string;
  /** Its peak bits per second (`BANDWIDTH`). */
  bitrate: number;
  /** Its picture's width, where the playlist says (`RESOLUTION`). */
  width?: number;
}

/** The renditions of a multivariant playlist, in its order; none for a media playlist. */
export function variants(text: string, playlistUrl: string): Variant[] {
  const lines = text.split(/\r?\n/).map((line) => line.trim());
  if (lines.some((line) => line.startsWith('#EXT-X-DEFINE'))) return [];
  const found: Variant[] = [];
  lines.forEach((line, i) => {
    if (!line.startsWith('#EXT-X-STREAM-INF:')) return;
    const uri = lines.slice(i + 1).find((next) => next && !next.startsWith('#'));
    const bitrate = Number(attribute(line, 'BANDWIDTH'));
    if (!uri || !(bitrate > 0)) return;
    const width = Number(/^(\d+)x\d+$/.exec(attribute(line, 'RESOLUTION') ?? '')?.[1]) || undefined;
    // One without a picture (audio only) hls.js leaves out where others have one.
    if (!width && /CODECS="mp4a[^,"]*"/.test(line)) return;
    const url = URL.canParse(uri, playlistUrl) ? new URL(uri, playlistUrl).href : undefined;
    if (url) found.push({ url, bitrate, width });
  });
  return found;
}

/**
 * The rendition to start on, so that the start segment is fetched once (hls.js would start on the
 * first and switch once it knows the player's size): the lowest bitrate as wide as the player (in
 * device pixels), or the widest, within the bandwidth estimate (bits per second). Undefined where
 * there is no choice or the renditions do not say their widths.
 */
export function startVariant<V extends Omit<Variant, 'url'>>(
  renditions: readonly V[],
  playerWidth: number,
  estimate: number,
): V | undefined {
  if (renditions.length < 2 || !playerWidth || renditions.some((variant) => !variant.width)) return undefined;
  const byBitrate = [...renditions].sort((a, b) => a.bitrate - b.bitrate);
  let start = byBitrate.findIndex((variant) => variant.width! >= playerWidth);
  if (start < 0) start = byBitrate.length - 1;
  while (start > 0 && byBitrate[start].bitrate > estimate) start--;
  return byBitrate[start];
}
