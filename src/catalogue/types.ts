/** The validated catalogue: every field checked, every URL absolute http(s), times in seconds. */

export interface Person {
  id: string;
  name: string;
  role?: string;
  period?: string;
  portrait?: string;
}

export interface CaptionTrack {
  lang?: string;
  label?: string;
  src: string;
}

export interface Chapter {
  title: string;
  start: number;
}

export interface Interview {
  id: string;
  title: string;
  /** Id of a person that exists in the catalogue. */
  person?: string;
  date?: string;
  interviewers: string[];
  summary?: string;
  duration?: number;
  video?: string;
  audio?: string;
  poster?: string;
  captions: CaptionTrack[];
  transcript?: string;
  chapters: Chapter[];
  url?: string;
}

export interface Fragment {
  id: string;
  /** Id of an interview that exists in the catalogue. */
  interview: string;
  title: string;
  start: number;
  /** Always greater than `start` when present. */
  end?: number;
  description?: string;
}

export interface Theme {
  id: string;
  title: string;
  intro: string[];
  /** Ids of fragments that exist, in display order. */
  fragments: string[];
}

/** Maps, not plain objects, so that ids like `__proto__` are only data. */
export interface Catalogue {
  /** The final URL the catalogue was read from (after redirects); the base of its URLs. */
  url: string;
  title?: string;
  lang?: string;
  /** Who publishes the archive (for citations). */
  publisher?: string;
  /** The archive's home page, the document's `url` (for citations). */
  home?: string;
  people: Map<string, Person>;
  interviews: Map<string, Interview>;
  fragments: Map<string, Fragment>;
  themes: Map<string, Theme>;
}

/** A skipped item or dropped field; `path` indexes the original document. */
export interface CatalogueWarning {
  path: string;
  message: string;
}

export type CatalogueErrorKind = 'network' | 'http' | 'timeout' | 'too-large' | 'parse' | 'format';

export const CATALOGUE_FORMAT = 'kijkom-catalogue/1';
