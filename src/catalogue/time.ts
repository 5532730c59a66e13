/**
 * Time values of the catalogue: seconds (a number or numeric string) or `[h:]m:s` with
 * unpadded fields, as the source site writes them ("12:1" is 12 min 1 s).
 */

/** A parsed time, or the reason it is not one (used verbatim in warnings). */
export type TimeResult = { ok: true; seconds: number } | { ok: false; reason: string };

const NUMBER = /^\d+(?:\.\d+)?$/;
const FIELD = /^\d+$/;
const LAST_FIELD = /^\d+(?:\.\d+)?$/;

/** Parses a catalogue time; never throws. */
export function parseTime(value: unknown): TimeResult {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { ok: false, reason: 'is not a finite number' };
    if (value < 0) return { ok: false, reason: 'is negative' };
    return { ok: true, seconds: value };
  }
  if (typeof value !== 'string') return { ok: false, reason: 'is not a time' };
  const text = value.trim();
  if (text === '') return { ok: false, reason: 'is empty' };
  if (text.startsWith('-')) return { ok: false, reason: 'is negative' };
  if (NUMBER.test(text)) {
    const seconds = Number(text);
    return Number.isFinite(seconds) ? { ok: true, seconds } : { ok: false, reason: 'is too large' };
  }
  const fields = text.split(':');
  if (fields.length < 2 || fields.length > 3) return { ok: false, reason: 'is not a time' };
  const last = fields.length - 1;
  for (let i = 0; i < fields.length; i++) {
    if (!(i === last ? LAST_FIELD : FIELD).test(fields[i])) return { ok: false, reason: 'is not a time' };
  }
  const numbers = fields.map(Number);
  const seconds = numbers[last];
  if (seconds >= 60) return { ok: false, reason: 'has seconds of 60 or more' };
  if (numbers.length === 3 && numbers[1] >= 60) return { ok: false, reason: 'has minutes of 60 or more' };
  const total = numbers.length === 3 ? numbers[0] * 3600 + numbers[1] * 60 + seconds : numbers[0] * 60 + seconds;
  if (!Number.isFinite(total)) return { ok: false, reason: 'is too large' };
  return { ok: true, seconds: total };
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
