import { LitElement, css, html, nothing, type PropertyDeclarations } from 'lit';
import type { Catalogue } from '../catalogue/types.js';
import { ContextProvider } from '@lit/context';
import {
  catalogueContext,
  playbackContext,
  type CatalogueState,
  type PlaybackState,
} from '../catalogue/catalogue-context.js';
import type { ClipRequest, PlaybackRequest } from '../events/playback-request.js';
import type { FragmentPlaybackEvent } from '../events/fragment-events.js';
import { ownPlayback } from './playback-owner.js';
import { commonStrings, t } from '../i18n/common-strings.js';
import { stringsReady, type Lang } from '../i18n/i18n.js';
import { pageStrings } from '../i18n/page-strings.js';
import { catalogueAlert } from './alert.js';
import { CatalogueController } from './catalogue-controller.js';
import { joinDeepLink, type DeepLinkClaim, type MissedNotice } from './deep-link.js';
import { FocusKeeper } from './focus-keeper.js';

/**
 * A page's loading state holds a screenful: the page that comes is nearly always longer, so what
 * follows stays out of view instead of being pushed down while the reader looks at it.
 */
export const pendingStyles = css`
  [aria-busy] {
    min-height: 100vh;
  }
`;

/** What a page asks of its player (a `<fragment-player>`): its public playback API. */
export interface PagePlayer extends HTMLElement {
  readonly media: HTMLMediaElement | null;
  play(request?: ClipRequest): Promise<void>;
  pause(): void;
  seek(seconds: number): void;
}

/**
 * The base of the page elements: loads the catalogue once and provides it, and the playback
 * state of the page's own player, to the elements it renders. It owns playback: the playback
 * requests of what it renders (a list's selection, a player's step, a transcript's time) come
 * up to it.
 */
export class CatalogueProvider extends LitElement {
  // Declared without decorators, in every element: their runtime is bytes loaded before play.
  static override properties: PropertyDeclarations = {
    catalogue: {},
    // Internal state (`attribute: false` as well, so the manifest analyzer lists no attribute).
    provided: { state: true, attribute: false },
    playback: { state: true, attribute: false },
    linkMissed: { state: true, attribute: false },
  };

  /** URL of a Kijkom catalogue (JSON), resolved against the document's base URL. */
  declare catalogue?: string;

  protected provided: CatalogueState = { status: 'idle' };
  protected playback: PlaybackState = { playing: false };
  /** The page's `#fragment=` link names a fragment no element on the page has: the words that say so. */
  declare protected linkMissed?: MissedNotice;

  private readonly catalogueProvider = new ContextProvider(this, {
    context: catalogueContext,
    initialValue: this.provided,
  });
  private readonly playbackProvider = new ContextProvider(this, {
    context: playbackContext,
    initialValue: this.playback,
  });

  protected readonly loader = new CatalogueController(this, () => this.catalogue);

  constructor() {
    super();
    // Playback events of the players we render reach us retargeted to ourselves.
    const track = (event: Event) => {
      const playing = event.type === 'fragment-play';
      // A fragment started in the player itself (its facade) is the current one too: the list marks it.
      const started = playing ? (event as FragmentPlaybackEvent).detail.fragmentId : undefined;
      const currentFragmentId = started ?? this.playback.currentFragmentId;
      if (playing !== this.playback.playing || currentFragmentId !== this.playback.currentFragmentId)
        this.playback = { ...this.playback, playing, currentFragmentId };
    };
    for (const type of ['fragment-play', 'fragment-pause', 'fragment-ended', 'fragment-error'] as const)
      this.addEventListener(type, track);
    // A retry's button is replaced by loading, then by the result: keep focus in the element.
    new FocusKeeper(this, ['[part~="retry"]']);
    ownPlayback(this, (request) => this.carryOut(request));
  }

  /** Carries out a playback request in this element's player: a fragment is played as the page plays one. */
  protected async carryOut(request: PlaybackRequest): Promise<void> {
    const clip = request.action === 'play' ? request.clip : undefined;
    if (clip && 'fragment' in clip) return this.playFragment(clip.fragment);
    const player = await this.player();
    if (request.action === 'pause') return player?.pause();
    if (request.action === 'seek') {
      player?.seek(request.time);
      if (!request.play) return;
    }
    await player?.play(clip);
  }

  private deepLink?: DeepLinkClaim;

  override connectedCallback(): void {
    super.connectedCallback();
    // Joined now, before the catalogue arrives, so that we hold our place in document order.
    this.deepLink = joinDeepLink(
      this,
      (id) => void this.cue(id),
      (notice) => (this.linkMissed = notice),
    );
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.deepLink?.leave();
  }

  protected override updated(): void {
    const state = this.loader.state;
    if (state.status === 'ready') this.deepLink?.settle((id) => this.holds(state.catalogue, id));
    else if (state.status !== 'loading') this.deepLink?.settle(() => false);
  }

  /** Whether this page shows fragment `id` (a deep link to it is ours to cue). */
  protected holds(_catalogue: Catalogue, _id: string): boolean {
    return false;
  }

  /**
   * Cues a deep-linked fragment: shows it in the player and brings its list item into view, then
   * the player (in a narrow layout it wins; a sticky one stays in view beside the item). Plays nothing.
   */
  protected async cue(fragmentId: string): Promise<void> {
    this.cueFragment(fragmentId);
    await this.updateComplete;
    await this.renderRoot.querySelector('fragment-list')?.revealFragment(fragmentId);
    this.renderRoot.querySelector('[part~="stage"], fragment-player')?.scrollIntoView({ block: 'nearest' });
  }

  protected override willUpdate(): void {
    // The controller updated its state in hostUpdate; pass it down when it changed.
    if (this.loader.state !== this.provided) this.provided = this.loader.state;
    this.catalogueProvider.setValue(this.provided);
    this.playbackProvider.setValue(this.playback);
  }

  /** Shows a fragment in this element's player without playing it. */
  protected cueFragment(fragmentId: string): void {
    if (fragmentId !== this.playback.currentFragmentId)
      this.playback = { ...this.playback, currentFragmentId: fragmentId, playing: false };
  }

  /** Whether the page's strings can be shown in `lang`; if not, they load and the page updates. */
  protected hasStrings(lang: Lang): boolean {
    return stringsReady(this, lang, commonStrings, pageStrings);
  }

  /**
   * What a page shows while it has no catalogue, or its strings are not there yet: the error with
   * a retry, or "loading" (without words until the strings are there).
   */
  protected renderPending(lang: Lang) {
    const state = this.loader.state;
    if (!this.hasStrings(lang)) return html`<div part="base" aria-busy="true"></div>`;
    if (state.status === 'error') return catalogueAlert(lang, state.error, () => this.loader.retry());
    return html`<div part="base" aria-busy="true">${t(lang, 'loading')}</div>`;
  }

  /** Says that the page's `#fragment=` link names a fragment that is not on the page (nothing is cued). */
  protected renderLinkMissed(lang: Lang) {
    return this.linkMissed === undefined
      ? nothing
      : html`<p part="link-missed" role="status">${this.linkMissed(lang)}</p>`;
  }

  /** Plays a fragment in this element's player; resolves once playback started, was refused or failed. */
  async playFragment(fragmentId: string): Promise<void> {
    this.cueFragment(fragmentId);
    await (await this.player())?.play({ fragment: fragmentId });
  }

  /** This element's player, once what it should show is rendered. */
  protected async player(): Promise<PagePlayer | null> {
    await this.updateComplete;
    return this.renderRoot.querySelector('fragment-player');
  }
}
