// The interview's transcript in <interview-page>: read before anything plays, played from its
// times, in sync with the player, searchable; the sample interview's WebVTT (a cue per 15 s,
// speakers alternating, named as in the catalogue), served by the test server.
import { expect, fixture, html } from '@open-wc/testing';
import { computeAccessibleName } from 'dom-accessibility-api';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/index.js';
import type { InterviewPage } from '../../src/interview-page/interview-page.js';
import type { TranscriptSeekEvent } from '../../src/events/transcript-events.js';
import { catalogueUrl, nextEvent, requestLog, token, until } from '../helpers/media.js';
import { shadow } from '../helpers/dom.js';
import { notInWebKit } from '../helpers/engines.js';
import { boxOf, contrast, pixel, rendered, screenshot } from '../helpers/screenshot.js';

async function mount(t = token()) {
  const page = await fixture<InterviewPage>(
    html`<interview-page catalogue=${catalogueUrl(t)} interview="gesprek-i" lang="nl"></interview-page>`,
  );
  const transcript = await until(() => shadow(page).querySelector('kijkom-transcript'), 'the transcript element');
  // A long transcript shows its opening first; these tests read all of it.
  await until(() => transcript.shadowRoot?.querySelectorAll('.turn').length === 128, 'the whole transcript');
  return { page, transcript, root: shadow(transcript) };
}

const player = (page: InterviewPage) => shadow(page).querySelector('fragment-player')!;
const media = (page: InterviewPage) => shadow(player(page)).querySelector('video');
const spoken = (root: ShadowRoot) => [...root.querySelectorAll('[aria-current="true"]')];
const timeButton = (root: ShadowRoot, label: string) =>
  [...root.querySelectorAll<HTMLButtonElement>('[part~="transcript-time"]')].find(
    (button) => button.textContent!.trim() === label,
  )!;

async function type(input: HTMLInputElement, text: string) {
  input.value = text;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

describe('<interview-page> transcript', () => {
  afterEach(() => document.querySelectorAll('interview-page').forEach((el) => el.remove()));

  it('is there to read before anything plays: turns with speaker and time, fetched with the page', async () => {
    const t = token();
    const { page, root } = await mount(t);
    const turns = root.querySelectorAll('.turn');
    expect(turns.length, 'a paragraph per speaker turn').to.equal(128);
    // The speakers are the catalogue's: the interviewers take turns asking, the interviewee answers.
    const speakers = [...turns].slice(0, 4).map((turn) => turn.querySelector('.speaker')!.textContent);
    expect(speakers).to.deep.equal(['Interviewer 1', 'Spreker I', 'Interviewer 2', 'Spreker I']);
    expect(shadow(page).querySelector('[part~="person"] strong')!.textContent).to.equal('Spreker I');
    expect(turns[0].textContent).to.contain('Kunt u iets vertellen over de straat');
    expect(turns[1].querySelector('time')!.getAttribute('datetime')).to.equal('PT15S');
    expect(root.querySelector('h3')!.textContent).to.equal('Uitgeschreven gesprek');
    // Chapters and fragments are marked where they start.
    const marks = [...root.querySelectorAll('.mark')].map((mark) => mark.textContent!.replace(/\s+/g, ' ').trim());
    expect(marks).to.include('Hoofdstuk 3:30 Loopbaan en eerste functies');
    expect(marks).to.include('Fragment 1:35 De eerste werkdag op het departement');
    // One time button in the tab order; Up, Down, Home and End move between them.
    const times = [...root.querySelectorAll<HTMLButtonElement>('[part~="transcript-time"]')];
    expect(times.filter((button) => button.tabIndex === 0)).to.deep.equal([times[0]]);
    times[0].focus();
    times[0].dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, composed: true }));
    expect(root.activeElement).to.equal(times[1]);
    times[1].dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true, composed: true }));
    expect(root.activeElement).to.equal(times[127]);
    expect(times.filter((button) => button.tabIndex === 0)).to.deep.equal([times[127]]);
    expect(media(page), 'no media element before play').to.equal(null);
    const log = await requestLog(t);
    expect(log.some((r) => r.path.endsWith('transcript-nl.vtt'))).to.equal(true);
    expect(
      log.filter((r) => /\.(m4s|m3u8|mp4)$/.test(r.path)),
      'no media requests',
    ).to.deep.equal([]);
    await expect(page).to.be.accessible();
  });

  it('a time button plays the interview from there unless transcript-seek is cancelled; the spoken cue is marked', async function () {
    this.timeout(40000);
    const { page, root } = await mount();
    const cancel = (event: TranscriptSeekEvent) => event.preventDefault();
    document.addEventListener('transcript-seek', cancel, { once: true });
    const seek = nextEvent<TranscriptSeekEvent>(page, 'transcript-seek');
    timeButton(root, '1:30').click();
    expect((await seek).detail).to.deep.equal({ interviewId: 'gesprek-i', time: 90 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(media(page), 'cancelled: nothing plays').to.equal(null);

    timeButton(root, '1:30').click();
    const video = await until(() => media(page), 'the video');
    await until(() => video.currentTime > 90.2 && !video.paused, 'playback from 1:30', 20000);
    await until(() => spoken(root).length === 1, 'a spoken cue');
    expect(spoken(root)[0].textContent).to.contain('Weet u nog hoe u dat nieuws te horen kreeg?');

    // Another time in the playing interview: it seeks, and the mark moves with it.
    timeButton(root, '5:00').click();
    await until(
      () => video.currentTime > 300.2 && video.currentTime < 310 && !video.paused,
      'playback from 5:00',
      20000,
    );
    await until(
      () => spoken(root)[0]?.closest('.turn')?.querySelector('time')?.textContent === '5:00',
      'the mark at 5:00',
    );
    expect(spoken(root)).to.have.length(1);
    // The time pressed last is the tab stop (playback does not move it).
    expect([...root.querySelectorAll('[part~="transcript-time"][tabindex="0"]')]).to.deep.equal([
      timeButton(root, '5:00'),
    ]);
    // Kept in view in the text box, not by scrolling the page.
    const box = root.querySelector<HTMLElement>('[part~="transcript-text"]')!;
    await until(() => {
      const cue = spoken(root)[0].getBoundingClientRect();
      const view = box.getBoundingClientRect();
      return cue.top >= view.top && cue.bottom <= view.bottom;
    }, 'the spoken cue in view');
    await expect(page).to.be.accessible();
  });

  for (const scheme of ['light', 'dark'])
    it(`marks the spoken words with an underline standing 3:1 against the page (${scheme})`, async function () {
      notInWebKit(this, 'the screenshot command takes pictures through Puppeteer, which does not drive WebKit');
      this.timeout(40000);
      const { page, root } = await mount();
      // A host page in this colour scheme: the elements take it from `color-scheme`.
      page.style.colorScheme = scheme;
      page.style.background = scheme === 'dark' ? '#161616' : '#fff';
      timeButton(root, '1:30').click();
      const video = await until(() => media(page), 'the video');
      await until(() => video.currentTime > 90.2 && spoken(root).length === 1, 'a spoken cue', 20000);
      video.pause();
      const cue = spoken(root)[0] as HTMLElement;
      cue.scrollIntoView({ block: 'center' });
      await rendered();
      // The screenshot's clip is in the document's coordinates, the box in the viewport's.
      const box = boxOf(cue, 6);
      const rect = { ...box, x: box.x + Math.round(scrollX), y: box.y + Math.round(scrollY) };
      const marked = await screenshot(rect);
      // The same words unmarked (paused, so the transcript does not mark them again meanwhile).
      cue.removeAttribute('aria-current');
      await rendered();
      const plain = await screenshot(rect);
      cue.setAttribute('aria-current', 'true');
      let strong = 0;
      for (let y = 0; y < marked.height; y++)
        for (let x = 0; x < marked.width; x++) if (contrast(pixel(marked, x, y), pixel(plain, x, y)) >= 3) strong++;
      // An underline at least 2 px thick along the words' width (the tint alone stands at about 1.3:1).
      const words = cue.getBoundingClientRect().width;
      expect(strong, 'pixels of the mark standing 3:1 or more against the unmarked page').to.be.at.least(2 * words);
    });

  it('stops following when the reader scrolls, and "Volg het gesprek" brings it back', async function () {
    this.timeout(40000);
    const { page, root } = await mount();
    timeButton(root, '10:00').click();
    const video = await until(() => media(page), 'the video');
    await until(() => video.currentTime > 600.2 && !video.paused, 'playback', 20000);
    const box = root.querySelector<HTMLElement>('[part~="transcript-text"]')!;
    await until(() => box.scrollTop > 0, 'the text follows playback');
    box.dispatchEvent(new WheelEvent('wheel', { deltaY: -500, bubbles: true }));
    box.scrollTop = 0;
    const follow = await until(
      () => root.querySelector<HTMLButtonElement>('[part~="transcript-follow"]'),
      'the follow button',
    );
    expect(follow.textContent!.trim()).to.equal('Volg het gesprek');
    // While the reader is elsewhere, playback moves on without pulling the text along.
    video.currentTime = 700;
    await until(
      () => spoken(root)[0]?.closest('.turn')?.querySelector('time')?.textContent === '11:30',
      'the mark at 11:30',
    );
    expect(box.scrollTop).to.equal(0);
    follow.click();
    await until(() => !root.querySelector('[part~="transcript-follow"]'), 'the follow button gone');
    await until(() => {
      const cue = spoken(root)[0].getBoundingClientRect();
      const view = box.getBoundingClientRect();
      return cue.top >= view.top && cue.bottom <= view.bottom;
    }, 'the spoken cue in view again');
  });

  it('search: accents and case ignored, "n van m", Enter and Shift+Enter, highlighted, nothing plays', async () => {
    const { page, root } = await mount();
    const input = root.querySelector<HTMLInputElement>('[part~="transcript-search"]')!;
    const status = root.querySelector('[role="status"]')!;
    await type(input, 'EEN KLAS');
    await page.updateComplete;
    const expected = [...root.querySelectorAll('.cue')].filter((cue) => cue.textContent!.includes('één klas')).length;
    expect(expected).to.be.greaterThan(0);
    await until(() => status.textContent === `1 van ${expected}`, `1 van ${expected}, not "${status.textContent}"`);
    const current = CSS.highlights.get('kijkom-transcript-current')!;
    const range = [...(current as unknown as Set<Range>)][0];
    expect(range.toString()).to.equal('één klas');

    await type(input, 'een');
    const total = Number(
      /van (\d+)/.exec(await until(() => /van \d+/.test(status.textContent!) && status.textContent, 'a count'))![1],
    );
    expect(total).to.be.greaterThan(3);
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    await until(() => status.textContent === `2 van ${total}`, 'the next match');
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', shiftKey: true, bubbles: true, composed: true }));
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', shiftKey: true, bubbles: true, composed: true }));
    await until(() => status.textContent === `${total} van ${total}`, 'back past the first to the last');
    const all = CSS.highlights.get('kijkom-transcript-match') as unknown as Set<Range>;
    expect(all.size, 'the other matches highlighted').to.equal(total - 1);
    expect([...all].every((r) => /^(een|één)$/i.test(r.toString()))).to.equal(true);

    await type(input, 'qqqq');
    await until(() => status.textContent === 'Niets gevonden', 'nothing found');
    expect(all.size).to.equal(0);
    expect(media(page), 'searching plays nothing').to.equal(null);
    // The steps are named by the words they show (WCAG 2.5.3), the arrows beside them left unsaid.
    const steps = [...root.querySelectorAll<HTMLButtonElement>('.tools .step')];
    expect(steps.map((step) => computeAccessibleName(step))).to.deep.equal(['Vorige', 'Volgende']);
    expect(steps.map((step) => step.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal([
      '↑ Vorige',
      '↓ Volgende',
    ]);
    await expect(page).to.be.accessible();
  });

  it('quote to clip: selected text offers a #t= link, snippets that keep the interview, and citations', async function () {
    const { page, root } = await mount();
    const cues = [...root.querySelectorAll<HTMLElement>('.cue')];
    // Within one cue (1:30–1:45, 43 characters): the words selected are the label, and the clip
    // is cut to them, timed by their place in the cue (7 and 30 characters in), with 0.3 s to spare.
    const words = cues[6].lastChild as Text;
    expect(words.data).to.equal('Weet u nog hoe u dat nieuws te horen kreeg?');
    document.getSelection()!.setBaseAndExtent(words, 7, words, 30);
    const offer = await until(
      () => root.querySelector<HTMLButtonElement>('[part~="transcript-quote"]'),
      'the quote offer',
    );
    expect(offer.textContent!.trim()).to.equal('Deel dit citaat');
    offer.click();
    const link = await until(() => root.querySelector<HTMLTextAreaElement>('#quote-link'), 'the link');
    await until(() => root.activeElement === link, 'focus on the link');
    // On the interview's canonical page (the catalogue has its url).
    const here = 'https://example.org/gesprekken/gesprek-i';
    expect(link.value).to.equal(`${here}#t=92.1,100.8`);
    const field = (id: string) => root.querySelector<HTMLTextAreaElement>(`#${id}`)!.value;
    const snippet = field('quote-embed');
    expect(snippet).to.match(/^<script type="module" src="[^"]+kijkom\.js"><\/script><fragment-player /);
    // The catalogue and the interview, so captions, audio, transcript, poster and attribution come along;
    // the label the words with who says them.
    const catalogue = new URL(page.catalogue!, location.href).href;
    const label = 'Interviewer 2: nog hoe u dat nieuws te';
    expect(snippet).to.contain(
      `<fragment-player catalogue="${catalogue}" interview="gesprek-i" start="92.1" end="100.8" label="${label}"><a href="${here}#t=92.1,100.8">${label}</a></fragment-player>`,
    );
    expect(snippet).not.to.match(/<fragment-player [^>]*\bsrc=/);
    // The iframe snippet: the embed page at that stretch of the interview.
    const frame = new URL(/src="([^"]+)"/.exec(field('quote-frame'))![1].replaceAll('&amp;', '&'));
    expect(frame.pathname).to.match(/\/embed\.html$/);
    expect([frame.searchParams.get('interview'), frame.searchParams.get('t')]).to.deep.equal([
      'gesprek-i',
      '92.1,100.8',
    ]);
    // Citations: the quote's words and times in the plain one, the interview in APA 7.
    expect(field('quote-cite')).to.equal(
      // The quote names who speaks in it (here the interviewer), not the interviewee before it.
      `“Interviewer 2: nog hoe u dat nieuws te” (1:32–1:40), in Gesprek met Spreker I, maart 2021. De Top Kijkt Om — voorbeeldarchief, Stichting Voorbeeld. ${here}#t=92.1,100.8`,
    );
    expect(field('quote-apa')).to.equal(
      `I, S. (2021, maart). Gesprek met Spreker I [Video-interview]. De Top Kijkt Om — voorbeeldarchief, Stichting Voorbeeld. ${here}#t=92.1,100.8`,
    );
    await expect(page).to.be.accessible();
    // Escape closes it and gives focus back to the text.
    link.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await until(() => !root.querySelector('#quote-link'), 'the panel closed');

    // Across cues, from a whole cue to a word in the next (ending inside "vader", 7 characters in):
    // the whole word, and the clip ends soon after it (10 of the cue's 57 characters, 45 s + 2.6 s
    // + 0.3 s), not at the cue's end (60 s).
    document.getSelection()!.setBaseAndExtent(cues[2].lastChild!, 0, cues[3].lastChild!, 7);
    await until(() => root.querySelector('[part~="transcript-quote"]'), 'the offer again');
    root.querySelector<HTMLButtonElement>('[part~="transcript-quote"]')!.click();
    const across = await until(() => root.querySelector<HTMLTextAreaElement>('#quote-link'), 'the link');
    expect(across.value).to.equal(`${here}#t=30,48`);
    expect(root.querySelector<HTMLTextAreaElement>('#quote-embed')!.value).to.contain(
      'label="Interviewer 2: Hoe zag een gewone schooldag er voor u uit? — Spreker I: Mijn vader"',
    );
    document.getSelection()!.removeAllRanges();

    // Pasted elsewhere (its script aside): a player of that stretch, titled with the quote, naming the speaker.
    const pasted = document.body.appendChild(document.createElement('div'));
    pasted.innerHTML = root
      .querySelector<HTMLTextAreaElement>('#quote-embed')!
      .value.replace(/<script[^>]*><\/script>/, '');
    const quoted = pasted.querySelector('fragment-player')!;
    try {
      const title = await until(() => shadow(quoted).querySelector('[part~="title"]'), 'the pasted player');
      expect(title.textContent).to.equal(
        'Interviewer 2: Hoe zag een gewone schooldag er voor u uit? — Spreker I: Mijn vader',
      );
      expect(shadow(quoted).querySelector('[part~="meta"]')!.textContent).to.contain('Spreker I');
      expect(quoted.clip).to.deep.equal({ interview: 'gesprek-i', start: 30, end: 48 });
    } finally {
      pasted.remove();
    }
  });

  it('quote to clip by keyboard: Shift+arrows from a time button take whole turns', async () => {
    const { root } = await mount();
    const times = [...root.querySelectorAll<HTMLButtonElement>('[part~="transcript-time"]')];
    times[0].focus();
    for (let i = 0; i < 6; i++)
      (root.activeElement as HTMLElement).dispatchEvent(
        new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, composed: true }),
      );
    expect(root.activeElement).to.equal(times[6]);
    for (let i = 0; i < 2; i++)
      (root.activeElement as HTMLElement).dispatchEvent(
        new KeyboardEvent('keydown', { key: 'ArrowDown', shiftKey: true, bubbles: true, composed: true }),
      );
    expect(root.activeElement).to.equal(times[8]);
    const offer = await until(
      () => root.querySelector<HTMLButtonElement>('[part~="transcript-quote"]'),
      'the quote offer',
    );
    offer.click();
    const link = await until(() => root.querySelector<HTMLTextAreaElement>('#quote-link'), 'the link');
    expect(link.value).to.match(/#t=90,135$/);
    expect(root.querySelector('[part~="transcript-text"]')!.getAttribute('aria-describedby')).to.equal('quote-hint');
    expect(root.querySelector('#quote-hint')!.textContent).to.contain('Shift');
    document.getSelection()!.removeAllRanges();
  });

  it('in English, at a heading level one below the page heading', async () => {
    const t = token();
    const page = await fixture<InterviewPage>(
      html`<interview-page
        catalogue=${catalogueUrl(t)}
        interview="gesprek-i"
        lang="en"
        heading-level="3"
      ></interview-page>`,
    );
    const transcript = await until(() => shadow(page).querySelector('kijkom-transcript'), 'the transcript');
    const heading = await until(() => transcript.shadowRoot?.querySelector('h4'), 'the transcript heading');
    expect(heading.textContent).to.equal('Transcript');
    expect(shadow(page).querySelector('[part~="title"]')!.tagName, 'the interview title').to.equal('H3');
    const sections = [...shadow(page).querySelectorAll('.section-heading')].map(
      (el) => `${el.tagName} ${el.textContent}`,
    );
    expect(sections, 'the index headings').to.deep.equal(['H4 Chapters', 'H4 Fragments']);
    const input = await until(
      () => shadow(transcript).querySelector<HTMLInputElement>('[part~="transcript-search"]'),
      'the search field',
    );
    expect(input.getAttribute('aria-label')).to.equal('Search the interview');
  });

  it('a transcript that cannot be loaded says so, and the rest of the page works', async () => {
    const t = token();
    const catalogue = await (await fetch(catalogueUrl(t))).json();
    catalogue.interviews.find((i: { id: string }) => i.id === 'gesprek-i').transcript = `/_media/${t}/none/missing.vtt`;
    await executeServerCommand('put-catalogue', { token: t, body: JSON.stringify(catalogue) });
    const page = await fixture<InterviewPage>(
      html`<interview-page catalogue=${`/_cat/${t}/put`} interview="gesprek-i"></interview-page>`,
    );
    const transcript = await until(() => shadow(page).querySelector('kijkom-transcript'), 'the transcript');
    const alert = await until(() => transcript.shadowRoot?.querySelector('[role="alert"]'), 'the error');
    expect(alert.textContent).to.contain('Het uitgeschreven gesprek kon niet worden geladen.');
    expect(shadow(transcript).querySelector('[part~="retry"]')).to.not.equal(null);
    expect(shadow(page).querySelectorAll('[part~="chapters"] li')).to.have.length(6);
    expect(player(page)).to.not.equal(null);
    await expect(page).to.be.accessible();
  });
});
