// The built CDN module served without its chunk files (or offline after the page loaded): pressing
// play must end in the player's error with a retry and a fragment-error, and retry must load again.
import { expect } from '@open-wc/testing';
import type { FragmentErrorEvent } from '../../src/events/fragment-events.js';
import { catalogueUrl, nextEvent, playlistUrl, requestLog, token, until } from '../helpers/media.js';
import { distFault, facade, importBuilt, player, playButton, removePlayers, shadow } from './built.js';

const dist = token();
const rejections: unknown[] = [];
addEventListener('unhandledrejection', (event) => rejections.push(event.reason));

// Without its chunks an English page has no English strings either (languages other than Dutch
// are chunks too): Dutch stands in, and the page still works.
const messages = {
  nl: 'De speler kon niet worden geladen.',
  en: 'De speler kon niet worden geladen.',
};
const sessionRequests = async () =>
  (await requestLog(dist)).filter((r) => r.path.startsWith('player-session-')).map((r) => r.status);

describe('the built CDN module without its chunks', () => {
  before(async () => {
    await distFault(dist, 'chunks404');
    await importBuilt(`/_dist/${dist}/kijkom.js`);
  });
  afterEach(removePlayers);

  for (const lang of ['nl', 'en'] as const) {
    it(`ends a press on play in an error with a retry and a fragment-error (${lang})`, async () => {
      const el = player({ src: playlistUrl(token()), start: '100', label: 'Zonder chunks' }, lang);
      await facade(el);
      const failed = nextEvent<FragmentErrorEvent>(el, 'fragment-error', 5000);
      playButton(el)!.click();
      const event = await failed;
      expect(event.detail).to.deep.equal({ code: 'network', message: messages[lang] });
      const alert = shadow(el).querySelector('[role="alert"]')!;
      expect(alert.querySelector('p')!.textContent).to.equal(messages[lang]);
      expect(alert.querySelector('[part~="retry"]')).to.not.equal(null);
      expect(shadow(el).querySelector('video')).to.equal(null);
      expect(await sessionRequests()).to.include(404);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(rejections).to.deep.equal([]);
    });
  }

  it('loads the chunks again on retry once they are there, and plays', async () => {
    const el = player({ src: playlistUrl(token()), start: '100', label: 'Opnieuw' });
    await facade(el);
    const failed = nextEvent(el, 'fragment-error', 5000);
    playButton(el)!.click();
    await failed;
    const before = await sessionRequests();
    await distFault(dist, 'none');
    const playing = nextEvent(el, 'fragment-play');
    shadow(el).querySelector<HTMLButtonElement>('[part~="retry"]')!.click();
    await playing;
    expect(shadow(el).querySelector('[role="alert"]')).to.equal(null);
    const after = await sessionRequests();
    expect(after.slice(0, before.length)).to.deep.equal(before);
    expect(after.slice(before.length)).to.deep.equal([200]);
    expect(rejections).to.deep.equal([]);
  });

  it('an interview page whose view cannot load says so with a retry, which shows it once the chunks are there', async () => {
    await distFault(dist, 'chunks404');
    const page = document.createElement('interview-page');
    page.setAttribute('catalogue', catalogueUrl(token()));
    page.setAttribute('interview', 'gesprek-i');
    document.body.append(page);
    try {
      const alert = await until(() => shadow(page).querySelector('[role="alert"]'), 'the error');
      expect(alert.textContent).to.contain('Het gesprek kon niet worden getoond.');
      expect(shadow(page).querySelector('[part~="title"]') === null).to.equal(true);
      await distFault(dist, 'none');
      alert.querySelector<HTMLButtonElement>('[part~="retry"]')!.click();
      const title = await until(() => shadow(page).querySelector('[part~="title"]'), 'the interview');
      expect(title.textContent).to.equal('Gesprek met Spreker I');
      // The page's error is gone; the transcript, which failed with it, offers its own retry.
      const alerts = [...shadow(page).querySelectorAll('[role="alert"]')].map((box) => box.textContent);
      expect(alerts.join()).to.not.contain('Het gesprek kon niet worden getoond.');
      expect(rejections).to.deep.equal([]);
    } finally {
      page.remove();
    }
  });
});
