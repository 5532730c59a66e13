// What an <interview-page> shows once its catalogue is there: a chunk of its own, loaded with the
// page's catalogue, so that pages without an interview page load none of it before play.
import { html, nothing } from 'lit';
import { formatTime, isoDuration } from '../catalogue/time.js';
import type { CatalogueState } from '../catalogue/catalogue-context.js';
import { listFragments } from '../catalogue/fragment-query.js';
import type { Catalogue, Fragment, Interview } from '../catalogue/types.js';
import { tp } from '../i18n/page-strings.js';
import { translator, type Lang } from '../i18n/i18n.js';
import { alertBox } from '../internal/alert.js';
import { listParts, playerParts } from '../internal/exported-parts.js';
import type { TranscriptPage } from '../transcript/interview-transcript.js';

export { styles } from './interview-view.styles.js';

/** The view's own strings, in its chunk. */
const tv = translator<'modes' | InterviewMode>({
  nl: { modes: 'Het gesprek', watch: 'Kijken', listen: 'Luisteren', read: 'Lezen' },
  en: { modes: 'The interview', watch: 'Watch', listen: 'Listen', read: 'Read' },
});

/** How an interview is followed: watched, listened to (its audio source) or read (its transcript). */
export type InterviewMode = 'watch' | 'listen' | 'read';

/** What the view needs of its page: the interview shown, playing from a time, changing mode. */
export interface ViewPage extends TranscriptPage {
  readonly interview?: string;
  setMode(mode: InterviewMode): Promise<void>;
}

/** What the page hands its view to render. */
export interface InterviewView {
  page: ViewPage;
  catalogue: Catalogue;
  interview: Interview;
  lang: Lang;
  /** The heading level of the interview's title (1–6). */
  level: number;
  /** The fragment shown in the player, if one is; else the whole interview plays. */
  fragmentId?: string;
  /** Where the whole interview starts (a chapter's, a transcript time's, `#t=`) and ends (`#t=start,end`). */
  start?: number;
  end?: number;
  /** The chapter holding the time the player stands at, while it has played. */
  chapter?: number;
  mode: InterviewMode;
  /** The transcript's code failed to load: a retry instead. */
  transcriptFailed?: boolean;
  retryTranscript(): void;
}

export function renderInterview(view: InterviewView) {
  const { page, catalogue, interview, lang, level, mode } = view;
  return html`<article part="base" class="page">
    <h2 part="title" class="title" aria-level=${level} lang=${catalogue.lang ?? nothing}>${interview.title}</h2>
    ${renderPerson(catalogue, interview, lang)}
    ${interview.summary ? html`<p class="summary" lang=${catalogue.lang ?? nothing}>${interview.summary}</p>` : nothing}
    ${renderModes(view)}
    <div class="layout ${mode}">
      ${
        mode === 'read'
          ? nothing
          : view.fragmentId
            ? html`<fragment-player
                fragment=${view.fragmentId}
                exportparts=${playerParts}
                ?audio-only=${mode === 'listen'}
              ></fragment-player>`
            : html`<fragment-player
                exportparts=${playerParts}
                interview=${interview.id}
                start=${view.start ?? 0}
                end=${view.end ?? nothing}
                ?audio-only=${mode === 'listen'}
              ></fragment-player>`
      }
      ${interview.transcript ? renderTranscript(view) : nothing}
      <div>
        ${
          interview.chapters.length
            ? html`<h3 aria-level=${level + 1}>${tp(lang, 'chapters')}</h3>
                <ol part="chapters" class="chapters" lang=${catalogue.lang ?? nothing}>
                  ${interview.chapters.map(
                    (chapter, index) =>
                      html`<li>
                        <button
                          part="chapter"
                          class="chapter"
                          type="button"
                          aria-current=${index === view.chapter ? 'true' : nothing}
                          @click=${() => page.playFrom(chapter.start)}
                        >
                          <time datetime=${isoDuration(chapter.start)}>${formatTime(chapter.start)}</time>
                          ${chapter.title}
                        </button>
                      </li>`,
                  )}
                </ol>`
            : nothing
        }
        <h3 aria-level=${level + 1}>${tp(lang, 'fragments')}</h3>
        <fragment-list interview=${interview.id} exportparts=${listParts}></fragment-list>
      </div>
    </div>
  </article>`;
}

/**
 * Watch, listen or read: native radio buttons (one Tab stop, arrows choose), each switch keeping
 * the position. Reading is offered when there is a transcript.
 */
function renderModes({ page, interview, lang, mode }: InterviewView) {
  const modes: InterviewMode[] = interview.transcript ? ['watch', 'listen', 'read'] : ['watch', 'listen'];
  return html`<fieldset part="modes" class="modes">
    <legend class="visually-hidden">${tv(lang, 'modes')}</legend>
    ${modes.map(
      (choice) =>
        html`<label part="mode"
          ><input
            type="radio"
            name="mode"
            value=${choice}
            .checked=${choice === mode}
            @change=${() => page.setMode(choice)}
          />${tv(lang, choice)}</label
        >`,
    )}
  </fieldset>`;
}

function renderTranscript({ page, catalogue, interview, lang, transcriptFailed, retryTranscript }: InterviewView) {
  if (transcriptFailed) return alertBox(lang, tp(lang, 'error.transcript'), retryTranscript);
  return html`<kijkom-transcript
    .page=${page}
    .catalogue=${catalogue}
    .interview=${interview}
    .ui=${lang}
  ></kijkom-transcript>`;
}

function renderPerson(catalogue: Catalogue, interview: Interview, lang: Lang) {
  const person = interview.person === undefined ? undefined : catalogue.people.get(interview.person);
  return html`<div part="person" class="person">
    ${person?.portrait ? html`<img class="portrait" src=${person.portrait} alt="" />` : nothing}
    <div>
      ${person ? html`<p><strong>${person.name}</strong></p>` : nothing}
      ${person?.role || person?.period ? html`<p class="muted" lang=${catalogue.lang ?? nothing}>${[person.role, person.period].filter(Boolean).join(', ')}</p>` : nothing}
      ${
        interview.interviewers.length
          ? html`<p class="muted">${tp(lang, 'interviewers')}: ${interview.interviewers.join(', ')}</p>`
          : nothing
      }
      ${interview.date ? html`<p class="muted">${interview.date}</p>` : nothing}
    </div>
  </div>`;
}

/** Each page's listeners on the media whose position it follows: one media at a time. */
const following = new WeakMap<ViewPage, AbortController>();

/**
 * Follows the playing media's position through the interview's chapters and fragments, calling
 * `onChange` with the index of the chapter it stands in (undefined before the first) and the
 * fragment whose stretch holds it (`fragmentAt`) when either changes, not on every `timeupdate`.
 */
export function followPosition(
  page: ViewPage,
  media: HTMLMediaElement,
  state: CatalogueState,
  onChange: (chapter: number | undefined, fragment: string | undefined) => void,
): void {
  following.get(page)?.abort();
  if (state.status !== 'ready') return;
  const interview = state.catalogue.interviews.get(page.interview ?? '');
  if (!interview) return;
  const listening = new AbortController();
  following.set(page, listening);
  const stretches = stretchesOf(listFragments(state.catalogue, { interview: interview.id }) ?? []);
  let last: string | undefined;
  const update = () => {
    // A media element released (its player gone, or switched to audio) reads 0:00: not a position.
    if (media.readyState === HTMLMediaElement.HAVE_NOTHING) return;
    const chapter = chapterAt(interview.chapters, media.currentTime);
    const fragment = fragmentAt(stretches, media.currentTime);
    const key = `${chapter} ${fragment}`;
    if (key !== last) {
      last = key;
      onChange(chapter, fragment);
    }
  };
  for (const type of ['timeupdate', 'seeked']) media.addEventListener(type, update, { signal: listening.signal });
  update();
}

/** A fragment's stretch of the interview: from its start to its end or, without an end, to the next fragment's start (the interview's end for the last). */
interface Stretch {
  id: string;
  start: number;
  end: number;
}

/** The fragments' stretches, worked out once for all the position changes that follow. */
export function stretchesOf(fragments: readonly Fragment[]): Stretch[] {
  const starts = fragments.map((fragment) => fragment.start);
  return fragments.map(({ id, start, end }) => ({
    id,
    start,
    end: end ?? Math.min(...starts.filter((other) => other > start)),
  }));
}

/**
 * Id of the fragment whose stretch holds `time`. Of overlapping fragments the latest start wins,
 * the most specific; undefined outside them all.
 */
export function fragmentAt(stretches: readonly Stretch[], time: number): string | undefined {
  let found: Stretch | undefined;
  for (const stretch of stretches)
    if (stretch.start <= time + 0.05 && time < stretch.end && (!found || stretch.start >= found.start)) found = stretch;
  return found?.id;
}

/** Index of the chapter with the latest start at or before `time` (chapters need not be in order); undefined before them all. */
export function chapterAt(chapters: readonly { start: number }[], time: number): number | undefined {
  let found: number | undefined;
  chapters.forEach((chapter, index) => {
    if (chapter.start <= time + 0.05 && (found === undefined || chapter.start >= chapters[found].start)) found = index;
  });
  return found;
}
