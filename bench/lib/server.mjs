// One static HTTP server on loopback for a whole bench run, serving the repo root.
// Every request is logged (arrival time, path, status, body bytes sent, referer, finish time),
// so a benchmark counts exactly what a page fetched: media requests carry the page's URL as
// referer, and each bench page gets a unique `run` query parameter.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.m3u8': 'application/vnd.apple.mpegurl',
  '.m4s': 'video/iso.segment',
  '.mp4': 'video/mp4',
  '.m4a': 'audio/mp4',
  '.ts': 'video/mp2t',
  '.vtt': 'text/vtt; charset=utf-8',
  '.jpg': 'image/jpeg',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/** Starts the server; resolves to `{ origin, log, url(path, params), close() }`. */
export async function startServer(root) {
  const log = [];
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    const entry = {
      time: Date.now(),
      path: url.pathname + url.search,
      status: 0,
      bytes: 0,
      referer: req.headers.referer ?? '',
      done: 0,
    };
    log.push(entry);
    res.on('close', () => (entry.done = Date.now()));
    const reply = (status) => {
      entry.status = status;
      res.writeHead(status, { 'content-type': 'text/plain' }).end(http.STATUS_CODES[status]);
    };
    if (req.method !== 'GET') return reply(405);
    const file = path.join(root, decodeURIComponent(url.pathname));
    if (!file.startsWith(root + path.sep)) return reply(403);
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) return reply(404);

    // Single byte ranges, so progressive MP4 plays and seeks as it would from any web server.
    let [first, last] = [0, info.size - 1];
    const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
    if (range && (range[1] || range[2])) {
      first = range[1] ? Number(range[1]) : Math.max(0, info.size - Number(range[2]));
      if (range[1] && range[2]) last = Math.min(Number(range[2]), last);
      if (first > last) return reply(416);
    }
    entry.status = range ? 206 : 200;
    res.writeHead(entry.status, {
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'content-length': last - first + 1,
      'accept-ranges': 'bytes',
      // Nothing may come from a cache: every run must fetch what it uses.
      'cache-control': 'no-store',
      ...(range && { 'content-range': `bytes ${first}-${last}/${info.size}` }),
    });
    // Counted as handed to the socket, so a request the page aborts logs only what was sent.
    const count = async function* (source) {
      for await (const chunk of source) {
        entry.bytes += chunk.length;
        yield chunk;
      }
    };
    pipeline(createReadStream(file, { start: first, end: last }), count, res).catch(() => undefined);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    log,
    /** An absolute URL on this server with query parameters. */
    url(pathname, params = {}) {
      const url = new URL(pathname, origin);
      for (const [name, value] of Object.entries(params)) url.searchParams.set(name, String(value));
      return url.href;
    },
    close() {
      const closed = new Promise((resolve) => server.close(resolve));
      server.closeAllConnections();
      return closed;
    },
  };
}
