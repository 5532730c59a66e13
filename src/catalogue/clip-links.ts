/**
 * The links and snippets that point at a clip of an archive: the share link, the element and
 * iframe snippets, the embed page's URL (DESIGN §2d). Pure string building, used by the share and
 * quote panels and by `kijkom embed`; unit-tested apart from the elements.
 */

export interface ShareSource {
  /** The catalogue's absolute URL and the fragment id (or, for a whole interview, its id), when the player plays from a catalogue. */
  catalogue?: string;
  fragmentId?: string;
  interviewId?: string;
  /** Without a catalogue: the absolute media URL, times and label. */
  src: string;
  start: number;
  end?: number;
  label?: string;
  /** Who speaks (the interviewee), for the snippets' words. */
  person?: string;
  /** The interview's canonical page, when the catalogue has one. */
  interviewUrl?: string;
  /** The element's `id`, which a deep link on this page can name in `src` mode. */
  elementId?: string;
}

type Pair = [name: string, value: string | undefined];

/** Escapes text for an HTML attribute value in double quotes. */
export function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The link to a fragment: the interview's canonical page with `#t=start,end` when there is one,
 * else this page with `#fragment=<id>` (the id percent-encoded), else this page. A whole
 * interview's link is its canonical page or this one with `#t=start`.
 */
export function shareLink(source: ShareSource, pageUrl: string): string {
  const whole = source.catalogue && !source.fragmentId;
  if (source.interviewUrl || whole) return timeLink(source.interviewUrl ?? pageUrl, source.start, source.end);
  const page = new URL(pageUrl);
  const id = source.fragmentId ?? source.elementId;
  page.hash = id ? `fragment=${encodeURIComponent(id)}` : '';
  return page.href;
}

/** The share link's media fragment: `t=142,205` or `t=142`. */
export function timeFragment(start: number, end?: number): string {
  const round = (n: number) => Math.round(n * 1000) / 1000;
  return `t=${round(start)}${end === undefined ? '' : `,${round(end)}`}`;
}

/** A page (an interview's canonical one, or this one) with `#t=start,end`, which `<interview-page>` reads. */
export function timeLink(page: string, start: number, end?: number): string {
  const url = new URL(page);
  url.hash = timeFragment(start, end);
  return url.href;
}

/** The player's attributes for a source: from its catalogue, else its media URL; every URL absolute. */
function playerAttributes(source: ShareSource): [name: string, value: string][] {
  const times: Pair[] = [
    ['start', String(source.start)],
    ['end', source.end === undefined ? undefined : String(source.end)],
  ];
  const attrs: Pair[] = source.catalogue
    ? [
        ['catalogue', source.catalogue],
        ...(source.fragmentId
          ? [['fragment', source.fragmentId] as Pair]
          : [['interview', source.interviewId] as Pair, ...times, ['label', source.label] as Pair]),
      ]
    : [['src', source.src], ...times, ['label', source.label]];
  return attrs.filter((pair): pair is [string, string] => pair[1] !== undefined);
}

/** What the snippets call the clip: its title and who speaks. */
const clipName = (source: ShareSource) => [source.label, source.person].filter(Boolean).join(' — ');

/**
 * The snippet a blogger pastes: our module and one `<fragment-player>`, every URL absolute, with a
 * link inside the tag (`link`: the share link) that shows where the script is stripped or fails,
 * and is hidden once the player runs.
 */
export function embedSnippet(source: ShareSource, scriptUrl: string, link: string): string {
  const attributes = playerAttributes(source)
    .map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`)
    .join('');
  const fallback = `<a href="${escapeAttribute(link)}">${escapeAttribute(clipName(source) || link)}</a>`;
  return `<script type="module" src="${escapeAttribute(scriptUrl)}"></script><fragment-player${attributes}>${fallback}</fragment-player>`;
}

/**
 * The snippet for a site that allows no scripts but an `<iframe>`: the embed page beside our module
 * (embed.html), in the viewer's `lang`. Only for a clip from a catalogue of the embed page's own
 * origin, which it reads.
 */
export function iframeSnippet(source: ShareSource, scriptUrl: string, lang: string): string | undefined {
  // The embed page shows catalogues of its own origin (others only where its archive lists them,
  // which a snippet cannot know): offered where it will work.
  if (!source.catalogue || new URL(source.catalogue).origin !== new URL(scriptUrl).origin) return undefined;
  return iframeHtml(source, new URL('embed.html', scriptUrl).href, lang);
}

/** The embed page's size in an iframe: 16:9 at 640 wide, plus the title, controls and link. */
export const EMBED_SIZE = { width: 640, height: 640 };

/**
 * An `<iframe>` of the embed page at `embedPage` showing a clip of a catalogue (its URL as DESIGN
 * §2d has it), in `lang` when given (else the catalogue's); what `kijkom embed` puts in oEmbed too.
 */
export function iframeHtml(source: ShareSource, embedPage: string, lang?: string): string {
  const page = new URL(embedPage);
  page.searchParams.set('catalogue', source.catalogue ?? '');
  if (source.fragmentId) page.searchParams.set('fragment', source.fragmentId);
  else {
    page.searchParams.set('interview', source.interviewId ?? '');
    page.searchParams.set('t', [source.start, source.end].filter((time) => time !== undefined).join(','));
  }
  if (lang) page.searchParams.set('lang', lang);
  const title = clipName(source) || 'Kijkom';
  const { width, height } = EMBED_SIZE;
  return `<iframe src="${escapeAttribute(page.href)}" title="${escapeAttribute(title)}" width="${width}" height="${height}" allow="fullscreen" allowfullscreen loading="lazy"></iframe>`;
}
