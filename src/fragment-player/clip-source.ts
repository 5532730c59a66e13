import type { CaptionTrack, Catalogue, Interview } from '../catalogue/types.js';

/** What a player plays, from the catalogue or from its own attributes. */
export interface Clip {
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
  /** The interview's transcript (WebVTT), which the playing controls can show. */
  transcript?: string;
  /** The interview's length from the catalogue, until the media says otherwise. */
  duration?: number;
  interviewUrl?: string;
  /** The catalogue's URL when the clip comes from one. */
  catalogue?: string;
  /** The language of the catalogue's texts (the title), when the clip comes from one. */
  lang?: string;
  /** The interview and catalogue the clip comes from, for what only the playing UI shows (the citation). */
  from?: { interview: Interview; catalogue: Catalogue };
}
