import { css } from '@lit/reactive-element';

export const styles = css`
  :host {
    --_player-accent: var(--fragment-player-accent, var(--_accent));
    --_screen: var(--fragment-player-screen-color, #0d0d0d);
  }
  .player {
    display: grid;
    gap: 0.5em;
  }
  .screen {
    position: relative;
    aspect-ratio: 16 / 9;
    background: var(--_screen);
    border-radius: var(--fragment-player-radius, var(--_radius));
    overflow: hidden;
  }
  /* The media element's rules come with the playing session (player-session.styles.ts). */
  .poster {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    object-fit: cover;
  }
  .placeholder {
    position: absolute;
    inset: 0;
    background:
      radial-gradient(circle at 30% 35%, color-mix(in srgb, var(--_player-accent) 55%, transparent), transparent 60%),
      linear-gradient(135deg, #1d2a3a, #0d0d0d);
  }
  .play {
    position: absolute;
    inset: 0;
    display: flex;
    align-items: end;
    gap: 0.6em;
    padding: 0.9em;
    border: 0;
    background: none;
    color: #fff;
    cursor: pointer;
    text-align: start;
  }
  /* Two-tone, so the ring shows on any poster: white between two dark bands. */
  .play:focus-visible {
    outline-offset: calc(-1 * var(--_focus-width) - 2px);
    outline-color: #fff;
    box-shadow: inset 0 0 0 calc(var(--_focus-width) + 4px) #000;
  }
  .icon {
    flex: none;
    display: grid;
    place-items: center;
    width: 2.75em;
    height: 2.75em;
    border-radius: 50%;
    background: var(--_player-accent);
    color: var(--_on-accent);
  }
  .icon svg {
    width: 1.1em;
    height: 1.1em;
    margin-inline-start: 0.15em;
  }
  /* A plate, not a scrim: white on it keeps 4.5:1 whatever the poster (WCAG 1.4.3). */
  .play-text {
    font-weight: 600;
    padding: 0.2em 0.5em;
    border-radius: 4px;
    background: #000c;
  }
  .title {
    margin: 0;
    font-weight: 600;
    line-height: 1.3;
  }
  .meta,
  .status {
    margin: 0;
    color: var(--_muted);
    font-size: 0.9em;
    line-height: 1.3;
  }
  .meta span + span::before {
    content: ' · ';
  }
  /* Loading: as tall as the title and meta lines that come (one line each), so nothing below moves. */
  [aria-busy] .status {
    min-height: 3.3em;
  }
`;
