// Helpers for the accessibility sweep and the keyboard walk-throughs: focus read through shadow
// roots, whether that focus is visible, and keyboard steps that say where focus went.
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { until } from '../helpers/media.js';

export const shadow = (el: Element) => el.shadowRoot as ShadowRoot;

/** The focused element, followed into open shadow roots. */
export function deepActiveElement(): Element | null {
  let node: Element | null = document.activeElement;
  while (node?.shadowRoot?.activeElement) node = node.shadowRoot.activeElement;
  return node;
}

/** Whether `node` is `ancestor` or inside it, crossing shadow boundaries (composed tree). */
export function composedContains(ancestor: Node, node: Node | null): boolean {
  for (let at: Node | null = node; at;) {
    if (at === ancestor) return true;
    const root = at.getRootNode();
    at = at.parentNode ?? (root instanceof ShadowRoot ? root.host : null);
  }
  return false;
}

/** A short human name for an element, for failure messages and focus paths. */
export function nameOf(el: Element | null): string {
  if (!el) return 'nothing';
  const part = el.getAttribute('part');
  const label = el.getAttribute('aria-label');
  const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
  return `<${el.localName}${el.id ? `#${el.id}` : ''}${part ? ` part="${part}"` : ''}${label ? ` aria-label="${label}"` : ''}>${text}`;
}

/**
 * Why the focus on `el` is not visible, or undefined when it is: it must match `:focus-visible`
 * and draw an outline (a style of its own, not `none`, with a width and a colour).
 */
export function invisibleFocus(el: Element | null): string | undefined {
  if (!el || el === document.body || el === document.documentElement)
    return `focus is on ${el ? el.localName : 'nothing'}`;
  if (!el.matches(':focus-visible')) return `${nameOf(el)} does not match :focus-visible`;
  const style = getComputedStyle(el);
  if (style.outlineStyle === 'none' || !(parseFloat(style.outlineWidth) > 0))
    return `${nameOf(el)} has no outline (${style.outlineStyle} ${style.outlineWidth})`;
  if (/^(transparent|rgba\(0, 0, 0, 0\))$/.test(style.outlineColor)) return `${nameOf(el)} has a transparent outline`;
  const clipper = outlineClippedBy(el, style);
  if (clipper) return `${nameOf(el)} has its outline clipped away by ${nameOf(clipper)} (overflow)`;
  return undefined;
}

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}
const grow = (r: Box, by: number): Box => ({
  left: r.left - by,
  top: r.top - by,
  right: r.right + by,
  bottom: r.bottom + by,
});
const intersect = (a: Box, b: Box): Box => ({
  left: Math.max(a.left, b.left),
  top: Math.max(a.top, b.top),
  right: Math.min(a.right, b.right),
  bottom: Math.min(a.bottom, b.bottom),
});
const empty = (r: Box) => r.right - r.left < 0.5 || r.bottom - r.top < 0.5;
const within = (a: Box, b: Box) => a.left >= b.left && a.top >= b.top && a.right <= b.right && a.bottom <= b.bottom;

/**
 * The ancestor (through shadow roots) whose overflow clipping leaves nothing of `el`'s outline
 * ring showing, if any: an outline drawn outside a box that fills an `overflow: hidden` parent
 * is there in the computed style but not on the screen.
 */
function outlineClippedBy(el: Element, style: CSSStyleDeclaration): Element | undefined {
  const width = parseFloat(style.outlineWidth);
  const offset = parseFloat(style.outlineOffset) || 0;
  const rect = el.getBoundingClientRect();
  const inner = grow(rect, offset);
  let visible = grow(rect, offset + width);
  for (
    let node: Element | null = parentOf(el);
    node && node !== document.documentElement && node !== document.body;
    node = parentOf(node)
  ) {
    const s = getComputedStyle(node);
    if (s.overflowX === 'visible' && s.overflowY === 'visible') continue;
    const r = node.getBoundingClientRect();
    const padding: Box = {
      left: r.left + node.clientLeft,
      top: r.top + node.clientTop,
      right: r.left + node.clientLeft + node.clientWidth,
      bottom: r.top + node.clientTop + node.clientHeight,
    };
    visible = intersect(visible, padding);
    if (empty(visible) || within(visible, inner)) return node;
  }
  return undefined;
}

/** The parent in the flat tree as far as layout goes: the host for a shadow root's child. */
function parentOf(el: Element): Element | null {
  if (el.assignedSlot) return el.assignedSlot;
  if (el.parentElement) return el.parentElement;
  const root = el.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

/** Asserts that the deep focus is visible. */
export function expectVisibleFocus(where: string): Element {
  const el = deepActiveElement();
  const problem = invisibleFocus(el);
  expect(problem, `visible focus ${where}`).to.equal(undefined);
  return el!;
}

/** Presses a key (or a chord like 'Shift+Tab') and returns the deep focus after it. */
export async function press(key: string): Promise<Element | null> {
  if (key.startsWith('Shift+')) {
    await sendKeys({ down: 'Shift' });
    try {
      await sendKeys({ press: key.slice(6) });
    } finally {
      await sendKeys({ up: 'Shift' });
    }
  } else {
    await sendKeys({ press: key });
  }
  return deepActiveElement();
}

/**
 * Presses `key` until `stop(focused)` holds, at most `max` times; returns every element focus
 * visited (the last one satisfying `stop`), each checked for visible focus on the way.
 */
export async function walk(key: string, stop: (el: Element | null) => boolean, max = 40): Promise<Element[]> {
  const visited: Element[] = [];
  for (let i = 0; i < max; i++) {
    const el = await press(key);
    const problem = invisibleFocus(el);
    expect(problem, `visible focus after ${key} #${i + 1} (path so far: ${visited.map(nameOf).join(' → ')})`).to.equal(
      undefined,
    );
    visited.push(el!);
    if (stop(el)) return visited;
  }
  throw new Error(`${key} ×${max} never reached the goal; focus went: ${visited.map(nameOf).join(' → ')}`);
}

/** The part names (first token of `part`) along a focus path. */
export const parts = (path: Element[]) => path.map((el) => el.getAttribute('part')?.split(' ').at(-1) ?? el.localName);

/** Waits for an element's shadow root to hold a match for `selector`. */
export const inShadow = <T extends Element = HTMLElement>(
  el: Element,
  selector: string,
  what = selector,
  ms?: number,
) =>
  until(
    () => el.shadowRoot?.querySelector<T & Element>(selector) as T | null | undefined,
    `${what} in <${el.localName}>`,
    ms,
  );

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Loads axe with its default rules plus the one WCAG 2.2 AA rule it leaves off by default: target
 * size (2.5.8, 24 × 24 CSS pixels for every control not inside a line of text).
 */
export async function loadAxe(): Promise<void> {
  await import('axe-core/axe.min.js');
  (window as unknown as { axe: typeof import('axe-core') }).axe.configure({
    rules: [{ id: 'target-size', enabled: true }],
  });
}

/** The fixture catalogue's theme of 26 fragments. */
export const THEME = 'politiek-ambtelijke-verhoudingen';
/** Whether an element has the part `name` (a stop in a keyboard walk). */
export const hasPart = (name: string) => (el: Element | null) => !!el?.matches(`[part~="${name}"]`);
/** Whether an element is a fragment list's item button. */
export const isItem = hasPart('item-button');
