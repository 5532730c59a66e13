/** How the command writes files: whole or not at all, and never over someone else's work. */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CliError, msg } from './messages.js';

/**
 * Writes `text` to `file` through a temporary file in the same folder renamed into place, so a
 * full disk or a crash leaves the old file whole, never a half-written one.
 */
export async function writeWhole(file: string, text: string): Promise<void> {
  const temporary = path.join(path.dirname(path.resolve(file)), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    await mkdir(path.dirname(temporary), { recursive: true });
    await writeFile(temporary, text);
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw new CliError(msg('error.write', { file, reason: (error as Error).message }));
  }
}

/** True when `file` exists and holds something other than `text` (the command would overwrite work). */
export async function differs(file: string, text: string): Promise<boolean> {
  try {
    return (await readFile(file, 'utf8')) !== text;
  } catch {
    return false;
  }
}
