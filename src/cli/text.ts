/** Small text helpers the importers share: ids, catalogue times, WebVTT. */
import path from 'node:path';
import { formatTime } from '../catalogue/time.js';

/** A readable id from any text: `Gesprek met A. Jansen` → `gesprek-met-a-jansen`. */
export function slug(text: string, fallback = 'item'): string {
  const id = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return id || fallback;
}

/** A time as the catalogue writes it: `12:01` for whole seconds (as editors read them), else seconds. */
export const catalogueTime = (seconds: number): string | number =>
  Number.isInteger(seconds) ? formatTime(seconds) : Math.round(seconds * 1000) / 1000;

/** WebVTT timestamp `hh:mm:ss.mmm`. */
export function vttTime(seconds: number): string {
  const ms = Math.round(seconds * 1000);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}.${pad(ms % 1000, 3)}`;
}

/** Cue text is markup in WebVTT: `&`, `<` and `>` are escaped, so text stays text. */
export const vttEscape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export interface Cue {
  start: number;
  end: number;
  text: string;
  voice?: string;
}

/** A WebVTT file of `cues`, each with its speaker as a `<v>` span when known. */
export function writeVtt(cues: Cue[]): string {
  const blocks = cues.map(({ start, end, text, voice }) => {
    const body = vttEscape(text.replace(/\r?\n+/g, ' ').trim());
    return `${vttTime(start)} --> ${vttTime(end)}\n${voice ? `<v ${vttEscape(voice)}>` : ''}${body}`;
  });
  return ['WEBVTT', ...blocks].join('\n\n') + '\n';
}

/** A relative URL from `fromDir` to `file`, with forward slashes and each segment encoded. */
export function relativeUrl(fromDir: string, file: string): string {
  return path
    .relative(fromDir, file)
    .split(/[\\/]/)
    .map((part) => (part === '..' || part === '.' ? part : encodeURIComponent(part)))
    .join('/');
}
