import { Strings, type Table } from '../i18n/i18n.js';

/** What the deep-link decision says, in its chunk with every language: only a page opened with `#fragment=` needs it. */
const nl = { missed: 'De link wijst naar een fragment dat hier niet staat (“{id}”).' };

const en: Table<keyof typeof nl> = { missed: 'The link points to a fragment that is not on this page (“{id}”).' };

const de: Table<keyof typeof nl> = {
  missed: 'Der Link verweist auf ein Fragment, das nicht auf dieser Seite steht („{id}“).',
};

export const { t: tl } = new Strings<keyof typeof nl>({ nl, en, de });
