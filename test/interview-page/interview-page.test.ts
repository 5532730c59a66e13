import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { InterviewPage } from '../../src/interview-page/interview-page.js';
import { catalogueUrl, nextEvent, token, until } from '../helpers/media.js';

const shadow = (el: Element) => el.shadowRoot as ShadowRoot;

describe('<interview-page>', () => {
  it('shows the interview, its chapters and fragments, and plays the whole interview from the start', async () => {
    const t = token();
    const page = await fixture<InterviewPage>(
      html`<interview-page catalogue=${catalogueUrl(t)} interview="gesprek-i"></interview-page>`,
    );
    await until(() => shadow(page).querySelector('[part~="title"]'), 'the title');
    const root = shadow(page);
    expect(root.querySelector('[part~="title"]')!.textContent).to.equal('Gesprek met Spreker I');
    expect(root.querySelectorAll('[part~="chapters"] li')).to.have.length(6);
    const player = root.querySelector('fragment-player')!;
    const button = await until(
      () => shadow(player).querySelector<HTMLButtonElement>('[part~="play-button"]'),
      'the player facade',
    );
    expect(shadow(player).querySelector('[role="alert"]')).to.equal(null);
    expect(shadow(player).querySelector('[part~="title"]')!.textContent).to.equal('Gesprek met Spreker I');
    const playing = nextEvent(player, 'fragment-play');
    button.click();
    await playing;
    const media = await until(() => shadow(player).querySelector('video'), 'the video');
    await until(() => media.currentTime > 0.2, 'playback from the start');
    expect(media.currentTime).to.be.below(5);
    await expect(page).to.be.accessible();
  });
});
