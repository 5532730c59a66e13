import { Strings } from './i18n.js';

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

export const pageStrings = new Strings<keyof typeof nl>({
  nl,
  en: () => import('./page-strings.en.js'),
  de: () => import('./page-strings.de.js'),
});

export const { t: tp } = pageStrings;
