import type { ReactiveController, ReactiveControllerHost } from '@lit/reactive-element';

/**
 * Keeps keyboard focus in a shadow root when an update removes the focused element (the facade
 * turning into the player, a retry replacing its error box): focus moves to the first of
 * `targets` there, in that order of preference, now or, while the element shows a loading state,
 * once one appears. Never when the user has meanwhile put focus somewhere else.
 */
export class FocusKeeper implements ReactiveController {
  private focused?: Element | null;
  private lost = false;

  constructor(
    private readonly host: ReactiveControllerHost &
      HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment },
    private readonly targets: string[],
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    this.focused = (this.host.renderRoot as ShadowRoot).activeElement;
  }

  hostUpdated(): void {
    const root = this.host.renderRoot as ShadowRoot;
    if (this.focused && !this.focused.isConnected) this.lost = true;
    this.focused = undefined;
    if (!this.lost) return;
    const active = this.host.ownerDocument.activeElement;
    if (active && active !== this.host.ownerDocument.body) {
      this.lost = false;
      return;
    }
    const target = this.targets.map((selector) => root.querySelector<HTMLElement>(selector)).find(Boolean);
    target?.focus();
    // Found, or nothing to wait for: done either way.
    if (target || !root.querySelector('[aria-busy="true"]')) this.lost = false;
  }
}
