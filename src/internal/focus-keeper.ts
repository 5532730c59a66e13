/**
 * Keeps keyboard focus in a shadow root when a re-render removes the focused element (the facade
 * turning into the player, a retry replacing its error box): focus moves to the first of
 * `targets` there (in that order of preference), now or, while the element shows a loading state, once one appears. Never
 * when the user has meanwhile put focus somewhere else.
 */
export class FocusKeeper {
  private focused?: Element | null;
  private lost = false;

  constructor(
    private readonly host: HTMLElement,
    private readonly targets: string[],
  ) {}

  /** Call before rendering. */
  before(): void {
    this.focused = this.host.shadowRoot?.activeElement;
  }

  /** Call after rendering. */
  after(): void {
    const root = this.host.shadowRoot;
    if (!root) return;
    if (this.focused && !this.focused.isConnected) this.lost = true;
    this.focused = undefined;
    if (!this.lost) return;
    const active = this.host.ownerDocument.activeElement;
    if (active && active !== this.host.ownerDocument.body) {
      this.lost = false;
      return;
    }
    const target = this.targets.map((selector) => root.querySelector<HTMLElement>(selector)).find(Boolean);
    if (target) target.focus();
    // Found, or nothing to wait for: done either way.
    if (target || !root.querySelector('[aria-busy="true"]')) this.lost = false;
  }
}
