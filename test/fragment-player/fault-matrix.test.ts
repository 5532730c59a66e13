// The fault matrix: playlist and segment, each failing in every way the network can fail it,
// with the engine's waits made short.
// Every case ends within 30 s, either playing or in the error state with a fragment-error that
// names the cause, and "reconnecting" shows only while a retry runs: never after the error,
// never for a fault that needs no retry. Every fault is a real answer (or non-answer) of the
// test server. A chunk of our own build failing to load is the CDN tests' matrix row:
// test/build/cdn-chunk-failure.test.ts and cdn-engine-failure.test.ts (they need the built module).
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/fragment-player/define.js';
import type { FragmentPlayer } from '../../src/fragment-player/fragment-player.js';
import type { FragmentErrorCode, FragmentErrorEvent } from '../../src/events/fragment-events.js';
import { playlistUrl, requestLog, token, until, type LoggedRequest, otherOrigin } from '../helpers/media.js';
import { shadow } from '../helpers/dom.js';
import { configureEngine, engineOptions } from '../../src/media/engine-options.js';

const START = 100;
const RECONNECTING = 'Verbinding herstellen';
const video = (el: FragmentPlayer) => shadow(el).querySelector('video');
const playButton = (el: FragmentPlayer) => shadow(el).querySelector<HTMLButtonElement>('[part~="play-button"]');
const alert = (el: FragmentPlayer) => shadow(el).querySelector('[role="alert"]');
const showsReconnecting = (el: FragmentPlayer) => (shadow(el).textContent ?? '').includes(RECONNECTING);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const closedPort = () => executeServerCommand<number>('closed-port');

interface Case {
  what: string;
  /** The player's src under a fresh token. */
  src: (t: string) => string | Promise<string>;
  /** How it ends: playing, or the error state with this code and a message naming the cause. */
  ends: 'playing' | { code: FragmentErrorCode; cause: RegExp };
  /** Whether failed requests are retried, so that "reconnecting" must show (else it must not). */
  retried: boolean;
  /** What the server saw, where it tells the fault really happened. */
  log?: (requests: LoggedRequest[]) => void;
}

const playlists = (requests: LoggedRequest[]) => requests.filter((r) => r.path.endsWith('.m3u8'));
const segments = (requests: LoggedRequest[]) => requests.filter((r) => r.path.endsWith('.m4s'));

const cases: Case[] = [
  {
    what: 'playlist 404',
    src: (t) => playlistUrl(t, 'manifest404'),
    ends: { code: 'not-found', cause: /404/ },
    retried: false,
  },
  {
    what: 'playlist 500',
    src: (t) => playlistUrl(t, 'manifest500'),
    ends: { code: 'network', cause: /server error \(HTTP 500\)/ },
    retried: true,
    log: (r) => expect(playlists(r).length, 'playlist retries').to.be.within(2, 12),
  },
  {
    what: 'playlist refused',
    src: async () => `http://127.0.0.1:${await closedPort()}/interview-32m/video.m3u8`,
    ends: { code: 'network', cause: /unreachable/ },
    retried: true,
  },
  {
    what: 'playlist CORS-blocked',
    src: (t) => otherOrigin(playlistUrl(t)),
    ends: { code: 'network', cause: /CORS/ },
    retried: true,
    log: (r) => expect(playlists(r)[0]?.status, 'the server did answer').to.equal(200),
  },
  {
    what: 'playlist slow (2 s)',
    src: (t) => playlistUrl(t, 'manifestslow-2000'),
    ends: 'playing',
    retried: false,
  },
  {
    what: 'playlist truncated',
    src: (t) => playlistUrl(t, 'manifesttruncated'),
    ends: { code: 'decode', cause: /damaged playlist.*cut off/ },
    retried: false,
  },
  {
    what: 'playlist corrupt',
    src: (t) => playlistUrl(t, 'garbage'),
    ends: { code: 'unsupported', cause: /damaged playlist/ },
    retried: false,
  },
  {
    what: 'segment 404',
    src: (t) => playlistUrl(t, 'seg404'),
    ends: { code: 'not-found', cause: /404/ },
    retried: true,
    log: (r) => expect(segments(r).length, 'segment retries').to.be.greaterThan(1),
  },
  {
    what: 'segment 500',
    src: (t) => playlistUrl(t, 'seg500'),
    ends: { code: 'network', cause: /server error \(HTTP 500\)/ },
    retried: true,
    log: (r) => expect(segments(r).length, 'segment retries').to.be.greaterThan(1),
  },
  {
    what: 'segment refused',
    src: async (t) => playlistUrl(t, `segrefused-${await closedPort()}`),
    ends: { code: 'network', cause: /unreachable/ },
    retried: true,
  },
  {
    what: 'segment CORS-blocked',
    src: (t) => playlistUrl(t, 'segcors'),
    ends: { code: 'network', cause: /CORS/ },
    retried: true,
    log: (r) => expect(segments(r)[0]?.status, 'the other origin did answer').to.equal(200),
  },
  {
    what: 'segment slow (2 s)',
    src: (t) => playlistUrl(t, 'segslow-2000'),
    ends: 'playing',
    retried: false,
  },
  {
    what: 'segment truncated',
    src: (t) => playlistUrl(t, 'truncated'),
    ends: { code: 'decode', cause: /damaged media: segment \d+ is cut off/ },
    retried: false,
  },
  {
    what: 'segment corrupt',
    src: (t) => playlistUrl(t, 'corrupt-99'),
    ends: { code: 'decode', cause: /damaged media/ },
    retried: false,
  },
];

/**
 * Follows the shadow tree from the press on play: every mutation is looked at, and it is sampled
 * as well in case a change slipped between two observed ones.
 */
function watch(el: FragmentPlayer) {
  const seen = { reconnecting: false, reconnectingWithError: false };
  const look = () => {
    const reconnecting = showsReconnecting(el);
    seen.reconnecting ||= reconnecting;
    seen.reconnectingWithError ||= reconnecting && alert(el) !== null;
  };
  const observer = new MutationObserver(look);
  observer.observe(shadow(el), { subtree: true, childList: true, characterData: true });
  const sampler = setInterval(look, 50);
  return {
    seen,
    stop: () => {
      observer.disconnect();
      clearInterval(sampler);
    },
  };
}

describe('<fragment-player> fault matrix', () => {
  // The engine's waits made short (faults.test.ts keeps the real ones): the same retries and
  // verdicts, in a tenth of the time.
  const defaults = { ...engineOptions };
  before(() =>
    configureEngine({
      requestRetryDelay: 50,
      networkRetryDelay: 100,
      playlistRetryDelays: [50, 100, 150],
      stallTimeout: 2000,
    }),
  );
  after(() => configureEngine(defaults));
  afterEach(() => {
    for (const el of document.querySelectorAll('fragment-player')) el.remove();
  });

  for (const c of cases) {
    const outcome = c.ends === 'playing' ? 'plays' : `fails (${c.ends.code})`;
    it(`${c.what}: ${outcome}`, async function () {
      this.timeout(45000);
      const t = token();
      const src = await c.src(t);
      const el = await fixture<FragmentPlayer>(
        html`<fragment-player src=${src} start=${String(START)} label="Storing"></fragment-player>`,
      );
      await until(() => playButton(el), 'the facade');
      const errors: FragmentErrorEvent[] = [];
      el.addEventListener('fragment-error', (event) => errors.push(event as FragmentErrorEvent));
      const watching = watch(el);
      const pressed = performance.now();
      playButton(el)!.click();
      try {
        const playing = () => {
          const media = video(el);
          return media !== null && media.currentTime > START + 0.5 && !media.paused;
        };
        await until(() => errors.length > 0 || playing(), 'playing or an error', 30000);
        const took = performance.now() - pressed;
        if (c.ends === 'playing') {
          expect(
            errors.map((e) => e.detail.message),
            'errors',
          ).to.deep.equal([]);
          await until(() => !showsReconnecting(el), 'reconnecting gone once playing', 3000);
        } else {
          expect(errors.length, 'one fragment-error').to.equal(1);
          expect(errors[0].detail.code).to.equal(c.ends.code);
          expect(errors[0].detail.message).to.match(c.ends.cause);
          await el.updateComplete;
          expect(alert(el), 'the error state').to.not.equal(null);
          expect(alert(el)!.querySelector('button'), 'a retry button').to.not.equal(null);
          // Nothing left running that could bring "reconnecting" (or another error) back.
          await sleep(2000);
          expect(alert(el), 'still the error state').to.not.equal(null);
          expect(errors.length, 'no later fragment-error').to.equal(1);
        }
        expect(took, 'ms to the outcome').to.be.below(30000);
      } finally {
        watching.stop();
      }
      expect(watching.seen.reconnectingWithError, 'reconnecting with the error shown').to.equal(false);
      expect(showsReconnecting(el), 'reconnecting at the end').to.equal(false);
      expect(
        watching.seen.reconnecting,
        c.retried ? 'reconnecting while retrying' : 'reconnecting without a retry',
      ).to.equal(c.retried);
      c.log?.(await requestLog(t));
    });
  }
});
