// Lit's reactive core only: the template engine comes with the playing session, so a page with
// one player loads little before play (the size budget). The facade is built with plain DOM.
import { ReactiveElement, type PropertyValues } from '@lit/reactive-element';
import { ContextConsumer } from '@lit/context';
import { catalogueContext, type CatalogueState } from '../catalogue/catalogue-context.js';
import { viewFragment, viewInterview } from '../catalogue/lookup.js';
import { formatTime, isoDuration, parseTime } from '../catalogue/time.js';
import { resolveUrl } from '../catalogue/url.js';
import { commonStrings, nodes, t, type StringKey } from '../i18n/common-strings.js';
import { stringsReady, type Lang } from '../i18n/i18n.js';
import { FragmentErrorEvent } from '../events/fragment-error-event.js';
import type { ClipRequest } from '../events/playback-request.js';
import { alertBox, catalogueAlert } from '../internal/alert.js';
import { chunkLoader } from '../platform/chunk.js';
import { h, playIcon } from '../internal/dom.js';
import { defineElement } from '../internal/define.js';
import { FocusKeeper } from '../internal/focus-keeper.js';
import { CatalogueController, uiLangOf } from '../internal/catalogue-controller.js';
import { joinDeepLink, type DeepLinkClaim } from '../internal/deep-link.js';
import { tokens } from '../internal/shared-styles.js';
import { isProgressive, loadHlsEngine } from '../media/hls-loader.js';
import type { Clip } from './clip-source.js';
import type { PlayerMemory, PlayerSession, SessionFrame } from './player-session.js';
import { styles } from './fragment-player.styles.js';

/** Whether two lists hold the same values, one by one. */
const sameValues = (a: unknown[], b: unknown[]) =>
  a.length === b.length && a.every((value, i) => Object.is(value, b[i]));

/** The playing half: a chunk fetched on the first play. */
const loadSession = chunkLoader(() => import('./player-session.js'));

/**
 * Plays one fragment of an interview. Until it is pressed it is a light facade (poster, title,
 * time, play button) that creates no media element and fetches no media; then the interview
 * plays from the fragment's start and pauses at its end.
 *
 * @summary One fragment of an interview: a facade until played, then the video from its start.
 * @tag fragment-player
 *
 * @fires {CatalogueLoadEvent} catalogue-load - The catalogue loaded (not fired when the catalogue comes from a `<theme-page>`).
 * @fires {CatalogueErrorEvent} catalogue-error - The catalogue could not be loaded.
 * @fires {FragmentPlaybackEvent} fragment-play - Playback started.
 * @fires {FragmentPlaybackEvent} fragment-pause - Playback paused (not at the fragment's end).
 * @fires {FragmentPlaybackEvent} fragment-ended - The fragment's end (or the media's end) was reached.
 * @fires {FragmentErrorEvent} fragment-error - The media failed for good; `detail.code` says how.
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
 * @csspart control - Every control button (each also has a part of its own, below).
 * @csspart play-pause - The play/pause button of the controls.
 * @csspart previous - Inside a `<theme-page>`: the button playing the theme's previous fragment (none at the first).
 * @csspart next - Inside a `<theme-page>`: the button playing the theme's next fragment (none at the last).
 * @csspart mute - The mute button.
 * @csspart captions - The captions button (when the interview has captions).
 * @csspart captions-menu - The caption-language menu, a `<select>` (when the media has more than one caption track).
 * @csspart audio-menu - The audio-language menu, a `<select>` (when the stream has more than one audio rendition); A picks the next.
 * @csspart speed - The playback speed menu, a `<select>`.
 * @csspart listen - The watch/listen switch (when the interview has an audio source).
 * @csspart fullscreen - The full-screen button.
 * @csspart share-button - The button that opens the share panel.
 * @csspart shortcuts-button - The button that opens the list of keyboard shortcuts (`?` opens it too).
 * @csspart transcript-button - The button that shows the fragment's words in sync (when the interview has a transcript).
 * @csspart seek - The timeline slider over the whole interview.
 * @csspart volume - The volume slider.
 * @csspart share - The share panel with the link and the embed code.
 * @csspart shortcuts - The panel listing the keyboard shortcuts (a `<dl>`); Escape closes it.
 * @csspart error - The error message (`role="alert"`).
 * @csspart retry - The error's "try again" button.
 *
 * @cssprop --fragment-player-accent - Accent colour of the play button (falls back to `--kijkom-accent`).
 * @cssprop --fragment-player-screen-color - Background of the video area.
 * @cssprop --fragment-player-transcript-height - Height of the fragment's words when shown (default 14rem).
 * @cssprop --fragment-player-radius - Corner radius of the video area (falls back to `--kijkom-radius`).
 */
export class FragmentPlayer extends ReactiveElement {
  /** Registers the class as `<fragment-player>`, or as `tag`; a tag already taken is left alone. */
  static define(tag = 'fragment-player'): void {
    defineElement(tag, this);
  }

  static override styles = [tokens, styles];

  // Declared without decorators: their runtime is bytes a page would load before play.
  static override properties = {
    catalogue: {},
    fragment: {},
    interview: {},
    src: {},
    start: {},
    end: {},
    label: {},
    poster: {},
    audioOnly: { type: Boolean, attribute: 'audio-only' },
    // Internal state (`attribute: false` as well, so the manifest analyzer lists no attribute).
    providedCatalogue: { state: true, attribute: false },
    session: { state: true, attribute: false },
    mediaError: { state: true, attribute: false },
  };

  /** URL of a Kijkom catalogue (JSON), resolved against the document's base URL. */
  declare catalogue?: string;
  /** Id of the fragment in the catalogue to play. */
  declare fragment?: string;
  /** Instead of a fragment: id of the interview in the catalogue to play whole, from `start` (to `end`). */
  declare interview?: string;
  /** Without a catalogue: the media URL (HLS playlist or MP4) to play. */
  declare src?: string;
  /** Without a fragment: where to start, in seconds (a number or a string) or `[h:]m:s`. */
  declare start?: string | number;
  /** Without a fragment: where to stop, in seconds (a number or a string) or `[h:]m:s`. */
  declare end?: string | number;
  /** The title to show: without a catalogue, or for a stretch of an `interview` (a quote's words) instead of its title. */
  declare label?: string;
  /** Poster image URL; overrides the interview's poster. */
  declare poster?: string;
  /**
   * Plays the interview's audio source (or the media as audio) instead of video.
   * @attr audio-only
   */
  audioOnly = false;

  /** The catalogue of an enclosing `<theme-page>` or `<interview-page>`, when there is one. */
  declare private providedCatalogue?: CatalogueState;
  /** The playing session, from the first play until the source changes or the element leaves. */
  declare private session?: PlayerSession;
  /** Why the last session failed, in the UI language; shown with a retry. */
  declare private mediaError?: string;

  constructor() {
    super();
    new ContextConsumer(this, {
      context: catalogueContext,
      subscribe: true,
      callback: (value) => (this.providedCatalogue = value),
    });
    // Focus lost to a repaint goes to the playing controls, else a retry, else the play button.
    new FocusKeeper(this, MAIN_CONTROLS);
  }

  /**
   * What the user chose while playing (speed, captions, a theme step), kept for the next session.
   * @internal
   */
  readonly memory: PlayerMemory = { rate: 1 };

  private readonly loader = new CatalogueController(this, () => (this.providedCatalogue ? undefined : this.catalogue));
  private deepLink?: DeepLinkClaim;
  /** `play()` was called before the catalogue arrived. */
  private playWhenReady = false;

  private get catalogueState(): CatalogueState {
    return this.providedCatalogue ?? this.loader.state;
  }

  /**
   * The UI language (for the playing session too).
   * @internal
   */
  get uiLang() {
    return uiLangOf(this, this.catalogueState);
  }

  /**
   * What the player plays (or shows before play), as its attributes ask: a fragment, an
   * interview from `start` (to `end`), or a media URL; undefined when they name none.
   */
  get clip(): ClipRequest | undefined {
    const { start, end } = this.times();
    if (this.fragment !== undefined) return { fragment: this.fragment };
    if (this.interview !== undefined) return { interview: this.interview, start, end };
    return this.src === undefined ? undefined : { src: this.src, start, end };
  }

  /** The clip asked for, resolved in the catalogue (or from `src`); else why it cannot be shown yet or at all. */
  private resolveClip(): Clip | StringKey {
    const request = this.clip;
    if (request && 'src' in request) {
      const src = resolveUrl(request.src, this.ownerDocument.baseURI);
      if (!src.ok) return 'error.source';
      const { start = 0, end } = request;
      return { title: this.label, video: src.url, start, end, poster: this.ownPoster(), captions: [] };
    }
    // Nothing named and no catalogue to name it in: no video was given.
    if (!request && this.catalogue === undefined && !this.providedCatalogue) return 'error.source';
    const state = this.catalogueState;
    if (state.status !== 'ready') return 'loading';
    const whole = request && 'interview' in request;
    const view = whole
      ? viewInterview(state.catalogue, request.interview, request.start ?? 0, request.end)
      : viewFragment(state.catalogue, request?.fragment);
    if (!view) return whole ? 'error.interview' : 'error.fragment';
    const { fragment, interview, person } = view;
    return {
      fragmentId: fragment.id || undefined,
      interviewId: interview.id,
      // A stretch of an interview may carry its own title (a quote's words).
      title: (whole && this.label) || fragment.title,
      person: person?.name,
      video: interview.video,
      audio: interview.audio,
      start: fragment.start,
      end: fragment.end,
      poster: this.ownPoster() ?? interview.poster,
      captions: interview.captions,
      transcript: interview.transcript,
      duration: interview.duration,
      interviewUrl: interview.url,
      catalogue: state.catalogue.url,
      lang: state.catalogue.lang,
      from: { interview, catalogue: state.catalogue },
    };
  }

  /** `start` and `end` in seconds; an end not after the start is none. */
  private times(): { start: number; end?: number } {
    const start = parseTime(this.start ?? 0);
    const end = this.end === undefined ? undefined : parseTime(this.end);
    const seconds = start.ok ? start.seconds : 0;
    return { start: seconds, end: end?.ok && end.seconds > seconds ? end.seconds : undefined };
  }

  private ownPoster(): string | undefined {
    if (this.poster === undefined) return undefined;
    const url = resolveUrl(this.poster, this.ownerDocument.baseURI);
    return url.ok ? url.url : undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Back after a removal: the facade was not painted while away.
    this.requestUpdate();
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
    const source: (keyof FragmentPlayer)[] = ['catalogue', 'fragment', 'interview', 'src', 'start', 'end', 'audioOnly'];
    if (source.some((key) => changed.has(key))) this.stop();
  }

  protected override updated(): void {
    const clip = this.resolveClip();
    // Answer the deep link once the clip is known (only the first answer counts); a failure
    // answers too, or every element after this one would wait.
    if (clip !== 'loading' || this.catalogueState.status === 'error') {
      this.deepLink?.settle((id) => typeof clip !== 'string' && id === (clip.fragmentId ?? this.id));
    }
    if (this.playWhenReady && clip !== 'loading') {
      this.playWhenReady = false;
      void this.activate();
    }
  }

  /** The `<video>` or `<audio>` element while the player plays; null before play. */
  get media(): HTMLMediaElement | null {
    return this.session?.media ?? null;
  }

  /**
   * Plays on, or from the clip's start, activating the player if needed; given a clip, that clip
   * instead (its fragment, interview, `src`, `start` and `end` replace the attributes'). Resolves
   * once playback started, was refused or failed; called before the catalogue arrived, it plays
   * once it does.
   */
  async play(request?: ClipRequest): Promise<void> {
    if (request) {
      // A new clip ends the session playing the last one (willUpdate); the same one plays on.
      const times: { start?: number; end?: number } = 'fragment' in request ? {} : request;
      this.fragment = 'fragment' in request ? request.fragment : undefined;
      this.interview = 'interview' in request ? request.interview : undefined;
      this.src = 'src' in request ? request.src : undefined;
      this.start = times.start;
      this.end = times.end;
      await this.updateComplete;
    }
    if (this.resolveClip() === 'loading') {
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

  /** Moves playback to `seconds` into the interview; before play there is nothing to move. */
  seek(seconds: number): void {
    this.session?.seek(seconds);
  }

  /** Focuses the player's main control: play/pause while playing, else the error's retry, else the play button. */
  override focus(options?: FocusOptions): void {
    const control = MAIN_CONTROLS.map((selector) => this.renderRoot.querySelector<HTMLElement>(selector)).find(Boolean);
    control?.focus(options);
  }

  private async activate(): Promise<void> {
    const clip = this.resolveClip();
    if (typeof clip === 'string') return;
    const asked = this.clipInputs();
    this.stop();
    this.warm(clip);
    let session: PlayerSession | undefined;
    try {
      const { PlayerSession } = await loadSession();
      // The source changed or the element left while the chunk loaded.
      if (!this.isConnected || !sameValues(this.clipInputs(), asked)) return;
      session = this.session = new PlayerSession(this, clip, this.audioOnly, FragmentPlayer.elementStyles);
      await session.start();
    } catch {
      // Our own code did not load (offline, chunks missing, a CSP): an error with a retry, which
      // loads it again. Not when the player moved on meanwhile, nor twice for one double click.
      if (!this.isConnected || this.session !== session || this.mediaError) return;
      session?.destroy();
      const message = t(this.uiLang, 'error.player');
      this.sessionFailed(message);
      this.dispatchEvent(new FragmentErrorEvent({ code: 'network', message }));
    }
  }

  /**
   * Fetches the playing code: the session and, for a stream played through Media Source
   * Extensions, the engine alongside it (one round trip less before the first frame). On play, and
   * before it on intent; never the media, which only play fetches.
   */
  private warm(clip: Clip): void {
    loadSession().catch(() => undefined);
    const src = clip.video ?? clip.audio;
    if (src && !isProgressive(src) && 'MediaSource' in globalThis) loadHlsEngine().catch(() => undefined);
  }

  /** Back to the facade: the session (engine, media element, timers) destroyed. */
  private stop(): void {
    this.session?.destroy();
    this.session = undefined;
    this.mediaError = undefined;
  }

  /**
   * The session failed for good: show the facade with the error and a retry.
   * @internal
   */
  sessionFailed(message: string): void {
    this.session = undefined;
    this.mediaError = message;
  }

  /** What the clip is resolved from: while none of it changes, neither does the clip. */
  private clipInputs(): unknown[] {
    const { catalogueState, fragment, interview, src, start, end, label, poster } = this;
    return [catalogueState, fragment, interview, src, start, end, label, poster];
  }

  /** What the shadow root was painted from, so it is rebuilt only when that changes (keeping focus and images). */
  private painted?: unknown[];
  /** The containers of the painted frame that the session renders into. */
  private sessionFrame?: SessionFrame;

  protected override update(changed: PropertyValues<this>): void {
    super.update(changed);
    // Removed: drop the released media element; paint on reconnect, not now (a detached facade
    // would still fetch its poster).
    if (!this.isConnected) {
      this.painted = undefined;
      return this.renderRoot.replaceChildren();
    }
    const lang = this.uiLang;
    // Until the language's strings are there (Dutch always is), the loading state without words.
    const ready = stringsReady(this, lang, commonStrings);
    const session = this.session;
    const view = [lang, ready, this.mediaError, session, ...this.clipInputs()];
    if (!this.painted || !sameValues(view, this.painted)) {
      this.painted = view;
      this.sessionFrame = undefined;
      const state = this.catalogueState;
      const clip = !ready ? 'loading' : state.status === 'error' ? undefined : this.resolveClip();
      this.renderRoot.replaceChildren(this.frame(lang, clip, session));
    }
    if (this.sessionFrame) session?.render(this.sessionFrame);
  }

  /** The shadow root's content: an error, the loading state, the facade, or the frame a session renders into. */
  private frame(lang: Lang, clip: Clip | StringKey | undefined, session?: PlayerSession): Node {
    const state = this.catalogueState;
    // No clip: the catalogue failed.
    if (!clip && state.status === 'error') return catalogueAlert(lang, state.error, () => this.loader.retry());
    if (clip === 'loading' || !clip) {
      return h(
        'div',
        { part: 'base', class: 'player', 'aria-busy': 'true' },
        h('div', { part: 'screen', class: 'screen' }, h('div', { class: 'placeholder' })),
        h('p', { class: 'status' }, commonStrings.has(lang) ? t(lang, 'loading') : ''),
      );
    }
    if (typeof clip === 'string') return alertBox(lang, t(lang, clip, { id: this.fragment ?? this.interview ?? '' }));
    const screen = h('div', { part: 'screen', class: 'screen' }, ...(session ? [] : this.facade(lang, clip)));
    const below = session && h('div', { class: 'below' });
    const base = h(
      'div',
      { part: 'base', class: 'player' },
      screen,
      below,
      h('p', { part: 'title', class: 'title', id: 'title', lang: clip.lang }, clip.title ?? ''),
      this.meta(lang, clip),
      this.mediaError && alertBox(lang, this.mediaError, () => void this.activate()),
    );
    this.sessionFrame = below ? { base, screen, below } : undefined;
    if (session) base.onkeydown = session.onKeydown;
    return base;
  }

  private facade(lang: Lang, clip: Clip): Node[] {
    const button = h(
      'button',
      // Named with the title too: on a page of players the buttons would differ only by their times.
      { part: 'play-button', class: 'play', type: 'button', 'aria-labelledby': 'play-text title' },
      h('span', { class: 'icon' }, playIcon()),
      h(
        'span',
        { class: 'play-text', id: 'play-text' },
        ...nodes(lang, clip.interviewId && !clip.fragmentId ? 'playInterview' : 'playFragment', {
          time: time(clip.start),
        }),
      ),
    );
    button.onclick = () => void this.activate();
    // Intent to play (a pointer over the facade, focus on its button, a touch): the code comes ahead.
    button.onpointerenter = button.onfocus = button.ontouchstart = () => this.warm(clip);
    return [
      clip.poster
        ? h('img', { part: 'poster', class: 'poster', src: clip.poster, alt: '' })
        : h('div', { class: 'placeholder' }),
      button,
    ];
  }

  private meta(lang: Lang, clip: Clip): Node {
    const length = clip.end === undefined ? undefined : clip.end - clip.start;
    return h(
      'p',
      { part: 'meta', class: 'meta' },
      clip.person && h('span', {}, clip.person),
      h('span', {}, ...nodes(lang, 'from', { time: time(clip.start) })),
      length !== undefined && h('span', {}, ...nodes(lang, 'length', { time: time(length) })),
    );
  }
}

/** The player's main control, what focus goes to: play/pause while playing, else the error's retry, else the play button. */
const MAIN_CONTROLS = ['[part~="play-pause"]', '[part~="retry"]', '[part~="play-button"]'];

/** A `<time>` for a number of seconds: padded for people, an ISO duration for machines. */
const time = (seconds: number) => h('time', { datetime: isoDuration(seconds) }, formatTime(seconds));

declare global {
  interface HTMLElementTagNameMap {
    'fragment-player': FragmentPlayer;
  }
}
