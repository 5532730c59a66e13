// Deep links into an interview page: `#t=<start>[,<end>]` (what a transcript quote links to) and
// `#fragment=<id>`; each cues, nothing plays until asked.
import { expect } from '@open-wc/testing';
import { parseTimeHash } from '../../src/internal/time-hash.js';
import { catalogueUrl, nextEvent, requestLog, token, until } from '../helpers/media.js';
import { openPage } from '../helpers/frame.js';
import { shadow } from '../helpers/dom.js';

const player = (page: Element) => shadow(page).querySelector('fragment-player')!;
const inPlayer = (page: Element, selector: string) => player(page)?.shadowRoot?.querySelector(selector);

describe('#t= hashes', () => {
  it('reads seconds or [h:]m:s, with an optional end after the start', () => {
    expect(parseTimeHash('#t=90,105')).to.deep.equal({ start: 90, end: 105 });
    expect(parseTimeHash('#t=90.5')).to.deep.equal({ start: 90.5, end: undefined });
    expect(parseTimeHash('#t=1:30,1:45')).to.deep.equal({ start: 90, end: 105 });
    expect(parseTimeHash('#t=90,80'), 'an end before the start is left out').to.deep.equal({
      start: 90,
      end: undefined,
    });
    for (const other of ['', '#t=', '#t=x', '#t=-5', '#fragment=a', '#t=1:75', '#top'])
      expect(parseTimeHash(other), other).to.equal(undefined);
  });
});

/** An interview page of its own, opened with `hash` (and `lang`). */
async function openInterview(hash: string, lang = 'nl') {
  const win = await openPage(
    `<interview-page lang="${lang}" catalogue="${catalogueUrl(token())}" interview="gesprek-i"></interview-page>`,
    hash,
  );
  return win.document.querySelector('interview-page')!;
}

/** The texts of the cues of gesprek-i's transcript heard between `start` and `end`, as its WebVTT file has them. */
async function cuesHeard(t: string, start: number, end: number): Promise<string[]> {
  const url = catalogueUrl(t);
  const catalogue = await (await fetch(url)).json();
  const src = catalogue.interviews.find((interview: { id: string }) => interview.id === 'gesprek-i').transcript;
  const vtt = await (await fetch(new URL(src, new URL(url, location.href)))).text();
  const seconds = (stamp: string) => stamp.split(':').reduce((sum, part) => sum * 60 + Number(part), 0);
  return [...vtt.matchAll(/^([\d:.]+) --> ([\d:.]+).*\n([^]*?)(?:\n\n|\n?$)/gm)]
    .filter(([, from, to]) => seconds(to) > start && seconds(from) < end)
    .map(([, , , text]) =>
      text
        .replace(/<[^>]+>/g, '')
        .replace(/\s+/g, ' ')
        .trim(),
    );
}

describe('<interview-page> deep links', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

  it('#t=start,end cues that stretch: the player shows it, the transcript shows its passage; play plays it and stops', async function () {
    this.timeout(40000);
    const t = token();
    const win = await openPage(
      `<interview-page catalogue="${catalogueUrl(t)}" interview="gesprek-i"></interview-page>`,
      '#t=90,100',
      [1000, 800],
    );
    const page = win.document.querySelector('interview-page')!;
    const button = await until(() => inPlayer(page, '[part~="play-button"]') as HTMLButtonElement, 'the facade');
    expect(button.textContent).to.contain('1:30');
    const transcript = await until(() => shadow(page).querySelector('kijkom-transcript'), 'the transcript');
    const time = await until(
      () => transcript.shadowRoot?.querySelector<HTMLButtonElement>('[part~="transcript-time"][tabindex="0"]'),
      'the tab stop',
    );
    expect(time.textContent!.trim(), 'the tab stop on the linked turn').to.equal('1:30');
    const box = transcript.shadowRoot!.querySelector('[part~="transcript-text"]')!;
    await until(() => {
      const cue = time.getBoundingClientRect();
      const view = box.getBoundingClientRect();
      return cue.top >= view.top && cue.bottom <= view.bottom;
    }, 'the linked passage in view');
    // The quoted lines are marked: the cues heard from 1:30 to 1:40, read here from the WebVTT file itself.
    const heard = await cuesHeard(t, 90, 100);
    expect(heard.length, 'cues in the stretch').to.be.greaterThan(0);
    const marked = [...transcript.shadowRoot!.querySelectorAll('mark.quoted')].map((mark) => mark.textContent!.trim());
    expect(marked, 'the quoted cues, and only they, marked').to.deep.equal(heard);
    const mark = transcript.shadowRoot!.querySelector('mark.quoted')!;
    expect(getComputedStyle(mark).backgroundColor, 'a tint of its own').not.to.equal(
      getComputedStyle(transcript.shadowRoot!.querySelector('span.cue')!).backgroundColor,
    );
    // Cued, not played.
    expect(inPlayer(page, 'video')).to.equal(null);
    expect((await requestLog(t)).filter((r) => /\.(m3u8|m4s)$/.test(r.path))).to.deep.equal([]);

    const ended = nextEvent(player(page), 'fragment-ended', 30000);
    button.click();
    const video = await until(() => inPlayer(page, 'video') as HTMLVideoElement, 'the video');
    await until(() => video.currentTime >= 90 && !video.paused, 'playback from 1:30', 20000);
    await ended;
    expect(video.currentTime).to.be.within(99.7, 100.3);
  });

  it('#fragment=<id> of the interview cues it in the page player and marks it in the list', async () => {
    const page = await openInterview('#fragment=voorbeeld-eerste-werkdag');
    await until(
      () => inPlayer(page, '[part~="title"]')?.textContent === 'De eerste werkdag op het departement',
      'the cue',
    );
    const list = shadow(page).querySelector('fragment-list')!;
    await until(
      () => list.shadowRoot?.querySelector('[part~="item-button"][aria-current="true"]'),
      'the item marked current',
    );
    expect(inPlayer(page, 'video')).to.equal(null);
  });

  it('#fragment=<id> of another interview: says the fragment is not on this page, in Dutch, and cues nothing', async () => {
    const page = await openInterview('#fragment=loyale-tegenspraak');
    const notice = await until(() => shadow(page).querySelector('[part~="link-missed"]'), 'the notice');
    expect(notice.textContent!.trim()).to.equal(
      'De link wijst naar een fragment dat hier niet staat (“loyale-tegenspraak”).',
    );
    const list = shadow(page).querySelector('fragment-list')!;
    expect(list.shadowRoot?.querySelector('[aria-current="true"]') ?? null, 'an item marked current').to.equal(null);
    expect(inPlayer(page, 'video')).to.equal(null);
  });

  it('#t= past the end of the interview: says so, in English, and stands at the start', async () => {
    const page = await openInterview('#t=99999', 'en');
    const notice = await until(() => shadow(page).querySelector('[part~="link-missed"]'), 'the notice');
    expect(notice.getAttribute('role')).to.equal('status');
    expect(notice.textContent!.trim()).to.equal(
      'The link points to 27:46:39, but the interview lasts 32:00: it is ready at the start.',
    );
    const button = await until(() => inPlayer(page, '[part~="play-button"]'), 'the facade');
    expect(button.textContent).to.contain('0:00');
  });

  it('#t= within the interview says nothing', async () => {
    const page = await openInterview('#t=31:59');
    const button = await until(() => inPlayer(page, '[part~="play-button"]'), 'the facade');
    expect(button.textContent).to.contain('31:59');
    expect(shadow(page).querySelector('[part~="link-missed"]')).to.equal(null);
  });
});
