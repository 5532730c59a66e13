import { css } from 'lit';

export const styles = css`
  .page {
    display: grid;
    gap: var(--_space);
  }
  .title {
    margin: 0;
    font-family: var(--_heading-font);
    font-size: var(--interview-page-title-size, clamp(1.4em, 4cqi, 2em));
    line-height: 1.2;
  }
  .person {
    display: flex;
    gap: 0.75em;
    align-items: center;
  }
  .portrait {
    width: 4em;
    height: 4em;
    border-radius: 50%;
    object-fit: cover;
  }
  .person p,
  .details {
    margin: 0;
  }
  .muted {
    color: var(--_muted);
  }
  .summary {
    max-width: 42em;
    line-height: 1.6;
    margin: 0;
  }
  .layout {
    display: grid;
    gap: var(--_space);
  }
  /* Room for the transcript (heading, search, text box) before its code and text arrive, so the index below stays put. */
  kijkom-transcript {
    display: block;
    min-height: calc(var(--interview-page-transcript-height, 32rem) + 5em);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  /* Watch, listen, read: a row of radio buttons that look like one control. */
  .modes {
    display: flex;
    flex-wrap: wrap;
    margin: 0;
    padding: 0;
    border: 0;
  }
  .modes label {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    padding: 0.35em 0.9em;
    border: 1px solid var(--_border);
    cursor: pointer;
  }
  .modes label + label {
    border-inline-start: 0;
  }
  .modes label:first-of-type {
    border-start-start-radius: var(--_radius);
    border-end-start-radius: var(--_radius);
  }
  .modes label:last-of-type {
    border-start-end-radius: var(--_radius);
    border-end-end-radius: var(--_radius);
  }
  .modes label:has(:checked) {
    background: var(--_accent);
    color: var(--_on-accent);
    font-weight: bold;
  }
  .modes input {
    margin: 0;
    accent-color: currentColor;
  }
  .modes input:focus-visible {
    outline-offset: 1px;
  }
  .section-heading {
    margin: 0 0 0.5em;
    font-size: 1.1em;
  }
  .chapters {
    list-style: none;
    padding: 0;
    margin: 0 0 var(--_space);
    display: grid;
    gap: 0.25em;
  }
  .chapter {
    padding: 0.15em 0;
    border: 0;
    background: none;
    color: var(--_link);
    text-align: start;
    cursor: pointer;
  }
  .chapter:hover {
    text-decoration: underline;
  }
  /* The chapter the player stands in: a bar and weight, not colour alone. */
  .chapter[aria-current] {
    font-weight: bold;
    border-inline-start: 0.2em solid currentColor;
    padding-inline-start: 0.4em;
  }
  .chapters time {
    display: inline-block;
    min-width: 3.6em;
    font-variant-numeric: tabular-nums;
    color: var(--_muted);
  }
  @container (min-width: 48rem) {
    .layout {
      grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
    }
    /* Beside the player and the index, as tall as both. */
    kijkom-transcript {
      grid-column: 2;
      grid-row: 1 / span 2;
    }
    /* Reading: the text first, the index beside it. */
    .read kijkom-transcript {
      grid-column: 1;
      grid-row: 1;
    }
  }
`;
