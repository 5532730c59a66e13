/**
 * What the embed page (embed.html) shows, read from its URL (DESIGN §2d): the `<fragment-player>`
 * attributes, and where the link to the interview's page comes from. Pure, so it is unit-tested
 * apart from the page.
 *
 *   embed.html?catalogue=URL&fragment=ID                    one fragment
 *   embed.html?catalogue=URL&interview=ID[&t=START[,END]]   a whole interview, or a stretch of it
 *   … &lang=nl|en|de                                        the interface language
 */

export interface EmbedRequest {
  /** Attribute name → value for the page's `<fragment-player>`. */
  attributes: [name: string, value: string][];
  /** The `lang` for the page, when the query names a plausible language tag. */
  lang?: string;
}

export function embedRequest(search: string): EmbedRequest {
  const query = new URLSearchParams(search);
  const attributes: [string, string][] = [];
  for (const name of ['catalogue', 'fragment', 'interview']) {
    const value = query.get(name);
    if (value !== null) attributes.push([name, value]);
  }
  // `t=12:05,13:20`: seconds or [h:]m:s, as a shared link's `#t=` has them; the player parses them.
  const [start, end] = (query.get('t') ?? '').split(',');
  if (query.has('interview') && start)
    attributes.push(['start', start], ...(end ? [['end', end] as [string, string]] : []));
  const lang = query.get('lang') ?? '';
  return { attributes, lang: /^[a-z]{2,3}(-[a-z0-9]{1,8})*$/i.test(lang) ? lang : undefined };
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
