import { css } from 'lit';

export const styles = css`
  :host {
    --_list-accent: var(--fragment-list-accent, var(--_accent));
    --_list-divider: var(--fragment-list-divider-color, var(--_border));
    --_list-current: var(--fragment-list-current-background, var(--_surface));
  }
  .list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--fragment-list-gap, 0);
    border-block-start: 1px solid var(--_list-divider);
  }
  .list > li {
    border-block-end: 1px solid var(--_list-divider);
  }
  .item-button {
    display: grid;
    /* A fixed time column, so every title starts at the same line. */
    grid-template-columns: 4.25em minmax(0, 1fr);
    gap: 0.15em 0.75em;
    width: 100%;
    padding: 0.75em 0.75em;
    border: 0;
    border-radius: 0;
    background: none;
    text-align: start;
    cursor: pointer;
    line-height: 1.35;
  }
  .item-button:hover .title {
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
  .item-button:focus-visible {
    outline-offset: calc(-1 * var(--_focus-width));
  }
  .item-button[aria-current='true'],
  .inline {
    background: var(--_list-current);
    /* A bar rather than a border, so the current item's text does not move. */
    box-shadow: inset 4px 0 0 var(--_list-accent);
  }
  /* Forced colours drop the bar (a shadow) and the background: draw the bar in a system colour. */
  @media (forced-colors: active) {
    .item-button[aria-current='true'],
    .inline {
      position: relative;
    }
    .item-button[aria-current='true']::before,
    .inline::before {
      content: '';
      position: absolute;
      inset-block: 0;
      inset-inline-start: 0;
      width: 4px;
      background: Highlight;
      forced-color-adjust: none;
    }
  }
  .time {
    grid-row: span 2;
    align-self: start;
    justify-self: stretch;
    padding: 0.2em 0.3em;
    border-radius: calc(var(--_radius) / 2);
    background: var(--_list-accent);
    color: var(--_on-accent);
    font-variant-numeric: tabular-nums;
    font-size: 0.85em;
    line-height: 1.3;
    text-align: center;
  }
  .title {
    font-weight: 600;
    color: var(--_link);
    overflow-wrap: break-word;
    hyphens: auto;
  }
  .meta {
    color: var(--_muted);
    font-size: 0.9em;
  }
  .meta > span + span::before {
    content: ' · ';
  }
  .now {
    font-weight: 600;
    color: var(--_list-accent);
  }
  .inline {
    padding: 0 0.75em 1em;
  }
  .search {
    display: grid;
    gap: 0.35em;
    margin-block-end: 0.75em;
    font-weight: 600;
  }
  .search input {
    font: inherit;
    font-weight: normal;
    padding: 0.5em 0.65em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_text);
  }
  .count,
  .empty {
    color: var(--_muted);
    font-size: 0.9em;
    margin: 0 0 0.5em;
  }
  .count:empty {
    margin: 0;
  }
  /* Loading: room for a few items, so what follows moves little. */
  [aria-busy] {
    margin: 0;
    min-height: 20em;
  }
  .more {
    margin-block-start: 0.75em;
    padding: 0.5em 1em;
    border: 1px solid var(--_list-accent);
    border-radius: var(--_radius);
    background: none;
    color: var(--_list-accent);
    font-weight: 600;
    cursor: pointer;
  }
  .more:hover {
    background: var(--_list-current);
  }
  /* Narrow: the time above the title, so titles get the whole width. */
  @container (max-width: 26rem) {
    .item-button {
      grid-template-columns: minmax(0, 1fr);
    }
    .time {
      grid-row: auto;
      justify-self: start;
      min-width: 3.5em;
      margin-block-end: 0.2em;
    }
  }
`;
