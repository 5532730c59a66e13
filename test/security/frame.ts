// Helpers for the security tests: each page under test runs in a same-origin iframe, because the
// test runner's own page needs inline scripts and so cannot carry a strict policy itself.
import { nextEvent, until } from '../helpers/media.js';

/** The policy the test server sets for csp-*.html (test/server/test-server.mjs, `securityHeaders`). */
export const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; media-src 'self' blob:; worker-src 'self' blob:";

export interface Violation {
  /** effectiveDirective, e.g. `style-src-attr`, `script-src-elem`, `require-trusted-types-for`. */
  directive: string;
  violated: string;
  blocked: string;
  source: string;
  line: number;
  sample: string;
  /** id (or tag) of the element the violation was fired at, or `#document`. */
  target: string;
}

export interface PageState {
  status: 'loading' | 'ready' | 'failed';
  violations: Violation[];
  errors: string[];
}

export interface HostState {
  defineCalls: number;
  fetchCalls: number;
  define: unknown;
  hls: unknown;
  fetch?: unknown;
  globalsBefore: string[];
  catalogueErrors: { url: string; kind: string; status?: number; message: string }[];
}

/** The part of the Trusted Types API the tests use (not in TypeScript's DOM library). */
export interface TrustedTypePolicyFactory {
  readonly defaultPolicy: unknown;
  createPolicy(name: string, rules: object): unknown;
}

export type FrameWindow = Window &
  typeof globalThis & {
    kijkomTest: PageState;
    kijkomHost?: HostState;
    define?: unknown;
    Hls?: unknown;
    trustedTypes: TrustedTypePolicyFactory;
  };

/** Opens `url` in an 800×600 iframe and waits until its module has loaded Kijkom (or failed to). */
export async function openFrame(url: string): Promise<{ frame: HTMLIFrameElement; win: FrameWindow; doc: Document }> {
  const frame = document.createElement('iframe');
  frame.width = '800';
  frame.height = '600';
  frame.src = url;
  const loaded = nextEvent(frame, 'load');
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as FrameWindow;
  await until(() => win.kijkomTest && win.kijkomTest.status !== 'loading', `${url} to load Kijkom`);
  return { frame, win, doc: win.document };
}

export const removeFrames = () => {
  for (const frame of document.querySelectorAll('iframe')) frame.remove();
};

export const shadow = (el: Element | null | undefined) => el?.shadowRoot ?? null;

/** The element with `id` in the frame, once it has rendered its shadow root. */
export const byId = (doc: Document, id: string) =>
  until(() => shadow(doc.getElementById(id)) && doc.getElementById(id)!, `#${id} rendered`);

/** The theme page's title, once rendered. */
export const themeTitle = (doc: Document) =>
  until(() => shadow(doc.getElementById('theme'))?.querySelector<HTMLElement>('[part~="title"]'), 'the theme title');

/**
 * Presses the play button of player `id` and waits until its media plays at or past `start`.
 * Returns the media element and where it was when first seen past `start`.
 */
export async function playFrom(doc: Document, id: string, start: number) {
  const player = await byId(doc, id);
  const button = await until(
    () => shadow(player)?.querySelector<HTMLButtonElement>('[part~="play-button"]'),
    `the play button of #${id}`,
  );
  const playing = nextEvent(player, 'fragment-play');
  button.click();
  await playing;
  const media = await until(() => shadow(player)?.querySelector('video'), `the video of #${id}`);
  await until(() => media.currentTime > start && !media.paused, `#${id} playing past ${start} s`);
  return { player, media, time: media.currentTime };
}

/**
 * Sets off a known violation (a `style` attribute on a fresh element) and waits for its report:
 * proves that this very page load is under the policy and its recorder is listening, and lets the
 * reports queued before it arrive. Returns every other violation recorded.
 */
export async function otherViolations(win: FrameWindow): Promise<Violation[]> {
  const sentinel = win.document.createElement('p');
  sentinel.id = 'csp-sentinel';
  win.document.body.append(sentinel);
  sentinel.setAttribute('style', 'color: red');
  const violations = win.kijkomTest.violations;
  const index = await until(() => {
    const i = violations.findIndex((v) => v.target === 'csp-sentinel');
    return i < 0 ? undefined : i + 1;
  }, 'the sentinel violation');
  return violations.filter((_, i) => i !== index - 1);
}
