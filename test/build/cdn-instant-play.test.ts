// The built CDN module where hls.js's chunk comes late (the largest file, last on a slow link): the
// start's media is asked for meanwhile, and hls.js takes it from memory instead of asking again.
import { expect } from '@open-wc/testing';
import { nextEvent, playlistUrl, requestLog, token } from '../helpers/media.js';
import { distFault, facade, importBuilt, player, playButton, removePlayers } from './built.js';

const dist = token();
const START = 100;
/** The generated interview's segments are 4 s long: the start lies in segment 25. */
const START_SEGMENT = 'video-00025.m4s';
const INIT = 'video-init.mp4';

const resources = () => performance.getEntriesByType('resource') as PerformanceResourceTiming[];
const path = (entry: PerformanceEntry) => new URL(entry.name).pathname;

describe('instant play: the built CDN module with hls.js late', () => {
  before(async () => {
    await distFault(dist, 'engineslow');
    await importBuilt(`/_dist/${dist}/kijkom.js`);
  });
  afterEach(removePlayers);

  it('asks for the init section and the start segment before hls.js has come, and for none twice', async function () {
    this.timeout(30000);
    const t = token();
    const el = player({ src: playlistUrl(t), start: String(START), label: 'Meteen' });
    await facade(el);
    const playing = nextEvent(el, 'fragment-play', 20000);
    playButton(el)!.click();
    await playing;

    const engine = resources().find((entry) => path(entry).startsWith(`/_dist/${dist}/hls-engine-`));
    expect(engine, "hls.js's chunk").to.not.equal(undefined);
    const early = resources()
      .filter((entry) => path(entry).startsWith(`/_media/${t}/`) && entry.startTime < engine!.responseEnd)
      .map(path);
    for (const file of [INIT, START_SEGMENT]) {
      const what = `${file} asked for before hls.js's chunk had come (then: ${early.join(', ') || 'nothing'})`;
      expect(
        early.some((p) => p.endsWith(`/${file}`)),
        what,
      ).to.equal(true);
    }
    // Taken from memory: the server saw each once.
    const asked = (await requestLog(t)).map((entry) => entry.path);
    for (const file of [INIT, START_SEGMENT])
      expect(asked.filter((p) => p.endsWith(`/${file}`)).length, `${file} requests`).to.equal(1);
    // Nothing before the start segment.
    const segments = asked.flatMap((p) => /-(\d+)\.m4s$/.exec(p)?.[1] ?? []).map(Number);
    expect(Math.min(...segments)).to.equal(25);
  });
});
