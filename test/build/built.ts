// Helpers for the tests of the built CDN module. These pages load dist/cdn/kijkom.js (or a copy of
// it under /_dist/) and nothing of src/: a page that also ran src/ would register our tags first.
import { executeServerCommand } from '@web/test-runner-commands';
import type { FragmentPlayer } from '../../src/fragment-player/fragment-player.js';
import { until } from '../helpers/media.js';

export type Player = FragmentPlayer;

/** Imports a built module by URL (not a path the test bundler resolves). */
export const importBuilt = (url: string): Promise<unknown> => import(/* @vite-ignore */ url);

/**
 * Sets what /_dist/<token>/ does to the chunks beside kijkom.js (test/server/test-server.mjs);
 * `engineslow` holds hls.js's chunk until the media token `media` had a segment asked for.
 */
export const distFault = (token: string, fault: 'none' | 'chunks404' | 'engine404' | 'engineslow', media?: string) =>
  executeServerCommand('dist-fault', { token, fault, media });

/** A `<fragment-player>` with these attributes, appended to the body (inside `<div lang>` when given). */
export function player(attributes: Record<string, string>, lang?: string): Player {
  const el = document.createElement('fragment-player') as Player;
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  const parent = lang
    ? document.body.appendChild(Object.assign(document.createElement('div'), { lang }))
    : document.body;
  parent.append(el);
  return el;
}

export const shadow = (el: Element) => el.shadowRoot as ShadowRoot;
export const playButton = (el: Player) => shadow(el).querySelector<HTMLButtonElement>('[part~="play-button"]');
export const facade = (el: Player) => until(() => playButton(el), 'the facade');
export const control = (el: Player, part: string) =>
  until(() => shadow(el).querySelector<HTMLButtonElement>(`[part~="${part}"]`), `the ${part} control`);

/** Removes every player (and its language wrapper), so tests do not hear each other. */
export function removePlayers(): void {
  for (const el of document.querySelectorAll('fragment-player'))
    (el.parentElement?.lang ? el.parentElement : el).remove();
}
