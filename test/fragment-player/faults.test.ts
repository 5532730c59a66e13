// Network trouble on the way to a playlist or segment: bounded, named, and "reconnecting" only
// while a retry really runs. Every fault is a real answer (or non-answer) of the test server.
import { expect, fixture, html } from '@open-wc/testing';
import { nothing } from 'lit';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/fragment-player/define.js';
import type { FragmentPlayer } from '../../src/fragment-player/fragment-player.js';
import type { FragmentErrorEvent, FragmentPlaybackEvent } from '../../src/events/fragment-events.js';
import { nextEvent, playlistUrl, requestLog, token, until, otherOrigin } from '../helpers/media.js';
import { shadow } from '../helpers/dom.js';
import { configureEngine, engineOptions } from '../../src/media/engine-options.js';

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
    // The server error waits out the real retries (0.5 + 1.5 + 3 s); the others retry within 0.3 s.
    const defaults = { ...engineOptions };
    const quickRetries = () => configureEngine({ playlistRetryDelays: [50, 100, 150], requestRetryDelay: 50 });
    afterEach(() => configureEngine(defaults));
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
      // Nothing left running that could bring it back: quiet for four times the longest retry delay (2 s at most).
      const longest = Math.max(...engineOptions.playlistRetryDelays);
      await new Promise((resolve) => setTimeout(resolve, Math.min(2000, 4 * longest)));
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
      quickRetries();
      const port = await executeServerCommand<number>('closed-port');
      await expectFailure(`http://127.0.0.1:${port}/interview-32m/video.m3u8`, /unreachable/i, /niet bereikbaar/);
    });

    it('a cross-origin playlist without CORS headers, as blocked by CORS', async function () {
      this.timeout(40000);
      quickRetries();
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

  it('a segment refused (403) mid-play: says so within 2 s, once, without retrying', async function () {
    this.timeout(30000);
    const t = token();
    // Two segments served, then every one refused: the read-ahead asks for the third while playing.
    const el = await mount(playlistUrl(t, 'seg403-2'));
    await ready(el);
    const errors: FragmentErrorEvent[] = [];
    el.addEventListener('fragment-error', (event) => errors.push(event as FragmentErrorEvent));
    playButton(el)!.click();
    await until(() => errors.length > 0, 'the error', 20000);
    const failedAt = performance.now();
    const refused = (await requestLog(t)).filter((r) => r.status === 403);
    expect(refused.length, 'refused requests').to.equal(1);
    expect(errors[0].detail.code).to.equal('network');
    expect(errors[0].detail.message).to.match(/403/);
    await el.updateComplete;
    expect(shadow(el).querySelector('[role="alert"]')?.textContent).to.match(/403/);
    // Nothing more comes: no second error, no more requests.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(errors.length, 'fragment-error events').to.equal(1);
    expect((await requestLog(t)).filter((r) => r.status === 403).length).to.equal(1);
    // From the refusal's arrival (the last segment request's resource timing) to the error.
    const requests = performance
      .getEntriesByType('resource')
      .filter((entry) => entry.name.includes(`/_media/${t}/`) && /\.m4s$/.test(entry.name));
    const refusedAt = (requests.at(-1) as PerformanceResourceTiming).responseEnd;
    expect(failedAt - refusedAt, 'ms from the refusal to the error').to.be.within(0, 2000);
  });

  it('an EVENT playlist refused (403) on a reload mid-play: says so once, and plays no second time', async function () {
    this.timeout(40000);
    const t = token();
    const el = await mount(playlistUrl(t, 'event403-1'));
    await ready(el);
    const errors: FragmentErrorEvent[] = [];
    let plays = 0;
    el.addEventListener('fragment-error', (event) => errors.push(event as FragmentErrorEvent));
    el.addEventListener('fragment-play', () => plays++);
    playButton(el)!.click();
    await until(() => errors.length > 0, 'the error', 30000);
    const failedAt = performance.now();
    expect(plays, 'fragment-play events before the refusal').to.equal(1);
    expect(errors[0].detail.code).to.equal('network');
    expect(errors[0].detail.message).to.match(/403/);
    await el.updateComplete;
    expect(shadow(el).querySelector('[role="alert"]')?.textContent).to.match(/403/);
    const refused = () => requestLog(t).then((log) => log.filter((r) => r.status === 403));
    expect((await refused()).length, 'refused reloads').to.equal(1);
    // From the refusal's arrival (the last playlist request's resource timing) to the error.
    const reloads = performance
      .getEntriesByType('resource')
      .filter((e) => e.name.includes(`/_media/${t}/`) && e.name.endsWith('.m3u8'));
    const refusedAt = (reloads.at(-1) as PerformanceResourceTiming).responseEnd;
    expect(failedAt - refusedAt, 'ms from the refusal to the error').to.be.within(0, 2000);
    // Nothing more comes: no second error, no second play, no more reloads.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(errors.length, 'fragment-error events').to.equal(1);
    expect(plays, 'fragment-play events').to.equal(1);
    expect((await refused()).length, 'refused reloads in the end').to.equal(1);
  });

  describe('an outage mid-play', () => {
    const defaults = { ...engineOptions };
    afterEach(() => configureEngine(defaults));

    /** Plays from 100 s until it stands past 102 s; then the server drops every media connection for `ms`. */
    async function playThenOutage(t: string, ms: number) {
      const el = await mount(playlistUrl(t));
      await ready(el);
      const errors: FragmentErrorEvent[] = [];
      el.addEventListener('fragment-error', (event) => errors.push(event as FragmentErrorEvent));
      const watch = watchReconnecting(el);
      playButton(el)!.click();
      const media = await until(() => video(el), 'the video');
      await until(() => media.currentTime > 102 && !media.paused, 'playback');
      await executeServerCommand('outage', { token: t, ms });
      return { el, media, errors, watch };
    }

    it('the server gone for 30 s: reconnecting, then playing on by itself from where it stopped', async function () {
      this.timeout(90000);
      // Retries come quickly (as they would past hls.js's), so only waiting out the outage saves it.
      configureEngine({ networkRetryDelay: 300, requestRetryDelay: 100 });
      const t = token();
      const { el, media, errors, watch } = await playThenOutage(t, 30000);
      // The buffer runs out (10 s ahead), the next segments fail: reconnecting.
      await until(() => showsReconnecting(el), 'reconnecting', 40000);
      const stoppedAt = media.currentTime;
      await until(() => media.currentTime > stoppedAt + 2 && !media.paused, 'playing on after the outage', 60000);
      watch.stop();
      expect(errors.map((e) => e.detail.message)).to.deep.equal([]);
      expect(watch.seen.ever).to.equal(true);
      expect(media.currentTime, 'on from where it stopped, not from the start').to.be.within(stoppedAt, stoppedAt + 15);
      const dropped = (await requestLog(t)).filter((r) => (r as { dropped?: boolean }).dropped);
      expect(dropped.length, 'requests during the outage').to.be.greaterThan(0);
    });

    it('an outage longer than it waits: an error, and its retry resumes where playback had got to', async function () {
      this.timeout(60000);
      configureEngine({ outageTimeout: 3000, networkRetryDelay: 200, requestRetryDelay: 100 });
      const t = token();
      const { el, media, errors } = await playThenOutage(t, 20000);
      // Where playback had got to (the failed session's media element is released, reading 0).
      let reached = media.currentTime;
      media.addEventListener('timeupdate', () => (reached = Math.max(reached, media.currentTime)));
      await until(() => errors.length > 0, 'the error', 40000);
      expect(reached, 'played before the outage').to.be.greaterThan(102);
      expect(errors[0].detail.code).to.equal('network');
      // The network is back; the user presses retry.
      await executeServerCommand('outage', { token: t, ms: 0 });
      await el.updateComplete;
      const replayed = nextEvent<FragmentPlaybackEvent>(el, 'fragment-play', 20000);
      shadow(el).querySelector<HTMLButtonElement>('[part~="retry"]')!.click();
      expect((await replayed).detail.currentTime, 'played again from where it had got to').to.be.within(
        reached - 0.5,
        reached + 0.5,
      );
      const again = await until(() => video(el), 'the video again');
      await until(() => again.currentTime > reached + 0.5 && !again.paused, 'playing after the retry', 20000);
    });
  });
});
