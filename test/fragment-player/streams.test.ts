// Stream shapes real archives publish (demo/media/streams/, made by scripts/make-media.mjs): each
// starts and ends where the fragment says and fetches nothing before its start segment.
import { expect, fixture, html } from '@open-wc/testing';
import { nothing } from 'lit';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/fragment-player/define.js';
import type { FragmentPlayer } from '../../src/fragment-player/fragment-player.js';
import {
  type LoggedRequest,
  nextEvent,
  playingFrom,
  playlistUrl,
  requestLog,
  token,
  until,
  watchSegments,
} from '../helpers/media.js';
import { shadow } from '../helpers/dom.js';
import { notInWebKit } from '../helpers/engines.js';

const START = 62;
const SEGMENT = 4;
/** Into the segment after the start's, so that playback crosses a segment boundary. */
const END = 66.5;
/** The subtitle renditions' segments are longer. */
const VTT_SEGMENT = 20;

const video = (el: FragmentPlayer) => shadow(el).querySelector('video');
const playButton = (el: FragmentPlayer) => shadow(el).querySelector<HTMLButtonElement>('[part~="play-button"]');
const streamUrl = (t: string, name: string) => `/_media/${t}/none/streams/${name}/index.m3u8`;

const mount = async (src: string, end?: number) => {
  const el = await fixture<FragmentPlayer>(
    html`<fragment-player src=${src} start=${START} end=${end ?? nothing} label="Stroom"></fragment-player>`,
  );
  await until(() => playButton(el), 'the facade');
  return el;
};

/** Presses play; resolves once it plays, with the time it started playing from. */
async function play(el: FragmentPlayer) {
  playButton(el)!.click();
  const media = await until(() => video(el), 'the video');
  return { media, startedAt: await playingFrom(media) };
}

/** The start time of the segment a request fetched, or undefined for anything else (playlists, init, keys). */
async function segmentStarts(t: string, byteRanges?: string): Promise<{ path: string; start: number }[]> {
  const offsets = byteRanges ? byteRangeOffsets(byteRanges) : [];
  return (await requestLog(t)).flatMap(({ path, range }: LoggedRequest) => {
    const named = /-(\d+)\.(m4s|ts|vtt)$/.exec(path);
    if (named) return [{ path, start: Number(named[1]) * (named[2] === 'vtt' ? VTT_SEGMENT : SEGMENT) }];
    const from = Number(/^bytes=(\d+)-/.exec(range ?? '')?.[1]);
    const index = offsets.indexOf(from);
    return index >= 0 ? [{ path: `${path} ${range}`, start: index * SEGMENT }] : [];
  });
}

/** The offsets of a byte-range playlist's segments (not of its init section), in order. */
function byteRangeOffsets(playlist: string): number[] {
  return [...playlist.matchAll(/^#EXT-X-BYTERANGE:\d+@(\d+)$/gm)].map((match) => Number(match[1]));
}

describe('<fragment-player> stream shapes', () => {
  afterEach(() => {
    for (const el of document.querySelectorAll('fragment-player')) el.remove();
  });

  for (const name of ['ts', 'multivariant', 'alt-audio', 'subtitles', 'byterange', 'aes']) {
    it(`${name}: starts at its start, pauses at its end, fetches nothing before the start segment`, async function () {
      this.timeout(40000);
      const t = token();
      const el = await mount(streamUrl(t, name), END);
      const ended = nextEvent(el, 'fragment-ended', 30000);
      const { media, startedAt } = await play(el);
      expect(startedAt, 'playback starts at the start').to.be.within(START - 0.3, START + 0.3);
      await ended;
      expect(media.paused).to.equal(true);
      expect(media.currentTime, 'paused at the end').to.be.within(END - 0.3, END + 0.3);

      const playlist = name === 'byterange' ? await (await fetch(streamUrl(token(), name))).text() : undefined;
      const segments = await segmentStarts(t, playlist);
      expect(segments.length, 'segments fetched').to.be.greaterThan(1);
      const startSegment = Math.floor(START / SEGMENT) * SEGMENT;
      const early = segments.filter(({ path, start }) =>
        path.endsWith('.vtt') ? start + VTT_SEGMENT <= START : start < startSegment,
      );
      expect(early, 'segments before the start segment').to.deep.equal([]);
      if (name === 'aes') {
        const log = await requestLog(t);
        expect(log.filter((r) => r.path.endsWith('key.bin') && r.status === 200).length, 'the key').to.be.greaterThan(
          0,
        );
      }
    });
  }

  // Variants listed as published (highest first) and lowest first, in a wide and a narrow player.
  for (const [fault, width] of [
    ['none', 640],
    ['ascending', 640],
    ['none', 100],
    ['ascending', 100],
  ] as const) {
    it(`multivariant (${fault === 'none' ? 'highest' : 'lowest'} first, ${width}px): fetches the start segment once`, async function () {
      this.timeout(30000);
      const t = token();
      const box = await fixture<HTMLElement>(
        html`<div>
          <fragment-player
            src=${`/_media/${t}/${fault}/streams/multivariant/index.m3u8`}
            start=${START}
            label="Stroom"
          ></fragment-player>
        </div>`,
      );
      box.style.width = `${width}px`;
      const el = box.querySelector('fragment-player') as FragmentPlayer;
      await until(() => playButton(el), 'the facade');
      playButton(el)!.click();
      const media = (await until(() => video(el), 'the video')) as HTMLVideoElement;
      await new Promise((resolve) => media.requestVideoFrameCallback(resolve));
      const before = (await requestLog(t)).flatMap(({ path }) => {
        const match = /\/(\w+)-(\d+)\.m4s$/.exec(path);
        return match ? [{ rendition: match[1], index: Number(match[2]) }] : [];
      });
      const indices = before.map(({ index }) => index);
      expect(indices, 'segments before the first frame').to.include(Math.floor(START / SEGMENT));
      expect(
        indices.filter((index, i) => indices.indexOf(index) !== i),
        'fetched twice',
      ).to.deep.equal([]);
      expect(Math.min(...indices), 'the first segment').to.equal(Math.floor(START / SEGMENT));
      // The rendition that fills the player: the 128-pixel one in 100 pixels, the widest in 640.
      const expected = width === 100 ? '72p' : '90p';
      expect(
        before.map(({ rendition }) => rendition),
        'renditions',
      ).to.deep.equal(before.map(() => expected));
    });
  }

  // Before the first frame only the segment holding the start is fetched; reading ahead waits for
  // playback. Segments of 4 s: 25:14 and START are 2 s into theirs, 1515.5 s is its last half second.
  for (const [name, src, start] of [
    ['the interview at 25:14', (t: string) => playlistUrl(t), 1514],
    ['the interview 0.5 s before a segment end', (t: string) => playlistUrl(t), 1515.5],
    ['ts', (t: string) => streamUrl(t, 'ts'), START],
    ['multivariant', (t: string) => streamUrl(t, 'multivariant'), START],
  ] as const) {
    it(`${name}: requests no segment after the start segment before the first frame`, async function () {
      notInWebKit(
        this,
        'on a busy machine WebKitGTK presents its first frame late while its clock already runs, so the next segment is due before the frame this test waits for (multivariant: once in a stressed full run, once in a busy run of this file); open work on how to see the first frame there',
      );
      this.timeout(30000);
      const t = token();
      const el = await fixture<FragmentPlayer>(
        html`<fragment-player src=${src(t)} start=${start} label="Stroom"></fragment-player>`,
      );
      await until(() => playButton(el), 'the facade');
      const watch = watchSegments();
      try {
        playButton(el)!.click();
        const media = (await until(() => video(el), 'the video')) as HTMLVideoElement;
        const shownAt = await new Promise<number>((resolve) => media.requestVideoFrameCallback(resolve));
        const first = Math.floor(start / SEGMENT);
        const mine = () => watch.segments.filter(({ url }) => url.includes(`/${t}/`));
        // Once playback runs the next segment is fetched: every request before the frame is seen by then.
        await until(() => mine().some(({ index }) => index === first + 1), 'the segment after the start');
        expect(
          mine()
            .filter(({ startTime }) => startTime < shownAt)
            .map(({ index }) => index),
          'segments requested before the first frame',
        ).to.deep.equal([first]);
      } finally {
        watch.stop();
      }
    });
  }

  it('the interview 0.1 s before a segment end: plays on into the next segment', async function () {
    this.timeout(30000);
    const t = token();
    const start = 1515.9;
    const el = await fixture<FragmentPlayer>(
      html`<fragment-player src=${playlistUrl(t)} start=${start} label="Stroom"></fragment-player>`,
    );
    await until(() => playButton(el), 'the facade');
    const { media, startedAt } = await play(el);
    expect(startedAt, 'playback starts at the start').to.be.within(start - 0.3, start + 0.3);
    await until(() => media.currentTime > start + 1, 'playback past the segment end');
  });

  // Segments cut every 3 s between keyframes every 4 s: the one holding 63.5 s opens without a
  // keyframe (the next is at 64 s), so the picture at 63.5 s needs the segment before (from 60 s).
  it('unaligned: a start before the first keyframe of its segment shows its own frame, not the keyframe after', async function () {
    notInWebKit(
      this,
      "WebKitGTK 2.50 deadlocks on this start on a busy machine: its page's main thread waits forever inside GStreamer (gdb), so nothing of the page runs again; it hung in 2 of 3 runs of this file beside stress-ng --cpu 3, in this test both times, and in none of the 2 runs without it",
    );
    this.timeout(30000);
    const t = token();
    const start = 63.5;
    const el = await fixture<FragmentPlayer>(
      html`<fragment-player src=${streamUrl(t, 'unaligned')} start=${start} label="Stroom"></fragment-player>`,
    );
    await until(() => playButton(el), 'the facade');
    playButton(el)!.click();
    const media = (await until(() => video(el), 'the video')) as HTMLVideoElement;
    // Chromium may show the keyframe after the start while the segment before loads: what
    // counts is that playback then shows the start's own picture.
    const shown: number[] = [];
    await new Promise<void>((resolve) => {
      const next = () =>
        media.requestVideoFrameCallback((_now, { mediaTime }) => {
          shown.push(mediaTime);
          if (media.currentTime > start + 1) resolve();
          else next();
        });
      next();
    });
    expect(
      shown.filter((time) => time >= start - 0.3 && time <= start + 0.3),
      `the picture at the start, among ${shown.join(', ')}`,
    ).not.to.deep.equal([]);
    const fetched = (await requestLog(t)).flatMap(({ path }) => {
      const match = /index-(\d+)\.m4s$/.exec(path);
      return match ? [Number(match[1]) * 3] : [];
    });
    expect(Math.min(...fetched), 'the first segment fetched starts at the keyframe before the start').to.equal(60);
  });

  it('alt-audio: the sound comes from the audio rendition', async function () {
    this.timeout(30000);
    const t = token();
    const el = await mount(streamUrl(t, 'alt-audio'));
    const media = (await play(el)).media as HTMLVideoElement & {
      webkitAudioDecodedByteCount?: number;
      mozHasAudio?: boolean;
      audioTracks?: { length: number };
    };
    await until(() => media.currentTime > START + 1.5, 'playback', 15000);
    const audio = (await segmentStarts(t)).filter(({ path }) => /\/audio-\d+\.m4s$/.test(path));
    expect(audio.length, 'audio segments fetched').to.be.greaterThan(0);
    // The video variant has no sound of its own: audio decoded can only be the rendition's.
    // Each engine says it its own way: Chromium counts decoded bytes, Firefox has a flag, WebKit
    // lists the audio tracks its media source plays.
    if (media.webkitAudioDecodedByteCount !== undefined)
      await until(() => media.webkitAudioDecodedByteCount! > 0, 'decoded audio', 5000);
    else if (media.mozHasAudio !== undefined) expect(media.mozHasAudio, 'the media has audio').to.equal(true);
    else await until(() => (media.audioTracks?.length ?? 0) > 0, 'an audio track', 5000);
  });

  it('alt-audio: another language chosen by menu or by A is what plays, and the next clip starts in it', async function () {
    this.timeout(60000);
    const t = token();
    const el = await mount(streamUrl(t, 'alt-audio'));
    const { media } = await play(el);
    const menu = await until(
      () => shadow(el).querySelector<HTMLSelectElement>('select[part~="audio-menu"]'),
      'the audio-language menu',
    );
    expect([...menu.options].map((option) => [option.textContent!.trim(), option.lang])).to.deep.equal([
      ['Nederlands', 'nl'],
      ['English', 'en'],
    ]);
    expect(menu.selectedIndex, 'the default rendition plays first').to.equal(0);
    expect(menu.getAttribute('aria-label')).to.equal('Gesproken taal');
    /** The audio segments of a language fetched so far, by their start times. */
    const fetched = async (token: string, lang: 'nl' | 'en') =>
      (await segmentStarts(token))
        .filter(({ path }) => (lang === 'en' ? /\/audio-en-\d+\.m4s$/ : /\/audio-\d+\.m4s$/).test(path))
        .map(({ start }) => start);
    /** Playback goes on in the language chosen: its segments past where the choice was made arrive, and it plays past them. */
    const playsIn = async (lang: 'nl' | 'en', from: number) => {
      await until(
        async () => (await fetched(t, lang)).some((start) => start >= Math.floor(from / SEGMENT) * SEGMENT),
        `${lang} audio after ${from.toFixed(1)} s`,
        20000,
      );
      await until(() => !media.paused && media.currentTime > from + 1.5, `playback on in ${lang}`, 20000);
    };
    expect(await fetched(t, 'en'), 'no English before it is chosen').to.deep.equal([]);

    menu.value = '1';
    menu.dispatchEvent(new Event('change'));
    await playsIn('en', media.currentTime);
    await until(() => menu.selectedIndex === 1, 'the menu showing English');

    // A, with focus in the player: the next language (back to Dutch), said in the status line.
    shadow(el).querySelector<HTMLButtonElement>('[part~="play-pause"]')!.focus();
    const dutchBefore = (await fetched(t, 'nl')).length;
    await sendKeys({ press: 'a' });
    await until(() => menu.selectedIndex === 0, 'A choosing Dutch again');
    await until(
      () => shadow(el).querySelector('[role="status"]')?.textContent?.includes('Gesproken taal: Nederlands'),
      'A said',
    );
    await until(async () => (await fetched(t, 'nl')).length > dutchBefore, 'Dutch audio fetched again', 20000);
    await playsIn('nl', media.currentTime);

    // English again; the next clip this player plays starts in English, fetching no Dutch at all.
    menu.value = '1';
    menu.dispatchEvent(new Event('change'));
    await until(() => menu.selectedIndex === 1, 'English chosen again');
    const next = token();
    await el.play({ src: streamUrl(next, 'alt-audio'), start: 30 });
    const nextMedia = await until(() => video(el), 'the next video');
    await until(() => !nextMedia.paused && nextMedia.currentTime > 31.5, 'the next clip playing', 20000);
    expect((await fetched(next, 'en')).length, 'English audio for the next clip').to.be.greaterThan(0);
    expect(await fetched(next, 'nl'), 'no Dutch audio for the next clip').to.deep.equal([]);
    await until(
      () => shadow(el).querySelector<HTMLSelectElement>('select[part~="audio-menu"]')?.selectedIndex === 1,
      "the next clip's menu showing English",
    );
  });

  it('subtitles: the rendition can be switched on as captions and shows its cues', async function () {
    this.timeout(30000);
    const t = token();
    const el = await mount(streamUrl(t, 'subtitles'));
    const { media } = await play(el);
    const toggle = await until(
      () => shadow(el).querySelector<HTMLButtonElement>('[part~="captions"]'),
      'a captions button',
      10000,
    );
    expect(toggle.getAttribute('aria-pressed')).to.equal('false');
    toggle.click();
    const cue = await until(
      () => {
        const showing = [...media.textTracks].find((track) => track.mode === 'showing');
        return showing?.activeCues?.[0] as VTTCue | undefined;
      },
      'a cue on screen',
      15000,
    );
    // The Dutch rendition (the player's language), cued at the media's time.
    expect(cue.text).to.match(/^Ondertiteling 1:\d\d$/);
    expect(media.currentTime).to.be.within(cue.startTime - 0.5, cue.endTime + 0.5);
    await el.updateComplete;
    expect(toggle.getAttribute('aria-pressed')).to.equal('true');
    const vtt = (await requestLog(t)).filter((r) => /subtitles-nl-\d+\.vtt$/.test(r.path));
    expect(vtt.length, 'subtitle segments fetched').to.be.greaterThan(0);
  });
});
