import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import {
  CatalogueLoadError,
  clearCatalogueCache,
  configureLoader,
  loadCatalogue,
  type LoadedCatalogue,
} from '../../src/catalogue/loader.js';
import type { CatalogueErrorKind } from '../../src/catalogue/types.js';

const LIMITS = { timeout: 1500, maxBytes: 256 * 1024 };
const DEFAULTS = { timeout: 15_000, maxBytes: 10 * 1024 * 1024 };

/** A catalogue route of the test server (test/server/test-server.mjs) under a fresh token. */
function route(mode: string, arg?: string): { token: string; url: string } {
  const token = crypto.randomUUID();
  return { token, url: `${location.origin}/_cat/${token}/${mode}${arg === undefined ? '' : `/${arg}`}` };
}

/** Every request the server saw under `token`. */
const requests = (token: string) =>
  executeServerCommand<{ path: string; status: number; bytes: number }[], { token: string }>('request-log', { token });

/** Resolves once the server has seen `count` requests under `token` (a request that is really in flight). */
async function untilRequested(token: string, count = 1): Promise<void> {
  for (let tries = 0; (await requests(token)).length < count; tries++) {
    if (tries > 250) throw new Error(`the server did not see ${count} request(s) for ${token}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** What a promise rejected with; fails the test when it resolved. */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection, but the promise resolved');
}

/** Asserts that loading `url` fails with a CatalogueLoadError of `kind`, and returns it. */
async function loadError(url: string, kind: CatalogueErrorKind): Promise<CatalogueLoadError> {
  const error = await rejection(loadCatalogue(url));
  expect(error).to.be.instanceOf(CatalogueLoadError);
  const loadError = error as CatalogueLoadError;
  expect(loadError.kind, loadError.message).to.equal(kind);
  expect(loadError.url).to.equal(url);
  expect(loadError.message).to.be.a('string').and.not.equal('');
  return loadError;
}

/** Asserts that a promise rejected with an AbortError. */
async function expectAbortError(promise: Promise<unknown>): Promise<void> {
  const error = await rejection(promise);
  expect(error).to.not.be.instanceOf(CatalogueLoadError);
  expect((error as Error).name).to.equal('AbortError');
}

/** Every media URL of a loaded catalogue. */
function mediaUrls({ catalogue }: LoadedCatalogue): string[] {
  const urls: (string | undefined)[] = [];
  for (const p of catalogue.people.values()) urls.push(p.portrait);
  for (const i of catalogue.interviews.values()) {
    urls.push(i.video, i.audio, i.poster, i.transcript, ...i.captions.map((t) => t.src));
  }
  return urls.filter((url): url is string => url !== undefined);
}

describe('loadCatalogue', () => {
  before(() => configureLoader(LIMITS));
  after(() => configureLoader(DEFAULTS));
  beforeEach(() => clearCatalogueCache());

  describe('fatal failures', () => {
    it('an HTTP 404 is kind "http" with the status', async () => {
      const { url } = route('status', '404');
      expect((await loadError(url, 'http')).status).to.equal(404);
    });

    it('an HTTP 500 is kind "http" with the status', async () => {
      const { url } = route('status', '500');
      expect((await loadError(url, 'http')).status).to.equal(500);
    });

    it('a body that is not JSON is kind "parse"', async () => {
      await loadError(route('notjson').url, 'parse');
    });

    it('JSON of another format is kind "format"', async () => {
      await loadError(route('wrongformat').url, 'format');
    });

    it('no answer within the timeout is kind "timeout"', async () => {
      // The server answers after 5 s: only the configured 1.5 s timeout can make this fail.
      await loadError(route('slow', '5000').url, 'timeout');
    });

    it('an endless body is kind "too-large", stopped at the cap while streaming', async () => {
      await loadError(route('big').url, 'too-large');
    });

    it('a body declared larger than the cap is kind "too-large", and its download is cancelled unread', async () => {
      // A valid catalogue followed by 20 MB of spaces, with its Content-Length: only the cap refuses it.
      const token = crypto.randomUUID();
      const body = JSON.stringify({ format: 'kijkom-catalogue/1' });
      await executeServerCommand('put-catalogue', { token, body, pad: 20 * 1024 * 1024, declareLength: true });
      await loadError(`${location.origin}/_cat/${token}/put`, 'too-large');
      // The server logs `put-closed` when the connection ends; left uncancelled, it stays open.
      type Closed = { path: string; bytes: number; complete: boolean };
      let closed: Closed | undefined;
      for (let tries = 0; !closed; tries++) {
        if (tries > 100) throw new Error('the download was not cancelled within 2 s');
        closed = ((await requests(token)) as unknown as Closed[]).find((r) => r.path === 'put-closed');
        if (!closed) await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(closed.complete).to.equal(false);
      expect(closed.bytes).to.be.lessThan(20 * 1024 * 1024);
    });

    it('a complete body over the cap is kind "too-large"', async () => {
      const { url, token } = route('ok', 'none');
      configureLoader({ maxBytes: 1000 });
      try {
        await loadError(url, 'too-large');
      } finally {
        configureLoader(LIMITS);
      }
      // The same URL within the cap loads: the cap, not the route, made it fail.
      await loadCatalogue(url);
      expect(await requests(token)).to.have.length(2);
    });

    it('an unreachable server is kind "network"', async () => {
      await loadError('http://127.0.0.1:9/x.json', 'network');
    });

    it('a failed load is not cached: a retry requests again', async () => {
      const { url, token } = route('status', '404');
      await loadError(url, 'http');
      await loadError(url, 'http');
      expect(await requests(token)).to.have.length(2);
    });
  });

  describe('a damaged catalogue', () => {
    it('logs its warnings as one console message, once for every element that waits for it', async () => {
      const url = `${location.origin}/test/fixtures/broken-catalogue.json?${crypto.randomUUID()}`;
      const logged: unknown[][] = [];
      const warn = console.warn;
      console.warn = (...args) => logged.push(args);
      try {
        const [first] = await Promise.all([loadCatalogue(url), loadCatalogue(url)]);
        expect(first.warnings).to.not.be.empty;
        expect(logged).to.have.length(1);
        expect(logged[0][0]).to.contain(`${first.warnings.length} problem(s)`).and.contain(url);
        expect(logged[0][1]).to.deep.equal(first.warnings.map((w) => `${w.path}: ${w.message}`));
      } finally {
        console.warn = warn;
      }
    });
  });

  describe('a good catalogue', () => {
    it('loads with its media under the URLs the server wrote', async () => {
      const { url, token } = route('ok', 'none');
      const loaded = await loadCatalogue(url);
      expect(loaded.warnings).to.deep.equal([]);
      expect(loaded.catalogue.url).to.equal(url);
      expect(loaded.catalogue.themes.get('politiek-ambtelijke-verhoudingen')?.fragments).to.have.length(26);
      const urls = mediaUrls(loaded);
      expect(urls).to.not.be.empty;
      for (const media of urls)
        expect(media.startsWith(`${location.origin}/_media/${token}/none/`), media).to.equal(true);
      // Loading the catalogue fetches no media.
      expect((await requests(token)).map((r) => r.path)).to.deep.equal(['ok']);
    });

    it('after a redirect, resolves its URLs against the final URL', async () => {
      // Deeper than the target, so that resolving against the requested URL would give other URLs.
      const { url, token } = route('redirect', 'from/a/deeper/path.json');
      const loaded = await loadCatalogue(url);
      const final = `${location.origin}/test/fixtures/catalogue.json`;
      expect(loaded.catalogue.url).to.equal(final);
      const video = loaded.catalogue.interviews.get('gesprek-a')?.video;
      expect(video).to.equal(`${location.origin}/demo/media/interview-32m/video.m3u8`);
      expect(video).to.not.equal(new URL('../../demo/media/interview-32m/video.m3u8', url).href);
      for (const media of mediaUrls(loaded))
        expect(media.startsWith(`${location.origin}/demo/media/`), media).to.equal(true);
      expect(await requests(token)).to.have.length(1);
    });

    it('after the plain redirect route, lands on the fixture', async () => {
      const { url } = route('redirect');
      const loaded = await loadCatalogue(url);
      expect(loaded.catalogue.url).to.equal(`${location.origin}/test/fixtures/catalogue.json`);
      expect(loaded.catalogue.interviews.get('gesprek-a')?.video).to.equal(
        `${location.origin}/demo/media/interview-32m/video.m3u8`,
      );
    });
  });

  describe('sharing', () => {
    it('two callers for the same URL share one request and one result', async () => {
      const { url, token } = route('ok', 'none');
      const [a, b] = await Promise.all([loadCatalogue(url), loadCatalogue(url)]);
      expect(a.catalogue).to.equal(b.catalogue);
      expect(await requests(token)).to.have.length(1);
    });

    it('a later caller gets the cached result without a request', async () => {
      const { url, token } = route('ok', 'none');
      const first = await loadCatalogue(url);
      const later = await loadCatalogue(url, new AbortController().signal);
      expect(later.catalogue).to.equal(first.catalogue);
      expect(await requests(token)).to.have.length(1);
    });

    it('clearCatalogueCache makes the next load request again', async () => {
      const { url, token } = route('ok', 'none');
      const first = await loadCatalogue(url);
      clearCatalogueCache();
      const second = await loadCatalogue(url);
      expect(second.catalogue).to.not.equal(first.catalogue);
      expect(await requests(token)).to.have.length(2);
    });

    it('different URLs are different requests', async () => {
      const a = route('ok', 'none');
      const b = route('ok', 'none');
      const [la, lb] = await Promise.all([loadCatalogue(a.url), loadCatalogue(b.url)]);
      expect(la.catalogue).to.not.equal(lb.catalogue);
      expect(await requests(a.token)).to.have.length(1);
      expect(await requests(b.token)).to.have.length(1);
    });
  });

  describe('aborting', () => {
    it("the caller's AbortSignal rejects with an AbortError", async () => {
      const controller = new AbortController();
      const { url, token } = route('slow', '1000');
      const promise = loadCatalogue(url, controller.signal);
      await untilRequested(token);
      controller.abort();
      await expectAbortError(promise);
    });

    it('an already aborted signal rejects with an AbortError', async () => {
      const controller = new AbortController();
      controller.abort();
      await expectAbortError(loadCatalogue(route('ok', 'none').url, controller.signal));
    });

    it('one of two callers aborting does not abort the other', async () => {
      const { url, token } = route('slow', '500');
      const a = new AbortController();
      const b = new AbortController();
      const first = loadCatalogue(url, a.signal);
      const second = loadCatalogue(url, b.signal);
      await untilRequested(token);
      a.abort();
      await expectAbortError(first);
      const loaded = await second;
      expect(loaded.catalogue.themes.size).to.be.greaterThan(0);
      expect(await requests(token)).to.have.length(1);
    });

    it('a caller aborting does not abort a caller without a signal', async () => {
      const { url, token } = route('slow', '500');
      const a = new AbortController();
      const first = loadCatalogue(url, a.signal);
      const second = loadCatalogue(url);
      await untilRequested(token);
      a.abort();
      await expectAbortError(first);
      expect((await second).catalogue.themes.size).to.be.greaterThan(0);
      expect(await requests(token)).to.have.length(1);
    });

    it('when every caller aborts, the request is dropped and the next load requests again', async () => {
      const { url, token } = route('slow', '1000');
      const a = new AbortController();
      const b = new AbortController();
      const first = loadCatalogue(url, a.signal);
      const second = loadCatalogue(url, b.signal);
      await untilRequested(token);
      a.abort();
      b.abort();
      await expectAbortError(first);
      await expectAbortError(second);
      const loaded = await loadCatalogue(url);
      expect(loaded.catalogue.themes.size).to.be.greaterThan(0);
      expect(await requests(token)).to.have.length(2);
    });

    it('a stale load (A aborted, then B started) rejects, and B alone resolves', async () => {
      const a = route('slow', '1000');
      const b = route('ok', 'none');
      const controllerA = new AbortController();
      const loadA = loadCatalogue(a.url, controllerA.signal);
      await untilRequested(a.token);
      controllerA.abort();
      const loadB = loadCatalogue(b.url, new AbortController().signal);
      await expectAbortError(loadA);
      const loadedB = await loadB;
      expect(loadedB.catalogue.url).to.equal(b.url);
      // A's request was given up, not kept in the cache: loading A again requests again.
      await loadCatalogue(a.url);
      expect(await requests(a.token)).to.have.length(2);
      expect(await requests(b.token)).to.have.length(1);
    });
  });
});
