/**
 * Deep links `#fragment=<id>`: on load, the first element in document order that has the
 * fragment cues it (shows it, marks it current, scrolls it into view; nothing plays).
 *
 * Elements join when they connect and answer once they know their fragments. The answers come
 * in any order (each element loads its own way), so the winner is decided only when every
 * element before it in document order has answered; a later element never cues over an
 * earlier one that is still loading.
 *
 * Every element joins before play, but only a page opened with such a link has anything to
 * decide: the decision (`deep-link-decision.ts`) is a chunk loaded by the first join there.
 */

import { chunkLoader } from '../platform/chunk.js';
import type { DeepLinkClaim, MissedNotice } from './deep-link-decision.js';

export type { DeepLinkClaim, MissedNotice } from './deep-link-decision.js';

const PREFIX = '#fragment=';

/** The fragment id named by a `#fragment=<percent-encoded id>` hash; undefined for any other hash. */
export function parseFragmentHash(hash: string): string | undefined {
  if (!hash.startsWith(PREFIX)) return undefined;
  try {
    const id = decodeURIComponent(hash.slice(PREFIX.length));
    return id === '' ? undefined : id;
  } catch {
    return undefined;
  }
}

/** The hash naming a fragment: `#fragment=<percent-encoded id>`. */
export function formatFragmentHash(fragmentId: string): string {
  return PREFIX + encodeURIComponent(fragmentId);
}

/** Writes `#fragment=<id>` into the address without a history entry or a scroll jump. */
export function replaceFragmentHash(fragmentId: string): void {
  history.replaceState(history.state, '', formatFragmentHash(fragmentId));
}

const loadDecision = chunkLoader(() => import('./deep-link-decision.js'));

/** The fragment the page was opened with; read at the first join. */
let wanted: string | undefined | null = null;

const none: DeepLinkClaim = { settle: () => undefined, leave: () => undefined };

/**
 * Joins the page's deep-link decision. Call it when the element connects (before it knows its
 * fragments, so that it holds its place in document order); `cue` is called at most once, on
 * the element that wins. When every element answered and none has the fragment, `missed` is
 * called on the first that passed one, with the words to show. After the link is cued, or when the page has none,
 * joining does nothing.
 */
export function joinDeepLink(
  element: Element,
  cue: (fragmentId: string) => void,
  missed?: (notice: MissedNotice) => void,
): DeepLinkClaim {
  if (wanted === null) wanted = parseFragmentHash(element.ownerDocument.location?.hash ?? '');
  if (!wanted) return none;
  const id = wanted;
  // Joins, answers and leaves reach the decision in the order they were made, once its code is
  // there; if it cannot load (offline), nothing is cued.
  const claim = loadDecision().then(
    ({ join }) => join(element, cue, id, missed),
    () => none,
  );
  return {
    settle: (has) => void claim.then((joined) => joined.settle(has)),
    leave: () => void claim.then((joined) => joined.leave()),
  };
}
