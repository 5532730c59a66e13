import { css } from 'lit';

export const styles = css`
  :host {
    --_list-accent: var(--fragment-list-accent, var(--_accent));
  }
  .list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--fragment-list-gap, 0.25em);
  }
  .item-button {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0.1em 0.75em;
    width: 100%;
    padding: 0.6em 0.75em;
    border: 1px solid transparent;
    border-radius: var(--_radius);
    background: none;
    text-align: start;
    cursor: pointer;
    line-height: 1.35;
  }
  .item-button:hover {
    background: var(--_surface);
  }
  .item-button[aria-current='true'] {
    background: var(--_surface);
    border-color: var(--_list-accent);
  }
  .time {
    grid-row: span 2;
    align-self: start;
    min-width: 3.6em;
    padding: 0.15em 0.4em;
    border-radius: calc(var(--_radius) / 2);
    background: var(--_list-accent);
    color: var(--_on-accent);
    font-variant-numeric: tabular-nums;
    font-size: 0.85em;
    text-align: center;
  }
  .title {
    font-weight: 600;
    color: var(--_link);
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
    padding: 0.5em 0 1em;
  }
  .search {
    display: grid;
    gap: 0.25em;
    margin-block-end: 0.75em;
  }
  .search input {
    font: inherit;
    padding: 0.45em 0.6em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_text);
  }
  .count,
  .empty {
    color: var(--_muted);
    font-size: 0.9em;
    margin: 0.5em 0;
  }
  .more {
    margin-block-start: 0.5em;
    padding: 0.4em 0.9em;
    border: 1px solid var(--_list-accent);
    border-radius: var(--_radius);
    background: none;
    color: var(--_list-accent);
    cursor: pointer;
  }
`;
