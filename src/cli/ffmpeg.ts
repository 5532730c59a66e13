/** Finding and running ffmpeg: the system's first, else the npm package's binary. */
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, chmodSync, constants } from 'node:fs';
import { createRequire } from 'node:module';
import { CliError, msg } from './messages.js';

/** The ffmpeg to run: `ffmpeg` on PATH, else `@ffmpeg-installer/ffmpeg` if installed; else a CliError. */
export function findFfmpeg(): string {
  if (spawnSync('ffmpeg', ['-version'], { stdio: 'ignore' }).status === 0) return 'ffmpeg';
  try {
    const installer = createRequire(import.meta.url)('@ffmpeg-installer/ffmpeg') as { path: string };
    // npm installs without install scripts (as here) leave the binary without its exec bit.
    try {
      accessSync(installer.path, constants.X_OK);
    } catch {
      chmodSync(installer.path, 0o755);
    }
    if (spawnSync(installer.path, ['-version'], { stdio: 'ignore' }).status === 0) return installer.path;
  } catch {
    // Not installed: fall through to the error that says what to install.
  }
  throw new CliError(msg('media.noFfmpeg'));
}

export interface Probe {
  duration?: number;
  video?: { width: number; height: number; fps?: number };
  audio: boolean;
}

/** What ffmpeg reads from an input's header (`ffmpeg -i`, no output: it exits 1 by design). */
export function probe(ffmpeg: string, input: string): Probe {
  const result = spawnSync(ffmpeg, ['-hide_banner', '-nostdin', '-i', input], { encoding: 'utf8' });
  const text = result.stderr ?? '';
  const streams = text.split('\n').filter((line) => /^\s*Stream #/.test(line));
  if (!streams.length) {
    const reason = text.trim().split('\n').pop() ?? `exit ${result.status}`;
    throw new CliError(msg('media.probeFailed', { file: input, reason }));
  }
  const duration = /Duration: (\d+):(\d+):(\d+(?:\.\d+)?)/.exec(text);
  const videoLine = streams.find((line) => /: Video: /.test(line) && !/attached pic/.test(line));
  const size = videoLine && /, (\d{2,5})x(\d{2,5})[\s,]/.exec(videoLine);
  const fps = videoLine && /, (\d+(?:\.\d+)?) fps/.exec(videoLine);
  return {
    duration: duration ? Number(duration[1]) * 3600 + Number(duration[2]) * 60 + Number(duration[3]) : undefined,
    video: size
      ? { width: Number(size[1]), height: Number(size[2]), fps: fps ? Number(fps[1]) : undefined }
      : undefined,
    audio: streams.some((line) => /: Audio: /.test(line)),
  };
}

/**
 * Runs ffmpeg in `cwd` with `-progress`, calling `onTime` with the seconds of output written;
 * rejects with the tail of its log.
 */
export function run(
  ffmpeg: string,
  what: string,
  args: string[],
  cwd: string,
  onTime?: (seconds: number) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      ffmpeg,
      ['-hide_banner', '-nostdin', '-loglevel', 'error', '-y', '-progress', 'pipe:1', '-nostats', ...args],
      { cwd, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let log = '';
    let pending = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (log = (log + chunk).slice(-4000)));
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      const lines = (pending + chunk).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const time = /^out_time=(\d+):(\d+):(\d+(?:\.\d+)?)/.exec(line);
        if (time && onTime) onTime(Number(time[1]) * 3600 + Number(time[2]) * 60 + Number(time[3]));
      }
    });
    child.on('error', (error) => reject(new CliError(msg('media.failed', { what, reason: error.message }))));
    child.on('close', (code, signal) => {
      if (code === 0) return resolve();
      const tail = log.trim().split('\n').slice(-8).join('\n');
      reject(new CliError(msg('media.failed', { what, reason: `${signal ?? `exit ${code}`}\n${tail}` })));
    });
  });
}
