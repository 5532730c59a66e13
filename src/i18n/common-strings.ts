import { Strings } from './i18n.js';

/** Strings every element may show before play: the facade, loading, and why nothing can be shown. */
const nl = {
  loading: 'Laden…',
  retry: 'Opnieuw proberen',
  playFragment: 'Speel het fragment ({time})',
  playInterview: 'Speel het gesprek ({time})',
  length: 'duur {time}',
  from: 'vanaf {time}',
  'error.network': 'Het archief kon niet worden geladen: de verbinding mislukte.',
  'error.http': 'Het archief kon niet worden geladen (fout {status}).',
  'error.timeout': 'Het archief kon niet worden geladen: het duurde te lang.',
  'error.too-large': 'Het archief kon niet worden geladen: het bestand is te groot.',
  'error.parse': 'Het archief kon niet worden gelezen: het is geen geldig JSON-bestand.',
  'error.format': 'Het archief kon niet worden gelezen: het is geen Kijkom-catalogus.',
  'error.fragment': 'Het fragment “{id}” staat niet in het archief.',
  'error.interview': 'Het gesprek “{id}” staat niet in het archief.',
  'error.source': 'Er is geen video opgegeven.',
  'error.player': 'De speler kon niet worden geladen.',
};

export type StringKey = keyof typeof nl;

export const commonStrings = new Strings<StringKey>({
  nl,
  en: () => import('./common-strings.en.js'),
  de: () => import('./common-strings.de.js'),
});

export const { t, nodes } = commonStrings;
