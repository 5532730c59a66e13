// The players' public playback API and the request events (DESIGN §2b): one owner of playback,
// requests up, state down. Against the generated HLS media, in real browsers.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { FragmentPlayer } from '../../src/fragment-player/fragment-player.js';
import type { ThemePage } from '../../src/theme-page/theme-page.js';
import type { InterviewPage } from '../../src/interview-page/interview-page.js';
import { PlaybackRequestEvent } from '../../src/classes.js';
import { catalogueUrl, nextEvent, token, until } from '../helpers/media.js';
import { shadow } from '../helpers/dom.js';

const part = (root: ParentNode, name: string) => root.querySelector<HTMLElement>(`[part~="${name}"]`);
/** Waits for more than `min` matches of `selector` in `el`'s shadow root. */
const allIn = (el: Element, selector: string, min = 0) =>
  until(() => {
    const found = el.shadowRoot?.querySelectorAll<HTMLButtonElement>(selector);
    return found && found.length > min ? found : undefined;
  }, selector);
/** The element focused inside `el`'s shadow root (through nested roots), if any. */
const focusedIn = (el: Element) => shadow(el).activeElement;

describe('the playback API', () => {
  afterEach(() => {
    for (const el of document.querySelectorAll('fragment-player, theme-page, interview-page')) el.remove();
  });

  it('a player says what it plays (clip), has no media before play, plays, seeks and pauses', async function () {
    // Several plays and seeks in a row: on a busy machine each start may take seconds.
    this.timeout(60000);
    const el = await fixture<FragmentPlayer>(
      html`<fragment-player catalogue=${catalogueUrl(token())} fragment="een-op-een-relatie"></fragment-player>`,
    );
    expect(el.clip).to.deep.equal({ fragment: 'een-op-een-relatie' });
    await until(() => part(shadow(el), 'play-button'), 'the facade');
    expect(el.media).to.equal(null);
    // Focus goes to the facade's play button before play.
    el.focus();
    expect(focusedIn(el)).to.equal(part(shadow(el), 'play-button'));

    const started = nextEvent(el, 'fragment-play');
    await el.play();
    await started;
    const media = el.media!;
    expect(media).to.be.instanceOf(HTMLVideoElement);
    await until(() => Math.abs(media.currentTime - (12 * 60 + 1)) < 2, 'playing from 12:01');

    el.seek(20 * 60);
    await until(() => Math.abs(media.currentTime - 20 * 60) < 2, 'the seek to 20:00');
    // Focus goes to play/pause while playing.
    el.focus();
    expect(focusedIn(el)).to.equal(part(shadow(el), 'play-pause'));
    const paused = nextEvent(el, 'fragment-pause');
    el.pause();
    await paused;
    expect(media.paused).to.equal(true);
  });

  it('play(request) plays another clip: an interview stretch, then a fragment', async function () {
    // Several plays and seeks in a row: on a busy machine each start may take seconds.
    this.timeout(60000);
    const el = await fixture<FragmentPlayer>(
      html`<fragment-player catalogue=${catalogueUrl(token())} fragment="een-op-een-relatie"></fragment-player>`,
    );
    await until(() => part(shadow(el), 'play-button'), 'the facade');
    let started = nextEvent(el, 'fragment-play');
    await el.play({ interview: 'gesprek-a', start: 100, end: 110 });
    await started;
    expect(el.clip).to.deep.equal({ interview: 'gesprek-a', start: 100, end: 110 });
    await until(() => Math.abs(el.media!.currentTime - 100) < 2, 'playing from 100 s');
    expect(part(shadow(el), 'title')!.textContent).to.equal('Gesprek met Spreker A');

    started = nextEvent(el, 'fragment-play');
    await el.play({ fragment: 'verbazing-eerste-contact' });
    await started;
    expect(el.clip).to.deep.equal({ fragment: 'verbazing-eerste-contact' });
    await until(() => Math.abs(el.media!.currentTime - (2 * 60 + 22)) < 2, 'playing from 2:22');
  });

  it('a theme page carries out the requests from inside it; a host that cancels one stops it', async function () {
    // Several plays and seeks in a row: on a busy machine each start may take seconds.
    this.timeout(60000);
    const page = await fixture<ThemePage>(
      html`<theme-page catalogue=${catalogueUrl(token())} theme="politiek-ambtelijke-verhoudingen"></theme-page>`,
    );
    const list = await until(() => shadow(page).querySelector('fragment-list'), 'the list');
    const buttons = await allIn(list, '[part~="item-button"]');
    const player = shadow(page).querySelector('fragment-player')!;

    // Seen by the host, composed, and cancelled there: nothing plays.
    const seen: PlaybackRequestEvent[] = [];
    const cancel = (event: PlaybackRequestEvent) => {
      seen.push(event);
      event.preventDefault();
    };
    document.addEventListener('playback-request', cancel);
    buttons[1].click();
    await new Promise((resolve) => setTimeout(resolve, 500));
    document.removeEventListener('playback-request', cancel);
    expect(seen.map((event) => event.detail)).to.deep.equal([
      { action: 'play', clip: { fragment: 'overbodig-voelende-topambtenaar' } },
    ]);
    expect(seen[0]).to.be.instanceOf(PlaybackRequestEvent);
    expect(player.media).to.equal(null);

    // Not cancelled: the page plays it in its stage player.
    const started = nextEvent(page, 'fragment-play');
    buttons[1].click();
    await started;
    expect(player.clip).to.deep.equal({ fragment: 'overbodig-voelende-topambtenaar' });
    await until(() => Math.abs(player.media!.currentTime - (3 * 60 + 28)) < 2, 'playing from 3:28');

    // A request sent from inside the page (as a transcript would): a seek that plays on.
    const done = new PlaybackRequestEvent({ action: 'seek', time: 5 * 60, play: true });
    list.dispatchEvent(done);
    await done.done;
    await until(() => Math.abs(player.media!.currentTime - 5 * 60) < 2, 'the seek to 5:00');
    const paused = nextEvent(page, 'fragment-pause');
    list.dispatchEvent(new PlaybackRequestEvent({ action: 'pause' }));
    await paused;
  });

  it('an interview page plays the whole interview from a transcript time, asked for with a request', async function () {
    // Several plays and seeks in a row: on a busy machine each start may take seconds.
    this.timeout(60000);
    const page = await fixture<InterviewPage>(
      html`<interview-page catalogue=${catalogueUrl(token())} interview="gesprek-i"></interview-page>`,
    );
    const transcript = await until(() => shadow(page).querySelector('kijkom-transcript'), 'the transcript');
    const times = await allIn(transcript, '[part~="transcript-time"]', 2);
    const requests: PlaybackRequestEvent[] = [];
    const record = (event: PlaybackRequestEvent) => requests.push(event);
    document.addEventListener('playback-request', record);
    const started = nextEvent(page, 'fragment-play');
    times[2].click();
    await started;
    document.removeEventListener('playback-request', record);
    const player = shadow(page).querySelector('fragment-player')!;
    const time = requests[0].detail.action === 'seek' ? requests[0].detail.time : NaN;
    expect(requests.map((event) => event.detail)).to.deep.equal([{ action: 'seek', time, play: true }]);
    expect(player.clip).to.deep.include({ interview: 'gesprek-i' });
    await until(() => Math.abs(player.media!.currentTime - time) < 2, `playing from ${time} s`);
    // The transcript follows the page's player: the cue being spoken is marked.
    await until(() => transcript.shadowRoot?.querySelector('[aria-current="true"]'), 'the spoken cue marked');
  });
});
