// Each control is named once: a tooltip (`title`) that repeats an `aria-label` is read twice (as name
// and as description) by screen readers, so the icon buttons carry their name as the tooltip alone.
import { expect, fixture, html } from '@open-wc/testing';
import { computeAccessibleName } from 'dom-accessibility-api';
import '../../src/fragment-player/define.js';
import type { FragmentPlayer } from '../../src/fragment-player/fragment-player.js';
import { catalogueUrl, nextEvent, token, until } from '../helpers/media.js';
import { shadow } from '../helpers/dom.js';

describe('control names', () => {
  it('no control repeats its name as a tooltip; the icon toggles are named by their tooltip', async function () {
    this.timeout(30000);
    const el = await fixture<FragmentPlayer>(
      html`<fragment-player
        catalogue=${catalogueUrl(token())}
        fragment="voorbeeld-advies-onder-tijdsdruk"
      ></fragment-player>`,
    );
    const button = await until(() => shadow(el).querySelector<HTMLButtonElement>('[part~="play-button"]'), 'facade');
    const started = nextEvent(el, 'fragment-play');
    button.click();
    await started;
    await until(() => shadow(el).querySelector('[part~="captions"]'), 'the controls');
    const controls = [...shadow(el).querySelectorAll<HTMLElement>('[part~="controls"] button')];
    expect(controls.length).to.be.greaterThan(5);
    for (const control of controls) {
      const label = control.getAttribute('aria-label');
      const title = control.getAttribute('title');
      expect(label && title, `${control.getAttribute('part')}: aria-label and title`).to.not.be.ok;
      expect(label || title, `${control.getAttribute('part')} has a name`).to.be.ok;
    }
    const captions = shadow(el).querySelector('[part~="captions"]')!;
    expect(captions.getAttribute('title')).to.equal('Ondertiteling');
    expect(captions.getAttribute('aria-pressed')).to.equal('false');
    await expect(el).to.be.accessible();
  });

  it("the facade's play button names the fragment, after the words it shows", async () => {
    const url = catalogueUrl(token());
    const box = await fixture<HTMLElement>(
      html`<div>
        <fragment-player catalogue=${url} fragment="verbazing-eerste-contact"></fragment-player>
        <fragment-player catalogue=${url} fragment="overbodig-voelende-topambtenaar"></fragment-player>
        <fragment-player lang="en" src="/media/a.m3u8" start="2:22" label="Quoted from elsewhere"></fragment-player>
      </div>`,
    );
    const players = [...box.querySelectorAll<FragmentPlayer>('fragment-player')];
    const buttons = await until(() => {
      const found = players.map((player) => shadow(player).querySelector<HTMLButtonElement>('[part~="play-button"]'));
      return found.every(Boolean) && (found as HTMLButtonElement[]);
    }, 'three facades');
    const names = buttons.map((button) => computeAccessibleName(button));
    const shown = buttons.map((button) => button.textContent!.replace(/\s+/g, ' ').trim());
    expect(names).to.deep.equal([
      `${shown[0]} Verbazing bij het eerste contact met topambtenaar Jan Meijer.`,
      `${shown[1]} Een zich overbodig voelende topambtenaar.`,
      'Play the fragment (2:22) Quoted from elsewhere',
    ]);
    await expect(box).to.be.accessible();
  });
});
