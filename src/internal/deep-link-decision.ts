/**
 * The deep-link decision of a page opened with `#fragment=<id>` (see `deep-link.ts`): which
 * element cues the fragment, the first in document order that has it, once every element before
 * it has answered. A chunk of its own: a page without such a link never loads it.
 */
import type { Lang } from '../i18n/i18n.js';
import { tl } from './deep-link-strings.js';

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

/** The words that say a linked fragment is not on the page, in a given language. */
export type MissedNotice = (lang: Lang) => string;

interface Candidate {
  cue: (fragmentId: string) => void;
  /** Says that the page has no such fragment (a page element does; a lone player does not). */
  missed?: (notice: MissedNotice) => void;
  has?: boolean;
}

const candidates = new Map<Element, Candidate>();
/** The fragment the page was opened with; set at the first join, cleared once cued. */
let wanted: string | undefined | null = null;
/** Whether "not on this page" was said: once, by the first element that says such things. */
let missedSaid = false;

function decide(): void {
  if (!wanted) return;
  // The first element that has the fragment or may still turn out to have it.
  const first = firstInDocumentOrder(
    [...candidates].filter(([, candidate]) => candidate.has !== false).map(([element]) => element),
  );
  if (!first) return sayMissed(wanted);
  const candidate = candidates.get(first)!;
  if (!candidate.has) return;
  const id = wanted;
  wanted = undefined;
  candidates.clear();
  // Decided inside some element's update: cue after it, not within it.
  queueMicrotask(() => candidate.cue(id));
}

/**
 * Every element on the page answered, and none has the fragment: the first that can say so does
 * (an element joining later may still have it and cue it).
 */
function sayMissed(id: string): void {
  if (missedSaid) return;
  const sayers = [...candidates].filter(([, candidate]) => candidate.missed).map(([element]) => element);
  const first = firstInDocumentOrder(sayers);
  if (!first) return;
  missedSaid = true;
  const { missed } = candidates.get(first)!;
  queueMicrotask(() => missed!((lang) => tl(lang, 'missed', { id })));
}

const done: DeepLinkClaim = { settle: () => undefined, leave: () => undefined };

/**
 * An element joins the decision on fragment `id`, the one the page was opened with (`joinDeepLink`
 * in `deep-link.ts`, which every element calls, loads this module on such a page only). After the
 * link is cued, joining does nothing.
 */
export function join(
  element: Element,
  cue: (fragmentId: string) => void,
  id: string,
  missed?: (notice: MissedNotice) => void,
): DeepLinkClaim {
  if (wanted === null) wanted = id;
  if (!wanted) return done;
  const candidate: Candidate = { cue, missed };
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
