/**
 * What the embed page (embed.html) shows, read from its URL (DESIGN §2d): the `<fragment-player>`
 * attributes, and where the link to the interview's page comes from. Pure, so it is unit-tested
 * apart from the page.
 *
 *   embed.html?catalogue=URL&fragment=ID                    one fragment
 *   embed.html?catalogue=URL&interview=ID[&t=START[,END]]   a whole interview, or a stretch of it
 *   … &lang=nl|en|de                                        the interface language
 *
 * Only a catalogue of the page's own origin is shown, or one under a prefix the archive lists in
 * the page (`<meta name="kijkom-embed-catalogues" content="https://… https://…">`): else anyone
 * could show their own titles, video and links under the archive's address.
 */

export interface EmbedRequest {
  /** Attribute name → value for the page's `<fragment-player>`. */
  attributes: [name: string, value: string][];
  /** The `lang` for the page, when the query names a plausible language tag. */
  lang?: string;
  /** The catalogue asked for, when it is not one this page shows (then there are no attributes). */
  refused?: string;
}

/** `page`: the embed page's URL; `allowed`: URL prefixes of other catalogues it may show. */
export function embedRequest(search: string, page: string, allowed: string[] = []): EmbedRequest {
  const query = new URLSearchParams(search);
  const lang = query.get('lang') ?? '';
  const language = /^[a-z]{2,3}(-[a-z0-9]{1,8})*$/i.test(lang) ? lang : undefined;
  const catalogue = query.get('catalogue');
  if (catalogue !== null && !mayShow(catalogue, page, allowed))
    return { attributes: [], lang: language, refused: catalogue };
  const attributes: [string, string][] = [];
  for (const name of ['catalogue', 'fragment', 'interview']) {
    const value = query.get(name);
    if (value !== null) attributes.push([name, value]);
  }
  // `t=12:05,13:20`: seconds or [h:]m:s, as a shared link's `#t=` has them; the player parses them.
  const [start, end] = (query.get('t') ?? '').split(',');
  if (query.has('interview') && start)
    attributes.push(['start', start], ...(end ? [['end', end] as [string, string]] : []));
  return { attributes, lang: language };
}

/** Whether the page may show this catalogue: its own origin's, or under a listed prefix. */
function mayShow(catalogue: string, page: string, allowed: string[]): boolean {
  try {
    const url = new URL(catalogue, page);
    const under = (prefix: URL) => url.origin === prefix.origin && url.pathname.startsWith(prefix.pathname);
    return url.origin === new URL(page).origin || allowed.flatMap(asUrl).some(under);
  } catch {
    return false;
  }
}

/** A listed prefix as a URL; one that is none is left out. */
function asUrl(text: string): URL[] {
  try {
    return [new URL(text)];
  } catch {
    return [];
  }
}

/**
 * The interview's own page, from the catalogue as the embed page read it: an absolute http(s) URL
 * resolved against the catalogue's, or undefined (none named, or another scheme).
 */
export function interviewPage(catalogue: unknown, catalogueUrl: string, request: EmbedRequest): string | undefined {
  const doc = catalogue as { fragments?: unknown; interviews?: unknown };
  const named = new Map(request.attributes);
  const list = (value: unknown) => (Array.isArray(value) ? (value as Record<string, unknown>[]) : []);
  const fragment = list(doc?.fragments).find((item) => item?.id === named.get('fragment'));
  const id = named.get('interview') ?? fragment?.interview;
  const url = list(doc?.interviews).find((item) => item?.id === id)?.url;
  if (typeof url !== 'string') return undefined;
  try {
    const page = new URL(url, catalogueUrl);
    return ['http:', 'https:'].includes(page.protocol) ? page.href : undefined;
  } catch {
    return undefined;
  }
}
