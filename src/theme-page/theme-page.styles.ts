import { css } from 'lit';

export const styles = css`
  .page {
    display: grid;
    gap: calc(var(--_space) * 1.5);
  }
  .label {
    margin: 0;
    text-transform: uppercase;
    letter-spacing: 0.08em;
    font-size: 0.8em;
    font-weight: 600;
    color: var(--theme-page-label-color, var(--_accent));
  }
  .title {
    margin: 0.15em 0 0;
    font-family: var(--_heading-font);
    font-size: var(--theme-page-title-size, clamp(1.6em, 1.2em + 2.5cqi, 2.5em));
    line-height: 1.15;
    text-wrap: balance;
    overflow-wrap: break-word;
  }
  .intro {
    max-width: var(--theme-page-measure, 42em);
    font-size: var(--theme-page-intro-size, 1.0625em);
    line-height: 1.6;
  }
  .intro p {
    margin: 0 0 0.9em;
  }
  .intro p:last-child {
    margin-block-end: 0;
  }
  .layout {
    display: grid;
    gap: calc(var(--_space) * 2);
  }
  .stage {
    align-self: start;
    min-width: 0;
  }
  .fragments-heading {
    margin: 0 0 0.6em;
    font-family: var(--_heading-font);
    font-size: 1.25em;
    line-height: 1.25;
  }
  .count {
    color: var(--_muted);
    font-weight: normal;
  }
  @container (min-width: 48rem) {
    .layout {
      grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
      gap: calc(var(--_space) * 2);
    }
    .stage {
      position: sticky;
      top: var(--theme-page-sticky-top, 1rem);
    }
  }
`;
