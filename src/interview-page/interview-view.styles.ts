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
  h3 {
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
  }
`;
