/** An element's shadow root, which every Kijkom element has once connected. */
export const shadow = (el: Element) => el.shadowRoot as ShadowRoot;
