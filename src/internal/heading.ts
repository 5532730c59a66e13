// Headings at the level the host page chooses (`heading-level`), so that they fit its outline.
// Made as DOM: a Lit template cannot vary its tag name without static-html, whose runtime every
// page would load. Kept while they show the same, so a re-render does not replace them.
import { h } from './dom.js';

/** A heading level from 1 to 6: `value` rounded and clamped, or `fallback` when it is no number. */
export const headingLevel = (value: number, fallback = 2): number =>
  Math.min(6, Math.max(1, Math.round(value) || fallback));

/** The headings one element renders, each kept while its level, attributes, text and count stay the same. */
export class Headings {
  private readonly made = new Map<string, HTMLElement>();

  /** An `h1`–`h6` with these attributes (an `undefined` one left out) and text, and a count in brackets after it. */
  get(level: number, attributes: Record<string, string | undefined>, text: string, count?: number): HTMLElement {
    const key = [level, text, count, ...Object.entries(attributes).flat()].join('\n');
    let heading = this.made.get(key);
    if (!heading) {
      // Only a few are current at a time: a new title, level or language makes new ones.
      if (this.made.size > 8) this.made.clear();
      heading = h(
        `h${headingLevel(level)}`,
        attributes,
        text,
        count !== undefined && ' ',
        count !== undefined && h('span', { class: 'count' }, `(${count})`),
      );
      this.made.set(key, heading);
    }
    return heading;
  }
}
