// Times and amounts as a screen reader should say them: "12 minuten 10 seconden", not "12:10"
// (read as "twaalf tien"). Plurals and unit words come from the browser's Intl, not from us.
import type { Lang } from './i18n.js';

const units = [
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
] as const;

/** A number of seconds in words, whole seconds, largest unit first: "1 uur 2 minuten 3 seconden". */
export function spokenTime(seconds: number, lang: Lang): string {
  let left = Math.max(0, Math.floor(seconds));
  const words = units.flatMap(([unit, size]) => {
    const count = Math.floor(left / size);
    left -= count * size;
    return count ? [new Intl.NumberFormat(lang, { style: 'unit', unit, unitDisplay: 'long' }).format(count)] : [];
  });
  return (
    words.join(' ') || new Intl.NumberFormat(lang, { style: 'unit', unit: 'second', unitDisplay: 'long' }).format(0)
  );
}

/** A fraction as a percentage in the language's own way ("100%", "35%"). */
export const spokenPercent = (fraction: number, lang: Lang): string =>
  new Intl.NumberFormat(lang, { style: 'percent' }).format(fraction);
