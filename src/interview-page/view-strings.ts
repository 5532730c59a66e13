import { Strings, type Table } from '../i18n/i18n.js';

/** The interview view's own strings (the watch/listen/read choice), in its chunk with every language. */
const nl = { modes: 'Het gesprek', watch: 'Kijken', listen: 'Luisteren', read: 'Lezen' };

const en: Table<keyof typeof nl> = { modes: 'The interview', watch: 'Watch', listen: 'Listen', read: 'Read' };

const de: Table<keyof typeof nl> = { modes: 'Das Gespräch', watch: 'Ansehen', listen: 'Anhören', read: 'Lesen' };

export const { t: tv } = new Strings<keyof typeof nl>({ nl, en, de });
