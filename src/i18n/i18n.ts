/**
 * The UI languages and their string tables. A table holds the strings of one chunk (the facade,
 * the pages, the playing controls, the transcript) in one language. Adding a language: add it to
 * `LANGS` and write one file per table (README, "Adding a language").
 */

/** The UI languages that ship; Dutch, the archive's own, is the last fallback. */
export const LANGS = ['nl', 'en', 'de'] as const;
export type Lang = (typeof LANGS)[number];

/** Values for a string's `{name}` placeholders. */
export type Vars = Record<string, string | number>;
/** Values for placeholders that may be nodes too (a `<time>` in a sentence). */
export type NodeVars = Record<string, string | number | Node>;

/** One table's strings in one language. */
export type Table<K extends string> = Record<K, string>;

/** A table's language: there already, or a module loaded the first time the language is used. */
type Source<K extends string> = Table<K> | (() => Promise<{ default: Table<K> }>);

/** Fills `{name}` placeholders from `vars` (a missing one becomes empty). */
export const fill = (text: string, vars: Vars = {}): string =>
  text.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? ''));

/** Fills `{name}` placeholders with text or nodes: the text's pieces and the nodes, in order. */
export const fillNodes = (text: string, vars: NodeVars): (string | Node)[] =>
  // Split on placeholders, their names kept at the odd places.
  text.split(/\{(\w+)\}/).map((piece, i) => {
    if (i % 2 === 0) return piece;
    const value = vars[piece] ?? '';
    return value instanceof Node ? value : String(value);
  });

/**
 * One string table in every language. Dutch is always there; another language may be a module of
 * its own that loads on first use (before play only Dutch is carried), meanwhile Dutch stands in.
 */
export class Strings<K extends string> {
  constructor(private readonly sources: { nl: Table<K> } & Record<Exclude<Lang, 'nl'>, Source<K>>) {}

  /** Whether `lang` can be shown now (loaded, or failed to load and Dutch stands in). */
  has(lang: Lang): boolean {
    return typeof this.sources[lang] === 'object';
  }

  /** Loads `lang`'s table (the browser loads a module once, however often asked). */
  async load(lang: Lang): Promise<void> {
    const source = this.sources[lang];
    if (typeof source !== 'function') return;
    const sources: Record<Lang, Source<K>> = this.sources;
    // A failed load (offline, say) leaves Dutch standing in.
    sources[lang] = await source().then(
      (module) => module.default,
      () => this.sources.nl,
    );
  }

  /** The string `key` in `lang` (Dutch until `lang` has loaded), its placeholders filled from `vars`. */
  readonly t = (lang: Lang, key: K, vars?: Vars): string => fill(this.text(lang, key), vars);

  /** The string `key` in `lang` as text and nodes, for placeholders that are nodes. */
  readonly nodes = (lang: Lang, key: K, vars: NodeVars): (string | Node)[] => fillNodes(this.text(lang, key), vars);

  private text(lang: Lang, key: K): string {
    const table = this.sources[lang];
    return (typeof table === 'object' ? table : this.sources.nl)[key];
  }
}

/**
 * Whether every one of `tables` can be shown in `lang`; if not, loads them and asks `host` to
 * update once they are (it shows its loading state meanwhile).
 */
export function stringsReady(
  host: { requestUpdate(): void },
  lang: Lang,
  ...tables: Pick<Strings<never>, 'has' | 'load'>[]
): boolean {
  const missing = tables.filter((table) => !table.has(lang));
  if (missing.length) void Promise.all(missing.map((table) => table.load(lang))).then(() => host.requestUpdate());
  return !missing.length;
}

/** The UI language a language tag asks for: its base language, if that ships; undefined if not. */
export function uiLang(tag: string | undefined | null): Lang | undefined {
  const base = tag?.split('-')[0].toLowerCase();
  return LANGS.find((lang) => lang === base);
}

/**
 * The UI language of an element: that of the closest `lang` attribute (looking through shadow
 * roots to their hosts) if it ships, else `fallback`'s (the catalogue's language), else Dutch.
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
