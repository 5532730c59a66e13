// Layout shift of the demo pages as a user gets them: each demo/*.html with its `/kijkom.js`
// swapped for the built CDN `kijkom.js` (ctx.build()), and a <lite-youtube> page as the anchor.
// Both gaps a visitor sees are stretched so they are measured, not raced past: the script
// arrives SCRIPT_DELAY ms late (the elements are not yet defined) and the catalogue another
// CATALOGUE_DELAY ms later (the elements say "Laden…"). A PerformanceObserver for 'layout-shift'
// (buffered, without shifts after input) is installed before any content; the page is measured
// once no element is busy and the network has been quiet for QUIET_MS. CLS is Lighthouse's and
// web-vitals': the largest session window (shifts less than 1 s apart, at most 5 s long); the
// total of all shifts is printed beside it. Desktop 1350×940 and mobile 412×823 (Lighthouse's presets).
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

const GOAL = 0.02;
const SCRIPT_DELAY = 1000;
const CATALOGUE_DELAY = 1000;
const QUIET_MS = 500;
const VIEWPORTS = [
  { name: 'desktop', width: 1350, height: 940, deviceScaleFactor: 1 },
  { name: 'mobile', width: 412, height: 823, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true },
];
/** Generated pages stay out of the repository, under the server's root (ctx.build() owns kijkom-bench/). */
const OUT = 'node_modules/.cache/kijkom-cls';

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** The anchor: lite-youtube-embed's facade, its stylesheet in the head, its script as late as ours. */
const liteYoutube = `<!doctype html>
<html lang="nl">
  <meta charset="utf-8" />
  <meta name="viewport" content="width=device-width, initial-scale=1" />
  <title>bench: a &lt;lite-youtube&gt; facade</title>
  <link rel="stylesheet" href="/node_modules/lite-youtube-embed/src/lite-yt-embed.css" />
  <link rel="stylesheet" href="/demo/demo.css" />
  <script type="module" src="/node_modules/lite-youtube-embed/src/lite-yt-embed.js"></script>
  <article class="post">
    <h1>Over vertrouwen tussen minister en topambtenaar</h1>
    <p>In een van de gesprekken stelt de geïnterviewde een vraag die alles bepaalt:</p>
    <lite-youtube videoid="ogfYd705cRs" playlabel="Speel het fragment"></lite-youtube>
    <p>Wat volgt, schuift niet op zolang de facade zijn plaats al heeft.</p>
  </article>
</html>
`;

/** The pages to load: every demo page on the CDN build (its relative URLs still resolving in demo/), and the anchor. */
async function writePages(ctx, build) {
  const dir = path.join(ctx.root, OUT);
  await mkdir(dir, { recursive: true });
  const pages = [];
  for (const name of (await readdir(path.join(ctx.root, 'demo'))).filter((n) => n.endsWith('.html')).sort()) {
    const source = await readFile(path.join(ctx.root, 'demo', name), 'utf8');
    const script = '<script type="module" src="/kijkom.js"></script>';
    if (!source.includes(script)) throw new Error(`demo/${name} does not load ${script}`);
    const html = source
      .replace('<head>', '<head>\n    <base href="/demo/" />')
      .replace(script, `<script type="module" src="${build.url}/dist/cdn/kijkom.js"></script>`);
    await writeFile(path.join(dir, name), html);
    pages.push({ name: `demo/${name}`, path: `/${OUT}/${name}` });
  }
  await writeFile(path.join(dir, 'lite-youtube.html'), liteYoutube);
  pages.push({ name: '<lite-youtube> (anchor)', path: `/${OUT}/lite-youtube.html` });
  return pages;
}

/** Installed before any content: every layout shift without recent input, with what moved. */
function observeShifts() {
  window.shifts = [];
  const describe = (node) =>
    node instanceof Element
      ? node.localName + (node.className ? `.${String(node.className).split(' ')[0]}` : '')
      : '#text';
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.hadRecentInput) continue;
      const moved = entry.sources.map((source) => source.node && describe(source.node)).filter(Boolean);
      window.shifts.push({ value: entry.value, time: entry.startTime, moved });
    }
  }).observe({ type: 'layout-shift', buffered: true });
}

/** In the page: whether every custom element is defined and none, in any shadow root, is busy. */
function settled() {
  const walk = (root) =>
    [...root.querySelectorAll('*')].every(
      (el) =>
        !el.hasAttribute('aria-busy') &&
        (!el.localName.includes('-') || customElements.get(el.localName)) &&
        (!el.shadowRoot || walk(el.shadowRoot)),
    );
  return walk(document);
}

/** Lighthouse's CLS: the largest sum of shifts in a session window (gaps < 1 s, at most 5 s long). */
function sessionMax(shifts) {
  let best = 0;
  let sum = 0;
  let first = -Infinity;
  let last = -Infinity;
  for (const { value, time } of shifts) {
    if (time - last >= 1000 || time - first >= 5000) {
      sum = 0;
      first = time;
    }
    sum += value;
    last = time;
    best = Math.max(best, sum);
  }
  return best;
}

async function measure(ctx, url, viewport) {
  const page = await ctx.newPage();
  try {
    await page.setViewport(viewport);
    await page.evaluateOnNewDocument(observeShifts);
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      const { origin, pathname } = new URL(request.url());
      // No request leaves the machine: the anchor's poster (from YouTube) is answered empty.
      if (/^https?:/.test(request.url()) && origin !== ctx.server.origin) return void request.respond({ status: 204 });
      const delay = /(kijkom|lite-yt-embed)\.js$/.test(pathname)
        ? SCRIPT_DELAY
        : pathname.endsWith('/catalogue.json')
          ? CATALOGUE_DELAY
          : 0;
      setTimeout(() => void request.continue().catch(() => undefined), delay);
    });
    const from = ctx.server.log.length;
    await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
    const deadline = Date.now() + 20_000;
    let seen = -1;
    let since = Date.now();
    for (;;) {
      if (Date.now() > deadline) throw new Error(`${url}: still busy after 20 s`);
      const entries = ctx.server.log.slice(from);
      if (entries.length !== seen || entries.some((entry) => !entry.done)) {
        seen = entries.length;
        since = Date.now();
      } else if (Date.now() - since >= QUIET_MS && (await page.evaluate(settled))) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    // Two frames, so the last layout is done and its shift reported.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const shifts = await page.evaluate(() => window.shifts);
    const largest = shifts.reduce((a, b) => (b.value > (a?.value ?? 0) ? b : a), undefined);
    return {
      cls: sessionMax(shifts),
      total: shifts.reduce((sum, shift) => sum + shift.value, 0),
      moved: largest
        ? `${largest.value.toFixed(3)} at ${Math.round(largest.time)} ms: ${largest.moved.join(', ')}`
        : '',
    };
  } finally {
    await page.close();
  }
}

export async function run(ctx) {
  const build = await ctx.build();
  const pages = await writePages(ctx, build);
  const tables = [];
  for (const viewport of VIEWPORTS) {
    const samples = new Map(pages.map((page) => [page, []]));
    // Interleaved, so a slow moment of the machine does not land on one page only.
    for (let i = 1; i <= ctx.runs; i++) {
      for (const page of pages) {
        samples
          .get(page)
          .push(await measure(ctx, ctx.server.url(page.path, { run: `cls-${viewport.name}-${i}` }), viewport));
      }
    }
    tables.push({
      title: `Layout shift, ${viewport.name} ${viewport.width}×${viewport.height} (script +${SCRIPT_DELAY} ms, catalogue +${CATALOGUE_DELAY} ms; median of ${ctx.runs})`,
      rows: pages.map((page) => {
        const runs = samples.get(page);
        const cls = median(runs.map((r) => r.cls));
        const worst = runs.reduce((a, b) => (b.cls > a.cls ? b : a));
        return {
          page: page.name,
          CLS: cls.toFixed(3),
          total: median(runs.map((r) => r.total)).toFixed(3),
          [`≤ ${GOAL}`]: cls <= GOAL ? 'PASS' : 'OVER',
          'largest shift of the worst run': worst.moved,
        };
      }),
      note: 'CLS: the largest session window (Lighthouse, web-vitals); total: every shift of the load.',
    });
  }
  return tables;
}
