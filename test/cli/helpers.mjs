// Shared by the CLI tests (Node, `node --test`): the installed bin, and the validator's source.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { CLI_DIR } from './install.mjs';

export const root = path.resolve(import.meta.dirname, '../..');
export const samples = path.join(import.meta.dirname, 'samples');
export const bin = path.join(CLI_DIR, 'node_modules/.bin/kijkom');

const scratches = [];
process.on('exit', () => {
  for (const dir of scratches) rmSync(dir, { recursive: true, force: true });
});
/** A fresh scratch folder, removed when the test file's process ends. */
export function scratch(name = 'kijkom-cli-') {
  const dir = mkdtempSync(path.join(tmpdir(), name));
  scratches.push(dir);
  return dir;
}

/**
 * Runs the installed `kijkom` with `args`; resolves with its exit code and output. English unless
 * `env` says otherwise; PATH keeps only the system folders, so no ffmpeg is found by accident.
 */
export function kijkom(args, { env = {}, cwd = root } = {}) {
  if (!existsSync(bin)) throw new Error(`${bin} is missing: run \`node test/cli/install.mjs\` (npm test does)`);
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, {
      cwd,
      env: {
        PATH: `${path.dirname(process.execPath)}:/usr/bin:/bin`,
        HOME: process.env.HOME ?? tmpdir(),
        LANG: 'C.UTF-8',
        ...env,
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * Imports a TypeScript module of src/ (bundled by esbuild), so tests use the very source the elements use;
 * `platform: 'node'` for a module of the command that imports a CommonJS package.
 */
export async function importSource(file, { platform = 'neutral' } = {}) {
  const result = await build({
    entryPoints: [path.join(root, file)],
    bundle: true,
    format: 'esm',
    platform,
    write: false,
    logLevel: 'error',
  });
  const code = result.outputFiles[0].text;
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}
