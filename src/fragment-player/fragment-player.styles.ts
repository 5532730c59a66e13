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
    justify-content: start;
    gap: 0.6em;
    padding: 0.9em;
    border: 0;
    background: linear-gradient(to top, rgb(0 0 0 / 0.65), transparent 60%);
    color: #fff;
    cursor: pointer;
    text-align: start;
  }
  .play:focus-visible {
    outline-offset: calc(-1 * var(--_focus-width) - 2px);
    outline-color: #fff;
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
  .play:hover .icon {
    transform: scale(1.06);
  }
  .icon svg {
    width: 1.1em;
    height: 1.1em;
    margin-inline-start: 0.15em;
  }
  .play-text {
    font-weight: 600;
  }
  .title {
    margin: 0;
    font-weight: 600;
    line-height: 1.3;
  }
  .meta {
    margin: 0;
    color: var(--_muted);
    font-size: 0.9em;
  }
  .meta span + span::before {
    content: ' · ';
  }
  .status {
    margin: 0;
    color: var(--_muted);
    font-size: 0.9em;
  }
`;
