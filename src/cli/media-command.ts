/**
 * `kijkom media <input> <out-dir>`: a recording to what the player plays. One ffmpeg pass encodes
 * every rung of the ladder and the audio-only rendition (keyframes forced at every segment start,
 * so each segment of each rung starts independently and the rungs line up); a second takes the
 * poster. The multivariant playlist is written here, with each rung's codec read from its init
 * segment and its peak bandwidth from its segments.
 */
import { access, constants, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { findFfmpeg, probe, run } from './ffmpeg.js';
import { CliError, msg } from './messages.js';
import type { Output } from './output.js';
import { progressBar } from './progress.js';
import { catalogueTime, relativeUrl, slug } from './text.js';

export interface MediaOptions {
  id?: string;
  title?: string;
  base?: string;
  segment?: string;
  heights?: string;
  lang?: string;
}

interface Rung {
  name: string;
  width: number;
  height: number;
  kbps: number;
}

const AUDIO_KBPS = 96;

/** The ladder: the asked heights at or below the source's (the source's own when it is smaller). */
export function ladder(source: { width: number; height: number }, heights: number[]): Rung[] {
  const usable = [...new Set(heights.map((h) => Math.min(h, source.height)))].sort((a, b) => b - a);
  return usable.map((height) => {
    const even = height - (height % 2);
    const width = Math.max(2, Math.round((source.width * even) / source.height / 2) * 2);
    // About 0.1 bit per pixel at 25 fps, never below a talking head's floor.
    return { name: `${even}p`, width, height: even, kbps: Math.max(64, Math.round((width * even) / 400)) };
  });
}

/** An HLS VOD output of fMP4 segments `<prefix>-00000.m4s` with its init segment. */
const hls = (prefix: string, segment: number) => [
  '-f',
  'hls',
  '-hls_time',
  String(segment),
  '-hls_playlist_type',
  'vod',
  '-hls_segment_type',
  'fmp4',
  '-hls_fmp4_init_filename',
  `${prefix}-init.mp4`,
  '-hls_segment_filename',
  `${prefix}-%05d.m4s`,
  `${prefix}.m3u8`,
];

export async function mediaCommand(input: string, outDir: string, options: MediaOptions, out: Output): Promise<number> {
  const info = await stat(input).catch(() => undefined);
  const readable = await access(input, constants.R_OK).then(
    () => true,
    () => false,
  );
  if (!info?.isFile() || !readable) throw new CliError(msg('media.noInput', { file: input }));
  const segment = Number(options.segment ?? 6);
  if (!(segment >= 1 && segment <= 10)) throw new CliError('--segment: 1–10', 2);
  const heights = (options.heights ?? '720,360').split(',').map(Number);
  if (!heights.length || heights.some((h) => !(h >= 32))) throw new CliError('--heights: e.g. 720,360', 2);

  const ffmpeg = findFfmpeg();
  const source = probe(ffmpeg, path.resolve(input));
  if (!source.video && !source.audio) throw new CliError(msg('media.noStreams', { file: input }));
  const dir = path.resolve(outDir);
  await mkdir(dir, { recursive: true });
  const rungs = source.video ? ladder(source.video, heights) : [];

  const args = ['-i', path.resolve(input)];
  const keyframes = ['-force_key_frames', `expr:gte(t,n_forced*${segment})`, '-sc_threshold', '0'];
  const audioCodec = ['-c:a', 'aac', '-b:a', `${AUDIO_KBPS}k`];
  for (const rung of rungs) {
    args.push('-map', '0:v:0', ...(source.audio ? ['-map', '0:a:0', ...audioCodec] : []));
    args.push('-vf', `scale=${rung.width}:${rung.height}`, '-c:v', 'libx264', '-preset', 'veryfast');
    args.push('-pix_fmt', 'yuv420p', '-b:v', `${rung.kbps}k`, '-maxrate', `${Math.round(rung.kbps * 1.5)}k`);
    args.push('-bufsize', `${rung.kbps * 2}k`, ...keyframes, ...hls(`video-${rung.name}`, segment));
  }
  if (source.audio) args.push('-map', '0:a:0', '-vn', ...audioCodec, ...hls('audio', segment));

  const bar = progressBar(out, msg('media.progress'), source.duration);
  let completed = false;
  try {
    await run(ffmpeg, msg('media.step.ladder'), args, dir, (seconds) => bar.update(seconds));
    completed = true;
  } finally {
    bar.done(completed);
  }
  if (rungs.length) {
    await writeFile(path.join(dir, 'video.m3u8'), await multivariant(dir, rungs, source.audio, segment));
    const at = Math.min(5, (source.duration ?? 0) / 10);
    const scale = `scale=${rungs[0].width}:${rungs[0].height}`;
    const poster = ['-ss', at.toFixed(2), '-i', path.resolve(input), '-frames:v', '1', '-vf', scale, '-q:v', '3'];
    await run(ffmpeg, msg('media.step.poster'), [...poster, 'poster.jpg'], dir);
  }
  await writeFile(
    path.join(dir, 'captions.vtt'),
    'WEBVTT\n\nNOTE\nOndertitels / captions: zet hieronder de cues, elk een tijdvak en zijn tekst.\nAdd the cues below, each a time range and its text.\n',
  );

  const id = options.id ?? slug(path.basename(input).replace(/\.[^.]+$/, ''), 'interview');
  const lang = options.lang ?? 'nl';
  const entry = (url: (file: string) => string) => ({
    id,
    title: options.title ?? id,
    ...(source.duration ? { duration: catalogueTime(Math.round(source.duration)) } : {}),
    ...(rungs.length ? { video: url('video.m3u8'), poster: url('poster.jpg') } : {}),
    ...(source.audio ? { audio: url('audio.m3u8') } : {}),
    captions: [{ lang, label: lang === 'nl' ? 'Nederlands' : lang, src: url('captions.vtt') }],
  });
  // Beside the media, URLs relative to the folder (what `import ohms --media` reads); printed, relative to --base.
  await writeFile(
    path.join(dir, 'kijkom-media.json'),
    JSON.stringify(
      entry((file) => file),
      null,
      2,
    ) + '\n',
  );
  const base = path.resolve(options.base ?? '.');
  out.log(
    JSON.stringify(
      entry((file) => relativeUrl(base, path.join(dir, file))),
      null,
      2,
    ),
  );
  out.err(msg('media.done', { dir: outDir }));
  return 0;
}

/** The RFC 6381 codec of an H.264 init segment, read from its avcC box. */
async function avcCodec(init: string): Promise<string> {
  const bytes = await readFile(init);
  const at = bytes.indexOf('avcC');
  if (at < 0) return 'avc1.64001f';
  const hex = [...bytes.subarray(at + 5, at + 8)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `avc1.${hex}`;
}

/** Peak bits per second of a media playlist's segments. */
async function peakBandwidth(dir: string, playlist: string, segment: number): Promise<number> {
  const lines = (await readFile(path.join(dir, playlist), 'utf8')).split('\n');
  let peak = 0;
  let duration = segment;
  for (const line of lines) {
    const extinf = /^#EXTINF:([\d.]+)/.exec(line);
    if (extinf) duration = Math.max(Number(extinf[1]), 0.5);
    else if (line && !line.startsWith('#')) {
      const { size } = await stat(path.join(dir, line));
      peak = Math.max(peak, (size * 8) / duration);
    }
  }
  return Math.ceil(peak / 1000) * 1000;
}

async function multivariant(dir: string, rungs: Rung[], audio: boolean, segment: number): Promise<string> {
  const lines = ['#EXTM3U', '#EXT-X-VERSION:7', '#EXT-X-INDEPENDENT-SEGMENTS'];
  // Lowest first, as players that take the first variant start on the cheapest.
  for (const rung of [...rungs].reverse()) {
    const prefix = `video-${rung.name}`;
    const codecs = [await avcCodec(path.join(dir, `${prefix}-init.mp4`)), ...(audio ? ['mp4a.40.2'] : [])].join(',');
    const bandwidth = Math.max(await peakBandwidth(dir, `${prefix}.m3u8`, segment), 1000);
    lines.push(
      `#EXT-X-STREAM-INF:BANDWIDTH=${bandwidth},RESOLUTION=${rung.width}x${rung.height},CODECS="${codecs}"`,
      `${prefix}.m3u8`,
    );
  }
  return lines.join('\n') + '\n';
}
