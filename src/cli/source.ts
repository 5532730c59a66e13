/**
 * Where a catalogue comes from: a local file or an http(s) URL. The validator keeps only http(s)
 * URLs, so a local catalogue is read as if served from a stand-in origin: its relative URLs
 * resolve against that, and map back to the files beside it.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CATALOGUE_MAX_BYTES } from '../catalogue/loader.js';
import { CliError, msg } from './messages.js';

/** A reserved name (RFC 6761 `.invalid`): never a real host, so never confused with one. */
export const LOCAL_ORIGIN = 'http://local.kijkom.invalid';

/** The stand-in http URL of a local file, keeping its absolute path. */
export function localUrl(file: string): string {
  return LOCAL_ORIGIN + pathToFileURL(path.resolve(file)).pathname;
}

/** The local file a stand-in URL names, or undefined for a real http(s) URL. */
export function localFile(url: string): string | undefined {
  const parsed = new URL(url);
  if (parsed.origin !== LOCAL_ORIGIN) return undefined;
  return fileURLToPath(`file://${parsed.pathname}`);
}

export const isHttp = (text: string) => /^https?:\/\//i.test(text);

/** As the elements: 15 s to answer, 10 MB at most. */
const TIMEOUT_MS = 15_000;

export interface Loaded {
  /** The base URL of the catalogue's URLs: the final URL after redirects, or the local stand-in. */
  base: string;
  text: string;
}

/** Reads a catalogue's text from a path or an http(s) URL; throws a CliError a user can act on. */
export async function loadText(source: string): Promise<Loaded> {
  if (!isHttp(source)) {
    try {
      return { base: localUrl(source), text: await readFile(source, 'utf8') };
    } catch (error) {
      throw new CliError(msg('error.read', { file: source, reason: (error as Error).message }));
    }
  }
  let response: Response;
  try {
    response = await fetch(source, { signal: AbortSignal.timeout(TIMEOUT_MS), redirect: 'follow' });
  } catch (error) {
    throw new CliError(msg('error.fetch', { url: source, reason: (error as Error).message }));
  }
  if (!response.ok) throw new CliError(msg('error.http', { url: source, status: response.status }));
  const declared = Number(response.headers.get('content-length'));
  if (declared > CATALOGUE_MAX_BYTES)
    throw new CliError(msg('error.fetch', { url: source, reason: `over ${CATALOGUE_MAX_BYTES} bytes` }));
  const text = await response.text();
  if (text.length > CATALOGUE_MAX_BYTES)
    throw new CliError(msg('error.fetch', { url: source, reason: `over ${CATALOGUE_MAX_BYTES} bytes` }));
  return { base: response.url || source, text };
}

/** Parses JSON, naming the file in the error; a leading BOM (Windows editors) is allowed. */
export function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new CliError(msg('error.json', { file, reason: (error as Error).message }));
  }
}
