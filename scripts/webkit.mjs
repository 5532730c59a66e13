// WebKit for the browser tests: Debian's WebKitGTK MiniBrowser driven by its WebKitWebDriver
// (package webkit2gtk-driver), on a virtual display of its own (Xvfb) where there is none.
// Started once per test run and stopped with it.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';

export const MINIBROWSER = process.env.MINIBROWSER_PATH ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const DRIVER = 'WebKitWebDriver';

/** Why WebKit cannot run here (what to install), or undefined when it can. */
export function webkitMissing() {
  if (spawnSync(DRIVER, ['--version']).error || !existsSync(MINIBROWSER))
    return "WebKit needs Debian's webkit2gtk-driver and xvfb: apt-get install webkit2gtk-driver xvfb";
  if (!process.env.DISPLAY && spawnSync('Xvfb', ['-help']).error) return 'WebKit needs a display: apt-get install xvfb';
  return undefined;
}

/** A port nothing listens on now. */
const freePort = () =>
  new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

/** Starts the display (if needed) and the driver; resolves with the driver's port once it answers. */
export async function startWebKitDriver() {
  const children = [];
  const env = { ...process.env };
  if (!env.DISPLAY) {
    const display = `:${90 + (process.pid % 400)}`;
    children.push(spawn('Xvfb', [display, '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], { stdio: 'ignore' }));
    env.DISPLAY = display;
  }
  const port = await freePort();
  children.push(spawn(DRIVER, [`--port=${port}`], { env, stdio: 'ignore' }));
  const stop = () => children.forEach((child) => child.kill());
  process.once('exit', stop);
  for (let tries = 0; ; tries++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/status`)).ok) break;
    } catch (error) {
      if (tries > 100) throw new Error(`${DRIVER} did not start: ${error.message}`, { cause: error });
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { port, stop };
}

/** The installed WebKitGTK's version, e.g. "2.50.6", or undefined. */
export function webkitVersion() {
  const out = spawnSync('dpkg-query', ['-W', '-f', '${Version}', 'libwebkit2gtk-4.1-0'], { encoding: 'utf8' });
  return /^(\d+\.\d+\.\d+)/.exec(out.stdout ?? '')?.[1];
}
