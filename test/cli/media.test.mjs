// `kijkom media` on a short generated recording, through the packed package's bin. Its output goes
// to test/media/cli-stream/, which test/cli/cli-stream.test.ts then plays in a real
// <fragment-player> in Chromium and Firefox (npm test runs this file first).
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { importSource, kijkom, root, samples, scratch } from './helpers.mjs';

const { validateCatalogue } = await importSource('src/catalogue/validate.ts');
/** The repository's ffmpeg (a devDependency), to make the input and to look into the output. */
const ffmpeg = createRequire(import.meta.url)('@ffmpeg-installer/ffmpeg').path;
const SECONDS = 12;
const SEGMENT = 2;
export const STREAM_DIR = path.join(root, 'test/media/cli-stream');

const work = scratch('kijkom-media-');
const input = path.join(work, 'opname.mp4');
/** A folder holding only `ffmpeg`, for PATH: the system ffmpeg the command looks for first. */
const ffmpegOnPath = path.join(work, 'bin');
/**
 * A PATH with Node.js and nothing else: the machine's own ffmpeg (Debian's, in /usr/bin, on an
 * archivist's machine) must not decide what these tests see.
 */
const nodeOnly = path.join(work, 'node-only');
const systemPath = nodeOnly;

const make = (args) => {
  const result = spawnSync(ffmpeg, ['-hide_banner', '-loglevel', 'error', '-y', ...args], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
};

before(() => {
  // npm here installs without install scripts, which would set the binary's exec bit.
  chmodSync(ffmpeg, 0o755);
  // A moving test picture with a tone: 320×180, 25 fps, keyframes only every 10 s as encoded.
  make([
    ...['-f', 'lavfi', '-i', `testsrc2=s=320x180:r=25:d=${SECONDS}`],
    ...['-f', 'lavfi', '-i', `sine=f=330:r=44100:d=${SECONDS}`],
    ...['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-g', '250', '-c:a', 'aac', '-shortest'],
    input,
  ]);
  mkdirSync(ffmpegOnPath);
  symlinkSync(ffmpeg, path.join(ffmpegOnPath, 'ffmpeg'));
  mkdirSync(nodeOnly);
  symlinkSync(process.execPath, path.join(nodeOnly, 'node'));
});

/** The EXTINF durations and URIs of a media playlist. */
const segmentsOf = (file) => {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^#EXTINF:([\d.]+),\n(\S+)$/gm)].map(([, seconds, uri]) => ({
    seconds: Number(seconds),
    uri,
  }));
};

describe('kijkom media', () => {
  test('an HLS ladder in fMP4 with aligned keyframes, an audio rendition, a poster, a WebVTT skeleton, the entry', async () => {
    rmSync(STREAM_DIR, { recursive: true, force: true });
    const { code, stdout, stderr } = await kijkom(
      [
        'media',
        input,
        STREAM_DIR,
        ...['--heights', '180,90', '--segment', String(SEGMENT), '--id', 'cli-probe', '--title', 'Proefopname'],
        ...['--base', path.join(root, 'test/media')],
      ],
      { env: { PATH: `${ffmpegOnPath}:${systemPath}` } },
    );
    assert.equal(code, 0, stderr);
    assert.doesNotMatch(stderr, /%/, 'no progress bar when stderr is no terminal');
    const entry = JSON.parse(stdout);
    assert.deepEqual(entry, {
      id: 'cli-probe',
      title: 'Proefopname',
      duration: '0:12',
      video: 'cli-stream/video.m3u8',
      poster: 'cli-stream/poster.jpg',
      audio: 'cli-stream/audio.m3u8',
      captions: [{ lang: 'nl', label: 'Nederlands', src: 'cli-stream/captions.vtt' }],
    });

    // The multivariant playlist: both rungs, lowest first, with codecs and sizes.
    const master = readFileSync(path.join(STREAM_DIR, 'video.m3u8'), 'utf8');
    const variants = [
      ...master.matchAll(/^#EXT-X-STREAM-INF:BANDWIDTH=(\d+),RESOLUTION=(\d+x\d+),CODECS="([^"]+)"\n(\S+)$/gm),
    ];
    assert.deepEqual(
      variants.map(([, , size, codecs, uri]) => [size, codecs.replace(/avc1\.\w{6}/, 'avc1'), uri]),
      [
        ['160x90', 'avc1,mp4a.40.2', 'video-90p.m3u8'],
        ['320x180', 'avc1,mp4a.40.2', 'video-180p.m3u8'],
      ],
    );
    assert.ok(Number(variants[0][1]) < Number(variants[1][1]), 'the smaller rung needs less bandwidth');

    // Every segment of every rung is SEGMENT seconds (the last the rest) and starts with a keyframe.
    const rungs = ['video-90p.m3u8', 'video-180p.m3u8'].map((file) => segmentsOf(path.join(STREAM_DIR, file)));
    for (const segments of rungs) {
      assert.equal(segments.length, SECONDS / SEGMENT);
      for (const { seconds } of segments) assert.ok(Math.abs(seconds - SEGMENT) < 0.05, `a ${seconds} s segment`);
    }
    for (const [rung, segments] of [
      ['video-90p', rungs[0]],
      ['video-180p', rungs[1]],
    ]) {
      const init = readFileSync(path.join(STREAM_DIR, `${rung}-init.mp4`));
      assert.ok(init.includes('avcC'), 'an H.264 init segment');
      for (const { uri } of segments) {
        const joined = path.join(work, `${uri}.mp4`);
        writeFileSync(joined, Buffer.concat([init, readFileSync(path.join(STREAM_DIR, uri))]));
        const shown = spawnSync(
          ffmpeg,
          ['-hide_banner', '-i', joined, '-vf', 'showinfo', '-frames:v', '1', '-f', 'null', '-'],
          {
            encoding: 'utf8',
          },
        );
        assert.match(shown.stderr, /iskey:1/, `${uri} starts with a keyframe`);
      }
    }

    const audio = segmentsOf(path.join(STREAM_DIR, 'audio.m3u8'));
    assert.ok(audio.length >= SECONDS / SEGMENT);
    const audioInit = readFileSync(path.join(STREAM_DIR, 'audio-init.mp4'));
    assert.ok(audioInit.includes('mp4a') && !audioInit.includes('avcC'), 'sound only');
    assert.deepEqual([...readFileSync(path.join(STREAM_DIR, 'poster.jpg')).subarray(0, 3)], [0xff, 0xd8, 0xff]);
    const skeleton = readFileSync(path.join(STREAM_DIR, 'captions.vtt'), 'utf8');
    assert.ok(skeleton.startsWith('WEBVTT\n') && !skeleton.includes('-->'), 'a WebVTT file without cues');

    // What it printed, and what it left beside the media, is an interview the validator takes whole.
    const beside = JSON.parse(readFileSync(path.join(STREAM_DIR, 'kijkom-media.json'), 'utf8'));
    assert.equal(beside.video, 'video.m3u8');
    for (const interview of [entry, beside]) {
      const result = validateCatalogue(
        { format: 'kijkom-catalogue/1', interviews: [interview] },
        'https://archief.example/media/catalogue.json',
      );
      assert.deepEqual(result.warnings, []);
      assert.equal(result.catalogue.interviews.get('cli-probe').duration, 12);
    }
  });

  test('the recipe: that folder and an OHMS export give a catalogue for <theme-page> that validates strictly', async () => {
    // The interview's id is the export's file name, and --media finds <dir>/<id>/kijkom-media.json.
    const catalogue = path.join(root, 'test/media/cli-catalogue.json');
    const media = path.join(root, 'test/media');
    rmSync(catalogue, { force: true });
    const importOhms = (...more) =>
      kijkom(['import', 'ohms', path.join(samples, 'cli-stream.xml'), '--media', media, '--out', catalogue, ...more]);
    const imported = await importOhms();
    assert.equal(imported.code, 0, imported.stderr);
    const doc = JSON.parse(readFileSync(catalogue, 'utf8'));
    assert.deepEqual(
      doc.fragments.map(({ title, start, end }) => [title, start, end]),
      [
        ['Het begin', '0:00', '0:03'],
        ['Het tweede stuk', '0:03', '0:08'],
        ['Het slot', '0:08', '0:12'],
      ],
    );
    assert.equal(doc.interviews[0].video, 'cli-stream/video.m3u8');
    assert.equal(doc.interviews[0].transcript, 'cli-stream.vtt');
    const vtt = readFileSync(path.join(media, 'cli-stream.vtt'), 'utf8');
    assert.match(vtt, /^00:00:00\.000 --> .*\n<v INTERVIEWER>Hoort u mij\?$/m);
    assert.match(vtt, /--> 00:00:12\.000\n<v PROEFSPREKER>Ja, heel goed\./);
    // The caption skeleton has no cues yet: left out (the player would show no button), and said so.
    assert.equal(doc.interviews[0].captions, undefined);
    assert.match(imported.stderr, /cli-stream\/captions\.vtt has no cues yet and stays out of the catalogue/);
    const checked = await kijkom(['validate', '--strict', '--check-links', catalogue]);
    assert.equal(checked.code, 0, checked.stderr);
    assert.match(checked.stdout, /valid, 1 people, 1 interviews, 3 fragments, 1 themes\nall 4 links work/);

    // Once written, importing again takes the captions in.
    const captions = path.join(media, 'cli-stream/captions.vtt');
    writeFileSync(captions, `${readFileSync(captions, 'utf8')}\n00:00:00.500 --> 00:00:02.500\nHoort u mij?\n`);
    const again = await importOhms('--force');
    assert.equal(again.code, 0, again.stderr);
    assert.doesNotMatch(again.stderr, /no cues/);
    assert.deepEqual(JSON.parse(readFileSync(catalogue, 'utf8')).interviews[0].captions, [
      { lang: 'nl', label: 'Nederlands', src: 'cli-stream/captions.vtt' },
    ]);
    const rechecked = await kijkom(['validate', '--strict', '--check-links', catalogue]);
    assert.equal(rechecked.code, 0, rechecked.stderr);
    assert.match(rechecked.stdout, /all 5 links work/);
  });

  test('without ffmpeg on PATH it uses the npm package @ffmpeg-installer/ffmpeg where one is installed', async () => {
    const out = path.join(work, 'npm-ffmpeg');
    const { code, stderr } = await kijkom(['media', input, out, '--heights', '90', '--segment', '4'], {
      env: { PATH: systemPath, NODE_PATH: path.join(root, 'node_modules') },
    });
    assert.equal(code, 0, stderr);
    assert.ok(existsSync(path.join(out, 'video-90p.m3u8')) && existsSync(path.join(out, 'audio.m3u8')));
  });

  test('clear errors: no ffmpeg at all, no input, an input ffmpeg cannot read', async () => {
    const none = await kijkom(['media', input, path.join(work, 'x')], { env: { PATH: systemPath } });
    assert.equal(none.code, 1);
    assert.match(
      none.stderr,
      /^kijkom: ffmpeg not found: install ffmpeg \(so that it is on PATH\) or the npm package @ffmpeg-installer\/ffmpeg\n$/,
    );
    const env = { PATH: `${ffmpegOnPath}:${systemPath}` };
    const missing = await kijkom(['media', path.join(work, 'nope.mp4'), path.join(work, 'x')], { env });
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /the recording .*nope\.mp4 does not exist or cannot be read/);
    const garbage = path.join(work, 'kapot.mp4');
    writeFileSync(garbage, 'dit is geen video');
    const unreadable = await kijkom(['media', garbage, path.join(work, 'x')], { env: { ...env, LANG: 'nl_NL.UTF-8' } });
    assert.equal(unreadable.code, 1);
    assert.match(unreadable.stderr, /ffmpeg kan .*kapot\.mp4 niet lezen/);
    assert.ok(!existsSync(path.join(work, 'x')), 'nothing made');
  });

  test('a progress bar on a terminal (from ffmpeg -progress), ending at 100%', async () => {
    const out = path.join(work, 'tty');
    const command = [
      process.execPath,
      path.join(root, 'test/cli/helpers-run.mjs'),
      'media',
      input,
      out,
      '--heights',
      '90',
    ];
    // `script` gives the command a terminal, as a person running it has.
    const result = spawnSync('script', ['-qec', command.map((arg) => `'${arg}'`).join(' '), '/dev/null'], {
      encoding: 'utf8',
      // `script` and the shell it starts live in the system's folders: after ours, so that the
      // ffmpeg found is still the repository's, whether or not the machine has one.
      env: { ...process.env, PATH: `${ffmpegOnPath}:${systemPath}:/usr/bin:/bin`, LANG: 'C.UTF-8' },
    });
    assert.equal(result.status, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /encoding [█░]{30}\s+\d+%/);
    assert.match(result.stdout, /encoding █{30} 100% {2}0:12 \/ 0:12/);
    assert.ok(readdirSync(out).includes('video.m3u8'));
  });
});
