/** Clip arithmetic of a fragment inside its interview; no DOM. */

/** How close to `end` counts as having reached it (seconds). */
export const END_TOLERANCE = 0.05;
/** Playback that waits or is paused closer than this to `end` (seconds) has reached it: the buffer stops there. */
export const END_WAIT = 0.3;

/** A progressive URL with a media fragment, so the browser starts (and stops) there itself. */
export function withMediaFragment(src: string, start: number, end?: number): string {
  const url = new URL(src);
  url.hash = `t=${start}${end === undefined ? '' : `,${end}`}`;
  return url.href;
}

/** Milliseconds of playback left until `end` at `rate`, or undefined without an end. */
export function msUntilEnd(currentTime: number, end: number | undefined, rate: number): number | undefined {
  if (end === undefined) return undefined;
  return Math.max(0, ((end - currentTime) / (rate || 1)) * 1000);
}

export function hasReachedEnd(currentTime: number, end: number | undefined): boolean {
  return end !== undefined && currentTime >= end - END_TOLERANCE;
}
