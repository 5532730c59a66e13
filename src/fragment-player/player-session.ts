// The playing half of <fragment-player>: a chunk loaded on the first play, so the facade stays light.
import {
  adoptStyles,
  html,
  nothing,
  render,
  type CSSResultGroup,
  type ReactiveController,
  type ReactiveControllerHost,
} from 'lit';
import {
  FragmentErrorEvent,
  FragmentPlaybackEvent,
  type FragmentErrorCode,
  type PlaybackEventType,
} from '../events/fragment-events.js';
import { catalogueContext } from '../catalogue/catalogue-context.js';
import type { ClipRequest, PlaybackRequest } from '../events/playback-request.js';
import { ownPlayback } from '../internal/playback-owner.js';
import { contextValue } from '../internal/context-value.js';
import type { Lang } from '../i18n/i18n.js';
import { ClipWatch } from '../media/clip-watch.js';
import { attachEngine } from '../media/engine.js';
import type { AudioRendition, Engine, FailureCause } from '../media/engine-types.js';
import { playIcon } from '../internal/dom.js';
import type { Clip } from './clip-source.js';
import { RATES, rateText, renderControls, type ControlsView, type Panel } from './player-controls.js';
import { sessionStyles } from './player-session.styles.js';
import { t } from './session-strings.js';
import { citationOf, citations } from '../internal/citation.js';
import { copyField } from '../internal/copy-field.js';
import { embedSnippet, iframeSnippet, shareLink } from '../catalogue/clip-links.js';
import { kijkomScriptUrl } from '../internal/script-url.js';
import { refocusStep, themeSteps, type Steps, type StepTaken } from './theme-steps.js';
import { alertBox } from '../internal/alert.js';
import { chunkLoader } from '../platform/chunk.js';

import type { TranscriptSource } from '../transcript/interview-transcript.js';

const loadTranscript = chunkLoader(() => import('../transcript/interview-transcript.js'));

/** What the session needs of its player element. */
export interface SessionHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly uiLang: Lang;
  play(request?: ClipRequest): Promise<void>;
  /** What the user chose, kept by the player across its sessions. */
  readonly memory: PlayerMemory;
  /** Called once when the media failed for good; the player shows its facade and `message`. */
  sessionFailed(message: string): void;
}

/** The containers a player hands its session: the session renders into them and nowhere else. */
export interface SessionFrame {
  /** The player's box: what goes full screen. */
  readonly base: HTMLElement;
  /** Where the media element goes. */
  readonly screen: HTMLElement;
  /** Where the controls, status lines and panels go. */
  readonly below: HTMLElement;
}

/** What the user chose in a player, kept by the player for its later sessions (another fragment, video or audio). */
export interface PlayerMemory {
  rate: number;
  /** The language (else label) of the caption track last shown: what C shows again. */
  captions?: string;
  /** The audio rendition last chosen: where a stream has several, it plays the one like it. */
  audio?: AudioRendition;
  /** Where a session that failed had got to: its retry (the next session of the same clip) starts there. */
  resume?: { video?: string; audio?: string; start: number; end?: number; at: number };
  /** The theme step (previous or next) last pressed: the session it leads to focuses that button again. */
  step?: StepTaken;
}

/** How long something said (a speed set by key, the fragment a step started) stays in the status line. */
const ANNOUNCE_MS = 3000;
/** How often a status line waiting for data shows the download's progress again. */
const WAITING_REFRESH_MS = 500;
/** Input types that take typed text: the player's keys leave them alone. */
const TEXT_INPUTS = ['text', 'search', 'email', 'url', 'tel', 'password', 'number'];
/** How far playback moves before a focused timeline's words (`aria-valuetext`) follow it. */
const TIMELINE_WORDS_STEP_S = 10;

/**
 * One activation of a player: owns the media engine (hls.js or native), the media element and
 * its clip watch (end and stall), the controls and sharing; destroyed on disconnect, a new
 * source or an error.
 */
export class PlayerSession implements ReactiveController {
  private ended = false;
  private listening: boolean;
  private endReleased = false;
  private fullscreen = false;
  private panel?: Panel;
  /** Where Escape takes focus when it closes the panel: where `?` was pressed, else the panel's button. */
  private panelOpener?: HTMLElement;
  /** A speed set by key, said in the status line for a moment. */
  private announcement?: string;
  /** The catalogue's caption tracks whose file failed or had no cues: no longer offered. */
  private readonly unusableTracks = new Set<TextTrack>();
  private announceTimer?: ReturnType<typeof setTimeout>;
  /**
   * Playback waits for data: from a play until it plays, and from a `waiting` until it plays on.
   * (Not the media's readyState: WebKit reports too little data now and then while it plays.)
   */
  private buffering = true;
  /** Looks at the status line again while playback waits for data. */
  private waitingTimer?: ReturnType<typeof setTimeout>;
  /** The fragment's words, shown in sync below the controls: closed, open, or its code failed to load. */
  private transcript: 'closed' | 'open' | 'failed' = 'closed';
  private transcriptSource?: TranscriptSource;
  private shareMessage?: string;
  private engine?: Engine;
  /**
   * Where the timeline's spoken value stands: set by a seek, a pause or a start, so a focused
   * timeline is not announced again every second while playing.
   */
  private spokenAt: number;
  /** The end and stall watch of the current media element. */
  private watch?: ClipWatch;
  private frame?: SessionFrame;
  /** Where the last `start()` began playback. */
  private startedFrom = 0;
  /** Suppresses the `fragment-pause` of our own pause at the end. */
  private pausingAtEnd = false;
  private destroyed = false;
  /** The player's memory of what the user chose (speed, captions), shared by its sessions. */
  private readonly memory: PlayerMemory;
  /** Ends this session's ownership of playback. */
  private readonly owning = new AbortController();
  /** Inside a theme page, its previous and next fragment: the page's order, asked for once. */
  private readonly steps: Steps;

  constructor(
    private readonly host: SessionHost,
    private readonly clip: Clip,
    audioOnly: boolean,
    elementStyles: CSSResultGroup[],
  ) {
    this.listening = audioOnly || !clip.video;
    this.spokenAt = clip.start;
    this.memory = host.memory;
    this.steps = themeSteps(host, clip.fragmentId, this.memory);
    // A player standing alone owns its playback while it plays: requests come only from inside
    // it then (its transcript). In a page, the page owns it.
    if (!contextValue(host, catalogueContext))
      ownPlayback(host, (request) => this.carryOut(request), this.owning.signal);
    host.addController(this);
    adoptStyles(host.renderRoot as ShadowRoot, [...(elementStyles as never[]), sessionStyles]);
    host.ownerDocument.addEventListener('fragment-play', this.onOtherPlay);
    host.ownerDocument.addEventListener('fullscreenchange', this.onFullscreenChange);
  }

  /** The media element, once rendered. */
  get media(): HTMLMediaElement | null {
    return this.frame?.screen.querySelector('video, audio') ?? null;
  }

  /** A whole interview from the catalogue, played on (not a fragment, nor a passage with an end). */
  private get whole(): boolean {
    return !!this.clip.catalogue && !this.clip.fragmentId && this.clip.end === undefined;
  }

  private get src(): string {
    return (this.listening ? (this.clip.audio ?? this.clip.video) : (this.clip.video ?? this.clip.audio)) as string;
  }

  hostDisconnected(): void {
    this.destroy();
  }

  /** Releases the engine and every timer and listener; the session is done. */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    clearTimeout(this.announceTimer);
    clearTimeout(this.waitingTimer);
    this.release();
    this.owning.abort();
    this.host.removeController(this);
    this.host.ownerDocument.removeEventListener('fragment-play', this.onOtherPlay);
    this.host.ownerDocument.removeEventListener('fullscreenchange', this.onFullscreenChange);
  }

  private release(): void {
    this.watch?.destroy();
    this.watch = undefined;
    this.engine?.destroy();
    this.engine = undefined;
  }

  /**
   * Attaches the current source on the (freshly rendered) media element from `start`, and plays:
   * by default from the clip's start, or, retrying a session of this clip that failed, from
   * where that one had got to.
   */
  async start(start = this.takeResumePoint() ?? this.clip.start): Promise<void> {
    this.startedFrom = start;
    this.buffering = true;
    this.host.requestUpdate();
    await this.host.updateComplete;
    const media = this.media;
    if (!media || this.destroyed) return;
    // The default rate too: loading a source resets the rate to it.
    media.defaultPlaybackRate = media.playbackRate = this.memory.rate;
    this.listen(media);
    const watch = (this.watch = new ClipWatch(media, this.endReleased ? undefined : this.clip.end, {
      onEnd: () => this.reachEnd(),
      received: () => this.engine?.received() ?? 0,
      onSilent: () => {
        if (!this.engine?.recover()) this.fail('network', 'no media data arrived');
      },
      onStall: (code, message) => this.fail(code, message),
    }));
    const engine = await attachEngine(
      media,
      { src: this.src, start, end: this.endReleased ? undefined : this.clip.end, audio: this.memory.audio },
      {
        onFatal: (code, message, cause) => this.fail(code, message, cause),
        onReconnecting: (active) => {
          watch.reconnecting = active;
          this.host.requestUpdate();
        },
        onAudioChange: () => this.host.requestUpdate(),
      },
      this.owning.signal,
    );
    // Destroyed, or the media element replaced, while the engine chunk loaded.
    if (this.destroyed || this.media !== media) return engine.destroy();
    this.engine = engine;
    watch.furthest = start;
    watch.watchStall();
    try {
      await media.play();
    } catch (error) {
      // Autoplay refused: show the play button for the user to press; that is no stall.
      if ((error as Error).name === 'NotAllowedError') watch.clearStall();
      this.host.requestUpdate();
    }
  }

  /** Plays (or resumes) from where the media stands. */
  resume(): void {
    if (this.ended) return this.replay();
    this.media?.play().catch(() => undefined);
  }

  pause(): void {
    this.media?.pause();
  }

  seek(seconds: number): void {
    const media = this.media;
    if (media) media.currentTime = seconds;
  }

  private async carryOut(request: PlaybackRequest): Promise<void> {
    if (request.action === 'pause') return this.pause();
    if (request.action === 'play') return this.host.play(request.clip);
    this.seek(request.time);
    if (request.play) this.resume();
  }

  /** The resume point a failed session of this clip left, taken (it serves one retry). */
  private takeResumePoint(): number | undefined {
    const { resume } = this.memory;
    this.memory.resume = undefined;
    const { clip } = this;
    const same =
      resume?.video === clip.video &&
      resume?.audio === clip.audio &&
      resume?.start === clip.start &&
      resume?.end === clip.end;
    return same ? resume.at : undefined;
  }

  /** Where playback stands, else where it had got to, else where it started. */
  private reached(): number {
    // A media element being reattached after a decode error reads 0: the watch still knows.
    return this.media?.currentTime || this.watch?.furthest || this.startedFrom;
  }

  private fail(code: FragmentErrorCode, message: string, cause?: FailureCause): void {
    if (this.destroyed) return;
    const { clip } = this;
    this.memory.resume = {
      video: clip.video,
      audio: clip.audio,
      start: clip.start,
      end: clip.end,
      at: this.reached(),
    };
    this.destroy();
    const shown = cause ? (`media.${cause.kind}` as const) : (`media.${code}` as const);
    this.host.sessionFailed(t(this.host.uiLang, shown, { status: cause?.kind === 'http' ? cause.status : '' }));
    this.host.dispatchEvent(new FragmentErrorEvent({ code, message }));
  }

  private listen(media: HTMLMediaElement): void {
    // Not when another player's play, asked in the same task, has paused this one already: that
    // one plays, and announcing this one would pause it in turn (both would end paused).
    media.addEventListener('play', () => {
      if (!media.paused) this.emit('fragment-play');
    });
    media.addEventListener('waiting', () => (this.buffering = true));
    for (const type of ['playing', 'pause']) media.addEventListener(type, () => (this.buffering = false));
    for (const type of ['play', 'pause', 'seeked', 'ended'])
      media.addEventListener(type, () => (this.spokenAt = media.currentTime));
    // While the timeline has focus its words follow playback, in steps: fresh when read, not a new
    // announcement every second.
    media.addEventListener('timeupdate', () => {
      const focused = (this.host.renderRoot as ShadowRoot).activeElement?.matches('[part~="seek"]');
      if (focused && Math.abs(media.currentTime - this.spokenAt) >= TIMELINE_WORDS_STEP_S)
        this.spokenAt = media.currentTime;
    });
    media.addEventListener('pause', () => {
      if (this.pausingAtEnd) this.pausingAtEnd = false;
      // A pause at the end that is not ours is the end too: the browser stops a media fragment
      // (`#t=start,end`, MP4) itself, sometimes before our timer does.
      else if (this.watch?.nearEnd()) this.reachEnd();
      else if (!media.ended) this.emit('fragment-pause');
    });
    media.addEventListener('ended', () => this.reachEnd());
    media.addEventListener('seeking', () => {
      // A seek back before the end leaves the end: playing goes on from there, to the end again.
      if (this.ended && !this.endReleased && !this.watch?.pastEnd()) {
        this.ended = false;
        this.host.requestUpdate();
      }
    });
    for (const type of ['addtrack', 'change']) media.textTracks.addEventListener(type, () => this.host.requestUpdate());
    media.addEventListener('ratechange', () => (this.memory.rate = media.playbackRate));
    // The controls show the media's state.
    for (const type of [
      'play',
      'pause',
      'timeupdate',
      'durationchange',
      'volumechange',
      'seeking',
      'ratechange',
      'waiting',
      'playing',
    ]) {
      media.addEventListener(type, () => this.host.requestUpdate());
    }
  }

  private reachEnd(): void {
    const media = this.media;
    if (!media || this.ended) return;
    if (!media.paused) {
      this.pausingAtEnd = true;
      media.pause();
    }
    this.ended = true;
    this.host.requestUpdate();
    this.emit('fragment-ended');
  }

  private replay(): void {
    const media = this.media;
    if (!media) return;
    this.ended = false;
    media.currentTime = this.clip.start;
    media.play().catch(() => undefined);
  }

  private continueInterview(): void {
    this.endReleased = true;
    this.ended = false;
    this.watch?.releaseEnd();
    this.engine?.releaseEnd();
    this.media?.play().catch(() => undefined);
  }

  private emit(type: PlaybackEventType): void {
    this.host.dispatchEvent(
      new FragmentPlaybackEvent(type, {
        fragmentId: this.clip.fragmentId,
        interviewId: this.clip.interviewId,
        src: this.src,
        // Before its metadata the media reads 0:00, not where the engine is about to start it.
        currentTime:
          this.media && this.media.readyState >= HTMLMediaElement.HAVE_METADATA
            ? this.media.currentTime
            : this.startedFrom,
      }),
    );
  }

  private readonly onOtherPlay = (event: Event) => {
    const media = this.media;
    if (event.composedPath()[0] !== this.host && media && !media.paused) media.pause();
  };

  private togglePlay(): void {
    const media = this.media;
    if (!media) return;
    if (media.paused) this.resume();
    else media.pause();
  }

  private seekBy(seconds: number): void {
    const media = this.media;
    if (media) media.currentTime = Math.max(0, Math.min(media.duration || Infinity, media.currentTime + seconds));
  }

  /** Captions on or off: on in the language last chosen, else the UI language, else the first track. */
  private toggleCaptions(): void {
    const tracks = captionTracks(this.media, this.unusableTracks);
    if (tracks.some((track) => track.mode === 'showing')) return this.showCaptions();
    const last = this.memory.captions;
    this.showCaptions(
      tracks.find((track) => trackLanguage(track) === last) ??
        tracks.find((track) => track.language.startsWith(this.host.uiLang)) ??
        tracks[0],
    );
  }

  /** Shows `chosen` (none when undefined) and hides every other caption track. */
  private showCaptions(chosen?: TextTrack): void {
    for (const track of captionTracks(this.media, this.unusableTracks))
      track.mode = track === chosen ? 'showing' : 'disabled';
    if (chosen) this.memory.captions = trackLanguage(chosen);
    this.host.requestUpdate();
  }

  /** Plays the audio rendition at `index`; its language is kept for this player's next media. */
  private chooseAudio(index: number): void {
    const rendition = this.engine?.audio().renditions[index];
    if (!rendition) return;
    this.engine?.chooseAudio(index);
    this.memory.audio = rendition;
  }

  /**
   * The stream's audio languages and the one playing: none while the interview's own audio source
   * plays (it has one sound), or where the stream offers no choice.
   */
  private audio(): ReturnType<Engine['audio']> {
    const ownAudio = this.listening && this.clip.audio && this.clip.video;
    return (!ownAudio && this.engine?.audio()) || { renditions: [], playing: -1 };
  }

  /** A: the next audio language of the stream, said in the status line. */
  private nextAudio(): void {
    const audio = this.audio();
    if (!audio.renditions.length) return;
    const next = (audio.playing + 1) % audio.renditions.length;
    this.chooseAudio(next);
    this.announce(t(this.host.uiLang, 'audioNow', { name: audio.renditions[next].name }));
  }

  /** Sets the speed, kept for this player's next media (the media's `ratechange` comes later). */
  private setRate(rate: number): void {
    const media = this.media;
    if (media) media.defaultPlaybackRate = media.playbackRate = this.memory.rate = rate;
  }

  /** The next speed on offer, slower or faster (`<` and `>`), said in the status line. */
  private stepRate(way: -1 | 1): void {
    const rate = this.memory.rate;
    const next = (way > 0 ? RATES.find((r) => r > rate) : RATES.filter((r) => r < rate).pop()) ?? rate;
    const lang = this.host.uiLang;
    this.setRate(next);
    this.announce(t(lang, 'speedNow', { rate: rateText(next, lang) }));
  }

  /**
   * A catalogue's caption file loaded (when first shown): one without cues, or that failed, leaves
   * the choices (`captionTracks`), and the viewer hears why. Focus on a control that goes with it
   * moves to the player's main control (the player's FocusKeeper).
   */
  private readonly onTrackLoaded = (event: Event) => {
    const { track } = event.target as HTMLTrackElement;
    // A track turned off meanwhile (another language chosen) lists no cues: count them hidden.
    const mode = track.mode;
    if (mode === 'disabled') track.mode = 'hidden';
    const failed = event.type === 'error' || !track.cues?.length;
    track.mode = failed ? 'disabled' : mode;
    if (!failed || this.destroyed) return;
    this.unusableTracks.add(track);
    this.announce(t(this.host.uiLang, 'captionsNone', { label: track.label || track.language }));
  };

  /** Says `text` in the status line for a moment. */
  private announce(text: string): void {
    this.announcement = text;
    clearTimeout(this.announceTimer);
    this.announceTimer = setTimeout(() => {
      this.announcement = undefined;
      this.host.requestUpdate();
    }, ANNOUNCE_MS);
    this.host.requestUpdate();
  }

  /** Opens a panel below the controls (closing the other one) or closes it; `opener` gets focus back on Escape. */
  private togglePanel(panel: Panel, opener?: HTMLElement): void {
    this.panel = this.panel === panel ? undefined : panel;
    this.panelOpener = opener;
    this.shareMessage = undefined;
    this.host.requestUpdate();
  }

  /** Escape: closes the open panel and takes focus back to where it was opened. */
  private async closePanel(): Promise<void> {
    const back = this.panelOpener ?? this.frame?.below.querySelector<HTMLElement>(`[part~="${this.panel}-button"]`);
    this.togglePanel(this.panel!);
    await this.host.updateComplete;
    back?.focus();
  }

  /** Switches between video and the audio-only source, keeping the time and play state. */
  private async toggleListening(): Promise<void> {
    const media = this.media;
    if (!media) return;
    const at = this.reached();
    this.release();
    this.listening = !this.listening;
    await this.start(at);
  }

  private toggleFullscreen(): void {
    const doc = this.host.ownerDocument;
    if (doc.fullscreenElement) void doc.exitFullscreen();
    else void this.frame?.base.requestFullscreen?.();
  }

  private readonly onFullscreenChange = () => {
    this.fullscreen = this.host.ownerDocument.fullscreenElement === this.host;
    this.host.requestUpdate();
  };

  /** Copies a share field (`html`: as rich text too) and says whether it worked. */
  private async copy(field: HTMLTextAreaElement, html?: string): Promise<void> {
    const copied = await copyField(field, html);
    this.shareMessage = t(this.host.uiLang, copied ? 'copied' : 'copyFailed');
    this.host.requestUpdate();
  }

  /** Player keys, when focus is inside the player and not on a control that uses the key itself. */
  readonly onKeydown = (event: KeyboardEvent): void => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.composedPath()[0] as HTMLElement;
    // Ranges and selects use the arrows themselves; a select opens its list with Space.
    const ownsArrows =
      (target instanceof HTMLInputElement && target.type === 'range') || target instanceof HTMLSelectElement;
    // Where keys type text (the share panel's fields, the transcript's search): no player keys.
    const inText =
      target instanceof HTMLTextAreaElement ||
      (target instanceof HTMLInputElement && TEXT_INPUTS.includes(target.type)) ||
      target.isContentEditable;
    const onButton = target instanceof HTMLButtonElement;
    const media = this.media;
    const actions: Record<string, (() => void) | undefined> = {
      ' ': onButton || inText || ownsArrows ? undefined : () => this.togglePlay(),
      k: () => this.togglePlay(),
      arrowleft: ownsArrows ? undefined : () => this.seekBy(-5),
      arrowright: ownsArrows ? undefined : () => this.seekBy(5),
      m: () => media && (media.muted = !media.muted),
      c: () => this.toggleCaptions(),
      // Only where the stream offers languages: else A is nobody's.
      a: this.audio().renditions.length ? () => this.nextAudio() : undefined,
      f: () => this.toggleFullscreen(),
      '<': () => this.stepRate(-1),
      '>': () => this.stepRate(1),
      '?': () => void this.openShortcuts(target),
    };
    if (event.key === 'Escape' && this.panel) {
      event.preventDefault();
      return void this.closePanel();
    }
    const action = inText ? undefined : actions[event.key.toLowerCase()];
    if (!action) return;
    event.preventDefault();
    action();
  };

  /** `?`: the list of keys, with focus on it so that it is read; Escape takes focus back to `from`. */
  private async openShortcuts(from: HTMLElement): Promise<void> {
    if (this.panel !== 'shortcuts') this.togglePanel('shortcuts', from);
    await this.host.updateComplete;
    this.frame?.below.querySelector<HTMLElement>('[part~="shortcuts"]')?.focus();
  }

  /** Renders into the frame the player built for this session: the screen and what goes below it. */
  render(frame: SessionFrame): void {
    this.frame = frame;
    frame.screen.classList.toggle('audio', this.listening);
    render(this.renderScreen(), frame.screen);
    render(this.renderBelow(), frame.below);
    this.paintTimeline();
    // Arrived here by a theme step: what plays now is said once, after the status line exists
    // (a live region made with its text is skipped by some screen readers).
    if (refocusStep(this.host, this.clip.fragmentId, this.memory)) {
      const title = this.clip.title ?? '';
      setTimeout(() => {
        if (!this.destroyed) this.announce(t(this.host.uiLang, 'nowPlaying', { title }));
      });
    }
  }

  /** The media element, with a play button over it whenever playback waits for the user. */
  private renderScreen() {
    const media = this.media;
    // Not Tab stops (Firefox makes media focusable): the controls do everything the media would.
    if (this.listening) return html`<audio part="video" preload="none" tabindex="-1"></audio>`;
    const overlay =
      media && media.paused && !this.ended
        ? // A target for pointer and touch; not a second "Afspelen" Tab stop beside play/pause.
          html`<button
            part="play-button"
            class="play resume"
            type="button"
            tabindex="-1"
            aria-label=${t(this.host.uiLang, 'play')}
            @click=${() => this.resume()}
          >
            <span class="icon">${playIcon()}</span>
          </button>`
        : nothing;
    const tracks = this.clip.captions.map(
      (track) =>
        html`<track
          kind="captions"
          @load=${this.onTrackLoaded}
          @error=${this.onTrackLoaded}
          src=${track.src}
          srclang=${track.lang ?? nothing}
          label=${track.label ?? track.lang ?? ''}
        />`,
    );
    return html`<video
        part="video"
        tabindex="-1"
        playsinline
        preload="none"
        crossorigin=${this.captionsNeedCors() ? 'anonymous' : nothing}
        poster=${this.clip.poster ?? nothing}
        @click=${() => this.togglePlay()}
      >
        ${tracks}
      </video>
      ${overlay}`;
  }

  /**
   * Captions from another origin load only through CORS, which a video asks for with
   * `crossorigin`; without such captions a plain video (MP4) then needs no CORS of its server.
   */
  private captionsNeedCors(): boolean {
    return this.clip.captions.some((track) => new URL(track.src, location.href).origin !== location.origin);
  }

  /** Controls, status lines and the end-of-fragment choices, below the screen. */
  /** Opens the transcript (its code loaded now, its text fetched by it) or closes it. */
  private async toggleTranscript(): Promise<void> {
    if (this.transcript !== 'closed') {
      this.transcript = 'closed';
      return this.host.requestUpdate();
    }
    this.transcript = 'open';
    this.host.requestUpdate();
    try {
      (await loadTranscript()).InterviewTranscript.define();
    } catch {
      if (this.transcript === 'open') this.transcript = 'failed';
    }
    this.host.requestUpdate();
  }

  private renderTranscript() {
    const lang = this.host.uiLang;
    const { clip } = this;
    if (this.transcript === 'failed')
      return alertBox(lang, t(lang, 'transcriptError'), () => {
        this.transcript = 'closed';
        void this.toggleTranscript();
      });
    // One object for the session: a new one would make the transcript load again.
    this.transcriptSource ??= {
      id: clip.interviewId ?? '',
      transcript: clip.transcript,
      url: clip.interviewUrl,
      video: clip.video,
      audio: clip.audio,
      chapters: [],
    };
    return html`<kijkom-transcript
      .catalogue=${clip.from?.catalogue}
      .interview=${this.transcriptSource}
      .ui=${lang}
      .media=${this.media}
      .range=${[clip.start, clip.end]}
    ></kijkom-transcript>`;
  }

  private renderBelow() {
    const lang = this.host.uiLang;
    // One live region, there from the start: some screen readers skip a region made with its text.
    const reconnecting = !this.ended && this.watch?.reconnecting;
    const loading = !this.ended && !reconnecting && this.waitingForData();
    const message = this.ended
      ? t(lang, 'fragmentEnded')
      : reconnecting
        ? t(lang, 'reconnecting')
        : (this.announcement ?? (loading ? t(lang, 'loading') : nothing));
    // How far the awaited download has come: shown, not announced (a live region would read every step).
    const pending = loading && !this.announcement ? this.engine?.pending() : undefined;
    const progress =
      pending === undefined ? nothing : html` <span aria-hidden="true">${Math.floor(pending * 100)} %</span>`;
    return html`${renderControls(this.controlsView())}
      <p class="status" role="status">${message}${progress}</p>
      ${
        this.ended
          ? html`<div part="actions" class="actions">
              <button type="button" class="primary" @click=${() => this.replay()}>${t(lang, 'replay')}</button>
              <button type="button" @click=${() => this.continueInterview()}>${t(lang, 'continue')}</button>
            </div>`
          : nothing
      }
      ${this.transcript === 'closed' ? nothing : this.renderTranscript()}`;
  }

  /**
   * Whether playback should run but waits for media data (a slow link, a seek): while it does,
   * the status line is looked at again every so often, as no media event comes to say how far
   * the download is.
   */
  private waitingForData(): boolean {
    const media = this.media;
    const waiting = !!media && !media.paused && !this.ended && this.buffering;
    if (waiting && this.waitingTimer === undefined)
      this.waitingTimer = setTimeout(() => {
        this.waitingTimer = undefined;
        this.host.requestUpdate();
      }, WAITING_REFRESH_MS);
    return waiting;
  }

  /** The clip's citations, plain and APA 7, in the interface language; none without a catalogue. */
  private citation(link: string): ControlsView['citation'] {
    const { from, fragmentId, title, start, end } = this.clip;
    if (!from) return undefined;
    // A whole interview is cited from where it stands (its link's time), as it is shared.
    const fragment = fragmentId ? { title: title ?? '', start, end } : undefined;
    return citations(citationOf(from.catalogue, from.interview, link, fragment), this.host.uiLang);
  }

  private controlsView(): ControlsView {
    const media = this.media;
    const clip = this.clip;
    // A whole interview is shared from where it stands; a fragment from its start.
    const whole = clip.catalogue && !clip.fragmentId;
    const tracks = captionTracks(media, this.unusableTracks);
    const source = {
      catalogue: clip.catalogue,
      fragmentId: clip.fragmentId,
      interviewId: clip.interviewId,
      src: this.src,
      start: whole && media ? Math.floor(media.currentTime) : clip.start,
      end: clip.end,
      // A whole interview's snippet carries a title only where the player was given one (a quote's words).
      label: whole && clip.title === clip.from?.interview.title ? undefined : clip.title,
      person: clip.person,
      interviewUrl: clip.interviewUrl,
      elementId: this.host.id || undefined,
    };
    const link = shareLink(source, this.host.ownerDocument.location.href);
    const script = kijkomScriptUrl(this.host.ownerDocument, import.meta.url);
    return {
      lang: this.host.uiLang,
      paused: media?.paused ?? true,
      currentTime: media?.currentTime ?? clip.start,
      spokenTime: this.spokenAt,
      duration: this.duration(),
      clipStart: this.whole ? undefined : clip.start,
      clipEnd: clip.end,
      muted: media?.muted ?? false,
      volume: media?.volume ?? 1,
      // The catalogue's captions, or a stream's subtitle renditions (hls.js adds them as tracks).
      hasCaptions: !this.listening && (media ? tracks.length > 0 : clip.captions.length > 0),
      captionsOn: tracks.some((track) => track.mode === 'showing'),
      captionTracks: tracks.map((track) => ({ label: track.label || track.language, lang: track.language })),
      captionsShowing: tracks.findIndex((track) => track.mode === 'showing'),
      audio: this.audio(),
      rate: this.memory.rate,
      listening: clip.audio && clip.video ? this.listening : undefined,
      fullscreen: this.fullscreen,
      panel: this.panel,
      transcriptOpen: clip.transcript ? this.transcript !== 'closed' : undefined,
      shareLink: link,
      // Next to our own module: right for the CDN build, where every chunk sits beside kijkom.js.
      shareSnippet: embedSnippet(source, script, link),
      shareFrame: iframeSnippet(source, script, this.host.uiLang),
      shareMessage: this.shareMessage,
      citation: this.panel === 'share' ? this.citation(link) : undefined,
      togglePlay: () => this.togglePlay(),
      seek: (time) => media && (media.currentTime = time),
      toggleMute: () => media && (media.muted = !media.muted),
      setVolume: (volume) => media && ((media.volume = volume), (media.muted = volume === 0)),
      toggleCaptions: () => this.toggleCaptions(),
      chooseCaptions: (index) => this.showCaptions(tracks[index]),
      chooseAudio: (index) => this.chooseAudio(index),
      setRate: (rate) => this.setRate(rate),
      toggleListening: () => void this.toggleListening(),
      toggleFullscreen: () => this.toggleFullscreen(),
      togglePanel: (panel) => this.togglePanel(panel),
      toggleTranscript: () => void this.toggleTranscript(),
      copy: (field, html) => void this.copy(field, html),
      ...this.steps,
    };
  }

  private duration(): number {
    const media = this.media;
    return media && Number.isFinite(media.duration) && media.duration > 0
      ? media.duration
      : (this.clip.duration ?? this.clip.end ?? this.clip.start);
  }

  /** The timeline's fragment span and progress are CSS properties, set here (no style= bindings). */
  private paintTimeline(): void {
    const timeline = this.frame?.below.querySelector<HTMLElement>('.timeline');
    const media = this.media;
    const duration = this.duration();
    if (!timeline || !media || !duration) return;
    const pct = (time: number) => `${Math.min(100, Math.max(0, (time / duration) * 100))}%`;
    // A whole interview played on has no span to draw.
    timeline.style.setProperty('--_clip-start', pct(this.whole ? 0 : this.clip.start));
    timeline.style.setProperty('--_clip-end', pct(this.whole ? 0 : (this.clip.end ?? duration)));
    timeline.style.setProperty('--_played', pct(media.currentTime));
  }
}

/** What names a caption track's language for the next choice: its language, else its label. */
const trackLanguage = (track: TextTrack) => track.language || track.label;

/** Text tracks a viewer reads (hls.js may add metadata tracks too), less those found to have nothing to show. */
const captionTracks = (media: HTMLMediaElement | null, unusable: Set<TextTrack>) =>
  [...(media?.textTracks ?? [])].filter(
    (track) => (track.kind === 'captions' || track.kind === 'subtitles') && !unusable.has(track),
  );
