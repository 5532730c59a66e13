import { Strings, type Table } from '../i18n/i18n.js';

/** The interview view's own strings (the watch/listen/read choice, a `#t=` past the end), in its chunk with every language. */
const nl = {
  modes: 'Het gesprek',
  watch: 'Kijken',
  listen: 'Luisteren',
  read: 'Lezen',
  pastEnd: 'De link wijst naar {time}, maar het gesprek duurt {end}: het staat klaar bij het begin.',
};

const en: Table<keyof typeof nl> = {
  modes: 'The interview',
  watch: 'Watch',
  listen: 'Listen',
  read: 'Read',
  pastEnd: 'The link points to {time}, but the interview lasts {end}: it is ready at the start.',
};

const de: Table<keyof typeof nl> = {
  modes: 'Das Gespräch',
  watch: 'Ansehen',
  listen: 'Anhören',
  read: 'Lesen',
  pastEnd: 'Der Link verweist auf {time}, aber das Gespräch dauert {end}: es steht am Anfang bereit.',
};

export const { t: tv } = new Strings<keyof typeof nl>({ nl, en, de });
