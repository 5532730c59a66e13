/**
 * `--check-links`: do the media, captions, transcripts, posters and portraits a catalogue names
 * exist? A HEAD request for http(s); for a local catalogue, the file beside it, and a local HLS
 * playlist is read with every file it names (variants one level down).
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { resolveUrl } from '../catalogue/url.js';
import { isObject, own } from '../catalogue/validate.js';
import type { Catalogue } from '../catalogue/types.js';
import { localFile } from './source.js';
import { msg } from './messages.js';

export interface Link {
  /** Where the URL stands in the document: `interviews[0].captions[1].src`. */
  path: string;
  url: string;
}

export interface LinkResult extends Link {
  /** The file the URL stands for, beside a local catalogue. */
  file?: string;
  ok: boolean;
  /** Why not, when not: an HTTP status, a missing file, a playlist that names a missing file. */
  problem?: string;
  /** There, but not what it should be: a local WebVTT file without cues (a captions button that shows nothing). */
  warning?: string;
}

type Json = Record<string, unknown>;
const trimmedId = (obj: Json) => (typeof own(obj, 'id') === 'string' ? (own(obj, 'id') as string).trim() : undefined);

/**
 * The links of the items the validator kept (the first item of each id), with their paths in the
 * original document; URLs resolve as the validator resolves them.
 */
export function collectLinks(doc: unknown, catalogue: Catalogue): Link[] {
  if (!isObject(doc)) return [];
  const links: Link[] = [];
  const add = (obj: Json, key: string, at: string) => {
    const result = resolveUrl(own(obj, key), catalogue.url);
    if (result.ok) links.push({ path: `${at}.${key}`, url: result.url });
  };
  const items = (key: string, kept: Map<string, unknown>, read: (obj: Json, at: string) => void) => {
    const list = own(doc, key);
    if (!Array.isArray(list)) return;
    const seen = new Set<string>();
    list.forEach((item, i) => {
      const id = isObject(item) ? trimmedId(item) : undefined;
      if (!isObject(item) || id === undefined || !kept.has(id) || seen.has(id)) return;
      seen.add(id);
      read(item, `${key}[${i}]`);
    });
  };
  items('people', catalogue.people, (person, at) => add(person, 'portrait', at));
  items('interviews', catalogue.interviews, (interview, at) => {
    for (const key of ['video', 'audio', 'poster', 'transcript']) add(interview, key, at);
    const captions = own(interview, 'captions');
    if (Array.isArray(captions))
      captions.forEach((track, j) => isObject(track) && add(track, 'src', `${at}.captions[${j}]`));
  });
  return links;
}

const CONCURRENCY = 8;
const TIMEOUT_MS = 10_000;

/** Checks every link, a few at a time; the same URL is checked once. */
export async function checkLinks(links: Link[]): Promise<LinkResult[]> {
  const cache = new Map<string, Promise<string | undefined>>();
  const check = (url: string) => {
    if (!cache.has(url)) cache.set(url, localFile(url) ? checkFile(localFile(url) as string) : checkRemote(url));
    return cache.get(url) as Promise<string | undefined>;
  };
  const results: LinkResult[] = new Array<LinkResult>(links.length);
  let next = 0;
  const worker = async () => {
    while (next < links.length) {
      const i = next++;
      const problem = await check(links[i].url);
      const file = localFile(links[i].url);
      const warning =
        file && !problem && /\.vtt$/i.test(file) && !(await hasCues(file)) ? msg('links.noCues') : undefined;
      results[i] = {
        ...links[i],
        ...(file ? { file } : {}),
        ok: problem === undefined,
        ...(problem ? { problem } : {}),
        ...(warning ? { warning } : {}),
      };
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, links.length) }, worker));
  return results;
}

/** A problem with a local file, or undefined when it is there (and, for a playlist, complete). */
async function checkFile(file: string, depth = 0): Promise<string | undefined> {
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) return msg('links.missing');
  if (!file.toLowerCase().endsWith('.m3u8')) return undefined;
  const text = await readFile(file, 'utf8').catch(() => '');
  if (!text.replace(/^\uFEFF/, '').startsWith('#EXTM3U')) return msg('links.notPlaylist');
  for (const uri of playlistUris(text)) {
    // Only what sits beside the playlist: absolute URLs in a local playlist are the server's business.
    if (/^[a-z][a-z0-9+.-]*:/i.test(uri) || uri.startsWith('/')) continue;
    let target: string;
    try {
      target = path.resolve(path.dirname(file), decodeURIComponent(uri.split(/[?#]/)[0]));
    } catch {
      return msg('links.playlistMissing', { uri });
    }
    const exists = (await stat(target).catch(() => undefined))?.isFile();
    if (!exists) return msg('links.playlistMissing', { uri });
    // A variant playlist is read in turn: its problem is named with it.
    const nested = depth === 0 && target.toLowerCase().endsWith('.m3u8') ? await checkFile(target, 1) : undefined;
    if (nested) return `${uri}: ${nested}`;
  }
  return undefined;
}

/** Whether a WebVTT file has at least one cue (a timing line). */
export async function hasCues(file: string): Promise<boolean> {
  const text = await readFile(file, 'utf8').catch(() => '');
  return /^\s*(\d+:)?\d{2}:\d{2}\.\d{3}\s+-->/m.test(text);
}

/** The URIs an HLS playlist names: its URI lines and the URI="…" attributes of its tags. */
export function playlistUris(text: string): string[] {
  const uris = new Set<string>();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    if (!line.startsWith('#')) uris.add(line);
    else for (const match of line.matchAll(/URI="([^"]*)"/g)) uris.add(match[1]);
  }
  return [...uris];
}

async function checkRemote(url: string): Promise<string | undefined> {
  const attempt = async (method: 'HEAD' | 'GET') => {
    const response = await fetch(url, {
      method,
      redirect: 'follow',
      signal: AbortSignal.timeout(TIMEOUT_MS),
      headers: method === 'GET' ? { Range: 'bytes=0-0' } : {},
    });
    await response.body?.cancel();
    return response.status;
  };
  try {
    let status = await attempt('HEAD');
    // Some servers and CDNs refuse HEAD; a one-byte GET asks the same question.
    if (status === 405 || status === 501) status = await attempt('GET');
    return status < 400 ? undefined : `HTTP ${status}`;
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return cause ?? (error as Error).message;
  }
}
