// Network trouble on the way to a playlist or segment: bounded, named, and "reconnecting" only
// while a retry really runs. Every fault is a real answer (or non-answer) of the test server.
import { expect, fixture, html } from '@open-wc/testing';
import { nothing } from 'lit';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/fragment-player/define.js';
import type { FragmentPlayer } from '../../src/fragment-player/fragment-player.js';
import type { FragmentErrorEvent } from '../../src/events/fragment-events.js';
import { nextEvent, playlistUrl, requestLog, token, until, otherOrigin } from '../helpers/media.js';
import { shadow } from '../helpers/dom.js';

const RECONNECTING = 'Verbinding herstellen';
const video = (el: FragmentPlayer) => shadow(el).querySelector('video');
const playButton = (el: FragmentPlayer) => shadow(el).querySelector<HTMLButtonElement>('[part~="play-button"]');
const ready = (el: FragmentPlayer) => until(() => playButton(el), 'the facade');
const showsReconnecting = (el: FragmentPlayer) => (shadow(el).textContent ?? '').includes(RECONNECTING);

/** Records whether "reconnecting" was ever on screen: every change of the shadow tree is looked at. */
function watchReconnecting(el: FragmentPlayer) {
  const seen = { ever: false };
  const observer = new MutationObserver(() => (seen.ever ||= showsReconnecting(el)));
  observer.observe(shadow(el), { subtree: true, childList: true, characterData: true });
  return { seen, stop: () => observer.disconnect() };
}

const mount = (src: string, start = '100', end?: string) =>
  fixture<FragmentPlayer>(
    html`<fragment-player src=${src} start=${start} end=${end ?? nothing} label="Storing"></fragment-player>`,
  );

describe('<fragment-player> network faults', () => {
  afterEach(() => {
    for (const el of document.querySelectorAll('fragment-player')) el.remove();
  });

  describe('a playlist that never loads ends in an error naming its cause', () => {
    const expectFailure = async (src: string, cause: RegExp, shown: RegExp) => {
      const el = await mount(src);
      await ready(el);
      const failed = nextEvent<FragmentErrorEvent>(el, 'fragment-error', 30000);
      playButton(el)!.click();
      const event = await failed;
      expect(event.detail.code).to.equal('network');
      expect(event.detail.message).to.match(cause);
      await el.updateComplete;
      const alert = shadow(el).querySelector('[role="alert"]');
      expect(alert?.textContent).to.match(shown);
      expect(alert?.querySelector('button'), 'a retry button').to.not.equal(null);
      expect(showsReconnecting(el), 'reconnecting once failed').to.equal(false);
      // Nothing left running that could bring it back.
      await new Promise((resolve) => setTimeout(resolve, 2000));
      expect(showsReconnecting(el), 'reconnecting after the failure').to.equal(false);
      expect(shadow(el).querySelector('[role="alert"]')).to.not.equal(null);
      return el;
    };

    it('a server error (500), with its status', async function () {
      this.timeout(40000);
      const t = token();
      await expectFailure(playlistUrl(t, 'manifest500'), /server error.*500/i, /500/);
      const playlists = (await requestLog(t)).filter((r) => r.path.endsWith('.m3u8'));
      expect(playlists.length, 'the playlist was tried again').to.be.within(2, 12);
      expect(playlists.every((r) => r.status === 500)).to.equal(true);
    });

    it('a refused connection, as unreachable', async function () {
      this.timeout(40000);
      const port = await executeServerCommand<number>('closed-port');
      await expectFailure(`http://127.0.0.1:${port}/interview-32m/video.m3u8`, /unreachable/i, /niet bereikbaar/);
    });

    it('a cross-origin playlist without CORS headers, as blocked by CORS', async function () {
      this.timeout(40000);
      const t = token();
      await expectFailure(otherOrigin(playlistUrl(t)), /CORS/, /CORS/);
      const playlists = (await requestLog(t)).filter((r) => r.path.endsWith('.m3u8'));
      expect(playlists[0]?.status, 'the server did answer').to.equal(200);
    });
  });

  describe('a healthy stream never shows reconnecting', () => {
    const playToEnd = async (src: string) => {
      const el = await mount(src, '2:22', '2:28');
      await ready(el);
      const ended = nextEvent(el, 'fragment-ended', 25000);
      let failed = false;
      el.addEventListener('fragment-error', () => (failed = true));
      playButton(el)!.click();
      const watch = watchReconnecting(el);
      // Sampled as well, in case a change slipped between two observed mutations.
      const sampler = setInterval(() => (watch.seen.ever ||= showsReconnecting(el)), 50);
      try {
        await ended;
        // The requests stopped at the end may be reported a moment later.
        await new Promise((resolve) => setTimeout(resolve, 1500));
      } finally {
        clearInterval(sampler);
        watch.stop();
      }
      expect(failed).to.equal(false);
      expect(watch.seen.ever, 'reconnecting shown').to.equal(false);
      expect(video(el)!.currentTime).to.be.within(148 - 0.3, 148 + 0.3);
    };

    it('a fragment with an end, played to its end', async function () {
      this.timeout(30000);
      await playToEnd(playlistUrl(token()));
    });

    it('a multivariant stream', async function () {
      this.timeout(30000);
      await playToEnd(`/_master/${token()}/none/interview-32m`);
    });
  });

  describe('a transient fault shows reconnecting, then plays', () => {
    for (const [fault, what] of [
      ['manifest500-1', 'a playlist failing once'],
      ['seg500-1', 'a segment failing once'],
    ] as const) {
      it(what, async function () {
        this.timeout(30000);
        const t = token();
        const el = await mount(playlistUrl(t, fault));
        await ready(el);
        let failed = false;
        el.addEventListener('fragment-error', () => (failed = true));
        const watch = watchReconnecting(el);
        playButton(el)!.click();
        await until(() => (video(el)?.currentTime ?? 0) > 101 && !video(el)!.paused, 'playback', 20000);
        watch.stop();
        expect(watch.seen.ever, 'reconnecting shown while retrying').to.equal(true);
        expect(failed).to.equal(false);
        await until(() => !showsReconnecting(el), 'reconnecting gone once playing', 3000);
        const statuses = (await requestLog(t)).map((r) => r.status);
        expect(statuses).to.include(500);
      });
    }
  });
});
