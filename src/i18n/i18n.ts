/** UI strings in Dutch and English, looked up through one `t()`. */

const nl = {
  loading: 'Laden…',
  retry: 'Opnieuw proberen',
  playFragment: 'Speel het fragment',
  playInterview: 'Speel het gesprek',
  length: 'duur ',
  from: 'vanaf ',
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

type Key = keyof typeof nl;

const en: Record<Key, string> = {
  loading: 'Loading…',
  retry: 'Try again',
  playFragment: 'Play the fragment',
  playInterview: 'Play the interview',
  length: 'length ',
  from: 'from ',
  'error.network': 'The archive could not be loaded: the connection failed.',
  'error.http': 'The archive could not be loaded (error {status}).',
  'error.timeout': 'The archive could not be loaded: it took too long.',
  'error.too-large': 'The archive could not be loaded: the file is too large.',
  'error.parse': 'The archive could not be read: it is not valid JSON.',
  'error.format': 'The archive could not be read: it is not a Kijkom catalogue.',
  'error.fragment': 'The fragment “{id}” is not in the archive.',
  'error.interview': 'The interview “{id}” is not in the archive.',
  'error.source': 'No video was given.',
  'error.player': 'The player could not be loaded.',
};

export type Lang = 'nl' | 'en';
export type StringKey = Key;

/** A `t()` over one pair of tables; the playing UI has its own pair in its own chunk. */
export function translator<K extends string>(tables: Record<Lang, Record<K, string>>) {
  return (lang: Lang, key: K, vars: Record<string, string | number> = {}): string =>
    tables[lang][key].replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? ''));
}

/** The string for `key` in `lang`, with `{name}` placeholders filled from `vars`. */
export const t = translator<Key>({ nl, en });

/** Maps any language tag to the UI language: Dutch for `nl*`, else English; undefined if none. */
export function uiLang(tag: string | undefined | null): Lang | undefined {
  if (!tag) return undefined;
  return /^nl(-|$)/i.test(tag) ? 'nl' : 'en';
}

/**
 * The UI language of an element: the closest `lang` attribute, looking through shadow roots
 * to their hosts, else `fallback` (the catalogue's language), else Dutch (the archive's own).
 */
export function langOf(element: Element, fallback?: string): Lang {
  let node: Element | null = element;
  while (node) {
    const found: Element | null = node.closest('[lang]');
    if (found) return uiLang(found.getAttribute('lang')) ?? uiLang(fallback) ?? 'nl';
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return uiLang(fallback) ?? 'nl';
}
