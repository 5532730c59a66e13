import { css } from 'lit';

/** Styles of the playing UI, adopted when its chunk loads. */
export const sessionStyles = css`
  .screen.audio {
    aspect-ratio: auto;
    background: none;
  }
  video {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    object-fit: contain;
  }
  audio {
    width: 100%;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    align-items: center;
  }
  .actions button {
    border: 1px solid var(--_player-accent);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_player-accent);
    padding: 0.4em 0.9em;
    cursor: pointer;
  }
  .actions button.primary {
    background: var(--_player-accent);
    color: var(--_on-accent);
  }
  .play.resume {
    align-items: center;
    justify-content: center;
    background: rgb(0 0 0 / 0.35);
  }
  .play.resume .icon {
    width: 3.5em;
    height: 3.5em;
  }
  .controls {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25em 0.5em;
    padding: 0.35em 0.5em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .control {
    display: grid;
    place-items: center;
    width: 2.25em;
    height: 2.25em;
    padding: 0;
    border: 0;
    border-radius: var(--_radius);
    background: none;
    cursor: pointer;
  }
  .control:hover {
    background: color-mix(in srgb, var(--_player-accent) 12%, transparent);
  }
  .control[aria-pressed='true'] {
    background: var(--_player-accent);
    color: var(--_on-accent);
  }
  .control svg {
    width: 1.1em;
    height: 1.1em;
  }
  .times {
    font-variant-numeric: tabular-nums;
    font-size: 0.9em;
    white-space: nowrap;
  }
  .timeline {
    position: relative;
    flex: 1 1 100%;
    display: grid;
    padding-block-start: 0.25em;
  }
  /* The whole interview is the track; the fragment's span sits on it in the accent colour. */
  .track {
    position: relative;
    height: 0.5em;
    margin-block: 0.7em -0.95em;
    border-radius: 0.25em;
    background: color-mix(in srgb, var(--_text) 18%, transparent);
    overflow: hidden;
    pointer-events: none;
  }
  .clip,
  .played {
    position: absolute;
    inset-block: 0;
  }
  .clip {
    inset-inline-start: var(--_clip-start, 0%);
    inset-inline-end: calc(100% - var(--_clip-end, 0%));
    background: color-mix(in srgb, var(--_player-accent) 45%, transparent);
  }
  .played {
    inset-inline-start: 0;
    width: var(--_played, 0%);
    border-inline-end: 2px solid var(--_player-accent);
  }
  /* The range input draws only its thumb, over our own track. */
  .seek {
    appearance: none;
    width: 100%;
    margin: 0;
    height: 1.4em;
    background: transparent;
    cursor: pointer;
  }
  .seek::-webkit-slider-runnable-track {
    background: transparent;
  }
  .seek::-moz-range-track {
    background: transparent;
  }
  .seek::-webkit-slider-thumb {
    appearance: none;
    width: 1em;
    height: 1em;
    margin-top: 0.2em;
    border: 2px solid var(--_bg);
    border-radius: 50%;
    background: var(--_player-accent);
  }
  .seek::-moz-range-thumb {
    width: 0.8em;
    height: 0.8em;
    border: 2px solid var(--_bg);
    border-radius: 50%;
    background: var(--_player-accent);
  }
  .clip-text {
    margin: 0.1em 0 0;
    font-size: 0.8em;
    color: var(--_muted);
  }
  .volume {
    width: 5em;
    accent-color: var(--_player-accent);
  }
  /* The panels below the controls: share, and the keyboard shortcuts. */
  .panel {
    display: grid;
    gap: 0.5em;
  }
  .share-field {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: 0.25em 0.5em;
  }
  .share-field label {
    grid-column: 1 / -1;
    font-size: 0.9em;
  }
  .share-field textarea {
    font:
      0.85em ui-monospace,
      monospace;
    resize: none;
    padding: 0.4em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_text);
  }
  .share-field button {
    align-self: start;
    border: 1px solid var(--_player-accent);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_player-accent);
    padding: 0.35em 0.8em;
    cursor: pointer;
  }
  /* The speed and caption-language menus: native selects, in the controls' colours. */
  .menu {
    height: 2.25em;
    max-width: 10em;
    padding: 0 0.3em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_text);
    font: inherit;
    font-size: 0.9em;
    cursor: pointer;
  }
  .shortcuts p,
  .shortcuts dl {
    margin: 0;
    font-size: 0.9em;
  }
  .shortcuts dl {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0.3em 1em;
  }
  .shortcuts dd {
    margin: 0;
  }
  kbd {
    display: inline-block;
    min-width: 1.2em;
    padding: 0 0.35em;
    border: 1px solid var(--_border);
    border-block-end-width: 2px;
    border-radius: 0.25em;
    font:
      0.9em ui-monospace,
      monospace;
    text-align: center;
  }
  .player:fullscreen {
    background: #000;
    color: #fff;
    place-content: center;
  }
  /* Forced colours drop backgrounds and shadows: draw the track, the span, the played part and the
     pressed toggles in system colours, which the user's palette keeps. */
  @media (forced-colors: active) {
    .track,
    .control[aria-pressed='true'] {
      forced-color-adjust: none;
    }
    .track {
      background: Canvas;
      border: 1px solid CanvasText;
    }
    .clip {
      background: Highlight;
    }
    .played {
      inset-block-start: 60%;
      background: CanvasText;
      border-color: CanvasText;
    }
    .control[aria-pressed='true'] {
      background: Highlight;
      color: HighlightText;
    }
  }
  /* The fragment's words below the controls: a short scroll box. */
  kijkom-transcript {
    display: block;
    margin-block-start: 0.75em;
    --interview-page-transcript-height: var(--fragment-player-transcript-height, 14rem);
  }
`;
