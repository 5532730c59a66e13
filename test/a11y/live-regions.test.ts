// Live regions exist before their messages (WCAG 4.1.3 as screen readers meet it: some skip a region
// that appears together with its text): the player's status line, from the first play, carries
// "Einde van het fragment."; the list's count region is there before the first search.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { FragmentList } from '../../src/fragment-list/fragment-list.js';
import type { FragmentPlayer } from '../../src/fragment-player/fragment-player.js';
import { catalogueUrl, nextEvent, playlistUrl, token, until } from '../helpers/media.js';
import { shadow } from '../helpers/dom.js';

const regions = (root: ShadowRoot) => [...root.querySelectorAll('[role="status"], [aria-live]')];

describe('live regions', () => {
  it("the player's status region is there while playing, and says the end when it comes", async function () {
    this.timeout(30000);
    const el = await fixture<FragmentPlayer>(
      html`<fragment-player src=${playlistUrl(token())} start="100" end="102" label="Kort"></fragment-player>`,
    );
    const button = await until(() => shadow(el).querySelector<HTMLButtonElement>('[part~="play-button"]'), 'facade');
    const ended = nextEvent(el, 'fragment-ended', 20000);
    button.click();
    const region = await until(
      () => regions(shadow(el)).find((node) => !node.closest('.share')),
      'the status region while playing',
    );
    // Empty, or saying it loads until the first frame: no message of what comes later yet.
    expect(['', 'Laden…']).to.include(region.textContent!.trim());
    await ended;
    await el.updateComplete;
    expect(region.isConnected, 'the same region, not a new one').to.equal(true);
    expect(region.textContent!.trim()).to.equal('Einde van het fragment.');
  });

  it("a searchable list's count region is there, empty, before the first search", async () => {
    const list = await fixture<FragmentList>(
      html`<fragment-list catalogue=${catalogueUrl(token())} interview="gesprek-i" searchable></fragment-list>`,
    );
    const region = await until(() => shadow(list).querySelector('[role="status"]'), 'the count region');
    expect(region.textContent!.trim()).to.equal('');
    list.query = 'dossier';
    await list.updateComplete;
    expect(region.isConnected, 'the same region, not a new one').to.equal(true);
    expect(region.textContent!.trim()).to.equal('1 van 3 fragmenten');
  });
});
