// A long transcript (480 cues, 32 minutes) renders in full only the blocks of turns near the view
// and the ones something needs; the rest is plain text. These tests show that whatever lies in the
// plain text still works: its words are in the document, the spoken cue is marked, a search match
// or a #t= link is rendered on demand and scrolled to, highlights and selections reach into it, and
// the keyboard gets there. The transcript follows a media element whose time the test sets.
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { InterviewTranscript } from '../../src/transcript/interview-transcript.js';
import { catalogueUrl, token, until } from '../helpers/media.js';
import { openPage } from '../helpers/frame.js';
import { deepActiveElement } from '../a11y/a11y-helpers.js';
import { shadow } from '../helpers/dom.js';

InterviewTranscript.define();

const CUES = 480;
const SECONDS = 4;
const SPEAKERS = ['Interviewer', 'Joëlle van den Broek'];
const stamp = (s: number) => `00:${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}.000`;
/** Cue `i`'s words: every one says "gesprek"; cue 430 alone says "zeldzaam". */
const texts = Array.from(
  { length: CUES },
  (_, i) => `Zin ${i} van het gesprek, ${i === 430 ? 'zeldzaam' : 'gewoon'} en nog wat woorden erbij.`,
);
/** Turns of 1 to 4 cues, speakers alternating. */
const speakers: string[] = [];
for (let turn = 0; speakers.length < CUES; turn++)
  for (let k = 0; k <= turn % 4; k++) speakers.push(SPEAKERS[turn % 2]);
const vtt = [
  'WEBVTT',
  '',
  ...texts.map((text, i) => {
    const cut = text.indexOf(' ', 20);
    const [a, b] = [text.slice(0, cut), text.slice(cut + 1)];
    return `${stamp(i * SECONDS)} --> ${stamp((i + 1) * SECONDS)}\n<v ${speakers[i]}>${a}\n${b}\n`;
  }),
].join('\n');

const frames = async (n = 2) => {
  for (let i = 0; i < n; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
};
const inView = (element: Element, box: Element) => {
  const [a, b] = [element.getBoundingClientRect(), box.getBoundingClientRect()];
  return a.top >= b.top - 1 && a.bottom <= b.bottom + 1;
};
const cueShowing = (root: ShadowRoot, i: number) =>
  [...root.querySelectorAll<HTMLElement>('.cue')].find((cue) => cue.textContent === texts[i]);

/** A <kijkom-transcript> of the long text, following a media element whose time `at(cue)` sets. */
async function mount() {
  const src = URL.createObjectURL(new Blob([vtt], { type: 'text/vtt' }));
  const media = document.createElement('video');
  let time = 0;
  let paused = true;
  Object.defineProperty(media, 'currentTime', { get: () => time, set: (value: number) => (time = value) });
  Object.defineProperty(media, 'paused', { get: () => paused });
  // Loaded, as a playing one is: a media element with nothing loaded has no position.
  Object.defineProperty(media, 'readyState', { get: () => HTMLMediaElement.HAVE_ENOUGH_DATA });
  media.play = async () => void (paused = false);
  const wrapper = await fixture(
    html`<div>
      <button id="before" type="button">Voor</button>
      <kijkom-transcript .interview=${{ id: 'lang', transcript: src }} .media=${media}></kijkom-transcript>
    </div>`,
  );
  const el = wrapper.querySelector('kijkom-transcript')!;
  const root = shadow(el);
  const box = await until(
    () => root.querySelector<HTMLElement>('[part~="transcript-text"]:not([aria-busy])'),
    'the whole text read',
  );
  await frames();
  /** Plays on from the middle of cue `i`, as playback would tell it. */
  const at = (i: number) => {
    time = i * SECONDS + SECONDS / 2;
    paused = false;
    media.dispatchEvent(new Event('timeupdate'));
  };
  return { wrapper, el, root, box, at, src };
}

describe('a long transcript', () => {
  afterEach(() => {
    document.getSelection()?.removeAllRanges();
    document.querySelectorAll('iframe').forEach((frame) => frame.remove());
  });

  it('keeps every word in the document with few elements, and renders in full the blocks near the view', async () => {
    const { root, box } = await mount();
    const words = box.textContent!.replace(/\s+/g, ' ');
    expect(
      texts.filter((text) => !words.includes(text)),
      'words missing',
    ).to.deep.equal([]);
    expect(root.querySelectorAll('.turn').length, 'a paragraph per turn').to.be.greaterThan(150);
    const elements = root.querySelectorAll('*').length;
    // In full it would be 2.6 a cue: a paragraph, a time button, its time and a speaker per turn, an element per cue.
    expect(elements, 'elements in all').to.be.below(CUES);
    expect(root.querySelectorAll('.cue').length, 'cues in full').to.be.within(40, 200);
    expect(cueShowing(root, 0)).to.not.equal(undefined);
    expect(cueShowing(root, CUES - 1)).to.equal(undefined);

    box.scrollTop = box.scrollHeight / 2;
    const middle = await until(
      () => [...root.querySelectorAll('.cue')].find((cue) => inView(cue, box)),
      'the middle in full once scrolled to',
    );
    const cue = texts.indexOf(middle.textContent!);
    expect(cue).to.be.within(100, 380);
    box.scrollTop = box.scrollHeight;
    await until(() => cueShowing(root, CUES - 1), 'the last cue in full once scrolled to');
    await until(() => !cueShowing(root, cue), 'the middle plain again');
    expect(cueShowing(root, 0), 'the tab stop is kept in full').to.not.equal(undefined);
    expect(root.querySelectorAll('*').length).to.be.below(CUES);
  });

  it('marks the spoken cue wherever it is, touching two cues a change and no tab stop', async () => {
    const { root, box, at } = await mount();
    const spoken = () => [...root.querySelectorAll('[aria-current="true"]')];
    at(400);
    await until(() => spoken()[0]?.textContent === texts[400], 'cue 400 marked, rendered on demand');
    await until(() => inView(spoken()[0], box), 'and in view');
    expect(spoken()).to.have.length(1);
    const tabStop = root.querySelector('[part~="transcript-time"][tabindex="0"]');
    expect(tabStop!.closest('.turn')!.textContent, 'the tab stop stays on the first turn').to.contain(texts[0]);

    // The next cues: only the two cues' aria-current change on elements that were there.
    const records: MutationRecord[] = [];
    const observer = new MutationObserver((list) => records.push(...list));
    observer.observe(root, { attributes: true, subtree: true });
    for (let i = 401; i < 410; i++) {
      records.length = 0;
      at(i);
      await frames();
      records.push(...observer.takeRecords());
      expect(
        records.map((record) => `${record.attributeName} ${record.target.textContent}`),
        `cue ${i}`,
      ).to.have.members([`aria-current ${texts[i - 1]}`, `aria-current ${texts[i]}`]);
    }
    observer.disconnect();
    expect(root.querySelector('[part~="transcript-time"][tabindex="0"]')).to.equal(tabStop);
  });

  it('Tab into the text lands on the spoken turn while it follows playback, else where the reader left it', async () => {
    const { wrapper, root, at } = await mount();
    const before = wrapper.querySelector<HTMLButtonElement>('#before')!;
    const time = (i: number) =>
      [...root.querySelectorAll<HTMLElement>('.cue')]
        .find((cue) => cue.textContent === texts[i])
        ?.closest('.turn')
        ?.querySelector('[part~="transcript-time"]');
    /** From before the transcript, Tab past its tools (the search field, and the follow button when it shows). */
    const tabInto = async () => {
      before.focus();
      await sendKeys({ press: 'Tab' });
      expect(deepActiveElement()?.getAttribute('part')).to.equal('transcript-search');
      for (let i = 0; i < 3 && !deepActiveElement()?.matches('[part~="transcript-time"]'); i++)
        await sendKeys({ press: 'Tab' });
      return deepActiveElement();
    };
    // Nothing plays: the first turn.
    expect(await tabInto()).to.equal(time(0));

    at(300);
    await until(() => time(300), 'cue 300 rendered');
    expect(await tabInto(), 'the turn being spoken').to.equal(time(300));
    // The reader moves on by two turns; while they are in the text it no longer follows playback.
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    const reader = deepActiveElement();
    expect(reader).to.not.equal(time(300));
    at(320);
    await until(() => time(320), 'cue 320 rendered');
    expect(await tabInto(), 'where the reader left it').to.equal(reader);
    // Following again: the spoken turn.
    const follow = await until(
      () => root.querySelector<HTMLButtonElement>('[part~="transcript-follow"]'),
      'the follow button',
    );
    follow.click();
    at(330);
    await until(() => time(330), 'cue 330 rendered');
    expect(await tabInto(), 'the turn being spoken again').to.equal(time(330));
  });

  it('a search match in the plain text is rendered in full, scrolled to and highlighted; highlights reach the plain text', async () => {
    const { root, box } = await mount();
    const input = root.querySelector<HTMLInputElement>('[part~="transcript-search"]')!;
    const status = root.querySelector('[role="status"]')!;
    const type = (text: string) => {
      input.value = text;
      input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    };
    type('ZELDZAAM');
    await until(() => status.textContent === '1 van 1', '1 van 1');
    const cue = await until(() => cueShowing(root, 430), 'cue 430 in full');
    await until(() => inView(cue, box), 'cue 430 in view');
    const current = CSS.highlights.get('kijkom-transcript-current') as unknown as Set<Range>;
    expect([...current].map((range) => range.toString())).to.deep.equal(['zeldzaam']);

    type('gesprek');
    await until(() => status.textContent === `1 van ${CUES}`, `1 van ${CUES}`);
    const all = CSS.highlights.get('kijkom-transcript-match') as unknown as Set<Range>;
    expect(all.size + current.size, 'at most 400 highlighted').to.equal(400);
    expect([...all].filter((range) => range.toString() !== 'gesprek')).to.deep.equal([]);
    const plain = [...all].filter((range) => range.startContainer.parentElement?.matches('.plain'));
    expect(plain.length, 'highlights in the plain text').to.be.greaterThan(100);
    // Back past the first: the last match, in the last block.
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', shiftKey: true, bubbles: true, composed: true }));
    await until(() => status.textContent === `${CUES} van ${CUES}`, 'the last match');
    const last = await until(() => cueShowing(root, CUES - 1), 'the last cue in full');
    await until(() => inView(last, box), 'the last cue in view');
    expect([...current].map((range) => range.toString())).to.deep.equal(['gesprek']);
    expect([...all].filter((range) => !range.startContainer.isConnected)).to.deep.equal([]);
  });

  it('quote to clip: a selection that runs from the full text into the plain text', async function () {
    const { root } = await mount();
    const from = cueShowing(root, 2)!.lastChild as Text;
    const turn = [...root.querySelectorAll<HTMLElement>('.turn.plain')].find((p) =>
      p.textContent!.includes(texts[300]),
    )!;
    const to = turn.firstChild as Text;
    document.getSelection()!.setBaseAndExtent(from, 4, to, to.data.indexOf(texts[300]) + 6);
    const offer = await until(
      () => root.querySelector<HTMLButtonElement>('[part~="transcript-quote"]'),
      'the quote offer',
    );
    // Text being selected: no block changes form under it.
    expect(turn.isConnected).to.equal(true);
    offer.click();
    const link = await until(() => root.querySelector<HTMLTextAreaElement>('#quote-link'), 'the link');
    // Cut to the word it ends in ("300", 7 of the cue's 57 characters): 7/57 of 4 s + 0.3 s into the
    // cue, not at its end; it starts on a word, where cue 2 starts (less 0.3 s is before the cue).
    expect(texts[300].length).to.equal(57);
    expect(link.value).to.match(new RegExp(`#t=${2 * SECONDS},${300 * SECONDS + 0.8}$`));
  });

  it('moved elsewhere in the page, it still renders in full what comes near the view', async () => {
    const { wrapper, el, root, box } = await mount();
    wrapper.prepend(el);
    await el.updateComplete;
    box.scrollTop = box.scrollHeight;
    await until(() => cueShowing(root, CUES - 1), 'the last cue in full once scrolled to');
  });

  it('End and Home move focus to the last and the first turn, rendered on demand', async () => {
    const { root, box } = await mount();
    const first = root.querySelector<HTMLButtonElement>('[part~="transcript-time"]')!;
    first.focus();
    first.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true, composed: true }));
    const last = await until(() => {
      const focused = root.activeElement;
      return focused?.closest('.turn')?.textContent?.includes(texts[CUES - 1]) && focused;
    }, 'focus on the last turn');
    expect(last.getAttribute('tabindex')).to.equal('0');
    await until(() => inView(last, box), 'the last turn in view');
    last.dispatchEvent(new KeyboardEvent('keydown', { key: 'Home', bubbles: true, composed: true }));
    await until(() => root.activeElement?.closest('.turn')?.textContent?.includes(texts[0]), 'focus on the first');
    expect(root.querySelectorAll('[part~="transcript-time"][tabindex="0"]')).to.have.length(1);
  });

  it('#t= deep in the text: its passage is rendered, in view, with the tab stop on its turn', async () => {
    const t = token();
    const vttToken = token();
    await executeServerCommand('put-catalogue', { token: vttToken, body: vtt });
    const catalogue = await (await fetch(catalogueUrl(t))).json();
    catalogue.interviews.find((i: { id: string }) => i.id === 'gesprek-i').transcript = `/_cat/${vttToken}/put`;
    await executeServerCommand('put-catalogue', { token: t, body: JSON.stringify(catalogue) });
    const win = await openPage(
      `<interview-page catalogue="/_cat/${t}/put" interview="gesprek-i"></interview-page>`,
      `#t=${375 * SECONDS + 1}`,
      [1000, 800],
    );
    const page = win.document.querySelector('interview-page')!;
    const transcript = await until(() => shadow(page).querySelector('kijkom-transcript'), 'the transcript');
    const root = await until(() => transcript.shadowRoot, 'its shadow root');
    const stop = await until(() => {
      const button = root.querySelector('[part~="transcript-time"][tabindex="0"]');
      return button?.closest('.turn')?.textContent?.includes(texts[375]) && button;
    }, 'the tab stop on the linked turn');
    const box = root.querySelector('[part~="transcript-text"]')!;
    await until(() => inView(stop, box), 'the linked passage in view');
    // Less than half of the 2.6 elements a cue the text makes in full (this text is short for its blocks).
    expect(root.querySelectorAll('*').length).to.be.below(CUES * 1.3);
  });
});
