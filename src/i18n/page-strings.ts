import { translator } from './i18n.js';

/** Strings of the lists and pages, apart so that a lone <fragment-player> does not carry them. */
const nl = {
  theme: 'Thema',
  fragments: 'Fragmenten',
  chapters: 'Hoofdstukken',
  interviewers: 'Interviewers',
  search: 'Zoek in de fragmenten',
  noMatches: 'Geen fragmenten gevonden voor “{query}”.',
  matches: '{count} van {total} fragmenten',
  noFragments: 'Dit thema heeft nog geen fragmenten.',
  playing: 'speelt nu',
  showMore: 'Toon meer fragmenten',
  'error.theme': 'Het thema “{id}” staat niet in het archief.',
  'error.transcript': 'Het uitgeschreven gesprek kon niet worden geladen.',
  'error.page': 'Het gesprek kon niet worden getoond.',
};

const en: Record<keyof typeof nl, string> = {
  theme: 'Theme',
  fragments: 'Fragments',
  chapters: 'Chapters',
  interviewers: 'Interviewers',
  search: 'Search the fragments',
  noMatches: 'No fragments found for “{query}”.',
  matches: '{count} of {total} fragments',
  noFragments: 'This theme has no fragments yet.',
  playing: 'now playing',
  showMore: 'Show more fragments',
  'error.theme': 'The theme “{id}” is not in the archive.',
  'error.transcript': 'The transcript could not be loaded.',
  'error.page': 'The interview could not be shown.',
};

export const tp = translator<keyof typeof nl>({ nl, en });
