// What a user of the npm package gets: packs Kijkom as `npm publish` would (prepack builds it),
// installs the tarball into each fixture app under test/consumer/apps in a temporary folder,
// type-checks and builds the app for production, and puts the build in .consumer/<app>/, where
// test/consumer/consumer.test.ts loads it in every browser.
//
// The apps' other dependencies are pinned to the versions this repository installed, so npm
// finds them in its cache (`npm ci` put them there) and the install needs no network; an app that
// names an exact version of its own (React 18) gets it from the registry.
import { execFile, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { installCli } from '../cli/install.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const appsDir = path.join(root, 'test/consumer/apps');
const out = path.join(root, '.consumer');

function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  if (result.status !== 0) {
    process.stderr.write(result.stdout + result.stderr);
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd}`);
  }
  return result.stdout;
}

/** `run`, not blocking: so that apps install and build side by side. */
const runAsync = (command, args, cwd) =>
  new Promise((resolve, reject) =>
    execFile(
      command,
      args,
      { cwd, encoding: 'utf8', env: { ...process.env, CI: 'true' }, maxBuffer: 64 << 20 },
      (error, stdout, stderr) => {
        if (!error) return resolve(stdout);
        process.stderr.write(stdout + stderr);
        reject(new Error(`${command} ${args.join(' ')} failed in ${cwd}`, { cause: error }));
      },
    ),
  );

/** Files a user needs from the tarball besides what the apps below use. */
const SHIPPED = [
  'LICENSE',
  'README.md',
  'custom-elements.json',
  'dist/cdn/kijkom.js',
  'dist/cli/kijkom.js',
  'catalogue.schema.json',
  'dist/react.d.ts',
  'dist/vue.d.ts',
  'dist/svelte.d.ts',
  'dist/react-components.js',
  'dist/react-components.d.ts',
];

const installed = (name) =>
  JSON.parse(readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')).version;

/** Installs the tarball into one fixture app (in `work`), type-checks and builds it into .consumer/<app>/. */
async function buildApp(app, work, tarball) {
  const dir = path.join(work, app);
  cpSync(path.join(appsDir, app), dir, { recursive: true });
  const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
  for (const field of ['dependencies', 'devDependencies'])
    for (const name of Object.keys(pkg[field] ?? {}))
      // An exact version is the app's own (React 18 beside the repository's 19); else ours.
      pkg[field][name] =
        name === 'kijkom' ? `file:${tarball}` : /^\d/.test(pkg[field][name]) ? pkg[field][name] : installed(name);
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify(pkg, null, 2));
  await runAsync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], dir);
  await runAsync('npm', ['run', 'build'], dir);
  cpSync(path.join(dir, 'dist'), path.join(out, app), { recursive: true });
  console.log(`consumer app ${app}: installed from ${path.basename(tarball)}, type-checked and built`);
}

/** Packs the package, installs the `kijkom` command from it (test/cli) and builds every fixture app. */
export async function buildConsumerApps() {
  const work = mkdtempSync(path.join(tmpdir(), 'kijkom-consumer-'));
  rmSync(out, { recursive: true, force: true });
  try {
    // As from a clean clone: no dist/ until `prepack` builds it.
    rmSync(path.join(root, 'dist'), { recursive: true, force: true });
    run('npm', ['pack', '--pack-destination', work], root);
    const tarball = path.join(
      work,
      readdirSync(work).find((file) => file.endsWith('.tgz')),
    );
    const files = run('tar', ['-tzf', tarball], work).split('\n');
    const missing = SHIPPED.filter((file) => !files.includes(`package/${file}`));
    if (missing.length) throw new Error(`the package lacks ${missing.join(', ')}`);
    // The `kijkom` command's tests (test/cli) run the bin this installs.
    installCli(tarball);
    // Each app's install and build is mostly one process on one core: as many at once as there are cores.
    // The first failure stops the others taking more, and is the one reported once all have stopped
    // (the folder they work in goes when this returns).
    const waiting = readdirSync(appsDir);
    const builder = async () => {
      for (let app = waiting.shift(); app; app = waiting.shift())
        await buildApp(app, work, tarball).catch((error) => {
          waiting.length = 0;
          throw error;
        });
    };
    const built = await Promise.allSettled(
      Array.from({ length: Math.min(availableParallelism(), waiting.length) }, builder),
    );
    const failed = built.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await buildConsumerApps();
