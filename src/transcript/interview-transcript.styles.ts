import { css } from 'lit';

export const styles = css`
  .transcript {
    display: grid;
    gap: 0.6em;
  }
  .heading {
    margin: 0;
    font-family: var(--_heading-font);
    font-size: 1.1em;
  }
  .muted {
    color: var(--_muted);
    margin: 0;
  }
  .tools {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4em;
    align-items: center;
  }
  .search {
    flex: 1 1 12em;
    min-width: 0;
    padding: 0.35em 0.6em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: inherit;
    font: inherit;
  }
  .count {
    min-width: 5em;
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }
  .step {
    min-width: 2.2em;
  }
  .step,
  .follow {
    padding: 0.3em 0.6em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    cursor: pointer;
  }
  .step:disabled {
    cursor: default;
    color: var(--_muted);
  }
  .follow {
    border-color: var(--_accent);
    color: var(--_accent);
    font-weight: 600;
  }
  .quote {
    display: grid;
    gap: 0.4em;
    padding: 0.75em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .quote-text {
    margin: 0;
  }
  .quote label {
    font-weight: 600;
  }
  .quote-field {
    display: flex;
    gap: 0.4em;
    align-items: start;
  }
  .quote textarea {
    flex: 1;
    min-width: 0;
    font:
      0.9em ui-monospace,
      monospace;
    resize: vertical;
  }
  .quote button {
    justify-self: start;
  }
  .text {
    position: relative;
    max-height: var(--interview-page-transcript-height, 32rem);
    overflow-y: auto;
    padding-inline-end: 0.5em;
    line-height: 1.65;
    border-block-start: 1px solid var(--_border);
  }
  .turn,
  .mark {
    margin: 0.9em 0 0;
    max-width: 42em;
  }
  /* Plain text (most of a long transcript) is laid out only near the view. Not the turns in full:
     they are near the view anyway, and the first screen lays them out at once. */
  .plain {
    content-visibility: auto;
    contain-intrinsic-size: auto 4.5em;
  }
  .time {
    padding: 0;
    margin-inline-end: 0.4em;
    border: 0;
    background: none;
    color: var(--_link);
    font-variant-numeric: tabular-nums;
    text-decoration: underline;
    cursor: pointer;
  }
  .speaker {
    font-weight: 700;
    margin-inline-end: 0.3em;
  }
  .speaker::after {
    content: ':';
  }
  /* The spoken words: a tint, and a thick underline in the accent colour, a shape that does not rely
     on colour alone and stands at 3:1 or more against the page (WCAG 1.4.1, 1.4.11). */
  .cue[aria-current] {
    background: color-mix(in srgb, var(--_accent) 16%, transparent);
    box-shadow: 0 0 0 2px color-mix(in srgb, var(--_accent) 16%, transparent);
    text-decoration: underline 3px var(--_accent);
    text-decoration-skip-ink: none;
    text-underline-offset: 0.2em;
  }
  /* The passage a #t=start,end link quotes: a tint of its own beside the spoken cue's underline. */
  .quoted {
    color: inherit;
    background: color-mix(in srgb, var(--_accent) 24%, transparent);
    box-decoration-break: clone;
    -webkit-box-decoration-break: clone;
  }
  .mark {
    padding-inline-start: 0.6em;
    border-inline-start: 3px solid var(--_accent);
    color: var(--_muted);
    font-size: 0.92em;
  }
  .mark-kind {
    font-weight: 700;
    margin-inline-end: 0.4em;
  }
  ::highlight(kijkom-transcript-match) {
    background-color: light-dark(#fff1a8, #5c4d00);
    color: inherit;
  }
  ::highlight(kijkom-transcript-current) {
    background-color: light-dark(#ffb300, #a86b00);
    color: light-dark(#000, #fff);
  }
  @media (forced-colors: active) {
    .cue[aria-current] {
      outline: 2px solid Highlight;
    }
    .quoted {
      forced-color-adjust: none;
      background: Mark;
      color: MarkText;
    }
  }
`;
