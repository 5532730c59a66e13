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
import type { ControlsView } from './player-controls.js';
import { embedSnippet, shareLink } from './share.js';
import { styles } from './fragment-player.styles.js';

/** What the player plays, from the catalogue or from its own attributes. */
interface Clip {
  fragmentId?: string;
  interviewId?: string;
  title?: string;
  person?: string;
  /** Video (or, in `src` mode, whatever `src` names) and the interview's audio-only source. */
  video?: string;
  audio?: string;
  start: number;
  end?: number;
  poster?: string;
  captions: CaptionTrack[];
  /** The interview's length from the catalogue, until the media says otherwise. */
  duration?: number;
  interviewUrl?: string;
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
  /** Playing the audio-only source (set from `audio-only`, switched by the user). */
  @state() private listening = false;
  @state() private fullscreen = false;
  @state() private shareOpen = false;
  @state() private shareMessage?: string;
  /** The playing UI, a chunk of its own loaded on the first play. */
  @state() private controls?: typeof import('./player-controls.js');

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

  /** The source to play: the audio-only one when listening and there is one. */
  private source(clip: Clip): string {
    return ((this.listening ? clip.audio ?? clip.video : clip.video ?? clip.audio) ?? '') as string;
  }

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
    this.ownerDocument.addEventListener('fragment-play', this.onOtherPlay);
    this.ownerDocument.addEventListener('fullscreenchange', this.onFullscreenChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.ownerDocument.removeEventListener('fragment-play', this.onOtherPlay);
    this.ownerDocument.removeEventListener('fullscreenchange', this.onFullscreenChange);
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
    this.paintTimeline();
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
    this.listening = this.audioOnly || !clip.video;
    this.phase = 'active';
    const controls = import('./player-controls.js');
    await this.attach(clip, clip.start);
    this.controls ??= await controls;
  }

  /** Puts the clip's current source on a fresh media element from `start`, and plays. */
  private async attach(clip: Clip, start: number): Promise<void> {
    await this.updateComplete;
    const media = this.media;
    if (!media) return;
    this.listen(media);
    const engine = await attachEngine(
      media,
      { src: this.source(clip), start, end: this.endReleased ? undefined : clip.end },
      {
        onFatal: (code, message) => this.fail(code, message),
        onReconnecting: (active) => (this.reconnecting = active),
      },
    );
    // Torn down (new source, disconnected) while the engine chunk loaded.
    if (this.media !== media || this.phase !== 'active') return engine.destroy();
    this.engine = engine;
    this.furthest = start;
    this.watchStall();
    try {
      await media.play();
    } catch (error) {
      // Autoplay refused: the play button stays for the user to press; that is no stall.
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
    // The controls show the media's state.
    for (const type of ['play', 'pause', 'timeupdate', 'durationchange', 'volumechange', 'seeking']) {
      media.addEventListener(type, () => this.requestUpdate());
    }
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

  private togglePlay(): void {
    const media = this.media;
    if (!media) return;
    if (this.phase === 'ended') return this.replay();
    if (media.paused) media.play().catch(() => undefined);
    else media.pause();
  }

  private seekBy(seconds: number): void {
    const media = this.media;
    if (media) media.currentTime = Math.max(0, Math.min(media.duration || Infinity, media.currentTime + seconds));
  }

  private toggleCaptions(): void {
    const tracks = [...(this.media?.textTracks ?? [])];
    const on = !tracks.some((track) => track.mode === 'showing');
    // Prefer the track in the UI language, else the first.
    const lang = this.uiLang;
    const chosen = tracks.find((track) => track.language.startsWith(lang)) ?? tracks[0];
    for (const track of tracks) track.mode = on && track === chosen ? 'showing' : 'disabled';
    this.requestUpdate();
  }

  /** Switches between video and the audio-only source, keeping the time and play state. */
  private async toggleListening(): Promise<void> {
    const clip = this.clip();
    const media = this.media;
    if (typeof clip === 'string' || !media) return;
    const at = media.currentTime;
    this.releaseMedia();
    this.listening = !this.listening;
    await this.attach(clip, at);
  }

  private toggleFullscreen(): void {
    if (this.ownerDocument.fullscreenElement) void this.ownerDocument.exitFullscreen();
    else void this.renderRoot.querySelector<HTMLElement>('.player')?.requestFullscreen?.();
  }

  private readonly onFullscreenChange = () => {
    this.fullscreen = this.ownerDocument.fullscreenElement === this;
  };

  /** Copies a share field; where the clipboard is refused, selects the text for the user to copy. */
  private async copy(field: HTMLTextAreaElement): Promise<void> {
    const lang = this.uiLang;
    try {
      await navigator.clipboard.writeText(field.value);
      this.shareMessage = t(lang, 'copied');
    } catch {
      field.focus();
      field.select();
      this.shareMessage = t(lang, 'copyFailed');
    }
  }

  private shareSource(clip: Clip) {
    const state = this.catalogueState;
    return {
      catalogue: clip.fragmentId && state.status === 'ready' ? state.catalogue.url : undefined,
      fragmentId: clip.fragmentId,
      src: this.source(clip),
      start: clip.start,
      end: clip.end,
      label: clip.title,
      interviewUrl: clip.interviewUrl,
      elementId: this.id || undefined,
    };
  }

  /** Player keys, when focus is inside the player and not on a control that uses the key itself. */
  private onKeydown(event: KeyboardEvent): void {
    if (this.phase !== 'active' && this.phase !== 'ended') return;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.composedPath()[0] as HTMLElement;
    const onRange = target instanceof HTMLInputElement && target.type === 'range';
    const inText = target instanceof HTMLTextAreaElement;
    const onButton = target instanceof HTMLButtonElement;
    const key = event.key.toLowerCase();
    const actions: Record<string, (() => void) | undefined> = {
      ' ': onButton || inText ? undefined : () => this.togglePlay(),
      k: inText ? undefined : () => this.togglePlay(),
      arrowleft: onRange || inText ? undefined : () => this.seekBy(-5),
      arrowright: onRange || inText ? undefined : () => this.seekBy(5),
      m: inText ? undefined : () => this.media && (this.media.muted = !this.media.muted),
      c: inText ? undefined : () => this.toggleCaptions(),
      f: inText ? undefined : () => this.toggleFullscreen(),
    };
    const action = actions[key];
    if (!action) return;
    event.preventDefault();
    action();
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
        src: this.source(clip),
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
    this.shareOpen = false;
    this.shareMessage = undefined;
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
    const playing = this.phase === 'active' || this.phase === 'ended';
    return html`<div part="base" class="player" @keydown=${this.onKeydown}>
      <div part="screen" class="screen ${playing && this.listening ? 'audio' : ''}">
        ${playing ? this.renderMedia(clip) : this.renderFacade(clip)}
      </div>
      ${playing && this.controls ? this.controls.renderControls(this.controlsView(clip)) : nothing}
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
    const media = this.media;
    // A big play button over the picture whenever playback waits for the user (autoplay refused).
    const overlay =
      media && media.paused && this.phase === 'active' && !this.listening
        ? html`<button part="play-button" class="play resume" type="button" aria-label=${t(this.uiLang, 'play')} @click=${() => this.togglePlay()}>
            <span class="icon">${playIcon}</span>
          </button>`
        : nothing;
    if (this.listening) return html`<audio part="video" preload="none"></audio>`;
    const tracks = clip.captions.map(
      (track) => html`<track kind="captions" src=${track.src} srclang=${track.lang ?? nothing} label=${track.label ?? track.lang ?? ''} />`,
    );
    return html`<video part="video" playsinline preload="none" crossorigin="anonymous" poster=${clip.poster ?? nothing} @click=${() => this.togglePlay()}>
        ${tracks}
      </video>
      ${overlay}`;
  }

  private controlsView(clip: Clip): ControlsView {
    const media = this.media;
    const source = this.shareSource(clip);
    return {
      lang: this.uiLang,
      paused: media?.paused ?? true,
      currentTime: media?.currentTime ?? clip.start,
      duration: media && Number.isFinite(media.duration) ? media.duration : clip.duration ?? clip.end ?? clip.start,
      clipStart: clip.start,
      clipEnd: clip.end,
      muted: media?.muted ?? false,
      volume: media?.volume ?? 1,
      hasCaptions: !this.listening && clip.captions.length > 0,
      captionsOn: [...(media?.textTracks ?? [])].some((track) => track.mode === 'showing'),
      listening: clip.audio && clip.video ? this.listening : undefined,
      fullscreen: this.fullscreen,
      shareOpen: this.shareOpen,
      shareLink: shareLink(source, this.ownerDocument.location.href),
      // Next to our own module: right for the CDN build, where every chunk sits beside kijkom.js.
      shareSnippet: embedSnippet(source, new URL(/* @vite-ignore */ 'kijkom.js', import.meta.url).href),
      shareMessage: this.shareMessage,
      togglePlay: () => this.togglePlay(),
      seek: (time) => media && (media.currentTime = time),
      toggleMute: () => media && (media.muted = !media.muted),
      setVolume: (volume) => media && ((media.volume = volume), (media.muted = volume === 0)),
      toggleCaptions: () => this.toggleCaptions(),
      toggleListening: () => void this.toggleListening(),
      toggleFullscreen: () => this.toggleFullscreen(),
      toggleShare: () => ((this.shareOpen = !this.shareOpen), (this.shareMessage = undefined)),
      copy: (field) => void this.copy(field),
    };
  }

  /** The timeline's fragment span and progress are CSS properties, set here (no style= bindings). */
  private paintTimeline(): void {
    const base = this.renderRoot.querySelector<HTMLElement>('.timeline');
    const clip = this.clip();
    const media = this.media;
    if (!base || !media || typeof clip === 'string') return;
    const duration = Number.isFinite(media.duration) && media.duration > 0 ? media.duration : clip.duration;
    if (!duration) return;
    const pct = (time: number) => `${Math.min(100, Math.max(0, (time / duration) * 100))}%`;
    base.style.setProperty('--_clip-start', pct(clip.start));
    base.style.setProperty('--_clip-end', pct(clip.end ?? duration));
    base.style.setProperty('--_played', pct(media.currentTime));
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
