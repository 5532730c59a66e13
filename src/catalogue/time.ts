/**
 * Time values of the catalogue: seconds (a number or numeric string) or `[h:]m:s` with
 * unpadded fields, as the source site writes them ("12:1" is 12 min 1 s).
 */

/** A parsed time, or the reason it is not one (used verbatim in warnings). */
export type TimeResult = { ok: true; seconds: number } | { ok: false; reason: string };

const NUMBER = /^\d+(?:\.\d+)?$/;
/** `[h:]m:s`: whole hours and minutes, seconds with a fraction. */
const CLOCK = /^(?:(\d+):)?(\d+):(\d+(?:\.\d+)?)$/;

const invalid = (reason: string): TimeResult => ({ ok: false, reason });

/** Parses a catalogue time; never throws. */
export function parseTime(value: unknown): TimeResult {
  let seconds: number;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return invalid('is not a finite number');
    if (value < 0) return invalid('is negative');
    seconds = value;
  } else {
    if (typeof value !== 'string') return invalid('is not a time');
    const text = value.trim();
    if (!text) return invalid('is empty');
    if (text.startsWith('-')) return invalid('is negative');
    seconds = Number(text);
    if (!NUMBER.test(text)) {
      const clock = CLOCK.exec(text);
      if (!clock) return invalid('is not a time');
      const [h, m, s] = clock.slice(1).map((field) => Number(field ?? 0));
      if (s >= 60) return invalid('has seconds of 60 or more');
      if (clock[1] !== undefined && m >= 60) return invalid('has minutes of 60 or more');
      seconds = (h * 60 + m) * 60 + s;
    }
  }
  return Number.isFinite(seconds) ? { ok: true, seconds } : invalid('is too large');
}

function parts(seconds: number): [number, number, number] {
  const whole = Math.floor(Math.max(0, seconds));
  return [Math.floor(whole / 3600), Math.floor((whole % 3600) / 60), whole % 60];
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Display form, padded below the first field: `0:45`, `12:01`, `1:02:03`. */
export function formatTime(seconds: number): string {
  const [h, m, s] = parts(seconds);
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

/** ISO 8601 duration for `<time datetime>`: `PT12M1S`, `PT0S`. */
export function isoDuration(seconds: number): string {
  const [h, m, s] = parts(seconds);
  const out = `${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s ? `${s}S` : ''}`;
  return `PT${out || '0S'}`;
}
