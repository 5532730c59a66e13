/**
 * Deep links `#fragment=<id>`: on load, the first element in document order that has the
 * fragment cues it (shows it, marks it current, scrolls it into view; nothing plays).
 *
 * Elements join when they connect and answer once they know their fragments. The answers come
 * in any order (each element loads its own way), so the winner is decided only when every
 * element before it in document order has answered; a later element never cues over an
 * earlier one that is still loading.
 */

import { parseTime } from '../catalogue/time.js';

const PREFIX = '#fragment=';

/**
 * The stretch named by a `#t=<start>[,<end>]` hash (seconds, or `[h:]m:s`); undefined for any
 * other hash. An end not after the start is left out.
 */
export function parseTimeHash(hash: string): { start: number; end?: number } | undefined {
  const [start, end] =
    /^#t=([^,]+)(?:,(.+))?$/
      .exec(hash)
      ?.slice(1)
      .map((time) => time && parseTime(time)) ?? [];
  if (!start || !start.ok) return undefined;
  return { start: start.seconds, end: end && end.ok && end.seconds > start.seconds ? end.seconds : undefined };
}

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

/** The node and the shadow hosts around it, outermost (a node of the document's own tree) first. */
function hostPath(node: Node): Node[] {
  const path = [node];
  for (let root = node.getRootNode(); root instanceof ShadowRoot; root = root.host.getRootNode())
    path.unshift(root.host);
  return path;
}

/**
 * Compares two nodes in composed tree order: a shadow tree's content counts where its host is,
 * so a player inside one element's shadow root comes before everything after that element.
 */
export function compareTreeOrder(a: Node, b: Node): number {
  const pa = hostPath(a);
  const pb = hostPath(b);
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    if (pa[i] === pb[i]) continue;
    // Same tree at this depth: the hosts (or the nodes) share a root.
    const position = pa[i].compareDocumentPosition(pb[i]);
    return position & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : position & Node.DOCUMENT_POSITION_PRECEDING ? 1 : 0;
  }
  // One is a shadow host of the other: the host comes first.
  return pa.length - pb.length;
}

/** The first of `nodes` in composed tree order. */
export function firstInDocumentOrder<T extends Node>(nodes: Iterable<T>): T | undefined {
  let first: T | undefined;
  for (const node of nodes) if (!first || compareTreeOrder(node, first) < 0) first = node;
  return first;
}

/** An element's place in the deep-link decision. */
export interface DeepLinkClaim {
  /**
   * Answers whether the element can cue `fragmentId` (call it once the catalogue is ready, or
   * has failed, with `() => false`). Only the first answer counts.
   */
  settle(has: (fragmentId: string) => boolean): void;
  /** The element left the page: it no longer holds up or wins the decision. */
  leave(): void;
}

interface Candidate {
  cue: (fragmentId: string) => void;
  has?: boolean;
}

const candidates = new Map<Element, Candidate>();
/** The fragment the page was opened with; read at the first join, cleared once cued. */
let wanted: string | undefined | null = null;

function decide(): void {
  if (!wanted) return;
  // The first element that has the fragment or may still turn out to have it.
  const first = firstInDocumentOrder(
    [...candidates].filter(([, candidate]) => candidate.has !== false).map(([element]) => element),
  );
  const candidate = first && candidates.get(first);
  if (!candidate?.has) return;
  const id = wanted;
  wanted = undefined;
  candidates.clear();
  // Decided inside some element's update: cue after it, not within it.
  queueMicrotask(() => candidate.cue(id));
}

const done: DeepLinkClaim = { settle: () => undefined, leave: () => undefined };

/**
 * Joins the page's deep-link decision. Call it when the element connects (before it knows its
 * fragments, so that it holds its place in document order); `cue` is called at most once, on
 * the element that wins. After the link is cued, or when the page has none, joining does nothing.
 */
export function joinDeepLink(element: Element, cue: (fragmentId: string) => void): DeepLinkClaim {
  if (wanted === null) wanted = parseFragmentHash(element.ownerDocument.location?.hash ?? '');
  if (!wanted) return done;
  const candidate: Candidate = { cue };
  candidates.set(element, candidate);
  return {
    settle(has) {
      if (candidates.get(element) !== candidate || candidate.has !== undefined || !wanted) return;
      candidate.has = has(wanted);
      decide();
    },
    leave() {
      if (candidates.get(element) !== candidate) return;
      candidates.delete(element);
      decide();
    },
  };
}
