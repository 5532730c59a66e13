// The previous and next fragment of the theme a player plays in. Only a <theme-page> hands its
// player the theme's order (through the playback context), so a lone player offers none.
import { catalogueContext, playbackContext } from '../catalogue/catalogue-context.js';
import { requestPlayback } from '../internal/playback-owner.js';
import { contextValue } from '../internal/context-value.js';

export interface Step {
  title: string;
  play(): void;
}

export interface Steps {
  previous?: Step;
  next?: Step;
}

type Way = keyof Steps;

/** The step button pressed in a player, and where it led: the next session focuses it again. */
export interface StepTaken {
  way: Way;
  fragmentId: string;
}

/**
 * The fragments before and after `fragmentId` in the enclosing theme page's list, if any. A step
 * taken is noted in `memory`, which the player keeps for the session it leads to.
 */
export function themeSteps(host: HTMLElement, fragmentId: string | undefined, memory: { step?: StepTaken }): Steps {
  const playback = contextValue(host, playbackContext);
  const state = contextValue(host, catalogueContext);
  const queue = playback?.queue;
  const index = queue && fragmentId !== undefined ? queue.indexOf(fragmentId) : -1;
  if (!playback || !queue || index < 0 || state?.status !== 'ready') return {};
  const step = (way: Way, id: string | undefined): Step | undefined => {
    const fragment = id === undefined ? undefined : state.catalogue.fragments.get(id);
    return (
      fragment && {
        title: fragment.title,
        // Up to the page, which plays it as a selection in its list: the list marks it, the address follows.
        play: () => {
          memory.step = { way, fragmentId: fragment.id };
          void requestPlayback(host, { action: 'play', clip: { fragment: fragment.id } });
        },
      }
    );
  };
  return { previous: step('previous', queue[index - 1]), next: step('next', queue[index + 1]) };
}

/**
 * Once the stepped-to fragment's controls are rendered, puts focus back on the step button, so
 * that pressing it again steps on; at the theme's end there is none and the player's own focus
 * rule (play/pause) applies. Not when the user has put focus elsewhere meanwhile. Returns whether
 * this fragment was just stepped to (once).
 */
export function refocusStep(
  host: HTMLElement & { readonly renderRoot: Node },
  fragmentId: string | undefined,
  memory: { step?: StepTaken },
): boolean {
  const step = memory.step;
  if (!step || step.fragmentId !== fragmentId) return false;
  memory.step = undefined;
  const root = host.renderRoot as ShadowRoot;
  const doc = host.ownerDocument;
  if (root.activeElement || doc.activeElement === doc.body)
    root.querySelector<HTMLElement>(`[part~="${step.way}"]`)?.focus();
  return true;
}
