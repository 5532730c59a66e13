// Requests up, state down (DESIGN §2b): how an element asks for playback, and how the element
// that owns playback (a page, or a lone player while it plays) takes the requests.
import { PlaybackRequestEvent, type PlaybackRequest } from '../events/playback-request.js';

/**
 * Makes `owner` the owner of playback for the requests that reach it (the innermost owner takes
 * one), until `signal` aborts. Each is carried out after its dispatch, so that a listener further
 * up may still cancel it.
 */
export function ownPlayback(
  owner: HTMLElement,
  carryOut: (request: PlaybackRequest) => Promise<void>,
  signal?: AbortSignal,
): void {
  const take = (event: PlaybackRequestEvent) => {
    if (event.done) return;
    event.done = Promise.resolve().then(() => (event.defaultPrevented ? undefined : carryOut(event.detail)));
  };
  owner.addEventListener(PlaybackRequestEvent.type, take, { signal });
}

/** Sends `request` up from `from`; resolves once its owner carried it out (at once when none took it). */
export async function requestPlayback(from: Element, request: PlaybackRequest): Promise<void> {
  const event = new PlaybackRequestEvent(request);
  from.dispatchEvent(event);
  await event.done;
}
