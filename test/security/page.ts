// Shared by the security test pages: a host's own lit-html, Kijkom itself, and the elements under test.

interface PageState {
  status: 'loading' | 'ready' | 'failed';
  errors: string[];
}
declare global {
  interface Window {
    kijkomTest: PageState;
  }
}

/**
 * A second copy of lit-html, as a host with its own Lit has: the same file under another URL is
 * another module instance (lit-html imports nothing). The dev server resolves `lit` with the
 * `development` condition, so this is the file our own copy comes from too.
 */
const HOST_LIT = '/node_modules/lit-html/development/lit-html.js?host-copy';

export const params = new URLSearchParams(location.search);

/** Loads the host's lit-html when `?lit=host`, and renders a line with it. */
export async function hostLit(): Promise<void> {
  if (params.get('lit') !== 'host') return;
  const { html, render } = await import(HOST_LIT);
  const box = document.createElement('div');
  box.id = 'host-lit';
  document.body.append(box);
  render(html`<p>Rendered by the host's own lit-html</p>`, box);
}

/** Imports Kijkom (registering its elements); a failure is recorded, not thrown away. */
export async function loadKijkom(): Promise<boolean> {
  try {
    await import('../../src/index.js');
    return true;
  } catch (error) {
    window.kijkomTest.errors.push(`import: ${error}`);
    window.kijkomTest.status = 'failed';
    return false;
  }
}

const element = (tag: string, attributes: Record<string, string>) => {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  return el;
};

/**
 * The elements under test, made with DOM calls (under Trusted Types `innerHTML` would need a policy):
 * a theme page, a catalogue player (HLS), a src player (HLS) and a src player (MP4).
 */
export function renderElements(): void {
  const token = params.get('token') ?? 'none';
  const catalogue = `/_cat/${token}/ok/none`;
  document.body.append(
    element('theme-page', { id: 'theme', catalogue, theme: 'politiek-ambtelijke-verhoudingen' }),
    element('fragment-player', { id: 'catalogue-player', catalogue, fragment: 'betekenisvolle-vraag-bij-aanvang' }),
    element('fragment-player', {
      id: 'hls-player',
      src: `/_media/${token}/none/interview-32m/video.m3u8`,
      start: '100',
      label: 'HLS',
    }),
    element('fragment-player', {
      id: 'mp4-player',
      src: `/_media/${token}/none/interview-32m/video.mp4`,
      start: '10',
      label: 'MP4',
    }),
  );
}
