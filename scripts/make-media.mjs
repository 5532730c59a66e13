// Renders the synthetic sample interview (HLS, MP4, poster, captions, transcript) into
// demo/media/. There is no real interview video offline, so it is made with the npm ffmpeg.
//
//   node scripts/make-media.mjs        or        await ensureMedia()
//
// Runs on every `npm start` and `npm test`, so the up-to-date case must be near-instant:
// demo/media/.stamp holds the key (a hash of this file and of the speakers the catalogues give the
// transcripts) the media were made from. The expensive A/V master is cached in
// .media-cache/<hash of this file>/ and only packaged from there, so a renamed speaker repackages.
import { spawn } from 'node:child_process';
import { createCipheriv, createHash } from 'node:crypto';
import { access, chmod, constants, mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const self = fileURLToPath(import.meta.url);
const root = path.resolve(path.dirname(self), '..');
const mediaDir = path.join(root, 'demo/media');
const stampFile = path.join(mediaDir, '.stamp');

const INTERVIEW = { name: 'interview-32m', seconds: 32 * 60, mp4Seconds: 3 * 60 };
const SEGMENT_SECONDS = 4;
const FPS = 5;
const AUDIO_RATE = 44100;
const AAC_FRAME = 1024;
/** AAC frames in one period of the voice loop (about 24 s). */
const LOOP_FRAMES = 1034;

/** What a complete interview folder holds besides its numbered segments. */
const OUTPUTS = [
  'video.m3u8',
  'video-init.mp4',
  'audio.m3u8',
  'audio-init.mp4',
  'video.mp4',
  'poster.jpg',
  'captions-nl.vtt',
  'captions-en.vtt',
];

/** The catalogues whose interviews' transcripts in the sample interview's folder are written here. */
const CATALOGUES = ['demo/catalogue.json', 'test/fixtures/catalogue.json'];

/** Short streams in the shapes real archives publish, each under demo/media/streams/<name>/index.m3u8. */
const STREAMS = ['ts', 'multivariant', 'alt-audio', 'subtitles', 'byterange', 'aes', 'unaligned', 'hd'];
/**
 * The HD stream: one 720p rendition at a constant 2.6 Mb/s (x264 pads with filler to hold the
 * rate) in 6 s segments of about 1.9 MB each, as a broadcaster's archive publishes it: what a
 * slow link must still play.
 */
const HD = { seconds: 36, segmentSeconds: 6, kbps: 2600 };
/** The unaligned stream's segments, cut by time between the master's keyframes (every SEGMENT_SECONDS). */
const UNALIGNED_SECONDS = 3;
const STREAM_SECONDS = 3 * 60;
/** The renditions of the multivariant stream, re-encoded from the master. */
const RENDITIONS = [
  { name: '90p', width: 160, height: 90, kbps: 48 },
  { name: '72p', width: 128, height: 72, kbps: 32 },
  { name: '54p', width: 96, height: 54, kbps: 20 },
];
/** The AES-128 stream's key (test media: a fixed key, served beside the playlist). */
const AES_KEY = createHash('sha256').update('kijkom test key').digest().subarray(0, 16);

let pending;

/** Makes sure demo/media is complete and current; renders or packages only what is missing. */
export async function ensureMedia() {
  // Callers in one process share one run, so they never race on the same temporary files.
  pending ??= run();
  return pending;
}

async function run() {
  const started = performance.now();
  const script = await readFile(self);
  const transcripts = await sampleTranscripts();
  const hash = (...parts) => createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 12);
  const key = hash(script, JSON.stringify([...transcripts]));
  if (await isCurrent(key, transcripts)) {
    console.log('media: ready in demo/media (cached)');
    return;
  }
  const binary = await findFfmpeg();
  const cacheDir = path.join(root, '.media-cache', hash(script));
  const master = path.join(cacheDir, `${INTERVIEW.name}.mp4`);
  const rendered = !(await exists(master));
  if (rendered) await renderMaster(binary, cacheDir, master);
  await settled([packageInterview(binary, master, transcripts), packageStreams(binary, master)]);
  await writeFile(stampFile, key + '\n');
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(rendered ? `media: rendered in ${seconds} s` : `media: packaged from .media-cache in ${seconds} s`);
}

async function isCurrent(key, transcripts) {
  const stamp = await readFile(stampFile, 'utf8').catch(() => '');
  if (stamp.trim() !== key) return false;
  const dir = path.join(mediaDir, INTERVIEW.name);
  const found = await Promise.all([
    ...[...OUTPUTS, ...transcripts.keys()].map((file) => exists(path.join(dir, file))),
    ...STREAMS.map((name) => exists(path.join(mediaDir, 'streams', name, 'index.m3u8'))),
  ]);
  return found.every(Boolean);
}

/**
 * The transcripts the catalogues give their interviews in the sample interview's folder: file
 * name → who speaks (the interviewee's `name` from `people`, the `interviewers`), so the words
 * carry the catalogue's names. Two catalogues naming other speakers for one file is an error.
 */
async function sampleTranscripts() {
  const dir = path.join(mediaDir, INTERVIEW.name);
  const transcripts = new Map();
  for (const file of CATALOGUES) {
    const catalogue = JSON.parse(await readFile(path.join(root, file), 'utf8'));
    const names = new Map(catalogue.people.map((person) => [person.id, person.name]));
    for (const interview of catalogue.interviews) {
      const target = interview.transcript && path.resolve(root, path.dirname(file), interview.transcript);
      if (!target || path.dirname(target) !== dir) continue;
      const speakers = { interviewee: names.get(interview.person), interviewers: interview.interviewers ?? [] };
      if (!speakers.interviewee || !speakers.interviewers.length)
        throw new Error(
          `media: ${file}: interview ${interview.id} needs a person's name and interviewers for its transcript`,
        );
      const name = path.basename(target);
      const given = transcripts.get(name);
      if (given && JSON.stringify(given) !== JSON.stringify(speakers))
        throw new Error(
          `media: ${file}: interview ${interview.id} names other speakers for ${name} than another catalogue`,
        );
      transcripts.set(name, speakers);
    }
  }
  return transcripts;
}

const exists = (file) =>
  access(file).then(
    () => true,
    () => false,
  );

async function findFfmpeg() {
  const { default: installer } = await import('@ffmpeg-installer/ffmpeg');
  // npm installs here run no postinstall scripts, which is what would normally set the exec bit.
  await access(installer.path, constants.X_OK).catch(() => chmod(installer.path, 0o755));
  return installer.path;
}

/** Runs ffmpeg in `cwd`; rejects with the tail of its stderr. */
function ffmpeg(binary, what, args, cwd) {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, ['-hide_banner', '-nostdin', '-loglevel', 'error', '-y', ...args], {
      cwd,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
    child.on('error', (error) =>
      reject(new Error(`media: could not start ffmpeg (${binary}) for ${what}: ${error.message}`)),
    );
    child.on('close', (code, signal) => {
      if (code === 0) return resolve();
      const tail = stderr.trim().split('\n').slice(-15).join('\n');
      reject(new Error(`media: ffmpeg failed while ${what} (${signal ?? `exit ${code}`}):\n${tail}`));
    });
  });
}

/** Like Promise.all, but waits for every task, so cleanup never races an ffmpeg still writing. */
async function settled(tasks) {
  const failure = (await Promise.allSettled(tasks)).find((result) => result.status === 'rejected');
  if (failure) throw failure.reason;
}

/** The drawtext font as seen from ffmpeg's `cwd`: relative, because a filtergraph path must not contain ':' (Windows drives). */
function fontFrom(cwd) {
  const font = createRequire(import.meta.url).resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
  return path.relative(cwd, font).split(path.sep).join('/');
}

/** Encodes the whole interview once: a burned-in timecode picture over a voice-like tone. */
async function renderMaster(binary, cacheDir, master) {
  await mkdir(cacheDir, { recursive: true });
  const picture = path.join(cacheDir, `picture.${process.pid}.mp4`);
  const voice = path.join(cacheDir, `voice.${process.pid}.aac`);
  const partial = path.join(cacheDir, `master.${process.pid}.partial`);
  try {
    // Picture and sound are encoded side by side (one core each), then muxed.
    await settled([
      renderPicture(binary, cacheDir, picture),
      renderVoice(binary, cacheDir, INTERVIEW.seconds).then((aac) => writeFile(voice, aac)),
    ]);
    await ffmpeg(
      binary,
      'muxing the master',
      [
        '-i',
        picture,
        '-i',
        voice,
        '-map',
        '0:v',
        '-map',
        '1:a',
        '-c',
        'copy',
        '-bsf:a',
        'aac_adtstoasc',
        '-t',
        String(INTERVIEW.seconds),
        '-f',
        'mp4',
        partial,
      ],
      cacheDir,
    );
    await rename(partial, master);
  } finally {
    await Promise.all([picture, voice, partial].map((file) => rm(file, { force: true })));
  }
}

/** A dark frame with the running H:MM:SS timecode, large enough to read off a screenshot. */
function renderPicture(binary, cacheDir, output) {
  const font = fontFrom(cacheDir);
  const clock = String.raw`%{eif\:trunc(t/3600)\:d}\:%{eif\:mod(trunc(t/60),60)\:d\:2}\:%{eif\:mod(trunc(t),60)\:d\:2}`;
  const gop = String(SEGMENT_SECONDS * FPS);
  return ffmpeg(
    binary,
    'rendering the picture',
    [
      '-f',
      'lavfi',
      '-i',
      `color=c=0x1f2933:s=160x90:r=${FPS}:d=${INTERVIEW.seconds}`,
      '-vf',
      [
        `drawtext=fontfile='${font}':text='${clock}':fontsize=30:fontcolor=white:x=(w-tw)/2:y=22`,
        `drawtext=fontfile='${font}':text='Kijkom':fontsize=12:fontcolor=0xa8b3c0:x=(w-tw)/2:y=68`,
      ].join(','),
      // A keyframe exactly every 4 s makes every HLS segment exactly 4 s and independently startable.
      '-c:v',
      'libx264',
      '-preset',
      'ultrafast',
      '-profile:v',
      'baseline',
      '-pix_fmt',
      'yuv420p',
      '-g',
      gop,
      '-keyint_min',
      gop,
      '-sc_threshold',
      '0',
      '-b:v',
      '48k',
      '-maxrate',
      '64k',
      '-bufsize',
      '128k',
      '-threads',
      '2',
      output,
    ],
    cacheDir,
  );
}

/**
 * Returns `seconds` of AAC (ADTS) speech-like sound. Encoding half an hour of AAC costs ~10 s of
 * CPU, so one period of a strictly periodic signal is encoded and its AAC frames are repeated.
 * The period is a whole number of AAC frames, so the frames tile seamlessly.
 */
async function renderVoice(binary, cacheDir, seconds) {
  const period = (LOOP_FRAMES * AAC_FRAME) / AUDIO_RATE;
  // Every term repeats a whole number of times per period: u counts periods.
  const u = `(t/${period})`;
  const phrase = `mod(4*${u},1)`; // four ~6 s phrases per period
  const pitch =
    `(${Math.round(170 * period)}*${u}+12*sin(2*PI*3*${u})+2*sin(2*PI*17*${u})` +
    `+${((25 * period) / 8).toFixed(4)}*(${phrase}-${phrase}*${phrase}))`; // ~170 Hz, drifting and falling per phrase
  const syllables = `pow(sin(PI*(96*${u}+0.25*sin(2*PI*12*${u}))),2)*(0.7+0.3*sin(2*PI*37*${u}))`; // ~4 Hz
  const breath = `clip((${phrase}-0.12)*20,0,1)`; // a pause opening each phrase
  const harmonics = [1, 0.6, 0.45, 0.25, 0.12].map((a, k) => `${a}*sin(${2 * (k + 1)}*PI*${pitch})`).join('+');
  const loop = path.join(cacheDir, `loop.${process.pid}.aac`);
  try {
    // Evaluated at 8 kHz (the expression is the slow part) and resampled; the voice has nothing above 1 kHz.
    await ffmpeg(
      binary,
      'rendering the voice',
      [
        '-filter_complex',
        `aevalsrc=exprs='0.3*${syllables}*${breath}*(${harmonics})':s=8000:d=${2 * period + 0.5},aresample=${AUDIO_RATE}[voice]`,
        '-map',
        '[voice]',
        '-c:a',
        'aac',
        '-b:a',
        '40k',
        '-ac',
        '1',
        '-f',
        'adts',
        loop,
      ],
      cacheDir,
    );
    const frames = adtsFrames(await readFile(loop));
    // The second period: the encoder has settled by then.
    const period2 = frames.slice(LOOP_FRAMES, 2 * LOOP_FRAMES);
    const needed = Math.ceil((seconds * AUDIO_RATE) / AAC_FRAME);
    return Buffer.concat(Array.from({ length: needed }, (_, i) => period2[i % LOOP_FRAMES]));
  } finally {
    await rm(loop, { force: true });
  }
}

function adtsFrames(buffer) {
  const frames = [];
  for (let offset = 0; offset + 7 <= buffer.length;) {
    const length = ((buffer[offset + 3] & 0x03) << 11) | (buffer[offset + 4] << 3) | (buffer[offset + 5] >> 5);
    if (buffer[offset] !== 0xff || length < 7) throw new Error('media: unexpected ADTS stream from ffmpeg');
    frames.push(buffer.subarray(offset, offset + length));
    offset += length;
  }
  if (frames.length < 2 * LOOP_FRAMES) throw new Error(`media: voice loop too short (${frames.length} AAC frames)`);
  return frames;
}

/** Makes demo/media/<name> with `make(scratch)` in a scratch folder swapped in when complete. */
async function install(name, make) {
  const finalDir = path.join(mediaDir, name);
  const scratch = path.join(mediaDir, `.${name}.${process.pid}`);
  const retired = `${scratch}.old`;
  await rm(scratch, { recursive: true, force: true });
  await mkdir(scratch, { recursive: true });
  try {
    await make(scratch);
    // A directory cannot be renamed onto a non-empty one, so the old one is moved aside first.
    await rename(finalDir, retired).catch((error) => {
      if (error.code !== 'ENOENT') throw error;
    });
    await rename(scratch, finalDir).catch((error) => {
      // A concurrent run (`npm start` next to `npm test`) installed its identical copy first.
      if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
    });
  } finally {
    await rm(scratch, { recursive: true, force: true });
    await rm(retired, { recursive: true, force: true });
  }
}

/**
 * HLS muxer options for one VOD output of SEGMENT_SECONDS segments, `<prefix>-00000.m4s` (or `.ts`);
 * `cutBy` other seconds cuts there whether or not a keyframe does, as some packagers do.
 */
const hlsOutput = (prefix, type = 'fmp4', cutBy = SEGMENT_SECONDS) => [
  '-f',
  'hls',
  '-hls_time',
  String(cutBy),
  ...(cutBy === SEGMENT_SECONDS ? [] : ['-hls_flags', 'split_by_time']),
  '-hls_playlist_type',
  'vod',
  '-hls_segment_type',
  type,
  ...(type === 'fmp4' ? ['-hls_fmp4_init_filename', `${path.basename(prefix)}-init.mp4`] : []),
  '-hls_segment_filename',
  `${prefix}-%05d.${type === 'fmp4' ? 'm4s' : 'ts'}`,
  `${prefix}.m3u8`,
];

/** Cuts the master into the published files, in a scratch folder swapped in when complete. */
function packageInterview(binary, master, transcripts) {
  return install(INTERVIEW.name, async (scratch) => {
    const hls = (prefix) => ['-c', 'copy', ...hlsOutput(prefix)];
    await settled([
      // One ffmpeg with three outputs reads the master once; separate processes were twice as slow.
      ffmpeg(
        binary,
        'packaging HLS and MP4',
        [
          '-i',
          master,
          '-map',
          '0:v',
          '-map',
          '0:a',
          ...hls('video'),
          '-map',
          '0:a',
          ...hls('audio'),
          '-map',
          '0',
          '-t',
          String(INTERVIEW.mp4Seconds),
          '-c',
          'copy',
          '-movflags',
          '+faststart',
          'video.mp4',
        ],
        scratch,
      ),
      renderPoster(binary, scratch),
      writeTexts(scratch, INTERVIEW.seconds, transcripts),
    ]);
  });
}

/**
 * The sample interview's first minutes as MPEG-TS, multivariant (three renditions), alternate
 * audio, subtitle renditions, a single byte-range file and AES-128: the 2018 ffmpeg writes the
 * media playlists; master playlists, subtitle playlists, byte ranges and encryption are done here.
 */
function packageStreams(binary, master) {
  return install('streams', async (scratch) => {
    await Promise.all(STREAMS.map((name) => mkdir(path.join(scratch, name))));
    const copy = (maps, prefix, type, cutBy) => [
      ...maps.flatMap((map) => ['-map', map]),
      '-c',
      'copy',
      ...hlsOutput(prefix, type, cutBy),
    ];
    const av = ['0:v', '0:a'];
    await settled([
      // The copies read the master once; the renditions (the only encoding) run beside them.
      ffmpeg(
        binary,
        'packaging the streams',
        [
          '-t',
          String(STREAM_SECONDS),
          '-i',
          master,
          ...copy(av, 'ts/index', 'mpegts'),
          ...copy(['0:v'], 'alt-audio/video'),
          ...copy(['0:a'], 'alt-audio/audio'),
          // A second language (the same sound: which one plays is told by the segments fetched).
          ...copy(['0:a'], 'alt-audio/audio-en'),
          ...copy(av, 'subtitles/video'),
          ...copy(av, 'aes/plain'),
          ...copy(av, 'unaligned/index', 'fmp4', UNALIGNED_SECONDS),
          ...['-map', '0:v', '-map', '0:a', '-c', 'copy'],
          ...['-movflags', 'frag_keyframe+empty_moov+default_base_moof', '-f', 'mp4', 'byterange/stream.mp4'],
        ],
        scratch,
      ),
      ffmpeg(
        binary,
        'encoding the renditions',
        [
          '-t',
          String(STREAM_SECONDS),
          '-i',
          master,
          ...RENDITIONS.flatMap(({ name, width, height, kbps }) => [
            ...['-map', '0:v', '-map', '0:a', '-c:a', 'copy', '-c:v', 'libx264', '-preset', 'ultrafast'],
            ...['-profile:v', 'baseline', '-pix_fmt', 'yuv420p', '-s', `${width}x${height}`, '-b:v', `${kbps}k`],
            // Keyframes where the master has them, so every rendition's segments line up.
            ...['-g', String(SEGMENT_SECONDS * FPS), '-keyint_min', String(SEGMENT_SECONDS * FPS)],
            ...['-sc_threshold', '0', '-threads', '1', ...hlsOutput(`multivariant/${name}`)],
          ]),
        ],
        scratch,
      ),
      ffmpeg(
        binary,
        'encoding the HD stream',
        [
          ...['-t', String(HD.seconds), '-i', master, '-map', '0:v', '-map', '0:a', '-c:a', 'copy'],
          ...['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-s', '1280x720'],
          ...['-b:v', `${HD.kbps}k`, '-minrate', `${HD.kbps}k`, '-maxrate', `${HD.kbps}k`, '-bufsize', `${HD.kbps}k`],
          ...[
            '-x264-params',
            'nal-hrd=cbr',
            '-g',
            String(HD.segmentSeconds * FPS),
            '-keyint_min',
            String(HD.segmentSeconds * FPS),
          ],
          ...['-sc_threshold', '0', '-threads', '1', ...hlsOutput('hd/index', 'fmp4', HD.segmentSeconds)],
        ],
        scratch,
      ),
    ]);
    const dir = (name) => path.join(scratch, name);
    const variants = await Promise.all(
      RENDITIONS.map(async ({ name, width, height, kbps }) => {
        const codecs = `${await avcCodec(path.join(dir('multivariant'), `${name}-init.mp4`))},mp4a.40.2`;
        // At this size audio outweighs video: the declared rates keep the renditions apart.
        const bandwidth = Math.max(await bandwidthOf(dir('multivariant'), `${name}-`), (kbps + 48) * 1000);
        return `#EXT-X-STREAM-INF:BANDWIDTH=${bandwidth},RESOLUTION=${width}x${height},CODECS="${codecs}"\n${name}.m3u8`;
      }),
    );
    const video = await avcCodec(path.join(dir('alt-audio'), 'video-init.mp4'));
    const audio = ({
      uri,
      name = 'Nederlands',
      lang = 'nl',
      type = 'AUDIO',
      group = 'audio',
      auto = 'YES',
      def = type === 'AUDIO',
    }) =>
      `#EXT-X-MEDIA:TYPE=${type},GROUP-ID="${group}",NAME="${name}",LANGUAGE="${lang}",DEFAULT=${def ? 'YES' : 'NO'},AUTOSELECT=${auto},URI="${uri}"`;
    const playlist = (...lines) => ['#EXTM3U', '#EXT-X-VERSION:7', ...lines].join('\n') + '\n';
    await settled([
      writeFile(path.join(dir('multivariant'), 'index.m3u8'), playlist(...variants)),
      writeFile(
        path.join(dir('alt-audio'), 'index.m3u8'),
        playlist(
          audio({ uri: 'audio.m3u8' }),
          audio({ uri: 'audio-en.m3u8', name: 'English', lang: 'en', def: false }),
          `#EXT-X-STREAM-INF:BANDWIDTH=${await bandwidthOf(dir('alt-audio'), '')},RESOLUTION=160x90,CODECS="${video},mp4a.40.2",AUDIO="audio"`,
          'video.m3u8',
        ),
      ),
      writeSubtitles(dir('subtitles'), video, playlist, audio),
      writeByteRanges(dir('byterange'), playlist),
      encrypt(dir('aes')),
    ]);
  });
}

/** The RFC 6381 codec of an H.264 init segment, from its avcC box (profile, constraints, level). */
async function avcCodec(init) {
  const bytes = await readFile(init);
  const at = bytes.indexOf('avcC') + 5;
  if (at < 5) throw new Error(`media: no avcC box in ${init}`);
  return 'avc1.' + [...bytes.subarray(at, at + 3)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Peak-ish bits per second of the segments named `<prefix>…m4s` in `dir`, for BANDWIDTH. */
async function bandwidthOf(dir, prefix) {
  const files = (await readdir(dir)).filter((file) => file.startsWith(prefix) && file.endsWith('.m4s'));
  const sizes = await Promise.all(files.map(async (file) => (await stat(path.join(dir, file))).size));
  return Math.ceil((Math.max(...sizes) * 8) / SEGMENT_SECONDS / 1000) * 1000;
}

/** Subtitle renditions (Dutch, English) of 20 s WebVTT segments with a cue every 2 s. */
async function writeSubtitles(dir, video, playlist, media) {
  const pad = (n) => String(n).padStart(2, '0');
  const stamp = (s) => `00:${pad(Math.floor(s / 60))}:${pad(s % 60)}.000`;
  const clock = (s) => `${Math.floor(s / 60)}:${pad(s % 60)}`;
  const step = 20;
  const languages = [
    { lang: 'nl', name: 'Nederlands', text: (s) => `Ondertiteling ${clock(s)}` },
    { lang: 'en', name: 'English', text: (s) => `Subtitle ${clock(s)}` },
  ];
  const writes = [];
  for (const { lang, text } of languages) {
    const entries = [];
    for (let from = 0, i = 0; from < STREAM_SECONDS; from += step, i++) {
      const file = `subtitles-${lang}-${String(i).padStart(5, '0')}.vtt`;
      const cues = [];
      for (let s = from; s < Math.min(from + step, STREAM_SECONDS); s += 2)
        cues.push(`${stamp(s)} --> ${stamp(s + 2)}\n${text(s)}`);
      // The media's timestamps start at 0 (fMP4, no offset), so cue times are media times.
      writes.push(
        writeFile(
          path.join(dir, file),
          ['WEBVTT\nX-TIMESTAMP-MAP=MPEGTS:0,LOCAL:00:00:00.000', ...cues].join('\n\n') + '\n',
        ),
      );
      entries.push(`#EXTINF:${Math.min(step, STREAM_SECONDS - from).toFixed(3)},`, file);
    }
    writes.push(
      writeFile(
        path.join(dir, `subtitles-${lang}.m3u8`),
        playlist(`#EXT-X-TARGETDURATION:${step}`, '#EXT-X-PLAYLIST-TYPE:VOD', ...entries, '#EXT-X-ENDLIST'),
      ),
    );
  }
  const bandwidth = await bandwidthOf(dir, 'video-');
  writes.push(
    writeFile(
      path.join(dir, 'index.m3u8'),
      playlist(
        ...languages.map(({ lang, name }) =>
          media({ type: 'SUBTITLES', group: 'subs', uri: `subtitles-${lang}.m3u8`, lang, name, auto: 'NO' }),
        ),
        `#EXT-X-STREAM-INF:BANDWIDTH=${bandwidth},RESOLUTION=160x90,CODECS="${video},mp4a.40.2",SUBTITLES="subs"`,
        'video.m3u8',
      ),
    ),
  );
  await settled(writes);
}

/** A playlist of byte ranges into one fragmented MP4: the init section, then one range per moof+mdat. */
async function writeByteRanges(dir, playlist) {
  const bytes = await readFile(path.join(dir, 'stream.mp4'));
  const boxes = [];
  for (let offset = 0; offset + 8 <= bytes.length;) {
    const size = bytes.readUInt32BE(offset);
    if (size < 8) throw new Error('media: unexpected box in the byte-range stream');
    boxes.push({ type: bytes.toString('latin1', offset + 4, offset + 8), offset, size });
    offset += size;
  }
  const moofs = boxes.filter((box) => box.type === 'moof');
  const expected = Math.ceil(STREAM_SECONDS / SEGMENT_SECONDS);
  // A fragment per keyframe, and a keyframe every SEGMENT_SECONDS: each fragment is one segment.
  if (moofs.length !== expected)
    throw new Error(`media: byte-range stream has ${moofs.length} fragments, expected ${expected}`);
  const ends = [...moofs.slice(1).map((box) => box.offset), bytes.length];
  const entries = moofs.flatMap((box, i) => [
    `#EXTINF:${Math.min(SEGMENT_SECONDS, STREAM_SECONDS - i * SEGMENT_SECONDS).toFixed(3)},`,
    `#EXT-X-BYTERANGE:${ends[i] - box.offset}@${box.offset}`,
    'stream.mp4',
  ]);
  await writeFile(
    path.join(dir, 'index.m3u8'),
    playlist(
      `#EXT-X-TARGETDURATION:${SEGMENT_SECONDS}`,
      '#EXT-X-PLAYLIST-TYPE:VOD',
      `#EXT-X-MAP:URI="stream.mp4",BYTERANGE="${moofs[0].offset}@0"`,
      ...entries,
      '#EXT-X-ENDLIST',
    ),
  );
}

/**
 * Encrypts the plain copy's segments with AES-128-CBC, each with its media sequence number as
 * IV (the playlist names none), and writes the key beside them. The init section stays clear:
 * the key tag follows the map, and applies only to what comes after it.
 */
async function encrypt(dir) {
  const plain = await readFile(path.join(dir, 'plain.m3u8'), 'utf8');
  const segments = plain.split('\n').filter((line) => line.endsWith('.m4s'));
  await settled(
    segments.map(async (file, sequence) => {
      const iv = Buffer.alloc(16);
      iv.writeUInt32BE(sequence, 12);
      const cipher = createCipheriv('aes-128-cbc', AES_KEY, iv);
      const clear = path.join(dir, file);
      const body = Buffer.concat([cipher.update(await readFile(clear)), cipher.final()]);
      await writeFile(clear.replace('plain-', 'aes-'), body);
      await rm(clear);
    }),
  );
  await writeFile(path.join(dir, 'key.bin'), AES_KEY);
  await rename(path.join(dir, 'plain-init.mp4'), path.join(dir, 'aes-init.mp4'));
  const text = plain
    .replaceAll('plain-', 'aes-')
    .replace(/^(#EXT-X-MAP:.*)$/m, '$1\n#EXT-X-KEY:METHOD=AES-128,URI="key.bin"');
  await writeFile(path.join(dir, 'index.m3u8'), text);
  await rm(path.join(dir, 'plain.m3u8'));
}

function renderPoster(binary, dir) {
  const font = fontFrom(dir);
  return ffmpeg(
    binary,
    'rendering the poster',
    [
      '-f',
      'lavfi',
      '-i',
      'color=c=0x5b6670:s=320x180',
      '-vf',
      `drawtext=fontfile='${font}':text='Kijkom':fontsize=44:fontcolor=0xf2f4f6:x=(w-tw)/2:y=(h-th)/2`,
      '-frames:v',
      '1',
      '-q:v',
      '3',
      'poster.jpg',
    ],
    dir,
  );
}

const QUESTIONS = [
  'Kunt u iets vertellen over de straat waar u bent opgegroeid?',
  'Hoe zag een gewone schooldag er voor u uit?',
  'Wat deed uw vader voor werk?',
  'Weet u nog hoe u dat nieuws te horen kreeg?',
  'Hoe reageerden de buren daarop?',
  'Wat is u van die tijd het meest bijgebleven?',
  'Heeft u daar later nog met iemand over gesproken?',
];
const ANSWERS = [
  "We woonden boven de bakkerij, dus 's ochtends rook het hele huis naar brood.",
  'Mijn vader werkte in de haven en was vaak pas laat thuis.',
  'We zaten met veertig kinderen in één klas, dat kun je je nu niet meer voorstellen.',
  'Mijn moeder hield elke gulden bij in een schriftje, wat erin kwam en wat eruit ging.',
  'We hoorden het op de radio; de hele familie zat eromheen.',
  'De buren hielpen elkaar, dat was in die tijd vanzelfsprekend.',
  'Ik was een jaar of tien en begreep er eigenlijk nog niet veel van.',
  'Op zondag fietsten we naar mijn grootouders aan de andere kant van de stad.',
  'Pas veel later heb ik met mijn zus over die winter gepraat.',
  'Die geur van kolen in de kachel ben ik nooit vergeten.',
  'We hadden niet veel, maar honger hebben we nooit geleden.',
];

/**
 * Captions every 10 s in two languages and, for each of `transcripts`, a transcript in ~15 s cues:
 * the interviewers take turns asking, the interviewee answers.
 */
function writeTexts(dir, seconds, transcripts) {
  const pad = (n) => String(n).padStart(2, '0');
  const stamp = (s) => `${pad(Math.floor(s / 3600))}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}.000`;
  const clock = (s) => `${Math.floor(s / 60)}:${pad(s % 60)}`;
  const vtt = (cues) =>
    ['WEBVTT', ...cues.map(({ start, end, text }) => `${stamp(start)} --> ${stamp(end)}\n${text}`)].join('\n\n') + '\n';
  const every = (step, length, text) =>
    Array.from({ length: Math.ceil(seconds / step) }, (_, i) => ({
      start: i * step,
      end: Math.min(i * step + length, seconds),
      text: text(i * step, i),
    }));
  // A voice's name is WebVTT annotation text: no '>', '<' or '&' unescaped.
  const voice = (name) => `<v ${name.replace(/[&<>]/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt' }[c]};`)}>`;
  // Questions and answers cycle through lists of different lengths, so the pairings keep changing.
  const transcript = ({ interviewee, interviewers }) =>
    every(15, 15, (_, i) =>
      i % 2 === 0
        ? `${voice(interviewers[(i / 2) % interviewers.length])}${QUESTIONS[(i / 2) % QUESTIONS.length]}`
        : `${voice(interviewee)}${ANSWERS[((i - 1) / 2) % ANSWERS.length]}`,
    );
  return settled([
    writeFile(path.join(dir, 'captions-nl.vtt'), vtt(every(10, 4, (s) => `Ondertitel bij ${clock(s)}`))),
    writeFile(path.join(dir, 'captions-en.vtt'), vtt(every(10, 4, (s) => `Caption at ${clock(s)}`))),
    ...[...transcripts].map(([name, speakers]) => writeFile(path.join(dir, name), vtt(transcript(speakers)))),
  ]);
}

if (process.argv[1] && path.resolve(process.argv[1]) === self) {
  ensureMedia().catch((error) => {
    console.error(error.message);
    process.exitCode = 1;
  });
}
