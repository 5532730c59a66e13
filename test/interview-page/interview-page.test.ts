import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { InterviewPage } from '../../src/interview-page/interview-page.js';
import { fragmentAt, stretchesOf } from '../../src/interview-page/interview-playback.js';
import type { Fragment } from '../../src/catalogue/types.js';
import { catalogueUrl, nextEvent, token, until } from '../helpers/media.js';
import { shadow } from '../helpers/dom.js';
import { notInWebKit } from '../helpers/engines.js';

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

  it('plays the whole interview with what a fragment player has: captions, audio, words, and a share link at its position', async () => {
    const t = token();
    const page = await fixture<InterviewPage>(
      html`<interview-page catalogue=${catalogueUrl(t)} interview="gesprek-i"></interview-page>`,
    );
    const player = await until(() => shadow(page).querySelector('fragment-player'), 'the player');
    const button = await until(
      () => shadow(player).querySelector<HTMLButtonElement>('[part~="play-button"]'),
      'the player facade',
    );
    expect(button.textContent).to.contain('Speel het gesprek').and.contain('0:00');
    const playing = nextEvent(player, 'fragment-play');
    button.click();
    await playing;
    const control = (part: string) => shadow(player).querySelector<HTMLButtonElement>(`[part~="${part}"]`);
    for (const part of ['captions', 'listen', 'transcript-button', 'share-button'])
      expect(control(part), part).to.not.equal(null);
    // No fragment: the timeline draws no span and says so.
    await until(
      () => shadow(player).querySelector('#clip-description')?.textContent === 'Het hele gesprek, 32:00',
      'the timeline described as the whole interview',
    );
    const media = shadow(player).querySelector('video')!;
    // Paused first, so the position stays where it was put (a busy WebKit played on to 755 between
    // the seek and a pause after it).
    media.pause();
    media.currentTime = 754.6;
    await new Promise((resolve) => media.addEventListener('seeked', resolve, { once: true }));
    control('share-button')!.click();
    await player.updateComplete;
    const [link, snippet] = [...shadow(player).querySelectorAll('textarea')].map((field) => field.value);
    expect(link).to.equal('https://example.org/gesprekken/gesprek-i#t=754');
    const embedded = new DOMParser().parseFromString(snippet, 'text/html').querySelector('fragment-player')!;
    expect(embedded.getAttribute('interview')).to.equal('gesprek-i');
    expect(embedded.getAttribute('start')).to.equal('754');
    expect(embedded.hasAttribute('fragment')).to.equal(false);
  });

  it('says "Play the interview" in English', async () => {
    const page = await fixture<InterviewPage>(
      html`<interview-page catalogue=${catalogueUrl(token())} interview="gesprek-j" lang="en"></interview-page>`,
    );
    const player = await until(() => shadow(page).querySelector('fragment-player'), 'the player');
    const button = await until(
      () => shadow(player).querySelector<HTMLButtonElement>('[part~="play-button"]'),
      'the player facade',
    );
    expect(button.textContent).to.contain('Play the interview');
  });

  it('marks the chapter the player stands in, and moves the mark when playback moves on', async () => {
    const page = await fixture<InterviewPage>(
      html`<interview-page catalogue=${catalogueUrl(token())} interview="gesprek-i"></interview-page>`,
    );
    const chapters = await until(() => {
      const buttons = shadow(page).querySelectorAll<HTMLButtonElement>('[part~="chapter"]');
      return buttons.length ? [...buttons] : undefined;
    }, 'the chapters');
    const current = () => chapters.map((chapter) => chapter.getAttribute('aria-current'));
    expect(current().filter(Boolean)).to.deep.equal([]);
    const player = shadow(page).querySelector('fragment-player')!;
    const playing = nextEvent(player, 'fragment-play');
    chapters[2].click(); // 9:15
    await playing;
    await until(() => current()[2] === 'true', 'the third chapter marked');
    expect(current().filter(Boolean)).to.have.length(1);
    const media = shadow(player).querySelector('video')!;
    media.currentTime = 16 * 60; // in the fourth chapter (15:40)
    await until(() => current()[3] === 'true', 'the fourth chapter marked after a seek');
    expect(current().filter(Boolean)).to.have.length(1);
    await expect(page).to.be.accessible();
  });

  it('marks the fragment the whole interview passes through in its fragment list, and moves the mark with a seek', async function () {
    notInWebKit(
      this,
      "WebKitGTK 2.50's web process crashes during this test (the driver loses its session); open in issue 18",
    );
    const page = await fixture<InterviewPage>(
      html`<interview-page catalogue=${catalogueUrl(token())} interview="gesprek-i"></interview-page>`,
    );
    const list = await until(() => shadow(page).querySelector('fragment-list'), 'the fragment list');
    // Items re-render in place as the current one moves: query them anew.
    const items = () => [...shadow(list).querySelectorAll<HTMLButtonElement>('[part~="item-button"]')];
    await until(() => items().length === 3, 'the fragments'); // 1:35–2:30, 3:07–4:12, 12:05–13:20
    const current = () => items().map((item) => item.getAttribute('aria-current'));
    const playingNow = () => items().map((item) => !!item.querySelector('.now'));
    expect(current().filter(Boolean)).to.deep.equal([]);
    const player = shadow(page).querySelector('fragment-player')!;
    const playing = nextEvent(player, 'fragment-play');
    shadow(page).querySelectorAll<HTMLButtonElement>('[part~="chapter"]')[1].click(); // 3:30, in the second fragment
    await playing;
    await until(() => current()[1] === 'true', 'the second fragment marked');
    expect(current().filter(Boolean)).to.have.length(1);
    await until(() => playingNow()[1], '"speelt nu" on the second fragment');
    // The whole interview plays: the player shows no fragment.
    expect(player.hasAttribute('fragment')).to.equal(false);
    const media = shadow(player).querySelector('video')!;
    const seek = async (time: number) => {
      media.currentTime = time;
      await new Promise((resolve) => media.addEventListener('seeked', resolve, { once: true }));
    };
    media.pause();
    await seek(160); // between the first fragment's end (2:30) and the second's start
    await until(() => current().every((value) => value === null), 'no fragment marked outside them');
    await seek(12 * 60 + 30); // in the third fragment, paused
    await until(() => current()[2] === 'true', 'the third fragment marked after a seek');
    expect(current().filter(Boolean)).to.have.length(1);
    expect(playingNow().filter(Boolean)).to.deep.equal([]);
    await expect(page).to.be.accessible();
    // A fragment played from the list is marked as before.
    const fragmentPlaying = nextEvent(page, 'fragment-play');
    items()[0].click();
    await fragmentPlaying;
    await until(() => current()[0] === 'true', 'the played fragment marked');
    expect(current().filter(Boolean)).to.have.length(1);
    expect(shadow(page).querySelector('fragment-player')!.getAttribute('fragment')).to.equal(
      'voorbeeld-eerste-werkdag',
    );
  });

  it('finds the fragment whose stretch holds a time: to its end, else to the next start; the latest start of overlapping ones', () => {
    const fragment = (id: string, start: number, end?: number) => ({ id, start, end }) as Fragment;
    const fragments = [
      fragment('a', 10, 20),
      fragment('b', 30),
      fragment('c', 40, 100),
      fragment('d', 50, 60),
      fragment('e', 200),
    ];
    const at = (time: number) => fragmentAt(stretchesOf(fragments), time);
    expect([at(0), at(9.9), at(10), at(19.9), at(20), at(29.9)]).to.deep.equal([
      undefined,
      undefined,
      'a',
      'a',
      undefined,
      undefined,
    ]);
    expect([at(30), at(39.9), at(40), at(55), at(60), at(99)]).to.deep.equal(['b', 'b', 'c', 'd', 'c', 'c']);
    expect([at(100), at(199), at(200), at(99999)]).to.deep.equal([undefined, undefined, 'e', 'e']);
  });
});
