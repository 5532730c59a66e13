// WebKit for the browser tests: Debian's WebKitGTK MiniBrowser driven by its WebKitWebDriver
// (package webkit2gtk-driver), on a virtual display of its own (Xvfb) where there is none.
//
// Each test file gets a WebKit of its own: a driver and browser started for it and killed (with
// everything they started) when it ends. Under load one long-lived MiniBrowser now and then stopped
// answering partway through a run, and every later file was lost with it; a file's own browser
// can only take that file down, and no state (media pipelines, caches) carries from file to file.
// Why it stops answering (gdb on a hung one, session 14): the page's main thread waits forever in
// GStreamer, inside an event WebKit pushes down the media pipeline, so no script or timer of the
// page runs again; `npm test` runs such a file again in a fresh browser (scripts/test.mjs).
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { webdriverLauncher } from '@web/test-runner-webdriver';

export const MINIBROWSER = process.env.MINIBROWSER_PATH ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const DRIVER = 'WebKitWebDriver';
/** How long a file's browser may take to hand over its results once its tests are done. */
const STOP_TIMEOUT = 30_000;

/** Why WebKit cannot run here (what to install), or undefined when it can. */
export function webkitMissing() {
  if (spawnSync(DRIVER, ['--version']).error || !existsSync(MINIBROWSER))
    return "WebKit needs Debian's webkit2gtk-driver and xvfb: apt-get install webkit2gtk-driver xvfb";
  if (!process.env.DISPLAY && spawnSync('Xvfb', ['-help']).error) return 'WebKit needs a display: apt-get install xvfb';
  return undefined;
}

/** The installed WebKitGTK's version, e.g. "2.50.6", or undefined. */
export function webkitVersion() {
  const out = spawnSync('dpkg-query', ['-W', '-f', '${Version}', 'libwebkit2gtk-4.1-0'], { encoding: 'utf8' });
  return /^(\d+\.\d+\.\d+)/.exec(out.stdout ?? '')?.[1];
}

/** A port nothing listens on now. */
const freePort = () =>
  new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Kills a child started `detached` and every process in its group (the driver's browser and its helpers). */
function killGroup(child) {
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // Gone already.
  }
}

/** The display for this run: the one there is, or an Xvfb started for it and stopped when Node exits. */
function display() {
  if (process.env.DISPLAY) return process.env.DISPLAY;
  const name = `:${90 + (process.pid % 400)}`;
  const xvfb = spawn('Xvfb', [name, '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
    stdio: 'ignore',
    detached: true,
  });
  process.once('exit', () => killGroup(xvfb));
  return name;
}

/** The drivers running now, each ended when Node exits (one handler for all, not one per file). */
const running = new Set();
process.once('exit', () => running.forEach((kill) => kill()));

/**
 * Starts a WebKitWebDriver in a process group of its own, its and its browser's output written to
 * `log`; resolves once it answers, with its port and a `kill` that ends the group.
 */
async function startDriver(env, log) {
  const port = await freePort();
  const out = openSync(log, 'a');
  const driver = spawn(DRIVER, [`--port=${port}`], { env, stdio: ['ignore', out, out], detached: true });
  // The child has its own copy of the log's descriptor.
  closeSync(out);
  const kill = () => {
    running.delete(kill);
    killGroup(driver);
  };
  running.add(kill);
  for (let tries = 0; ; tries++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/status`)).ok) return { port, kill };
    } catch (error) {
      if (tries > 100) {
        kill();
        throw new Error(`${DRIVER} did not start: ${error.message}`, { cause: error });
      }
    }
    await delay(100);
  }
}

/** Lines a browser writes on every machine without sound or a session bus: noise, left out of a failure's report. */
const NOISE = /^\s*(ALSA lib |AL lib: |.*Unable to get session D-Bus address)/;

/** The last lines of a log, to print when a browser failed (its own words on why). */
const tail = (file, lines = 25) => {
  try {
    const said = readFileSync(file, 'utf8').split('\n');
    return said
      .filter((line) => line.trim() && !NOISE.test(line))
      .slice(-lines)
      .join('\n');
  } catch {
    return '';
  }
};

/**
 * A web-test-runner launcher for WebKit that gives each test file a browser of its own (see the top
 * of this file). `capabilities` are WebDriver's, for MiniBrowser.
 */
export function webkitLauncher(capabilities) {
  const env = { ...process.env, DISPLAY: display() };
  const logs = mkdtempSync(path.join(tmpdir(), 'kijkom-webkit-'));
  process.once('exit', () => rmSync(logs, { recursive: true, force: true }));
  /** Per test file (session id): its driver process and the runner's WebDriver launcher talking to it. */
  const sessions = new Map();
  let config;
  let files = 0;

  const of = (id) => {
    const session = sessions.get(id);
    if (!session) throw new Error(`WebKit: no browser for test session ${id}`);
    return session.launcher;
  };
  /** Closes a file's browser: politely (which also stops the runner's heartbeat to it), then its process group. */
  const end = async (id) => {
    const session = sessions.get(id);
    if (!session) return;
    sessions.delete(id);
    await Promise.race([session.launcher.stop(), delay(5000)]);
    session.driver.kill();
  };

  const launcher = {
    name: 'WebKit',
    type: 'webdriver',
    async initialize(runnerConfig) {
      config = runnerConfig;
    },
    async stop() {
      await Promise.all([...sessions.keys()].map(end));
    },
    async startSession(id, url) {
      const log = path.join(logs, `${++files}.log`);
      const driver = await startDriver(env, log);
      const session = webdriverLauncher({
        automationProtocol: 'webdriver',
        hostname: '127.0.0.1',
        port: driver.port,
        logLevel: 'error',
        capabilities,
      });
      sessions.set(id, { driver, launcher: session, log });
      try {
        await session.initialize(config);
        await session.startSession(id, url);
      } catch (error) {
        // Never started, so the runner will not stop it: end it here.
        await end(id);
        throw error;
      }
    },
    isActive: (id) => sessions.get(id)?.launcher.isActive(id) ?? false,
    getBrowserUrl: (id) => of(id).getBrowserUrl(id),
    // The runner closes a file's browser once its results are in, or once the file timed out (an
    // error of its own). A browser that does not close then has lost nothing: it is said and ended,
    // not made a failure (ci14a: 15 of 15 passed, then no answer on closing).
    async stopSession(id) {
      const log = sessions.get(id)?.log;
      let timer;
      try {
        return await Promise.race([
          of(id).stopSession(id),
          new Promise((resolve) => {
            timer = setTimeout(() => {
              const said = log ? tail(log) : '';
              console.log(
                `WebKit did not close within ${STOP_TIMEOUT / 1000} s after its tests; ended.${said ? `\nWebKit's last output:\n${said}` : ''}`,
              );
              resolve({});
            }, STOP_TIMEOUT);
          }),
        ]);
      } catch (error) {
        const said = log ? tail(log) : '';
        throw new Error(`${error.message}${said ? `\nWebKit's last output:\n${said}` : ''}`, { cause: error });
      } finally {
        clearTimeout(timer);
        await end(id);
      }
    },
    async startDebugSession() {
      throw new Error('WebKit: no debug session (run it in Chromium or Firefox with --manual)');
    },
  };
  // The commands the runner's plugins send to a WebDriver browser (keys, mouse, screenshots) go to the file's own.
  for (const command of [
    'sendKeys',
    'sendMouseMove',
    'sendMouseClick',
    'sendMouseDown',
    'sendMouseUp',
    'resetMouse',
    'takeScreenshot',
  ])
    launcher[command] = (id, ...args) => of(id)[command](id, ...args);
  return launcher;
}
