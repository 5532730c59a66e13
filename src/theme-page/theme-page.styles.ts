import { css } from 'lit';

export const styles = css`
  .page {
    display: grid;
    gap: calc(var(--_space) * 1.25);
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
    font-size: var(--theme-page-title-size, clamp(1.5em, 4cqi, 2.25em));
    line-height: 1.15;
    text-wrap: balance;
  }
  .intro {
    max-width: var(--theme-page-measure, 42em);
    line-height: 1.6;
  }
  .intro p {
    margin: 0 0 0.9em;
  }
  .layout {
    display: grid;
    gap: var(--_space);
  }
  .stage {
    align-self: start;
  }
  @container (min-width: 48rem) {
    .layout {
      grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
      gap: calc(var(--_space) * 1.5);
    }
    .stage {
      position: sticky;
      top: var(--theme-page-sticky-top, 1rem);
    }
  }
`;
