// What an <interview-page> shows once its catalogue is there: a chunk of its own, loaded with the
// page's catalogue, so that pages without an interview page load none of it before play.
import { html, nothing } from 'lit';
import { formatTime, isoDuration } from '../catalogue/time.js';
import type { Catalogue, Interview } from '../catalogue/types.js';
import { tp } from '../i18n/page-strings.js';
import type { Lang } from '../i18n/i18n.js';
import { alertBox } from '../internal/alert.js';
import type { Headings } from '../internal/heading.js';
import { listParts, playerParts } from '../internal/exported-parts.js';
import type { TranscriptPage } from '../transcript/interview-transcript.js';
import type { InterviewMode, InterviewPlayback } from './interview-playback.js';
import { tv } from './view-strings.js';

export { styles } from './interview-view.styles.js';

export { InterviewPlayback } from './interview-playback.js';

/** What the page hands its view to render. */
export interface InterviewView {
  page: TranscriptPage;
  /** Where the player stands and how the interview is followed; plays from a chapter, switches mode. */
  playback: InterviewPlayback;
  catalogue: Catalogue;
  interview: Interview;
  lang: Lang;
  /** The heading level of the interview's title (1–6). */
  level: number;
  /** The page's headings, kept across renders. */
  headings: Headings;
  /** The fragment shown in the player, if one is; else the whole interview plays. */
  fragmentId?: string;
  /** The transcript's code failed to load: a retry instead. */
  transcriptFailed?: boolean;
  retryTranscript(): void;
}

export function renderInterview(view: InterviewView) {
  const { catalogue, interview, lang, level, playback, headings } = view;
  const sectionHeading = (text: string) => headings.get(level + 1, { class: 'section-heading' }, text);
  const { mode } = playback;
  const pastEnd = playback.linkPastEnd;
  return html`${
      pastEnd !== undefined && interview.duration !== undefined
        ? html`<p part="link-missed" role="status">
            ${tv(lang, 'pastEnd', { time: formatTime(pastEnd), end: formatTime(interview.duration) })}
          </p>`
        : nothing
    }
    <article part="base" class="page">
      ${headings.get(level, { part: 'title', class: 'title', lang: catalogue.lang }, interview.title)}
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
                  start=${playback.start ?? 0}
                  end=${playback.end ?? nothing}
                  ?audio-only=${mode === 'listen'}
                ></fragment-player>`
        }
        ${interview.transcript ? renderTranscript(view) : nothing}
        <div>
          ${
            interview.chapters.length
              ? html`${sectionHeading(tp(lang, 'chapters'))}
                  <ol part="chapters" class="chapters" lang=${catalogue.lang ?? nothing}>
                    ${interview.chapters.map(
                      (chapter, index) =>
                        html`<li>
                          <button
                            part="chapter"
                            class="chapter"
                            type="button"
                            aria-current=${index === playback.chapter ? 'true' : nothing}
                            @click=${() => playback.playFrom(chapter.start)}
                          >
                            <time datetime=${isoDuration(chapter.start)}>${formatTime(chapter.start)}</time>
                            ${chapter.title}
                          </button>
                        </li>`,
                    )}
                  </ol>`
              : nothing
          }
          ${sectionHeading(tp(lang, 'fragments'))}
          <fragment-list interview=${interview.id} exportparts=${listParts}></fragment-list>
        </div>
      </div>
    </article>`;
}

/**
 * Watch, listen or read: native radio buttons (one Tab stop, arrows choose), each switch keeping
 * the position. Reading is offered when there is a transcript.
 */
function renderModes({ playback, interview, lang }: InterviewView) {
  const { mode } = playback;
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
            @change=${() => playback.setMode(choice)}
          />${tv(lang, choice)}</label
        >`,
    )}
  </fieldset>`;
}

function renderTranscript({
  page,
  playback,
  catalogue,
  interview,
  lang,
  transcriptFailed,
  retryTranscript,
}: InterviewView) {
  if (transcriptFailed) return alertBox(lang, tp(lang, 'error.transcript'), retryTranscript);
  return html`<kijkom-transcript
    .page=${page}
    .catalogue=${catalogue}
    .interview=${interview}
    .media=${playback.media}
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
