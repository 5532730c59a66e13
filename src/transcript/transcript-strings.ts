import { translator } from '../i18n/i18n.js';

/** The transcript's strings, in its own chunk. */
const nl = {
  heading: 'Uitgeschreven gesprek',
  loading: 'Het uitgeschreven gesprek wordt geladen…',
  error: 'Het uitgeschreven gesprek kon niet worden geladen.',
  empty: 'Het uitgeschreven gesprek is leeg.',
  text: 'Tekst van het gesprek',
  search: 'Zoek in het gesprek',
  count: '{index} van {total}',
  none: 'Niets gevonden',
  previous: 'Vorige',
  next: 'Volgende',
  follow: 'Volg het gesprek',
  playFrom: 'Speel vanaf {time}',
  chapter: 'Hoofdstuk',
  fragment: 'Fragment',
};

const en: Record<keyof typeof nl, string> = {
  heading: 'Transcript',
  loading: 'Loading the transcript…',
  error: 'The transcript could not be loaded.',
  empty: 'The transcript is empty.',
  text: 'Text of the interview',
  search: 'Search the interview',
  count: '{index} of {total}',
  none: 'Nothing found',
  previous: 'Previous',
  next: 'Next',
  follow: 'Follow the conversation',
  playFrom: 'Play from {time}',
  chapter: 'Chapter',
  fragment: 'Fragment',
};

export const tt = translator<keyof typeof nl>({ nl, en });
