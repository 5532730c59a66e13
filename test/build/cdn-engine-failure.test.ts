// The built CDN module with the player's chunk but without hls.js's: the same error and retry.
import { expect } from '@open-wc/testing';
import type { FragmentErrorEvent } from '../../src/events/fragment-events.js';
import { nextEvent, playlistUrl, requestLog, token } from '../helpers/media.js';
import { distFault, facade, importBuilt, player, playButton, removePlayers, shadow } from './built.js';

const dist = token();
const rejections: unknown[] = [];
addEventListener('unhandledrejection', (event) => rejections.push(event.reason));

describe('the built CDN module without the hls.js chunk', () => {
  before(async () => {
    await distFault(dist, 'engine404');
    await importBuilt(`/_dist/${dist}/kijkom.js`);
  });
  afterEach(removePlayers);

  it('ends a press on play in an error, and retry loads the engine again and plays', async () => {
    const el = player({ src: playlistUrl(token()), start: '100', label: 'Zonder hls.js' });
    await facade(el);
    const failed = nextEvent<FragmentErrorEvent>(el, 'fragment-error', 5000);
    playButton(el)!.click();
    const event = await failed;
    expect(event.detail).to.deep.equal({
      code: 'network',
      message: 'De speler kon niet worden geladen.',
    });
    expect(shadow(el).querySelector('[role="alert"] [part~="retry"]')).to.not.equal(null);
    // The session was torn down: no media element left behind.
    expect(shadow(el).querySelector('video')).to.equal(null);
    const engine = async () =>
      (await requestLog(dist)).filter((r) => r.path.startsWith('hls-engine-')).map((r) => r.status);
    expect(await engine()).to.include(404);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(rejections).to.deep.equal([]);

    await distFault(dist, 'none');
    const playing = nextEvent(el, 'fragment-play');
    shadow(el).querySelector<HTMLButtonElement>('[part~="retry"]')!.click();
    await playing;
    expect((await engine()).at(-1)).to.equal(200);
    expect(rejections).to.deep.equal([]);
  });
});
