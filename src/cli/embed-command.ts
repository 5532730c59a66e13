/**
 * `kijkom embed`: a static oEmbed document (https://oembed.com, `type: "video"`) per fragment and
 * interview, whose `html` is the embed page in an iframe (DESIGN §2d), and the discovery `<link>`
 * for each page: a CMS that does oEmbed discovery turns a pasted link to that page into the player.
 */
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { imageSize } from 'image-size';
import type { Catalogue, Fragment, Interview } from '../catalogue/types.js';
import { validateCatalogue } from '../catalogue/validate.js';
import { EMBED_SIZE, escapeAttribute, iframeHtml, type ShareSource } from '../catalogue/clip-links.js';
import { writeWhole } from './files.js';
import { CliError, msg } from './messages.js';
import type { Output } from './output.js';
import { isHttp, loadText, parseJson } from './source.js';

export interface EmbedOptions {
  /** The public URL of the built embed.html. */
  base?: string;
  /** The folder the oEmbed files are written to. */
  out?: string;
  /** The public URL of a local catalogue (a URL argument is its own). */
  'catalogue-url'?: string;
  /** Where `out` is served; by default `oembed/` beside the embed page. */
  'out-url'?: string;
}

/** As the elements and the other commands: 15 s to answer. A poster above 10 MB is not read. */
const TIMEOUT_MS = 15_000;
const POSTER_MAX_BYTES = 10 * 1024 * 1024;
/** How much of a poster is read for its size: the header of any common image format lies well within. */
const POSTER_HEAD_BYTES = 512 * 1024;
/** The longest percent-encoded id kept in a file name (file systems allow 255 bytes a name). */
const MAX_NAME = 120;

type Json = Record<string, unknown>;

/** A public http(s) URL option, or a usage error naming it. */
function httpUrl(value: string | undefined, option: string): URL {
  if (value && isHttp(value)) {
    try {
      return new URL(value);
    } catch {
      // Named below, as a missing one is.
    }
  }
  throw new CliError(msg('error.usage', { message: msg('embed.needsUrl', { option }), command: 'embed' }), 2);
}

export async function embedCommand(source: string, options: EmbedOptions, out: Output): Promise<number> {
  const embedPage = httpUrl(options.base, '--base');
  if (!options.out) throw new CliError(msg('error.usage', { message: msg('embed.needsOut'), command: 'embed' }), 2);
  const local = !isHttp(source);
  const given = local ? httpUrl(options['catalogue-url'], '--catalogue-url') : undefined;
  const loaded = await loadText(source);
  const catalogueUrl = given?.href ?? loaded.base;
  const doc = parseJson(loaded.text, source) as Json;
  const result = validateCatalogue(doc, catalogueUrl);
  if (!result.ok) throw new CliError(msg('embed.unusable', { file: source, message: result.message }));
  const { catalogue } = result;
  if (new URL(catalogueUrl).origin !== embedPage.origin)
    out.err(msg('embed.otherOrigin', { page: embedPage.href, catalogue: catalogueUrl }));

  const served = options['out-url'] ? httpUrl(options['out-url'], '--out-url') : new URL('oembed/', embedPage);
  if (!served.pathname.endsWith('/')) served.pathname += '/';
  const thumbnails = new Thumbnails(local ? path.dirname(path.resolve(source)) : undefined, catalogueUrl, out);
  const provider = providerOf(catalogue);
  // Each fragment, then each interview whole: its kind, id, interview and (for a fragment) itself.
  const items: { kind: 'fragment' | 'interview'; id: string; interview: Interview; fragment?: Fragment }[] = [
    ...[...catalogue.fragments.values()].map((fragment) => ({
      kind: 'fragment' as const,
      id: fragment.id,
      interview: catalogue.interviews.get(fragment.interview) as Interview,
      fragment,
    })),
    ...[...catalogue.interviews.values()].map((interview) => ({
      kind: 'interview' as const,
      id: interview.id,
      interview,
    })),
  ];
  const names = new FileNames();
  for (const { kind, id, interview, fragment } of items) {
    const clip = clipOf(catalogue, catalogueUrl, interview, fragment);
    const file = names.of(kind, id);
    const oembed = {
      version: '1.0',
      type: 'video',
      title: clip.label,
      ...(clip.person ? { author_name: clip.person } : {}),
      ...(interview.url ? { author_url: interview.url } : {}),
      ...provider,
      ...(interview.poster ? await thumbnails.of(interview.poster) : {}),
      html: iframeHtml(clip, embedPage.href),
      ...EMBED_SIZE,
    };
    await writeWhole(path.join(options.out, file), JSON.stringify(oembed, null, 2) + '\n');
    // What the page showing it puts in its <head>, one line each: `fragment <id>: <link …>`.
    const href = new URL(encodeURIComponent(file), served).href;
    const link = `<link rel="alternate" type="application/json+oembed" href="${escapeAttribute(href)}" title="${escapeAttribute(clip.label ?? '')}">`;
    out.log(`${kind} ${id}: ${link}`);
  }
  out.err(msg('embed.done', { count: items.length, dir: options.out, url: served.href }));
  return 0;
}

/** The clip a fragment (or, without one, the whole interview) is, as the share panel names it. */
function clipOf(catalogue: Catalogue, url: string, interview: Interview, fragment?: Fragment): ShareSource {
  const person = interview.person ? catalogue.people.get(interview.person)?.name : undefined;
  return fragment
    ? {
        catalogue: url,
        fragmentId: fragment.id,
        src: '',
        start: fragment.start,
        end: fragment.end,
        label: fragment.title,
        person,
      }
    : { catalogue: url, interviewId: interview.id, src: '', start: 0, label: interview.title, person };
}

/** The oEmbed provider: the catalogue's `publisher` (else its `title`) and its home page (`url`), as validated. */
function providerOf(catalogue: Catalogue): Json {
  const name = catalogue.publisher ?? catalogue.title;
  return { ...(name ? { provider_name: name } : {}), ...(catalogue.home ? { provider_url: catalogue.home } : {}) };
}

/**
 * The posters' sizes, which oEmbed asks with a thumbnail: read from the file beside a local
 * catalogue, else fetched; a poster whose size cannot be read gives no thumbnail, said once.
 */
class Thumbnails {
  private readonly known = new Map<string, Promise<Json>>();

  constructor(
    private readonly folder: string | undefined,
    private readonly catalogueUrl: string,
    private readonly out: Output,
  ) {}

  of(poster: string): Promise<Json> {
    let found = this.known.get(poster);
    if (!found) {
      found = this.bytes(poster)
        .then((bytes) => {
          const { width, height } = imageSize(bytes);
          return { thumbnail_url: poster, thumbnail_width: width, thumbnail_height: height };
        })
        .catch((error: Error) => {
          this.out.err(msg('embed.noThumbnail', { poster, reason: error.message }));
          return {};
        });
      this.known.set(poster, found);
    }
    return found;
  }

  /** The poster's bytes: the local file its URL names beside the catalogue, else the URL's. */
  private async bytes(poster: string): Promise<Uint8Array> {
    const base = new URL('.', this.catalogueUrl);
    const url = new URL(poster);
    if (this.folder && url.origin === base.origin && url.pathname.startsWith(base.pathname)) {
      // Segment by segment, so an encoded `/` or `\` never makes a path; and never outside the folder.
      const segments = url.pathname.slice(base.pathname.length).split('/').map(decodeURIComponent);
      const file = path.join(this.folder, ...segments);
      const inside = path.relative(this.folder, file);
      if (segments.some((segment) => /[/\\]/.test(segment)) || inside.startsWith('..') || path.isAbsolute(inside))
        throw new Error('outside the catalogue’s folder');
      const handle = await open(file);
      try {
        const head = new Uint8Array(POSTER_HEAD_BYTES);
        const { bytesRead } = await handle.read(head, 0, head.length, 0);
        return head.subarray(0, bytesRead);
      } finally {
        await handle.close();
      }
    }
    const response = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    if (Number(response.headers.get('content-length')) > POSTER_MAX_BYTES) throw new Error('too large');
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes.length > POSTER_MAX_BYTES) throw new Error('too large');
    return bytes;
  }
}

/**
 * File names for ids, which are any text: the id percent-encoded (`*` too, which Windows refuses),
 * unless that is long or already taken by an id differing only in case (the same file on macOS
 * and Windows); then a hash of the id.
 */
class FileNames {
  private readonly taken = new Set<string>();

  of(kind: string, id: string): string {
    const encoded = encodeURIComponent(id).replace(/\*/g, '%2A');
    let name = `${kind}-${encoded}.json`;
    if (encoded.length > MAX_NAME || this.taken.has(name.toLowerCase()))
      name = `${kind}-${createHash('sha256').update(id).digest('hex').slice(0, 16)}.json`;
    this.taken.add(name.toLowerCase());
    return name;
  }
}
