// The browsers the tests drive: where they are, which versions, and whether we support them.
//   node scripts/browsers.mjs           prints the versions (fails if one is missing or too old)
//   node scripts/browsers.mjs --oldest  puts the oldest supported versions into .browsers/ (from
//                                       Debian's archive, next to the installed ones) and prints
//                                       CHROMIUM_PATH=… FIREFOX_PATH=… for them
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { webkitMissing, webkitVersion } from './webkit.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** How every headless Chromium of ours starts: as root, quiet, no calls home, autoplay allowed, muted. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--autoplay-policy=no-user-gesture-required',
  '--mute-audio',
];

export const browsers = [
  {
    name: 'chromium',
    env: 'CHROMIUM_PATH',
    path: '/usr/bin/chromium',
    pkg: 'chromium',
    label: 'Chromium',
    min: '150',
    // Debian bookworm's main archive; bookworm-security has the newer one.
    oldest: {
      version: '150.0.7871.100-1~deb12u1',
      debs: ['chromium', 'chromium-common'],
      dir: 'chromium-150.0.7871.100',
      bin: 'usr/bin/chromium',
    },
  },
  {
    name: 'firefox',
    env: 'FIREFOX_PATH',
    path: '/usr/bin/firefox-esr',
    pkg: 'firefox-esr',
    label: 'Firefox ESR',
    min: '140',
    oldest: {
      version: '140.12.0esr-1~deb12u1',
      debs: ['firefox-esr'],
      dir: 'firefox-esr-140.12.0esr',
      bin: 'usr/lib/firefox-esr/firefox-esr',
    },
  },
];

export const browserPath = (name) => {
  const b = browsers.find((x) => x.name === name);
  return process.env[b.env] || b.path;
};

/** "Chromium 150.0.7871.100 built on…" / "Mozilla Firefox 140.12.0esr" → { label, version }, or an error. */
export function browserVersion(b, path = browserPath(b.name)) {
  const r = spawnSync(path, ['--version'], { encoding: 'utf8', timeout: 30000 });
  const out = `${r.stdout ?? ''}`.trim();
  const m = /(\d+(?:\.\d+)+)(esr)?/.exec(out);
  if (r.status !== 0 || !m)
    return { error: (r.error?.message ?? `${r.stderr ?? ''}`.trim()) || out || `exit ${r.status}` };
  const label = b.name === 'chromium' ? 'Chromium' : m[2] ? 'Firefox ESR' : 'Firefox';
  return { label, version: m[1] + (m[2] ?? '') };
}

export const compareVersions = (a, b) => {
  const [x, y] = [a, b].map((v) => v.split('.').map((n) => parseInt(n, 10) || 0));
  for (let i = 0; i < Math.max(x.length, y.length); i++)
    if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
};

/**
 * Checks the browsers the run will use (BROWSERS=chromium,firefox picks; both by default): present,
 * runnable and not older than we support. Prints one line of versions; false (with reasons on stderr) if not.
 */
export function checkBrowsers(only = process.env.BROWSERS?.split(',')) {
  let ok = true;
  const found = [];
  for (const b of browsers.filter((x) => !only || only.includes(x.name))) {
    const path = browserPath(b.name);
    const how = `install Debian's package "${b.pkg}" (apt-get install ${b.pkg}), or set ${b.env}`;
    if (!existsSync(path)) {
      console.error(`${b.name} not found at ${path}: ${how}.`);
      ok = false;
      continue;
    }
    const v = browserVersion(b, path);
    if (v.error) {
      console.error(`${b.name} at ${path} does not start (${v.error}): ${how}.`);
      ok = false;
    } else if (compareVersions(v.version, b.min) < 0) {
      console.error(
        `${v.label} ${v.version} at ${path} is older than the tests support (${b.min} or newer): ` +
          `upgrade Debian's package "${b.pkg}" (apt-get install ${b.pkg}), or set ${b.env}.`,
      );
      ok = false;
    } else found.push(`${v.label} ${v.version}`);
  }
  if (!only || only.includes('webkit')) {
    const missing = webkitMissing();
    if (missing) {
      console.error(missing);
      ok = false;
    } else found.push(`WebKitGTK ${webkitVersion()}`);
  }
  const oldest = browsers.map((b) => `${b.label} ${b.min}`).join(', ');
  if (found.length) console.log(`Browsers: ${found.join(', ')} (oldest supported: ${oldest})`);
  return ok;
}

const run = (cmd, args, opts = {}) => {
  const r = spawnSync(cmd, args, { stdio: ['ignore', 2, 2], ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.error?.message ?? `exit ${r.status}`})`);
};

/**
 * Downloads and unpacks the oldest supported versions into .browsers/ (kept between runs), without
 * installing them, and returns their paths. Throws if the archive no longer has the exact versions.
 */
export function fetchOldest() {
  const paths = {};
  for (const b of browsers) {
    const { version, debs, dir, bin } = b.oldest;
    const dest = join(root, '.browsers', dir);
    const exe = join(dest, bin);
    const want = version.replace(/-[^-]*$/, '');
    if (browserVersion(b, exe).version !== want) {
      rmSync(dest, { recursive: true, force: true });
      mkdirSync(dest, { recursive: true });
      const tmp = mkdtempSync(join(root, '.browsers', 'debs-'));
      try {
        try {
          // As root apt would hand the download to its _apt user, who cannot write here.
          const sandbox = process.getuid?.() === 0 ? ['-o', 'APT::Sandbox::User=root'] : [];
          run('apt-get', [...sandbox, 'download', ...debs.map((p) => `${p}=${version}`)], { cwd: tmp });
        } catch (e) {
          throw new Error(
            `apt-get could not download ${debs.map((p) => `${p}=${version}`).join(' ')} (${e.message}). ` +
              `If Debian's archive no longer has it (apt-cache policy ${debs[0]}), the oldest supported version ` +
              `is gone: raise the minimum and the pinned version in scripts/browsers.mjs.`,
            { cause: e },
          );
        }
        for (const deb of readdirSync(tmp)) run('dpkg', ['-x', join(tmp, deb), dest]);
      } finally {
        rmSync(tmp, { recursive: true, force: true });
      }
      if (b.name === 'chromium') {
        // Debian's wrapper (it adds --disable-dev-shm-usage where /dev/shm is small) would start the
        // installed binary: point it at the unpacked one and its flags.
        const wrapper = join(dest, bin);
        const text = readFileSync(wrapper, 'utf8')
          .replace(
            'LIBDIR=/usr/lib/$APPNAME',
            'HERE=$(dirname "$(readlink -f "$0")")/../..\nLIBDIR=$HERE/usr/lib/$APPNAME',
          )
          .replace('for file in /etc/chromium.d/*', 'for file in $HERE/etc/chromium.d/*')
          .replace('test $file = /etc/chromium.d/README', 'test $file = $HERE/etc/chromium.d/README');
        if (!text.includes('LIBDIR=$HERE')) throw new Error(`Unexpected Chromium wrapper in ${wrapper}`);
        writeFileSync(wrapper, text);
      } else {
        // The package links its default prefs to /etc, which holds the installed version's.
        const link = join(dest, 'usr/share/firefox-esr/browser/defaults/syspref');
        rmSync(link, { force: true });
        symlinkSync('../../../../../etc/firefox-esr', link);
      }
      const got = browserVersion(b, exe);
      if (got.version !== want) throw new Error(`${exe} reports ${got.version ?? got.error}, not ${want}`);
    }
    paths[b.env] = exe;
  }
  return paths;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--oldest')) {
    try {
      const paths = fetchOldest();
      console.log(
        Object.entries(paths)
          .map(([k, v]) => `${k}=${v}`)
          .join(' '),
      );
    } catch (e) {
      console.error(`\n*** The oldest supported browsers could not be fetched: ${e.message}\n`);
      process.exit(1);
    }
  } else process.exit(checkBrowsers() ? 0 : 1);
}
