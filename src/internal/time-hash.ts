/**
 * Time links `#t=<start>[,<end>]`: an interview page opened with one cues that stretch, and its
 * transcript brings the turn there into view. Apart from the fragment deep links (`deep-link.ts`),
 * which every player joins before play: only the interview page and the transcript read these.
 */

import { parseTime } from '../catalogue/time.js';

/**
 * The stretch named by a `#t=<start>[,<end>]` hash (seconds, or `[h:]m:s`); undefined for any
 * other hash. An end not after the start is left out.
 */
export function parseTimeHash(hash: string): { start: number; end?: number } | undefined {
  const [start, end] =
    /^#t=([^,]+)(?:,(.+))?$/
      .exec(hash)
      ?.slice(1)
      .map((time) => time && parseTime(time)) ?? [];
  if (!start || !start.ok) return undefined;
  return { start: start.seconds, end: end && end.ok && end.seconds > start.seconds ? end.seconds : undefined };
}
