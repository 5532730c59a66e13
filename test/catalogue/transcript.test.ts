import { expect } from '@open-wc/testing';
import {
  clipTranscript,
  cueAt,
  cuesBetween,
  quoteSpan,
  cutAfter,
  parseTranscript,
  SearchIndex,
  type Transcript,
} from '../../src/catalogue/transcript.js';

const vtt = `WEBVTT

NOTE a note is no cue

1
00:00:00.000 --> 00:00:04.000
<v Interviewer>Hoe begon <i>het</i>?

00:00:04.000 --> 00:00:09.500
<v.loud Spreker A>Met één telefoontje
van de minister.

00:00:09.500 --> 00:00:12.000
Dat vergeet ik nooit.

00:00:12.000 --> 00:00:13.000
<v Spreker A>   

00:00:14.000 --> 00:00:20.000
<v Interviewer>En toen?
`;

describe('transcript model', () => {
  it('reads cues with their speaker and words, without markup, and drops empty cues', async () => {
    const { cues } = await parseTranscript(vtt);
    expect(cues.map((c) => [c.start, c.end, c.speaker, c.text])).to.deep.equal([
      [0, 4, 'Interviewer', 'Hoe begon het?'],
      [4, 9.5, 'Spreker A', 'Met één telefoontje van de minister.'],
      [9.5, 12, undefined, 'Dat vergeet ik nooit.'],
      [14, 20, 'Interviewer', 'En toen?'],
    ]);
  });

  it('groups cues into speaker turns; a cue without a voice continues the turn', async () => {
    const { turns } = await parseTranscript(vtt);
    expect(turns).to.deep.equal([
      { speaker: 'Interviewer', start: 0, first: 0, end: 1 },
      { speaker: 'Spreker A', start: 4, first: 1, end: 3 },
      { speaker: 'Interviewer', start: 14, first: 3, end: 4 },
    ]);
  });

  it('cuts a long text after a number of cues, at a cue boundary', async () => {
    const opening = vtt.slice(0, cutAfter(vtt, 0, 2));
    expect((await parseTranscript(opening)).cues.map((c) => c.text)).to.deep.equal([
      'Hoe begon het?',
      'Met één telefoontje van de minister.',
    ]);
    expect(cutAfter(vtt, 0, 99)).to.equal(vtt.length);
    const crlf = vtt.replaceAll('\n', '\r\n');
    expect(crlf.slice(0, cutAfter(crlf, 0, 1))).to.match(/Hoe begon <i>het<\/i>\?$/);
    const from = cutAfter(vtt, 0, 1);
    expect(vtt.slice(from, cutAfter(vtt, from, 2))).to.match(/^\n\n00:00:04\.000 [^]*Dat vergeet ik nooit\.$/);
  });

  it('reads a long text in slices, pausing between them, to the same transcript as at once', async () => {
    // Hours in the timestamps, cue settings, identifiers, comments, a region and a style in the
    // header, entities, classes and voices with and without a closing tag, CRLF line ends.
    const long = [
      'WEBVTT - een lang gesprek',
      'Kind: captions',
      '',
      'REGION',
      'id:onder width:40% lines:3 regionanchor:0%,100% viewportanchor:10%,90% scroll:up',
      '',
      'STYLE',
      '::cue(v[voice="Interviewer"]) { color: yellow }',
      '',
      'NOTE een opmerking',
      'over twee regels',
      '',
      ...Array.from({ length: 30 }, (_, i) => {
        const start = 3590 + i * 2;
        const stamp = (s: number) =>
          `${String(Math.floor(s / 3600)).padStart(2, '0')}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}.500`;
        const voice = i % 3 === 0 ? 'Interviewer' : 'Joëlle van den Broek';
        return [
          `cue-${i}`,
          `${stamp(start)} --> ${stamp(start + 2)} region:onder align:start position:10%,line-left line:-2 size:80%`,
          i % 5 === 4 ? `<v.luid ${voice}>Zij &amp; ik, &lt;samen&gt;</v>` : `<v ${voice}><i>Zin</i> ${i}`,
          i % 2 ? 'op twee regels.' : '<c.stil>en nog een</c> <00:00:00.000>woord.',
          '',
          i % 7 === 6 ? 'NOTE tussen de cues\n' : '',
        ].join('\r\n');
      }),
    ].join('\r\n');
    const whole = await parseTranscript(long);
    expect(whole.cues).to.have.length(30);
    expect(whole.cues[0]).to.deep.equal({
      start: 3590.5,
      end: 3592.5,
      speaker: 'Interviewer',
      text: 'Zin 0 en nog een woord.',
    });
    expect(whole.cues[4]).to.include({
      start: 3598.5,
      speaker: 'Joëlle van den Broek',
      text: 'Zij & ik, <samen> en nog een woord.',
    });
    expect(whole.cues[5]).to.include({ speaker: 'Joëlle van den Broek', text: 'Zin 5 op twee regels.' });
    expect(whole.cues[29].end).to.equal(3650.5);
    let pauses = 0;
    const seen: number[] = [];
    const sliced = await parseTranscript(long, {
      first: 4,
      size: 7,
      between: async (sofar: () => Transcript) => {
        pauses++;
        seen.push(sofar().cues.length);
        await new Promise((resolve) => setTimeout(resolve));
      },
    });
    expect(sliced).to.deep.equal(whole);
    expect(seen).to.deep.equal([4, 11, 18, 25]);
    expect(pauses).to.equal(4);
    // What was read so far is a transcript of its own: later slices do not change it.
    let opening: Transcript | undefined;
    await parseTranscript(long, {
      first: 4,
      size: 7,
      between: async (sofar) => void (opening ??= sofar()),
    });
    expect(opening!.cues).to.have.length(4);
    expect(opening!.turns.map((turn) => [turn.speaker, turn.first, turn.end])).to.deep.equal([
      ['Interviewer', 0, 1],
      ['Joëlle van den Broek', 1, 3],
      ['Interviewer', 3, 4],
    ]);
  });

  it('stops reading when a pause throws', async () => {
    const stop = new Error('stop');
    let error: unknown;
    await parseTranscript(vtt, { first: 1, size: 1, between: () => Promise.reject(stop) }).catch((e) => (error = e));
    expect(error).to.equal(stop);
  });

  it('clips to the cues heard in a stretch, regrouped into turns', async () => {
    const transcript = await parseTranscript(vtt);
    const clipped = clipTranscript(transcript, 5, 13);
    expect(clipped.cues.map((c) => c.text)).to.deep.equal([
      'Met één telefoontje van de minister.',
      'Dat vergeet ik nooit.',
    ]);
    expect(clipped.turns).to.deep.equal([{ speaker: 'Spreker A', start: 4, first: 0, end: 2 }]);
    expect(
      clipTranscript(transcript, 12).cues.map((c) => c.start),
      'to the end',
    ).to.deep.equal([14]);
    expect(clipTranscript(transcript, 4, 4.001).cues).to.have.length(1);
  });

  it('names the first and last cue heard in a stretch (what a #t=start,end link marks), none in a pause', async () => {
    const { cues } = await parseTranscript(vtt);
    expect(cuesBetween(cues, 5, 13)).to.deep.equal({ first: 1, last: 2 });
    expect(cuesBetween(cues, 0, 0.5)).to.deep.equal({ first: 0, last: 0 });
    expect(cuesBetween(cues, 11, 30)).to.deep.equal({ first: 2, last: 3 });
    expect(cuesBetween(cues, 12, 30), 'not the cue ending as it starts').to.deep.equal({ first: 3, last: 3 });
    expect(cuesBetween(cues, 13, 14), 'a pause').to.equal(undefined);
    expect(cuesBetween(cues, 30, 40), 'past the end').to.equal(undefined);
  });

  it('cuts a quote to whole words, timed by their place in the cue; whole cues keep their times', async () => {
    const { cues } = await parseTranscript(vtt);
    expect(quoteSpan(cues, { cue: 1 }, { cue: 2 })).to.deep.equal({
      first: 1,
      last: 2,
      start: 4,
      end: 12,
      words: ['Met één telefoontje van de minister.', 'Dat vergeet ik nooit.'],
    });
    // Inside "één" (6 of 36 characters) to inside "telefoontje": both words whole; 4 s + 4/36 of
    // 5.5 s less 0.3 s, to 4 s + 19/36 of 5.5 s plus 0.3 s, in tenths.
    expect(quoteSpan(cues, { cue: 1, at: 6 }, { cue: 1, at: 16 })).to.deep.equal({
      first: 1,
      last: 1,
      start: 4.3,
      end: 7.3,
      words: ['één telefoontje'],
    });
    // Ending just after a space: the word after it is not taken.
    expect(quoteSpan(cues, { cue: 2, at: 0 }, { cue: 2, at: 12 })).to.deep.equal({
      first: 2,
      last: 2,
      start: 9.5,
      end: 11.2,
      words: ['Dat vergeet'],
    });
    // Edges that take none of a cue (after its last word, before its first): that cue is left out.
    expect(quoteSpan(cues, { cue: 0, at: 14 }, { cue: 2, at: 0 })).to.deep.equal({
      first: 1,
      last: 1,
      start: 4,
      end: 9.5,
      words: ['Met één telefoontje van de minister.'],
    });
  });

  it('finds the cue spoken at a time, with or without a hint, and none in a pause', async () => {
    const { cues } = await parseTranscript(vtt);
    expect([0, 3.9, 4, 9.49, 9.5, 13, 14, 19.9, 20, -1].map((t) => cueAt(cues, t))).to.deep.equal([
      0, 0, 1, 1, 2, -1, 3, 3, -1, -1,
    ]);
    expect(cueAt(cues, 5, 0)).to.equal(1);
    expect(cueAt(cues, 15, 0)).to.equal(3);
    expect(cueAt(cues, 1, 3)).to.equal(0);
    expect(cueAt(cues, 5, 99)).to.equal(1);
  });

  it('searches whatever the case and accents, within cues, giving offsets in the shown text', async () => {
    const { cues } = await parseTranscript(vtt);
    const index = new SearchIndex(cues);
    const found = (query: string) => index.find(query, cues).map((m) => cues[m.cue].text.slice(m.from, m.to));
    expect(found('een')).to.deep.equal(['één']);
    expect(found('ÉÉN TELEFOONTJE')).to.deep.equal(['één telefoontje']);
    expect(found('  van   de ')).to.deep.equal(['van de']);
    expect(index.find('e', cues).length).to.equal(16);
    expect(found('minister. dat'), 'no match across cues').to.deep.equal([]);
    expect(found('')).to.deep.equal([]);
    expect(index.find('toen', cues)).to.deep.equal([{ cue: 3, from: 3, to: 7 }]);
  });

  it('keeps offsets right after characters that fold to more or fewer', async () => {
    const { cues } = await parseTranscript(
      'WEBVTT\n\n00:00.000 --> 00:01.000\nﬁjn 😀 café e\u0301 en Ĳssel cafe\u0301\n',
    );
    const index = new SearchIndex(cues);
    const found = (query: string) => index.find(query, cues).map((m) => cues[m.cue].text.slice(m.from, m.to));
    expect(found('fijn')).to.deep.equal(['ﬁjn']);
    expect(found('cafe'), 'an accent written apart stays with its letter').to.deep.equal(['café', 'cafe\u0301']);
    expect(found('😀 cafe')).to.deep.equal(['😀 café']);
    expect(found('e en')).to.deep.equal(['e\u0301 en']);
  });
});
