import { Strings, type Table } from '../i18n/i18n.js';

/** A citation's words and its fields' labels, with the citations: the share panel and the quote panel both use them. */
const nl = {
  plain: 'Bronvermelding',
  apa: 'Bronvermelding in APA-stijl (APA 7)',
  kind: 'Video-interview',
  noDate: 'z.d.',
  in: 'in',
};

const en: Table<keyof typeof nl> = {
  plain: 'Citation',
  apa: 'Citation in APA style (APA 7)',
  kind: 'Video interview',
  noDate: 'n.d.',
  in: 'in',
};

const de: Table<keyof typeof nl> = {
  plain: 'Quellenangabe',
  apa: 'Quellenangabe im APA-Stil (APA 7)',
  kind: 'Videointerview',
  noDate: 'o. D.',
  in: 'in',
};

export const { t: tc } = new Strings<keyof typeof nl>({ nl, en, de });
