import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { catalogueContext, type CatalogueState } from '../catalogue/catalogue-context.js';
import { viewFragment } from '../catalogue/lookup.js';
import { formatTime, isoDuration, parseTime } from '../catalogue/time.js';
import type { CaptionTrack } from '../catalogue/types.js';
import { resolveUrl } from '../catalogue/url.js';
import { FragmentErrorEvent, FragmentPlaybackEvent, type FragmentErrorCode, type PlaybackEventType } from '../events/fragment-events.js';
import { langOf, t, type StringKey } from '../i18n/i18n.js';
import { CatalogueController } from '../internal/catalogue-controller.js';
import { tokens } from '../internal/shared-styles.js';
import { hasReachedEnd, msUntilEnd } from '../media/clip.js';
import { attachEngine, type Engine } from '../media/engine.js';
import { styles } from './fragment-player.styles.js';

/** What the player plays, from the catalogue or from its own attributes. */
interface Clip {
  fragmentId?: string;
  interviewId?: string;
  title?: string;
  person?: string;
  src: string;
  start: number;
  end?: number;
  poster?: string;
  captions: CaptionTrack[];
}

type Phase = 'facade' | 'active' | 'ended' | 'error';

/** Playback that wants to run but makes no progress this long (and is not reconnecting) has failed. */
const STALL_MS = 10_000;

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
 * @csspart error - The error message with its retry button.
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

  @state() private phase: Phase = 'facade';
  @state() private reconnecting = false;
  @state() private errorCode?: FragmentErrorCode;
  /** Set once the user chose to continue past the fragment's end. */
  @state() private endReleased = false;

  @query('video, audio') private media?: HTMLMediaElement;

  private readonly loader = new CatalogueController(this, () => (this.providedCatalogue ? undefined : this.catalogue));
  private engine?: Engine;
  private endTimer?: ReturnType<typeof setTimeout>;
  private stallTimer?: ReturnType<typeof setTimeout>;
  /** The furthest playback position reached since activation, for the stall watch. */
  private furthest = 0;
  /** Suppresses the `fragment-pause` of our own pause at the end. */
  private pausingAtEnd = false;

  /** `play()` was called before the catalogue arrived. */
  private playWhenReady = false;

  private get catalogueState(): CatalogueState {
    return this.providedCatalogue ?? this.loader.state;
  }

  private get uiLang() {
    const state = this.catalogueState;
    return langOf(this, state.status === 'ready' ? state.catalogue.lang : undefined);
  }

  private clip(): Clip | StringKey {
    if (this.fragment !== undefined || this.catalogue !== undefined || this.providedCatalogue) {
      const state = this.catalogueState;
      if (state.status !== 'ready') return 'loading';
      const view = viewFragment(state.catalogue, this.fragment);
      if (!view) return 'error.fragment';
      const { fragment, interview, person } = view;
      const src = this.audioOnly ? interview.audio ?? interview.video : interview.video ?? interview.audio;
      return {
        fragmentId: fragment.id,
        interviewId: interview.id,
        title: fragment.title,
        person: person?.name,
        src: src as string,
        start: fragment.start,
        end: fragment.end,
        poster: this.ownPoster() ?? interview.poster,
        captions: interview.captions,
      };
    }
    const src = resolveUrl(this.src, this.ownerDocument.baseURI);
    if (!src.ok) return 'error.source';
    const start = parseTime(this.start ?? 0);
    const end = this.end === undefined ? undefined : parseTime(this.end);
    const startSeconds = start.ok ? start.seconds : 0;
    return {
      title: this.label,
      src: src.url,
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
    this.ownerDocument.addEventListener('fragment-play', this.onOtherPlay);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.ownerDocument.removeEventListener('fragment-play', this.onOtherPlay);
    this.teardown();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const source: (keyof FragmentPlayer)[] = ['catalogue', 'fragment', 'src', 'start', 'end', 'audioOnly'];
    if (this.phase !== 'facade' && source.some((key) => changed.has(key))) this.teardown();
  }

  /** Activates the player (if needed) and plays from the fragment's start. */
  async play(): Promise<void> {
    if (this.clip() === 'loading') {
      this.playWhenReady = true;
      return;
    }
    if (this.phase === 'facade' || this.phase === 'error') return this.activate();
    await this.media?.play().catch(() => undefined);
  }

  protected override updated(): void {
    if (this.playWhenReady && this.clip() !== 'loading') {
      this.playWhenReady = false;
      void this.activate();
    }
  }

  /** Pauses playback. */
  pause(): void {
    this.media?.pause();
  }

  private async activate(): Promise<void> {
    const clip = this.clip();
    if (typeof clip === 'string') return;
    this.teardown();
    this.phase = 'active';
    await this.updateComplete;
    const media = this.media;
    if (!media) return;
    this.listen(media);
    const engine = await attachEngine(
      media,
      { src: clip.src, start: clip.start, end: clip.end },
      {
        onFatal: (code, message) => this.fail(code, message),
        onReconnecting: (active) => (this.reconnecting = active),
      },
    );
    // Torn down (new source, disconnected) while the engine chunk loaded.
    if (this.media !== media || this.phase !== 'active') return engine.destroy();
    this.engine = engine;
    this.furthest = clip.start;
    this.watchStall();
    try {
      await media.play();
    } catch (error) {
      // Autoplay refused: the controls stay for the user to press play; that is no stall.
      if ((error as Error).name === 'NotAllowedError') this.clearStall();
    }
  }

  /**
   * Damaged media can stall without any error. Once armed, the watch is not postponed by more
   * `waiting` or `playing` events; only progress, a live reconnect or the user's pause keeps it from failing.
   */
  private readonly watchStall = () => {
    if (this.stallTimer !== undefined) return;
    this.stallTimer = setTimeout(() => {
      this.stallTimer = undefined;
      // Progress means passing the furthest point reached; a media reset to 0 and back is none.
      const time = this.media?.currentTime ?? 0;
      const moved = time > this.furthest + 0.5;
      if (moved) this.furthest = time;
      if (this.reconnecting || moved) this.watchStall();
      else this.fail('decode', 'playback stalled');
    }, STALL_MS);
  };

  private clearStall(): void {
    clearTimeout(this.stallTimer);
    this.stallTimer = undefined;
  }

  private listen(media: HTMLMediaElement): void {
    media.addEventListener('play', () => this.emit('fragment-play'));
    media.addEventListener('pause', () => {
      if (this.pausingAtEnd) this.pausingAtEnd = false;
      else if (!media.ended) this.emit('fragment-pause');
      this.clearEndTimer();
      // A pause caused by a media error or with no frame to show is not the user's: watch it.
      if (!media.error && media.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA) this.clearStall();
      else this.watchStall();
    });
    media.addEventListener('ended', () => this.reachEnd());
    media.addEventListener('waiting', this.watchStall);
    for (const type of ['playing', 'timeupdate', 'seeked', 'ratechange']) media.addEventListener(type, this.scheduleEnd);
  }

  /** Times the pause at the clip's end precisely; `timeupdate` alone comes only every ~250 ms. */
  private readonly scheduleEnd = () => {
    const media = this.media;
    const clip = this.clip();
    if (!media || typeof clip === 'string' || this.endReleased || media.paused) return;
    this.clearEndTimer();
    if (hasReachedEnd(media.currentTime, clip.end)) return this.reachEnd();
    const wait = msUntilEnd(media.currentTime, clip.end, media.playbackRate);
    if (wait !== undefined && wait < 1000) this.endTimer = setTimeout(this.scheduleEnd, wait);
  };

  private reachEnd(): void {
    const media = this.media;
    if (!media || this.phase !== 'active') return;
    this.clearEndTimer();
    if (!media.paused) {
      this.pausingAtEnd = true;
      media.pause();
    }
    this.phase = 'ended';
    this.emit('fragment-ended');
  }

  private replay(): void {
    const clip = this.clip();
    const media = this.media;
    if (!media || typeof clip === 'string') return;
    this.phase = 'active';
    media.currentTime = clip.start;
    media.play().catch(() => undefined);
  }

  private continueInterview(): void {
    this.endReleased = true;
    this.engine?.releaseEnd();
    this.phase = 'active';
    this.media?.play().catch(() => undefined);
  }

  private readonly onOtherPlay = (event: Event) => {
    if (event.composedPath()[0] !== this && this.media && !this.media.paused) this.media.pause();
  };

  private fail(code: FragmentErrorCode, message: string): void {
    this.errorCode = code;
    this.reconnecting = false;
    this.phase = 'error';
    this.releaseMedia();
    this.dispatchEvent(new FragmentErrorEvent({ code, message }));
  }

  private emit(type: PlaybackEventType): void {
    const clip = this.clip();
    if (typeof clip === 'string') return;
    this.dispatchEvent(
      new FragmentPlaybackEvent(type, {
        fragmentId: clip.fragmentId,
        interviewId: clip.interviewId,
        src: clip.src,
        currentTime: this.media?.currentTime ?? clip.start,
      }),
    );
  }

  private clearEndTimer(): void {
    clearTimeout(this.endTimer);
    this.endTimer = undefined;
  }

  private releaseMedia(): void {
    this.clearEndTimer();
    this.clearStall();
    this.engine?.destroy();
    this.engine = undefined;
  }

  /** Back to the facade: the engine destroyed, the media element gone. */
  private teardown(): void {
    this.releaseMedia();
    this.phase = 'facade';
    this.reconnecting = false;
    this.endReleased = false;
    this.errorCode = undefined;
  }

  override render() {
    const lang = this.uiLang;
    const state = this.catalogueState;
    if (state.status === 'error') {
      return this.alert(t(lang, `error.${state.error.kind}`, { status: state.error.status ?? '' }), () => this.loader.retry());
    }
    const clip = this.clip();
    if (clip === 'loading') {
      return html`<div part="base" class="player" aria-busy="true"><div part="screen" class="screen"><div class="placeholder"></div></div><p class="status">${t(lang, 'loading')}</p></div>`;
    }
    if (typeof clip === 'string') return this.alert(t(lang, clip, { id: this.fragment ?? '' }));
    return html`<div part="base" class="player">
      <div part="screen" class="screen ${this.audioOnly && this.phase !== 'facade' ? 'audio' : ''}">
        ${this.phase === 'facade' || this.phase === 'error' ? this.renderFacade(clip) : this.renderMedia(clip)}
      </div>
      <p part="title" class="title">${clip.title}</p>
      ${this.renderMeta(clip)}
      ${this.reconnecting ? html`<p class="status" role="status">${t(lang, 'reconnecting')}</p>` : nothing}
      ${this.phase === 'ended' ? this.renderEndActions() : nothing}
      ${this.phase === 'error' ? this.alert(t(lang, `media.${this.errorCode ?? 'network'}`), () => this.activate()) : nothing}
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

  private renderMedia(clip: Clip) {
    const tracks = clip.captions.map(
      (track) => html`<track kind="captions" src=${track.src} srclang=${track.lang ?? nothing} label=${track.label ?? track.lang ?? ''} />`,
    );
    return this.audioOnly
      ? html`<audio part="video" controls preload="none"></audio>`
      : html`<video part="video" controls playsinline preload="none" crossorigin="anonymous" poster=${clip.poster ?? nothing}>${tracks}</video>`;
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

  private renderEndActions() {
    const lang = this.uiLang;
    return html`<div part="actions" class="actions">
      <span class="status" role="status">${t(lang, 'fragmentEnded')}</span>
      <button type="button" class="primary" @click=${() => this.replay()}>${t(lang, 'replay')}</button>
      <button type="button" @click=${() => this.continueInterview()}>${t(lang, 'continue')}</button>
    </div>`;
  }

  private alert(message: string, retry?: () => void) {
    return html`<div part="error" class="alert" role="alert">
      <p>${message}</p>
      ${retry ? html`<button type="button" @click=${retry}>${t(this.uiLang, 'retry')}</button>` : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fragment-player': FragmentPlayer;
  }
}
