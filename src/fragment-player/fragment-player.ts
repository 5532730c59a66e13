import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { catalogueContext, type CatalogueState } from '../catalogue/catalogue-context.js';
import { viewFragment } from '../catalogue/lookup.js';
import { formatTime, isoDuration, parseTime } from '../catalogue/time.js';
import { resolveUrl } from '../catalogue/url.js';
import type { FragmentErrorCode } from '../events/fragment-events.js';
import { t, type StringKey } from '../i18n/i18n.js';
import { alertBox, catalogueAlert } from '../internal/alert.js';
import { CatalogueController, uiLangOf } from '../internal/catalogue-controller.js';
import { joinDeepLink, type DeepLinkClaim } from '../internal/deep-link.js';
import { tokens } from '../internal/shared-styles.js';
import { isProgressive } from '../media/clip.js';
import type { Clip } from './clip-source.js';
import type { PlayerSession } from './player-session.js';
import { styles } from './fragment-player.styles.js';

const playIcon = html`<svg viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path fill="currentColor" d="M3 1.5v13l11-6.5z" /></svg>`;

/**
 * Plays one fragment of an interview. Until it is pressed it is a light facade (poster, title,
 * time, play button) that creates no media element and fetches no media; then the interview
 * plays from the fragment's start and pauses at its end.
 *
 * @summary One fragment of an interview: a facade until played, then the video from its start.
 * @tag fragment-player
 *
 * @fires catalogue-load - The catalogue loaded (not fired when the catalogue comes from a `<theme-page>`).
 * @fires catalogue-error - The catalogue could not be loaded.
 * @fires fragment-play - Playback started.
 * @fires fragment-pause - Playback paused (not at the fragment's end).
 * @fires fragment-ended - The fragment's end (or the media's end) was reached.
 * @fires fragment-error - The media failed for good; `detail.code` says how.
 *
 * @csspart base - The player's layout box.
 * @csspart screen - The 16:9 area holding the poster or the video.
 * @csspart poster - The poster image of the facade.
 * @csspart play-button - The facade's play button.
 * @csspart video - The `<video>` (or `<audio>`) after activation.
 * @csspart title - The fragment's title.
 * @csspart meta - Interviewee, start time and length.
 * @csspart actions - Replay / continue buttons at the fragment's end.
 * @csspart controls - The playing controls (a group of buttons, the timeline and the volume).
 * @csspart control - Every control button; each also has its own part: `play-pause`, `mute`, `captions`, `listen`, `fullscreen`, `share-button`.
 * @csspart seek - The timeline slider over the whole interview.
 * @csspart volume - The volume slider.
 * @csspart share - The share panel with the link and the embed code.
 * @csspart error - The error message (`role="alert"`).
 * @csspart retry - The error's "try again" button.
 *
 * @cssprop --fragment-player-accent - Accent colour of the play button (falls back to `--kijkom-accent`).
 * @cssprop --fragment-player-screen-color - Background of the video area.
 * @cssprop --fragment-player-radius - Corner radius of the video area (falls back to `--kijkom-radius`).
 */
export class FragmentPlayer extends LitElement {
  static override styles = [tokens, styles];

  /** URL of a Kijkom catalogue (JSON), resolved against the document's base URL. */
  @property() catalogue?: string;
  /** Id of the fragment in the catalogue to play. */
  @property() fragment?: string;
  /** Without a catalogue: the media URL (HLS playlist or MP4) to play. */
  @property() src?: string;
  /** Without a catalogue: where to start, in seconds or `[h:]m:s`. */
  @property() start?: string;
  /** Without a catalogue: where to stop, in seconds or `[h:]m:s`. */
  @property() end?: string;
  /** Without a catalogue: the title to show. */
  @property() label?: string;
  /** Poster image URL; overrides the interview's poster. */
  @property() poster?: string;
  /** Plays the interview's audio source (or the media as audio) instead of video. */
  @property({ type: Boolean, attribute: 'audio-only' }) audioOnly = false;

  /** The catalogue of an enclosing `<theme-page>` or `<interview-page>`, when there is one. */
  @consume({ context: catalogueContext, subscribe: true })
  @state()
  providedCatalogue?: CatalogueState;

  /** The playing session, from the first play until the source changes or the element leaves. */
  @state() private session?: PlayerSession;
  @state() private errorCode?: FragmentErrorCode;

  private readonly loader = new CatalogueController(this, () => (this.providedCatalogue ? undefined : this.catalogue));
  private deepLink?: DeepLinkClaim;
  /** `play()` was called before the catalogue arrived. */
  private playWhenReady = false;

  private get catalogueState(): CatalogueState {
    return this.providedCatalogue ?? this.loader.state;
  }

  /** The UI language (for the playing session too). */
  get uiLang() {
    const state = this.catalogueState;
    return uiLangOf(this, state);
  }

  private clip(): Clip | StringKey {
    // A fragment id means the catalogue; so does having no `src` but a catalogue (own or provided).
    const fromCatalogue = this.fragment !== undefined || (this.src === undefined && (this.catalogue !== undefined || !!this.providedCatalogue));
    if (fromCatalogue) {
      const state = this.catalogueState;
      if (state.status !== 'ready') return 'loading';
      const view = viewFragment(state.catalogue, this.fragment);
      if (!view) return 'error.fragment';
      const { fragment, interview, person } = view;
      return {
        fragmentId: fragment.id,
        interviewId: interview.id,
        title: fragment.title,
        person: person?.name,
        video: interview.video,
        audio: interview.audio,
        start: fragment.start,
        end: fragment.end,
        poster: this.ownPoster() ?? interview.poster,
        captions: interview.captions,
        duration: interview.duration,
        interviewUrl: interview.url,
        catalogue: state.catalogue.url,
      };
    }
    const src = resolveUrl(this.src, this.ownerDocument.baseURI);
    if (!src.ok) return 'error.source';
    const start = parseTime(this.start ?? 0);
    const end = this.end === undefined ? undefined : parseTime(this.end);
    const startSeconds = start.ok ? start.seconds : 0;
    return {
      title: this.label,
      video: src.url,
      start: startSeconds,
      end: end?.ok && end.seconds > startSeconds ? end.seconds : undefined,
      poster: this.ownPoster(),
      captions: [],
    };
  }

  private ownPoster(): string | undefined {
    if (this.poster === undefined) return undefined;
    const url = resolveUrl(this.poster, this.ownerDocument.baseURI);
    return url.ok ? url.url : undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Inside a <theme-page> or <interview-page> the page answers deep links for its players.
    if (!this.providedCatalogue) this.deepLink = joinDeepLink(this, () => this.scrollIntoView({ block: 'nearest' }));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.deepLink?.leave();
    // The session destroys itself on disconnect; back to the facade for a later reconnect.
    this.session = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const source: (keyof FragmentPlayer)[] = ['catalogue', 'fragment', 'src', 'start', 'end', 'audioOnly'];
    if (source.some((key) => changed.has(key))) this.stop();
  }

  protected override updated(): void {
    this.session?.paintTimeline();
    const clip = this.clip();
    // Answer the deep link once the clip is known (only the first answer counts); a failure
    // answers too, or every element after this one would wait.
    if (clip !== 'loading' || this.catalogueState.status === 'error') {
      this.deepLink?.settle((id) => typeof clip !== 'string' && id === (clip.fragmentId ?? this.id));
    }
    if (this.playWhenReady && this.clip() !== 'loading') {
      this.playWhenReady = false;
      void this.activate();
    }
  }

  /** Activates the player (if needed) and plays from the fragment's start. */
  async play(): Promise<void> {
    if (this.clip() === 'loading') {
      this.playWhenReady = true;
      return;
    }
    if (this.session) this.session.resume();
    else await this.activate();
  }

  /** Pauses playback. */
  pause(): void {
    this.session?.pause();
  }

  private async activate(): Promise<void> {
    const clip = this.clip();
    if (typeof clip === 'string') return;
    this.stop();
    // Fetch the engine alongside the session, not after it: one round trip less before the first frame.
    const src = clip.video ?? clip.audio;
    if (src && !isProgressive(src) && 'MediaSource' in globalThis) void import('../media/hls-engine.js');
    const { PlayerSession } = await import('./player-session.js');
    // The source changed or the element left while the chunk loaded.
    if (!this.isConnected || JSON.stringify(this.clip()) !== JSON.stringify(clip)) return;
    this.session = new PlayerSession(this, clip, this.audioOnly, FragmentPlayer.elementStyles);
    await this.session.start();
  }

  /** Back to the facade: the session (engine, media element, timers) destroyed. */
  private stop(): void {
    this.session?.destroy();
    this.session = undefined;
    this.errorCode = undefined;
  }

  /** The session failed for good: show the facade with the error and a retry. */
  sessionFailed(code: FragmentErrorCode): void {
    this.session = undefined;
    this.errorCode = code;
  }

  override render() {
    const lang = this.uiLang;
    const state = this.catalogueState;
    if (state.status === 'error') {
      return catalogueAlert(lang, state.error, () => this.loader.retry());
    }
    const clip = this.clip();
    if (clip === 'loading') {
      return html`<div part="base" class="player" aria-busy="true"><div part="screen" class="screen"><div class="placeholder"></div></div><p class="status">${t(lang, 'loading')}</p></div>`;
    }
    if (typeof clip === 'string') return alertBox(lang, t(lang, clip, { id: this.fragment ?? '' }));
    const session = this.session;
    return html`<div part="base" class="player" @keydown=${session ? session.onKeydown : nothing}>
      <div part="screen" class="screen ${session?.isListening ? 'audio' : ''}">${session ? session.renderScreen() : this.renderFacade(clip)}</div>
      ${session ? session.renderBelow() : nothing}
      <p part="title" class="title">${clip.title}</p>
      ${this.renderMeta(clip)}
      ${this.errorCode ? alertBox(lang, t(lang, `media.${this.errorCode}`), () => this.activate()) : nothing}
    </div>`;
  }

  private renderFacade(clip: Clip) {
    const lang = this.uiLang;
    return html`${clip.poster ? html`<img part="poster" class="poster" src=${clip.poster} alt="" />` : html`<div class="placeholder"></div>`}
      <button part="play-button" class="play" type="button" @click=${() => this.activate()}>
        <span class="icon">${playIcon}</span>
        <span class="play-text">${t(lang, 'playFragment')} (<time datetime=${isoDuration(clip.start)}>${formatTime(clip.start)}</time>)</span>
      </button>`;
  }

  private renderMeta(clip: Clip) {
    const lang = this.uiLang;
    const length = clip.end === undefined ? undefined : clip.end - clip.start;
    return html`<p part="meta" class="meta">
      ${clip.person ? html`<span>${clip.person}</span>` : nothing}
      <span>${t(lang, 'from', { time: '' })}<time datetime=${isoDuration(clip.start)}>${formatTime(clip.start)}</time></span>
      ${length === undefined ? nothing : html`<span>${t(lang, 'length', { length: '' })}<time datetime=${isoDuration(length)}>${formatTime(length)}</time></span>`}
    </p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fragment-player': FragmentPlayer;
  }
}
