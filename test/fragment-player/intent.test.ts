// Intent to play (a pointer over the facade, focus on its button, a touch) loads the playing code
// ahead of the press, and nothing else: no media request, no media element (DESIGN §2).
import { expect, fixture, html } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import '../../src/fragment-player/define.js';
import type { FragmentPlayer } from '../../src/fragment-player/fragment-player.js';
import { catalogueUrl, requestLog, token, until } from '../helpers/media.js';
import { shadow } from '../helpers/dom.js';

/** Whether this page fetched a file whose path ends in `end`. */
const fetched = (end: string) =>
  performance.getEntriesByType('resource').some((entry) => new URL(entry.name).pathname.endsWith(end));

/** 12:05–13:20 of the interview with an audio source. */
const FRAGMENT = 'voorbeeld-advies-onder-tijdsdruk';
const SESSION = '/src/fragment-player/player-session.ts';
const ENGINE = '/src/media/hls-engine.ts';

describe('<fragment-player> on intent', () => {
  it('a pointer over the facade loads the session and the engine, but no media and no media element', async function () {
    this.timeout(30000);
    const t = token();
    const player = html`<fragment-player catalogue=${catalogueUrl(t)} fragment=${FRAGMENT}></fragment-player>`;
    const el = await fixture<FragmentPlayer>(player);
    const button = await until(
      () => shadow(el).querySelector<HTMLButtonElement>('[part~="play-button"]'),
      'the facade',
    );
    // Standing on the page: nothing of the playing code yet.
    expect([fetched(SESSION), fetched(ENGINE)]).to.deep.equal([false, false]);
    const box = button.getBoundingClientRect();
    await sendMouse({
      type: 'move',
      position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)],
    });
    await until(() => fetched(SESSION) && fetched(ENGINE), 'the session and the engine fetched', 20000);
    expect(shadow(el).querySelector('video, audio')).to.equal(null);
    const media = (await requestLog(t)).filter((request) => /\.(m3u8|m4s|mp4|ts|vtt|jpg)$/.test(request.path));
    // The poster is the facade's own; nothing else of the interview's media.
    expect(media.map((request) => request.path).filter((path) => !path.endsWith('poster.jpg'))).to.deep.equal([]);
    // The press then plays without fetching that code again (the engine's and session's files
    // appear once each: a module still arriving when it was pressed counts once).
    button.click();
    await until(() => shadow(el).querySelector('video'), 'the video');
    const code = performance
      .getEntriesByType('resource')
      .map((entry) => new URL(entry.name).pathname)
      .filter((path) => /player-session|hls-engine/.test(path));
    expect(code.length).to.be.greaterThan(1);
    expect(code).to.deep.equal([...new Set(code)]);
  });
});
