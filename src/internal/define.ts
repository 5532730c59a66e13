/**
 * Registers `element` as `tag` unless the tag is taken (another copy of Kijkom, or the host's own
 * element, keeps it). One constructor can back only one tag, so a class already registered under
 * another tag is registered through a subclass.
 */
export function defineElement(tag: string, element: CustomElementConstructor): void {
  if (customElements.get(tag)) return;
  customElements.define(tag, customElements.getName(element) ? class extends element {} : element);
}
