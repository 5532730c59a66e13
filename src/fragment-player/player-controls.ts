// The playing UI: loaded with the engine on the first play, so the facade stays light.
import { html, nothing, svg } from 'lit';
import { formatTime, isoDuration } from '../catalogue/time.js';
import type { Lang } from '../i18n/i18n.js';
import type { Citation } from '../internal/citation.js';
import { tc } from '../internal/citation-strings.js';
import { spokenPercent, spokenTime } from '../i18n/spoken-time.js';
import type { AudioRendition } from '../media/engine-types.js';
import { t, type SessionKey } from './session-strings.js';
import type { Step, Steps } from './theme-steps.js';

/** The panels below the controls; one is open at a time. */
export type Panel = 'share' | 'shortcuts';

/** Playback speeds on offer, slowest first. */
export const RATES = [0.5, 0.75, 1, 1.25, 1.5, 1.75, 2];

/** A speed as people write it in `lang`: "1,5×", "1.5×". */
export const rateText = (rate: number, lang: Lang) => `${rate.toLocaleString(lang)}×`;

/** What the controls show and what they may ask the player to do; the steps inside a theme page. */
export interface ControlsView extends Steps {
  lang: Lang;
  paused: boolean;
  currentTime: number;
  /** The time the timeline says to assistive technology: moved by a seek or a pause, not by playing on. */
  spokenTime: number;
  duration: number;
  /** The fragment's (or a passage's) start; undefined for a whole interview played on, which has no span. */
  clipStart?: number;
  clipEnd?: number;
  muted: boolean;
  volume: number;
  hasCaptions: boolean;
  captionsOn: boolean;
  /** The media's caption tracks, by label and language; a menu shows them when there are several. */
  captionTracks: { label: string; lang: string }[];
  /** Index in `captionTracks` of the one showing, -1 for none. */
  captionsShowing: number;
  /** The stream's audio languages (none where it has one sound) and the index of the one playing. */
  audio: { renditions: AudioRendition[]; playing: number };
  rate: number;
  /** Undefined when the interview has no alternative (audio-only) source. */
  listening?: boolean;
  fullscreen: boolean;
  panel?: Panel;
  /** Undefined when the interview has no transcript. */
  transcriptOpen?: boolean;
  shareLink: string;
  shareSnippet: string;
  /** The iframe snippet, for sites that allow no scripts (a clip from a catalogue only). */
  shareFrame?: string;
  shareMessage?: string;
  /** While the share panel is open and the clip comes from a catalogue: its citations. */
  citation?: { plain: string; apa: Citation };
  togglePlay(): void;
  seek(time: number): void;
  toggleMute(): void;
  setVolume(volume: number): void;
  toggleCaptions(): void;
  /** Shows the caption track at `index` of `captionTracks`, none for -1. */
  chooseCaptions(index: number): void;
  /** Plays the audio rendition at `index` of `audio.renditions`. */
  chooseAudio(index: number): void;
  setRate(rate: number): void;
  toggleListening(): void;
  toggleFullscreen(): void;
  togglePanel(panel: Panel): void;
  toggleTranscript(): void;
  /** Copies a share field's text; with `html` too, the same as rich text (a citation's italics). */
  copy(field: HTMLTextAreaElement, html?: string): void;
}

// Shapes are closed explicitly: the build's template minifier reads svg`` as HTML, where `/>`
// closes nothing, and would nest each shape in the one before it (only the first would draw).
const icon = (path: ReturnType<typeof svg>) =>
  html`<svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">${path}</svg>`;
const icons = {
  play: icon(svg`<path fill="currentColor" d="M4 2v12l10-6z"></path>`),
  pause: icon(svg`<path fill="currentColor" d="M3 2h4v12H3zM9 2h4v12H9z"></path>`),
  volume: icon(
    svg`<path fill="currentColor" d="M1 6h3l4-3v10L4 10H1z"></path><path fill="none" stroke="currentColor" stroke-width="1.5" d="M10.5 5.5a3.5 3.5 0 0 1 0 5M12 3.5a6 6 0 0 1 0 9"></path>`,
  ),
  captions: icon(
    svg`<rect x="1" y="3" width="14" height="10" rx="2" fill="none" stroke="currentColor" stroke-width="1.5"></rect><path fill="currentColor" d="M4 7h3v1.3H4zM9 7h3v1.3H9zM4 9.5h8v1.3H4z"></path>`,
  ),
  listen: icon(
    svg`<path fill="none" stroke="currentColor" stroke-width="1.5" d="M2.5 10V8a5.5 5.5 0 0 1 11 0v2"></path><rect x="1.5" y="9" width="3" height="5" rx="1" fill="currentColor"></rect><rect x="11.5" y="9" width="3" height="5" rx="1" fill="currentColor"></rect>`,
  ),
  fullscreen: icon(
    svg`<path fill="none" stroke="currentColor" stroke-width="1.5" d="M1.5 5.5v-4h4M10.5 1.5h4v4M14.5 10.5v4h-4M5.5 14.5h-4v-4"></path>`,
  ),
  transcript: icon(
    svg`<path fill="none" stroke="currentColor" stroke-width="1.5" d="M2 3.5h12M2 6.5h12M2 9.5h12M2 12.5h7"></path>`,
  ),
  previous: icon(svg`<path fill="currentColor" d="M2 2h2v12H2zM14 2v12L5 8z"></path>`),
  next: icon(svg`<path fill="currentColor" d="M12 2h2v12h-2zM2 2v12l9-6z"></path>`),
  shortcuts: icon(
    svg`<rect x="1" y="3.5" width="14" height="9" rx="1.5" fill="none" stroke="currentColor" stroke-width="1.5"></rect><path fill="currentColor" d="M3.5 6h1.5v1.5H3.5zM6.5 6H8v1.5H6.5zM9.5 6H11v1.5H9.5zM4.5 9h7v1.5h-7z"></path>`,
  ),
  share: icon(
    svg`<circle cx="12" cy="3.5" r="2" fill="currentColor"></circle><circle cx="4" cy="8" r="2" fill="currentColor"></circle><circle cx="12" cy="12.5" r="2" fill="currentColor"></circle><path stroke="currentColor" stroke-width="1.3" d="M4 8l8-4.5M4 8l8 4.5"></path>`,
  ),
};

const time = (seconds: number) => html`<time datetime=${isoDuration(seconds)}>${formatTime(seconds)}</time>`;

const toggle = (label: string, pressed: boolean, glyph: unknown, onClick: () => void, name: string) =>
  html`<button
    type="button"
    part="control ${name}"
    class="control"
    aria-pressed=${pressed ? 'true' : 'false'}
    title=${label}
    @click=${onClick}
  >
    ${glyph}
  </button>`;

/**
 * A native select: keyboard, screen readers and touch get the platform's own picker. Named by
 * `aria-label` (its value shows what it is; a tooltip alone is no label for a form field). Options are marked `.selected` (not the select's `.value`, which
 * Lit would set before the options exist).
 */
const menu = (
  name: string,
  label: string,
  options: { value: string | number; text: string; selected: boolean; lang?: string }[],
  onChange: (value: string) => void,
) =>
  html`<select
    part=${name}
    class="menu"
    aria-label=${label}
    @change=${(e: Event) => onChange((e.target as HTMLSelectElement).value)}
  >
    ${options.map(
      (option) =>
        html`<option value=${option.value} lang=${option.lang || nothing} .selected=${option.selected}>
          ${option.text}
        </option>`,
    )}
  </select>`;

/** The speed menu: the current speed is its value, so assistive technology says it. */
const speedMenu = ({ lang, rate, setRate }: ControlsView) =>
  menu(
    'speed',
    t(lang, 'speed'),
    RATES.map((value) => ({
      value,
      text: value === 1 ? t(lang, 'normalSpeed') : rateText(value, lang),
      selected: value === rate,
    })),
    (value) => setRate(Number(value)),
  );

/** Off or one of several caption languages (with one track the captions toggle is enough). */
const captionsMenu = ({ lang, captionTracks, captionsShowing, chooseCaptions }: ControlsView) =>
  captionTracks.length < 2
    ? nothing
    : menu(
        'captions-menu',
        t(lang, 'captionsLanguage'),
        [{ label: t(lang, 'captionsOff'), lang: '' }, ...captionTracks].map((track, i) => ({
          value: i - 1,
          text: track.label,
          selected: i - 1 === captionsShowing,
          lang: track.lang,
        })),
        (value) => chooseCaptions(Number(value)),
      );

/** The stream's audio languages, where it has several. */
const audioMenu = ({ lang, audio, chooseAudio }: ControlsView) =>
  audio.renditions.length < 2
    ? nothing
    : menu(
        'audio-menu',
        t(lang, 'audioLanguage'),
        audio.renditions.map((rendition, i) => ({
          value: i,
          text: rendition.name,
          selected: i === audio.playing,
          lang: rendition.lang,
        })),
        (value) => chooseAudio(Number(value)),
      );

/** A step to the previous or next fragment of the theme, named with its title; none at the ends. */
const stepButton = (lang: Lang, way: keyof Steps, step: Step | undefined) => {
  if (!step) return nothing;
  const label = t(lang, way, { title: step.title });
  return html`<button type="button" part="control ${way}" class="control" title=${label} @click=${step.play}>
    ${icons[way]}
  </button>`;
};

/** The timeline runs over the whole interview; the fragment's span is drawn on its track. */
function renderTimeline(view: ControlsView) {
  const { lang, duration } = view;
  const total = formatTime(duration);
  const clipText =
    view.clipStart === undefined
      ? t(lang, 'wholeInterview', { total })
      : view.clipEnd === undefined
        ? t(lang, 'clipFrom', { start: formatTime(view.clipStart), total })
        : t(lang, 'clipSpan', { start: formatTime(view.clipStart), end: formatTime(view.clipEnd), total });
  return html`<div class="timeline">
    <div class="track" aria-hidden="true"><span class="clip"></span><span class="played"></span></div>
    <input
      part="seek"
      class="seek"
      type="range"
      min="0"
      max=${duration || 0}
      step="1"
      .value=${String(view.currentTime)}
      aria-label=${t(lang, 'timeline')}
      aria-valuetext=${t(lang, 'timeOf', { time: spokenTime(view.spokenTime, lang), total: spokenTime(duration, lang) })}
      aria-describedby="clip-description"
      @input=${(e: Event) => view.seek(Number((e.target as HTMLInputElement).value))}
    />
    <p id="clip-description" class="clip-text">${clipText}</p>
  </div>`;
}

function renderShare(view: ControlsView) {
  const { lang } = view;
  const field = (label: string, value: string, id: string, rich?: string) =>
    html`<div class="share-field">
      <label for=${id}>${label}</label>
      <textarea id=${id} readonly rows=${id === 'share-link' ? 1 : 3} .value=${value}></textarea>
      <button
        type="button"
        @click=${(e: Event) => view.copy((e.target as HTMLElement).parentElement!.querySelector('textarea')!, rich)}
      >
        ${t(lang, 'copy')}
      </button>
    </div>`;
  return html`<div part="share" class="panel share">
    ${field(t(lang, 'shareLink'), view.shareLink, 'share-link')}
    ${field(t(lang, 'shareEmbed'), view.shareSnippet, 'share-embed')}
    ${view.shareFrame ? field(t(lang, 'shareFrame'), view.shareFrame, 'share-frame') : nothing}
    ${
      view.citation
        ? [
            field(tc(lang, 'plain'), view.citation.plain, 'share-cite'),
            field(tc(lang, 'apa'), view.citation.apa.text, 'share-apa', view.citation.apa.html),
          ]
        : nothing
    }
    <p class="status" role="status">${view.shareMessage ?? ''}</p>
  </div>`;
}

/** The player's keys (handled in the session's `onKeydown`) and what they do. */
function renderShortcuts({ lang, audio }: ControlsView) {
  const rows: [keys: string[], does: SessionKey][] = [
    [[t(lang, 'key.space'), 'K'], 'key.playPause'],
    [['←', '→'], 'key.seek'],
    [['M'], 'key.mute'],
    [['C'], 'key.captions'],
    ...(audio.renditions.length > 1 ? [[['A'], 'key.audio'] as [string[], SessionKey]] : []),
    [['F'], 'key.fullscreen'],
    [['<', '>'], 'key.speed'],
    [['?'], 'key.shortcuts'],
    [['Esc'], 'key.close'],
  ];
  // Focusable so that `?` can take focus to it; named by its first line.
  return html`<div
    part="shortcuts"
    class="panel shortcuts"
    role="group"
    tabindex="-1"
    aria-labelledby="shortcuts-intro"
  >
    <p id="shortcuts-intro">${t(lang, 'shortcutsIntro')}</p>
    <dl>
      ${rows.map(
        ([keys, does]) =>
          html`<dt>${keys.map((key, i) => html`${i ? ' / ' : ''}<kbd>${key}</kbd>`)}</dt>
            <dd>${t(lang, does)}</dd>`,
      )}
    </dl>
  </div>`;
}

const panels = { share: renderShare, shortcuts: renderShortcuts };

export function renderControls(view: ControlsView) {
  const { lang } = view;
  // The timeline first: it sits above the buttons, so Tab reaches it first too (WCAG 2.4.3).
  return html`<div part="controls" class="controls" role="group" aria-label=${t(lang, 'controls')}>
      ${renderTimeline(view)} ${stepButton(lang, 'previous', view.previous)}
      <button
        type="button"
        part="control play-pause"
        class="control"
        aria-label=${t(lang, view.paused ? 'play' : 'pause')}
        @click=${view.togglePlay}
      >
        ${view.paused ? icons.play : icons.pause}
      </button>
      ${stepButton(lang, 'next', view.next)}
      <span class="times">${time(view.currentTime)} / ${time(view.duration)}</span>
      ${toggle(t(lang, 'mute'), view.muted, icons.volume, view.toggleMute, 'mute')}
      <input
        part="volume"
        class="volume"
        type="range"
        min="0"
        max="1"
        step="0.05"
        .value=${String(view.muted ? 0 : view.volume)}
        aria-label=${t(lang, 'volume')}
        aria-valuetext=${spokenPercent(view.muted ? 0 : view.volume, lang)}
        @input=${(e: Event) => view.setVolume(Number((e.target as HTMLInputElement).value))}
      />
      ${speedMenu(view)}
      ${view.hasCaptions ? [toggle(t(lang, 'captions'), view.captionsOn, icons.captions, view.toggleCaptions, 'captions'), captionsMenu(view)] : nothing}
      ${audioMenu(view)}
      ${view.listening === undefined ? nothing : toggle(t(lang, 'listen'), view.listening, icons.listen, view.toggleListening, 'listen')}
      ${toggle(t(lang, 'fullscreen'), view.fullscreen, icons.fullscreen, view.toggleFullscreen, 'fullscreen')}
      ${view.transcriptOpen === undefined ? nothing : toggle(t(lang, 'transcript'), view.transcriptOpen, icons.transcript, view.toggleTranscript, 'transcript-button')}
      ${toggle(t(lang, 'share'), view.panel === 'share', icons.share, () => view.togglePanel('share'), 'share-button')}
      ${toggle(t(lang, 'shortcuts'), view.panel === 'shortcuts', icons.shortcuts, () => view.togglePanel('shortcuts'), 'shortcuts-button')}
    </div>
    ${view.panel ? panels[view.panel](view) : nothing}`;
}
