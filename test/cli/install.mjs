// The `kijkom` command as users get it: the packed tarball installed into a folder outside the
// repository (so nothing of the repository's node_modules is found by accident), whose
// node_modules/.bin/kijkom the CLI tests run. test/consumer/build-apps.mjs calls `installCli`
// with the tarball it packed; run alone (`node test/cli/install.mjs`), this packs one itself
// (`--no-build`: from the dist/ there is, without running prepack's build).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
/**
 * Where the tests look for the installed package (KIJKOM_CLI_DIR overrides): one folder per
 * checkout, so that two checkouts testing at once (a clean clone beside the working one) do not
 * install over each other's.
 */
export const CLI_DIR =
  process.env.KIJKOM_CLI_DIR ??
  path.join(tmpdir(), `kijkom-cli-test-${createHash('sha256').update(root).digest('hex').slice(0, 8)}`);

/** Runs a command in `cwd`; throws (with its output shown) when it fails. */
const run = (command, args, cwd) =>
  execFileSync(command, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, CI: 'true' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });

/** Installs `tarball` into CLI_DIR from npm's cache (`npm ci` filled it), replacing what was there. */
export function installCli(tarball) {
  rmSync(CLI_DIR, { recursive: true, force: true });
  mkdirSync(CLI_DIR, { recursive: true });
  writeFileSync(path.join(CLI_DIR, 'package.json'), JSON.stringify({ name: 'kijkom-cli-test', private: true }));
  run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', tarball], CLI_DIR);
  console.log(`kijkom command: installed from ${path.basename(tarball)} into ${CLI_DIR}`);
  return CLI_DIR;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const work = mkdtempSync(path.join(tmpdir(), 'kijkom-pack-'));
  try {
    const noBuild = process.argv.includes('--no-build') ? ['--ignore-scripts'] : [];
    run('npm', ['pack', ...noBuild, '--pack-destination', work], root);
    installCli(
      path.join(
        work,
        readdirSync(work).find((file) => file.endsWith('.tgz')),
      ),
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
