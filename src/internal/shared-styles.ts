import { css } from '@lit/reactive-element';

/**
 * Tokens every element shares. Each falls back to NL Design System's `--basis-*` tokens, which
 * inherit into shadow roots, then to a literal; colours follow the host's `color-scheme`.
 */
export const tokens = css`
  :host {
    display: block;
    --_text: var(--kijkom-color, var(--basis-color-default-color-document, light-dark(#1b1b1b, #ececec)));
    --_muted: var(--kijkom-color-muted, var(--basis-color-default-color-subtle, light-dark(#555, #b4b4b4)));
    --_bg: var(--kijkom-background, var(--basis-color-default-bg-document, light-dark(#fff, #161616)));
    --_surface: var(--kijkom-surface, var(--basis-color-default-bg-subtle, light-dark(#f3f3f1, #222)));
    --_border: var(--kijkom-border-color, var(--basis-color-default-border-default, light-dark(#c9c9c6, #444)));
    --_accent: var(--kijkom-accent, var(--basis-color-accent-1-color-default, light-dark(#154273, #8fb8e8)));
    --_on-accent: var(--kijkom-on-accent, var(--basis-color-accent-1-inverse-color-default, light-dark(#fff, #0b1a2b)));
    --_link: var(
      --kijkom-link-color,
      var(--basis-color-action-2-color-default, var(--nl-link-color, var(--utrecht-link-color, var(--_accent))))
    );
    --_focus-color: var(--kijkom-focus-color, var(--basis-focus-outline-color, light-dark(#000, #fff)));
    --_focus-width: var(--kijkom-focus-width, var(--basis-focus-outline-width, 3px));
    --_focus-offset: var(--kijkom-focus-offset, var(--basis-focus-outline-offset, 2px));
    --_radius: var(--kijkom-radius, var(--basis-border-radius-md, 6px));
    --_space: var(--kijkom-space, var(--basis-space-block-md, 1rem));
    --_font: var(--kijkom-font-family, var(--basis-text-font-family-default, inherit));
    --_heading-font: var(--kijkom-heading-font-family, var(--basis-heading-font-family, var(--_font)));
    --_error: var(--kijkom-error-color, light-dark(#a4001f, #ff8a8a));
    color: var(--_text);
    font-family: var(--_font);
  }
  :host([hidden]) {
    display: none;
  }
  [part~='base'] {
    box-sizing: border-box;
    container-type: inline-size;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: var(--_focus-width) solid var(--_focus-color);
    outline-offset: var(--_focus-offset);
  }
  button {
    font: inherit;
    color: inherit;
  }
  [role='alert'] {
    border-inline-start: 4px solid var(--_error);
    padding: 0.75em 1em;
    background: var(--_surface);
  }
  .alert p {
    margin: 0 0 0.6em;
  }
  .retry {
    padding: 0.4em 0.9em;
    border: 1px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_accent);
    font-weight: 600;
    cursor: pointer;
  }
`;
