// Plain DOM building for what renders before Lit's template engine is loaded (the player's facade,
// the error box), so a page with one player needs only Lit's reactive core before play.

type Child = Node | string | undefined | false;

/** An element with attributes (an `undefined` one is left out) and children (falsy ones left out). */
export function h(tag: string, attributes: Record<string, string | undefined> = {}, ...children: Child[]): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) if (value !== undefined) element.setAttribute(name, value);
  element.append(...children.filter((child): child is Node | string => !!child));
  return element;
}

/** A 16×16 icon of one path, hidden from assistive technology. */
export function icon(path: string): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const shape = svg.appendChild(document.createElementNS(ns, 'path'));
  shape.setAttribute('fill', 'currentColor');
  shape.setAttribute('d', path);
  return svg;
}

/** The play triangle of the facade and of the paused video. */
export const playIcon = () => icon('M3 1.5v13l11-6.5z');
