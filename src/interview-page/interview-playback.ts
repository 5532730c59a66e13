// Where an <interview-page>'s player stands and how the interview is followed: with the view, a
// chunk loaded with the page's catalogue, so that pages without an interview page carry none of it.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Catalogue, Fragment, Interview } from '../catalogue/types.js';
import { listFragments } from '../catalogue/fragment-query.js';
import type { PlaybackRequest } from '../events/playback-request.js';
import type { PagePlayer } from '../internal/catalogue-provider.js';
import { parseTimeHash } from '../internal/time-hash.js';

/** How an interview is followed: watched, listened to (its audio source) or read (its transcript). */
export type InterviewMode = 'watch' | 'listen' | 'read';

/** What the interview's playback needs of its page. */
export interface PlaybackPage {
  /** The catalogue and the interview the page shows, once the catalogue is there and has it. */
  shown(): { catalogue: Catalogue; interview: Interview } | undefined;
  /** The page's player, once rendered. */
  player(): Promise<PagePlayer | null>;
  /** The fragment the player shows; undefined while it shows the whole interview. */
  shownFragment(): string | undefined;
  /** Shows the whole interview in the player (no fragment current). */
  showWhole(): void;
  /** The fragment whose stretch the playing position is in, for the list to mark. */
  standsIn(fragmentId: string | undefined): void;
}

/**
 * The whole interview's stretch in the page's player (from a chapter, a transcript time or
 * `#t=`), watch/listen/read, and the chapter the playing position is in. It carries out the
 * page's time requests (a transcript's) and follows the player's media.
 */
export class InterviewPlayback implements ReactiveController {
  /** Where the whole interview starts, and ends (`#t=start,end`). */
  start?: number;
  end?: number;
  mode: InterviewMode = 'watch';
  /** Index of the chapter the player stands in, once it has played. */
  chapter?: number;
  /** Where the address's `#t=` pointed, when that is past the interview's end (then it was not cued). */
  linkPastEnd?: number;
  /** The media of the page's player, once it played: the transcript follows it. */
  media?: HTMLMediaElement;
  private following?: AbortController;
  /** The address's `#t=`, until the catalogue is there to say whether the interview has that time. */
  private linked?: { start: number; end?: number };

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly page: PlaybackPage,
  ) {
    host.addController(this);
    this.linked = parseTimeHash(location.hash);
  }

  /**
   * `#t=` cues that stretch in the player (shown, nothing plays), once the catalogue is there. A
   * time past the interview's end cannot be: the interview stands at its start, and the page says why.
   */
  hostUpdate(): void {
    const linked = this.linked;
    const interview = this.page.shown()?.interview;
    if (!linked || !interview) return;
    this.linked = undefined;
    if (interview.duration !== undefined && linked.start >= interview.duration) this.linkPastEnd = linked.start;
    else [this.start, this.end] = [linked.start, linked.end];
  }

  hostDisconnected(): void {
    this.following?.abort();
  }

  /** A time asked for (the transcript's) plays the whole interview from there; other requests are not ours. */
  carryOut(request: PlaybackRequest): Promise<void> | undefined {
    return request.action === 'seek' ? this.playFrom(request.time, request.play) : undefined;
  }

  /**
   * Plays the whole interview from `start` (or only stands there, `play` false): the playing
   * one seeks there, a fragment or the facade gives way to it (no fragment is current then).
   */
  async playFrom(start: number, play = true): Promise<void> {
    // A time chosen while reading is listened to (there is no player to watch in).
    if (play && this.mode === 'read') this.setState(() => (this.mode = 'listen'));
    const player = await this.page.player();
    if (player?.media && this.page.shownFragment() === undefined && this.end === undefined) {
      player.seek(start);
      if (play) await player.play();
      return;
    }
    this.standAt(start);
    if (play) await (await this.page.player())?.play();
  }

  /**
   * Switches between watching, listening and reading, keeping the position: the whole interview
   * stands where the player stood, and plays on from there when it played (not when reading).
   */
  async setMode(mode: InterviewMode): Promise<void> {
    const media = (await this.page.player())?.media;
    const playing = !!media && !media.paused;
    if (media) this.standAt(media.currentTime);
    this.setState(() => (this.mode = mode));
    if (playing && mode !== 'read') await (await this.page.player())?.play();
  }

  /**
   * Follows the media of the page's player that started playing: its position through the
   * interview's chapters and fragments, marking them when it moves into another, not on every
   * `timeupdate`.
   */
  follow(media: HTMLMediaElement): void {
    this.setState(() => (this.media = media));
    this.following?.abort();
    const shown = this.page.shown();
    if (!shown) return;
    const { catalogue, interview } = shown;
    const listening = (this.following = new AbortController());
    const stretches = stretchesOf(listFragments(catalogue, { interview: interview.id }) ?? []);
    let last: string | undefined;
    const update = () => {
      // A media element released (its player gone, or switched to audio) reads 0:00: not a position.
      if (media.readyState === HTMLMediaElement.HAVE_NOTHING) return;
      const chapter = chapterAt(interview.chapters, media.currentTime);
      const fragment = fragmentAt(stretches, media.currentTime);
      const key = `${chapter} ${fragment}`;
      if (key === last) return;
      last = key;
      this.setState(() => (this.chapter = chapter));
      this.page.standsIn(fragment);
    };
    for (const type of ['timeupdate', 'seeked']) media.addEventListener(type, update, { signal: listening.signal });
    update();
  }

  /** The whole interview, from `start`, in the player (no fragment is current then). */
  private standAt(start: number): void {
    this.setState(() => {
      this.start = start;
      this.end = undefined;
    });
    this.page.showWhole();
  }

  private setState(change: () => void): void {
    change();
    this.host.requestUpdate();
  }
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
