// Instant play on the built CDN module where hls.js's chunk comes late (the largest file, last on a
// slow link): the start's media is asked for meanwhile, and hls.js takes it from memory instead of
// asking again. One stream per test file: a page loads hls.js's chunk once.
import { expect } from '@open-wc/testing';
import { requestLog, token, until } from '../helpers/media.js';
import { distFault, facade, importBuilt, player, playButton, removePlayers, shadow } from './built.js';

/** The generated media's segments are 4 s long: the start lies in segment 25. */
export const START = 100;

const resources = () => performance.getEntriesByType('resource') as PerformanceResourceTiming[];
const path = (entry: PerformanceEntry) => new URL(entry.name).pathname;

/**
 * Plays `src` from START with hls.js's chunk held until a segment of the media token `t` was asked
 * for (the page loaded kijkom.js from `/_dist/<dist>/`); checks that `files` were asked for before the
 * chunk came, and once each, and that no segment before `firstSegment` was.
 */
export async function playsEarly(dist: string, t: string, src: string, files: string[], firstSegment: number) {
  await distFault(dist, 'engineslow', t);
  const el = player({ src, start: String(START), label: 'Meteen' });
  await facade(el);
  playButton(el)!.click();
  // Played: every request the first frame needed has been made.
  const video = await until(() => shadow(el).querySelector('video'), 'the video');
  await until(() => !video.paused && video.currentTime > START + 0.2, 'playback past the start', 20000);

  const engine = resources().find((entry) => path(entry).startsWith(`/_dist/${dist}/hls-engine-`));
  expect(engine, "hls.js's chunk").to.not.equal(undefined);
  const early = resources()
    .filter((entry) => path(entry).startsWith(`/_media/${t}/`) && entry.startTime < engine!.responseEnd)
    .map(path);
  for (const file of files) {
    const what = `${file} asked for before hls.js's chunk had come (then: ${early.join(', ') || 'nothing'})`;
    expect(
      early.some((p) => p.endsWith(`/${file}`)),
      what,
    ).to.equal(true);
  }
  // Taken from memory: the server saw each once.
  const asked = (await requestLog(t)).map((entry) => entry.path);
  for (const file of files) expect(asked.filter((p) => p.endsWith(`/${file}`)).length, `${file} requests`).to.equal(1);
  const segments = asked.flatMap((p) => /-(\d+)\.m4s$/.exec(p)?.[1] ?? []).map(Number);
  expect(Math.min(...segments), 'the first segment asked for').to.equal(firstSegment);
}

/**
 * A test file's suite: its page loads kijkom.js from a /_dist/ copy of its own (whose hls.js chunk
 * the server can hold), and `play` plays one stream under a fresh media token.
 */
export function describeInstantPlay(stream: string, what: string, play: (dist: string, t: string) => Promise<void>) {
  const dist = token();
  describe(`instant play: the built CDN module with hls.js late, ${stream}`, () => {
    before(() => importBuilt(`/_dist/${dist}/kijkom.js`));
    afterEach(removePlayers);
    it(what, async function () {
      this.timeout(30000);
      await play(dist, token());
    });
  });
}
