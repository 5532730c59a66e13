// Test-server routes that inject real failures and record what browsers fetch.
//
// /_media/<token>/<fault>/<path under demo/media>   media, with a fault applied
//   (`ascending` is no failure: multivariant playlists list their variants lowest first)
//   (`live`: the playlist as a live sliding window; `norange`: MP4 answered whole, Range ignored;
//   `event403-N`: the playlist as an EVENT playlist, still growing, refused (403) after N answers)
//   (`manifestslow-MS` / `segslow-MS`: only playlists / segments answered late; `rate-KBPS`:
//   every answer 100 ms late and segments streamed at KBPS kbit/s;
//   `manifesttruncated`: the playlist cut off mid-line; `segcors`: segments listed on the other
//   loopback name, a CORS-less origin; `segrefused-PORT`: segments listed on a port nothing listens on)
// /_cat/<token>/<mode>[/<arg>]                      a catalogue answer in the given mode
// /_cat/<token>/put                                 the body a test put under its token
// /_dist/<token>/<file>                             dist/cdn/<file>, with the token's dist fault
// /_master/<token>/<fault>/<dir>[/<file>]           a multivariant playlist over /_media/<token>/<fault>/<dir>/<file>
// /_oembed/<token>/<file>                           what the built `kijkom embed` writes for /_cat/<token>/ok/none
//
// Every request under a token is logged, so a test reads exactly its own requests.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import minifyLiterals from '@lit-labs/rollup-plugin-minify-html-literals';
import { parseLiterals } from '@lit-labs/rollup-plugin-minify-html-literals/lib/parse-literals.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixture = new URL('../fixtures/catalogue.json', import.meta.url);

/** token → [{ path, status, bytes }] */
const log = new Map();
/** token → number of answers so far, for faults that heal after N tries */
const counts = new Map();
/** token → { body, pad, declareLength }: catalogues put by tests (`put-catalogue`); the oldest dropped beyond 32. */
const putBodies = new Map();
const PUT_KEEP = 32;
/** token → until when (ms since the epoch) its media requests are dropped (`outage`) */
const outages = new Map();
/** token → the media token whose first segment request `engineslow` waits for */
const distWaits = new Map();
/** token → fault of the built CDN files under /_dist (`dist-fault`): 'none', 'chunks404', 'engine404' or 'engineslow' */
const distFaults = new Map();

const record = (token, entry) => {
  if (!log.has(token)) log.set(token, []);
  log.get(token).push(entry);
};
/** The round trip of the `rate` fault's slow link, and how often it sends a share of its bytes. */
const RTT_MS = 100;
const RATE_STEP_MS = 100;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const isSegment = (path) => /\.(m4s|mp4)$/.test(path) && !/init\.mp4$/.test(path);
const isPlaylist = (path) => path.endsWith('.m3u8');

/** Applies `fault` to a media request; returns true when it answered itself. */
async function fault(ctx, name, path, token) {
  const n = (counts.get(token) ?? 0) + 1;
  const [kind, arg] = name.split('-');
  switch (kind) {
    case 'seg404':
    case 'seg500': {
      // seg500 fails every segment; seg500-2 fails the first two segment requests only.
      if (!isSegment(path)) return false;
      counts.set(token, n);
      if (arg && n > Number(arg)) return false;
      return kind === 'seg404' ? answer(ctx, 404, 'not found') : answer(ctx, 500, 'boom');
    }
    case 'seg403': {
      // seg403-N: the first N segment answers are served, every later one refused (a signed link
      // that expired mid-play).
      if (!isSegment(path)) return false;
      counts.set(token, n);
      if (n <= Number(arg ?? 0)) return false;
      return answer(ctx, 403, 'forbidden');
    }
    case 'manifest404':
      if (isPlaylist(path)) return answer(ctx, 404, 'not found');
      return false;
    case 'garbage':
      if (isPlaylist(path)) return answer(ctx, 200, 'this is not a playlist\n<html>', 'application/vnd.apple.mpegurl');
      return false;
    case 'slow':
      await sleep(Number(arg ?? 2000));
      return false;
    case 'manifestslow':
      if (isPlaylist(path)) await sleep(Number(arg ?? 2000));
      return false;
    case 'segslow':
      if (isSegment(path)) await sleep(Number(arg ?? 2000));
      return false;
    case 'manifesttruncated': {
      // A third of the playlist, as a dropped connection leaves it: no end tag, the last line cut.
      if (!isPlaylist(path)) return false;
      const text = await readFile(root + 'demo/media/' + path, 'utf8');
      return answer(ctx, 200, text.slice(0, Math.floor(text.length / 3)), 'application/vnd.apple.mpegurl');
    }
    case 'segcors':
    case 'segrefused': {
      // Segment URIs made absolute elsewhere: the same server under the other loopback name (no
      // CORS headers), or a closed port. Init segments stay here, so only segments fail.
      if (!isPlaylist(path)) return false;
      const [, port] = ctx.host.split(':');
      const other = ctx.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1';
      const base =
        kind === 'segcors'
          ? `${ctx.protocol}://${other}:${port}/_media/${token}/none/`
          : `${ctx.protocol}://127.0.0.1:${Number(arg)}/_media/${token}/none/`;
      const dir = path.slice(0, path.lastIndexOf('/') + 1);
      const text = await readFile(root + 'demo/media/' + path, 'utf8');
      const moved = text.replace(/^(?!#)(.+\.(?:m4s|ts))$/gm, (uri) => base + dir + uri);
      return answer(ctx, 200, moved, 'application/vnd.apple.mpegurl');
    }
    case 'ascending': {
      // A multivariant playlist listing its variants lowest bandwidth first, as many archives do.
      if (!isPlaylist(path)) return false;
      const text = await readFile(root + 'demo/media/' + path, 'utf8');
      const [head, ...variants] = text.split(/(?=^#EXT-X-STREAM-INF:)/m);
      const rate = (variant) => Number(/BANDWIDTH=(\d+)/.exec(variant)?.[1]);
      const sorted = variants.map((v) => v.trimEnd() + '\n').sort((a, b) => rate(a) - rate(b));
      return answer(ctx, 200, head + sorted.join(''), 'application/vnd.apple.mpegurl');
    }
    case 'truncated':
      if (isSegment(path)) {
        const body = await readFile(root + 'demo/media/' + path);
        return answer(ctx, 200, body.subarray(0, Math.floor(body.length / 3)), 'video/iso.segment');
      }
      return false;
    case 'corrupt': {
      // corrupt-N: the first N segment answers carry noise where the coded media should be.
      if (!isSegment(path)) return false;
      counts.set(token, n);
      if (n > Number(arg ?? 1)) return false;
      const body = Buffer.from(await readFile(root + 'demo/media/' + path));
      const mdat = body.indexOf('mdat');
      for (let i = mdat + 4, x = 7; i < body.length; i++) body[i] = x = ((x * 1103515245 + 12345) >>> 16) & 0xff;
      return answer(ctx, 200, body, 'video/iso.segment');
    }
    case 'live': {
      // A live sliding window: the last five segments, no playlist type, no end.
      if (!isPlaylist(path)) return false;
      const lines = (await readFile(root + 'demo/media/' + path, 'utf8')).split('\n');
      const head = lines.filter((l) => /^#EXT(M3U|-X-VERSION|-X-TARGETDURATION|-X-MAP)/.test(l));
      const segments = [];
      for (let i = 0; i < lines.length; i++)
        if (lines[i].startsWith('#EXTINF')) segments.push([lines[i], lines[i + 1]]);
      const window = segments.slice(-5);
      const sequence = `#EXT-X-MEDIA-SEQUENCE:${segments.length - window.length}`;
      return answer(ctx, 200, [...head, sequence, ...window.flat(), ''].join('\n'), 'application/vnd.apple.mpegurl');
    }
    case 'event403': {
      // An EVENT playlist (every segment so far, no end: the player reloads it), whose access
      // expires: after N answers every reload is refused, as a signed URL's would be.
      if (!isPlaylist(path)) return false;
      counts.set(token, n);
      if (n > Number(arg ?? 1)) return answer(ctx, 403, 'forbidden');
      const text = await readFile(root + 'demo/media/' + path, 'utf8');
      const event = text
        .replace('#EXT-X-PLAYLIST-TYPE:VOD', '#EXT-X-PLAYLIST-TYPE:EVENT')
        .replace('#EXT-X-ENDLIST', '');
      return answer(ctx, 200, event, 'application/vnd.apple.mpegurl');
    }
    case 'rate': {
      // rate-KBPS: a slow link, as a phone's or a crowded Wi-Fi's: every answer comes 100 ms late
      // (the round trip) and segments arrive at KBPS kbit/s, in 100 ms steps, with their length
      // declared, as a server sends them.
      await sleep(RTT_MS);
      if (!isSegment(path)) return false;
      const body = await readFile(root + 'demo/media/' + path);
      const step = Math.max(1, Math.round((Number(arg) * 1000) / 8 / (1000 / RATE_STEP_MS)));
      let sent = 0;
      const stream = new Readable({
        read() {
          if (sent >= body.length) return void this.push(null);
          const piece = body.subarray(sent, sent + step);
          sent += piece.length;
          setTimeout(() => !this.destroyed && this.push(piece), RATE_STEP_MS);
        },
      });
      answer(ctx, 200, stream, 'video/iso.segment');
      ctx.length = body.length;
      return true;
    }
    case 'norange':
      // A server that ignores Range: every answer is the whole file, 200.
      if (!path.endsWith('.mp4')) return false;
      return answer(ctx, 200, await readFile(root + 'demo/media/' + path), 'video/mp4');
    case 'manifest500': {
      // manifest500 fails every playlist; manifest500-1 fails the first playlist request only.
      if (!isPlaylist(path)) return false;
      counts.set(token, n);
      if (arg && n > Number(arg)) return false;
      return answer(ctx, 500, 'boom');
    }
    default:
      return false;
  }
}

function answer(ctx, status, body, type = 'text/plain') {
  // Never cached: a retry must reach the server and see the fault (or its end) again. The test
  // runner marks every path with a file extension cacheable for a year, so drop the extension.
  ctx.path = '/_answer';
  ctx.set('cache-control', 'no-store');
  ctx.status = status;
  ctx.type = type;
  ctx.body = body;
  return true;
}

async function media(ctx, next, [token, name, ...rest]) {
  const path = rest.join('/');
  // An outage (`outage` command): every connection under the token dropped without an answer.
  if ((outages.get(token) ?? 0) > Date.now()) {
    record(token, { path, status: 0, bytes: 0, dropped: true });
    ctx.respond = false;
    ctx.req.socket.destroy();
    return;
  }
  if (!(await fault(ctx, name, path, token)) && !(await byteRange(ctx, path)) && !(await transportStream(ctx, path))) {
    ctx.url = '/demo/media/' + path;
    await next();
    // Never cached: a request asked for again must reach this log (a test counts them), not the
    // browser's cache. The test runner marks every path with a file extension cacheable for a
    // year once the answer is made, so the path loses its extension now.
    ctx.set('cache-control', 'no-store');
    ctx.path = '/_media-file';
  }
  // The range tells which segment of a byte-range stream was asked for.
  const range = ctx.get('range') || undefined;
  record(token, { path, status: ctx.status, bytes: Number(ctx.length ?? 0) || 0, range });
}

/** MPEG-TS segments as they are: the dev server would compile a `.ts` file as TypeScript. */
async function transportStream(ctx, path) {
  if (!path.endsWith('.ts')) return false;
  return answer(ctx, 200, await readFile(root + 'demo/media/' + path), 'video/mp2t');
}

/**
 * Answers a `Range` request for a progressive file, as media servers do: without ranges
 * browsers cannot seek in an MP4 and ignore its `#t=` start.
 */
async function byteRange(ctx, path) {
  const match = /^bytes=(\d*)-(\d*)$/.exec(ctx.get('range'));
  if (!match || !path.endsWith('.mp4')) return false;
  const file = await readFile(root + 'demo/media/' + path);
  const start = match[1] ? Number(match[1]) : Math.max(0, file.length - Number(match[2]));
  const end = match[1] && match[2] ? Math.min(Number(match[2]), file.length - 1) : file.length - 1;
  if (start >= file.length || start > end) {
    ctx.set('content-range', `bytes */${file.length}`);
    return answer(ctx, 416, '');
  }
  ctx.set('accept-ranges', 'bytes');
  ctx.set('content-range', `bytes ${start}-${end}/${file.length}`);
  return answer(ctx, 206, file.subarray(start, end + 1), 'video/mp4');
}

async function catalogue(ctx, [token, mode, arg]) {
  record(token, { path: mode, status: 0, bytes: 0 });
  switch (mode) {
    case 'ok': {
      // The fixture, with its media routed through /_media under this token and fault (arg).
      const text = (await readFile(fixture, 'utf8')).replaceAll(
        '../../demo/media/',
        `/_media/${token}/${arg ?? 'none'}/`,
      );
      return answer(ctx, 200, text, 'application/json');
    }
    case 'status':
      return answer(ctx, Number(arg), 'error page', 'text/html');
    case 'notjson':
      return answer(ctx, 200, '<!doctype html><p>not json', 'application/json');
    case 'wrongformat':
      return answer(ctx, 200, JSON.stringify({ format: 'other/2', themes: [] }), 'application/json');
    case 'slow':
      await sleep(Number(arg));
      return answer(ctx, 200, await readFile(fixture, 'utf8'), 'application/json');
    case 'redirect':
      ctx.redirect('/test/fixtures/catalogue.json');
      return true;
    case 'put':
      return put(ctx, token);
    case 'big': {
      // An endless body without Content-Length: the loader must stop reading at its cap.
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      let sent = 0;
      ctx.status = 200;
      ctx.type = 'application/json';
      ctx.body = new Readable({
        read() {
          sent += chunk.length;
          this.push(sent > 64 * 1024 * 1024 ? null : chunk);
        },
      });
      return true;
    }
    default:
      return answer(ctx, 400, 'unknown mode');
  }
}

/**
 * Answers the body a test put under `token`, as JSON, never cached. With `pad`, that many spaces
 * follow it (still valid JSON), streamed in 64 KB chunks, with or without a Content-Length; the
 * log then gets a `put-closed` entry once the connection ends, with the bytes written by then and
 * whether the whole body was.
 */
function put(ctx, token) {
  const stored = putBodies.get(token);
  if (!stored) return answer(ctx, 404, `nothing put under ${token}`);
  const { body, pad, declareLength } = stored;
  if (!pad) return answer(ctx, 200, body, 'application/json');
  const head = Buffer.from(body);
  const total = head.length + pad;
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  let sent = 0;
  const stream = new Readable({
    read() {
      if (sent >= total) return void this.push(null);
      const piece = sent === 0 ? head : chunk.subarray(0, Math.min(chunk.length, total - sent));
      sent += piece.length;
      this.push(piece);
    },
  });
  ctx.res.once('close', () =>
    record(token, { path: 'put-closed', status: ctx.status, bytes: sent, complete: ctx.res.writableFinished }),
  );
  answer(ctx, 200, stream, 'application/json');
  // Koa drops the length for a stream body; declare it afterwards when asked.
  if (declareLength) ctx.length = total;
  return true;
}

/** The longest `engineslow` holds hls.js's chunk. */
const ENGINE_LATE_MS = 10_000;

/**
 * Resolves once a segment was asked for under the media token `media` (or after ENGINE_LATE_MS):
 * however busy the machine, a player that asks for its start segment before hls.js's chunk has
 * come does so while the chunk is held, and one that does not gets the chunk late.
 */
async function segmentAsked(media) {
  const until = Date.now() + ENGINE_LATE_MS;
  const asked = () => (log.get(media) ?? []).some((entry) => /\.(m4s|ts)$/.test(entry.path));
  while (Date.now() < until && !asked()) await sleep(20);
}

/**
 * The built CDN module as a host serves it, its on-demand chunks beside it. Faults: `chunks404`
 * answers 404 for every file but kijkom.js (a page given the script without its chunks, or a
 * host gone offline), `engine404` for hls.js's chunk only, `engineslow` hls.js's chunk held until
 * the media token given with it had a segment asked for (a slow link, where the largest file comes
 * last). The entry itself is always served.
 */
async function dist(ctx, next, [token, ...rest]) {
  const file = rest.join('/');
  const asked = file + ctx.search;
  const fault = distFaults.get(token) ?? 'none';
  const engine = file.startsWith('hls-engine-');
  const missing = file !== 'kijkom.js' && (fault === 'chunks404' || (fault === 'engine404' && engine));
  if (fault === 'engineslow' && engine) await segmentAsked(distWaits.get(token));
  if (missing) answer(ctx, 404, 'not found');
  else {
    ctx.url = '/dist/cdn/' + file;
    await next();
  }
  record(token, { path: asked, status: ctx.status, bytes: Number(ctx.length ?? 0) || 0 });
}

/**
 * /_master/<token>/<fault>/<dir>/<file>: a multivariant playlist with one variant, <file> under
 * /_media/<token>/<fault>/<dir>/ (the generated media has no multivariant playlist of its own).
 */
function master(ctx, [token, name, dir, file = 'video.m3u8']) {
  record(token, { path: 'master', status: 200, bytes: 0 });
  const variant = `/_media/${token}/${name}/${dir}/${file}`;
  const text = `#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=300000,RESOLUTION=160x90\n${variant}\n`;
  return answer(ctx, 200, text, 'application/vnd.apple.mpegurl');
}

/** token → the run of `kijkom embed` for it: { dir, pages } once done */
const oembedRuns = new Map();

/**
 * /_oembed/<token>/<file>: the oEmbed files the built command (`dist/cli/kijkom.js embed`) writes
 * for the fixture catalogue as this server serves it, run once per token; and `<kind>-<id>.html`,
 * the archive's page of that fragment or interview, its <head> holding the `<link>` it printed.
 */
async function oembed(ctx, [token, file = '']) {
  const origin = `http://${ctx.host}`;
  if (!oembedRuns.has(token)) oembedRuns.set(token, runEmbed(origin, token));
  let run;
  try {
    run = await oembedRuns.get(token);
  } catch (error) {
    return answer(ctx, 500, error.message);
  }
  const name = path.basename(decodeURIComponent(file));
  if (run.pages.has(name)) return answer(ctx, 200, run.pages.get(name), 'text/html');
  const body = await readFile(path.join(run.dir, name)).catch(() => undefined);
  return body ? answer(ctx, 200, body, 'application/json') : answer(ctx, 404, 'not found');
}

async function runEmbed(origin, token) {
  const dir = await mkdtemp(path.join(tmpdir(), 'kijkom-oembed-'));
  const args = [`${origin}/_cat/${token}/ok/none`, '--base', `${origin}/dist/cdn/embed.html`];
  args.push('--out', dir, '--out-url', `${origin}/_oembed/${token}/`);
  const stdout = await new Promise((resolve, reject) =>
    execFile(process.execPath, [path.join(root, 'dist/cli/kijkom.js'), 'embed', ...args], (error, out, err) =>
      error ? reject(new Error(`kijkom embed failed: ${err}`)) : resolve(out),
    ),
  );
  const pages = new Map();
  for (const line of stdout.trim().split('\n')) {
    const [, kind, id, link] = line.match(/^(\w+) (.*?): (<link .*>)$/);
    const page = `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>${id}</title>${link}</head><body></body></html>`;
    pages.set(`${kind}-${encodeURIComponent(id)}.html`, page);
  }
  return { dir, pages };
}

/** A port nothing listens on (one just closed), for a connection that is refused. */
function closedPort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Koa middleware for the dev server of @web/test-runner. */
export async function testRoutes(ctx, next) {
  const [, prefix, ...parts] = ctx.path.split('/');
  if (prefix === '_media') return media(ctx, next, parts);
  if (prefix === '_cat') return catalogue(ctx, parts);
  if (prefix === '_dist') return dist(ctx, next, parts);
  if (prefix === '_master') return master(ctx, parts);
  if (prefix === '_oembed') return oembed(ctx, parts);
  return next();
}

/**
 * Replaces each key of `fill` in `body` (every occurrence) by its parts, each `[text, times]`
 * repeated, so that a test sends a megabyte string or 100,000-deep nesting as a few bytes.
 */
function expand(body, fill) {
  let out = body;
  for (const [find, parts] of Object.entries(fill)) {
    const text = parts.map(([piece, times = 1]) => String(piece).repeat(Number(times))).join('');
    out = out.split(find).join(text);
  }
  return out;
}

/** Stands for each `${…}` of a template in `minifiedTemplates`. */
const EXPRESSION = 'kijkom-expression';

/**
 * Every html`` and svg`` template in src/, as written and as the build's template minifier (the
 * plugin vite.config.ts uses) leaves it, each with its expressions as EXPRESSION, in source order.
 */
async function minifiedTemplates() {
  const plugin = minifyLiterals({ failOnError: true });
  const context = {
    error: (message) => {
      throw new Error(message);
    },
    warn() {},
  };
  const templates = (code, fileName) =>
    parseLiterals(code, { fileName })
      .filter((literal) => /html|svg/i.test(literal.tag ?? ''))
      .map((literal) => ({ tag: literal.tag, text: literal.parts.map((part) => part.text).join(EXPRESSION) }));
  const found = [];
  for (const entry of (await readdir(root + 'src', { recursive: true })).sort()) {
    if (!entry.endsWith('.ts') || entry.endsWith('.d.ts')) continue;
    const id = root + 'src/' + entry;
    const code = await readFile(id, 'utf8');
    const minified = (await plugin.transform.call(context, code, id))?.code ?? code;
    const after = templates(minified, id);
    templates(code, id).forEach(({ tag, text }, i) =>
      found.push({ file: 'src/' + entry, tag, source: text, built: after[i]?.text }),
    );
  }
  return found;
}

/**
 * Server commands: `request-log` reads the request log of one token; `put-catalogue` stores a
 * body (`{ token, body, fill?, pad?, declareLength? }`, see `expand` and `put`) that
 * /_cat/<token>/put then answers; `dist-fault` sets the fault of /_dist/<token>/ (`{ token, fault }`);
 * `minified-templates` lists src/'s templates before and after minification;
 * `closed-port` answers a local port nothing listens on; `outage` drops every connection for
 * media under `token` for `ms` (no answer: the browser sees the connection fail); `forced-colors` turns on forced colours in
 * Chromium (DevTools emulation, which renders them for real; the Firefox that runs those tests is
 * launched with them); `screenshot` returns a PNG (base64) of a rectangle of the page, in CSS pixels.
 */
export const requestLogPlugin = {
  name: 'kijkom-request-log',
  executeCommand({ command, payload, session }) {
    if (command === 'request-log') return log.get(payload.token) ?? [];
    if (command === 'put-catalogue') {
      const { token, body, fill = {}, pad = 0, declareLength = false } = payload;
      if (typeof token !== 'string' || typeof body !== 'string')
        throw new TypeError('put-catalogue needs a token and a body');
      putBodies.delete(token);
      putBodies.set(token, { body: expand(body, fill), pad: Number(pad), declareLength: Boolean(declareLength) });
      for (const old of putBodies.keys()) {
        if (putBodies.size <= PUT_KEEP) break;
        putBodies.delete(old);
      }
      return true;
    }
    if (command === 'dist-fault') {
      const { token, fault, media } = payload;
      distWaits.set(token, media);
      if (typeof token !== 'string' || !['none', 'chunks404', 'engine404', 'engineslow'].includes(fault))
        throw new TypeError('dist-fault needs a token and a fault: none, chunks404, engine404 or engineslow');
      distFaults.set(token, fault);
      return true;
    }
    if (command === 'minified-templates') return minifiedTemplates();
    if (command === 'closed-port') return closedPort();
    if (command === 'outage') return Boolean(outages.set(payload.token, Date.now() + Number(payload.ms)));
    if (command === 'forced-colors') return forcedColors(session.browser.getPage(session.id));
    if (command === 'screenshot') {
      const { x, y, width, height } = payload;
      return session.browser.getPage(session.id).screenshot({ clip: { x, y, width, height }, encoding: 'base64' });
    }
    return undefined;
  },
};

/** Forced colours in a Chromium page; a page without DevTools protocol (Firefox) is left as launched. */
async function forcedColors(page) {
  if (page.browser().protocol !== 'cdp') return false;
  const cdp = await page.createCDPSession();
  await cdp.send('Emulation.setEmulatedMedia', { features: [{ name: 'forced-colors', value: 'active' }] });
  return true;
}

/** The strict Content-Security-Policy the security tests put their pages under. */
export const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; media-src 'self' blob:; worker-src 'self' blob:";
/** Trusted Types added to it by `?tt=` (none when absent). */
const TRUSTED_TYPES = {
  require: "require-trusted-types-for 'script'",
  lit: "require-trusted-types-for 'script'; trusted-types lit-html",
  'lit-dup': "require-trusted-types-for 'script'; trusted-types lit-html 'allow-duplicates'",
};

/**
 * Koa middleware: serves /test/security/csp-*.html and the built embed page under STRICT_CSP (plus Trusted Types by
 * `?tt=require|lit|lit-dup`), never cached; other pages there (the hostile host) without a policy.
 */
export async function securityHeaders(ctx, next) {
  await next();
  // The built embed page too, as an archive serving it strictly would.
  if (!/^\/test\/security\/csp-[\w-]+\.html$/.test(ctx.path) && ctx.path !== '/dist/cdn/embed.html') return;
  const tt = ctx.query.tt;
  if (tt !== undefined && !Object.hasOwn(TRUSTED_TYPES, tt)) return answer(ctx, 400, `unknown tt=${tt}`);
  ctx.set('content-security-policy', [STRICT_CSP, TRUSTED_TYPES[tt]].filter(Boolean).join('; '));
  ctx.set('cache-control', 'no-store');
}
