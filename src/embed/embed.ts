/**
 * The embed page's script (embed.html, built beside kijkom.js): one `<fragment-player>` as the
 * page's URL asks (embed-request.ts), and under it the link to the interview's own page when the
 * catalogue names one. Kijkom itself comes from kijkom.js, which the page loads too.
 */
import { embedRequest, interviewPage } from './embed-request.js';

/** The link's words, in the page's language (the player's own words follow the same `lang`). */
const WHOLE_INTERVIEW: Record<string, string> = {
  nl: 'Het hele gesprek',
  en: 'The whole interview',
  de: 'Das ganze Gespräch',
};

/** Said instead of a player when the URL names a catalogue this page does not show. */
const REFUSED: Record<string, string> = {
  nl: 'Deze catalogus wordt hier niet getoond:',
  en: 'This catalogue is not shown here:',
  de: 'Dieser Katalog wird hier nicht gezeigt:',
};

/** The catalogues of other sites the archive lets this page show (see embed-request.ts). */
const allowed = (document.querySelector<HTMLMetaElement>('meta[name="kijkom-embed-catalogues"]')?.content ?? '')
  .split(/\s+/)
  .filter(Boolean);
const request = embedRequest(location.search, location.href, allowed);
if (request.lang) document.documentElement.lang = request.lang;
const words = (table: Record<string, string>) =>
  table[document.documentElement.lang.slice(0, 2).toLowerCase()] ?? table.nl;
const player = document.createElement('fragment-player');
for (const [name, value] of request.attributes) player.setAttribute(name, value);
const main = document.createElement('main');
if (request.refused === undefined) main.append(player);
else {
  const notice = document.createElement('p');
  notice.setAttribute('role', 'alert');
  notice.textContent = `${words(REFUSED)} ${request.refused}`;
  main.append(notice);
}
document.body.append(main);

/** Adds the link to the interview's page, once the player has the catalogue that names it. */
async function linkInterviewPage(catalogueUrl: string): Promise<void> {
  // From the HTTP cache where the archive lets it be cached (the player's own copy is not ours to
  // read); as the player's loader asks: no cookies, 15 s at most.
  const page = interviewPage(
    await (
      await fetch(catalogueUrl, { cache: 'force-cache', credentials: 'omit', signal: AbortSignal.timeout(15_000) })
    ).json(),
    catalogueUrl,
    request,
  );
  if (!page) return;
  const link = document.createElement('a');
  link.href = page;
  // Out of the frame: the interview's page is a page of its own, not a page inside someone's post.
  link.target = '_blank';
  link.rel = 'noopener';
  link.textContent = words(WHOLE_INTERVIEW);
  main.append(link);
}

player.addEventListener(
  'catalogue-load',
  (event) => {
    // No link when that fails: the player says what it can show.
    linkInterviewPage((event as Event & { detail: { url: string } }).detail.url).catch(() => undefined);
  },
  { once: true },
);
