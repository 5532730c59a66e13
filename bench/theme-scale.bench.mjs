// A theme of 10,000 fragments: how long the catalogue takes to validate, how soon a
// <theme-page> shows its first screen, and how many DOM nodes (shadow roots included) it makes.
import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const FRAGMENTS = 10_000;
const INTERVIEWS = 200;
const GOALS = { validateMs: 50, firstScreenMs: 100 };
/** Generated files stay out of the repository, under the server's root (ctx.build() owns kijkom-bench/). */
const OUT = 'node_modules/.cache/kijkom-theme-scale';

/** A catalogue shaped like the real one: unpadded times, texts of ordinary length, three theme sizes. */
function generate() {
  const people = Array.from({ length: INTERVIEWS }, (_, i) => ({
    id: `spreker-${i}`,
    name: `Spreker ${i}`,
    role: 'Secretaris-generaal (voorbeeld)',
    period: '2002–2007',
  }));
  const interviews = people.map((person, i) => ({
    id: `gesprek-${i}`,
    person: person.id,
    title: `Gesprek met spreker ${i}`,
    date: '2018-11',
    interviewers: ['Interviewer 1', 'Interviewer 2'],
    summary:
      'Een lang gesprek over het vak van topambtenaar, de relatie met bewindspersonen en de ambtelijke organisatie.',
    duration: '1:02:10',
    video: '/demo/media/interview-32m/video.m3u8',
    poster: '/demo/media/interview-32m/poster.jpg',
    captions: [{ lang: 'nl', label: 'Nederlands', src: '/demo/media/interview-32m/captions-nl.vtt' }],
    chapters: [{ title: 'Het eerste contact', start: '0:45' }],
  }));
  const fragments = Array.from({ length: FRAGMENTS }, (_, i) => {
    const start = (i * 37) % 3600;
    return {
      id: `fragment-${i}`,
      interview: `gesprek-${i % INTERVIEWS}`,
      title: `Fragment ${i}: over vertrouwen tussen minister en topambtenaar`,
      // Unpadded, as the source site writes times ("12:1").
      start: `${Math.floor(start / 60)}:${start % 60}`,
      ...(i % 2 === 0 && { end: String(start + 45) }),
      description: 'Een moment uit het gesprek waarin de geïnterviewde terugkijkt op een beslissende vergadering.',
    };
  });
  const ids = fragments.map((fragment) => fragment.id);
  const theme = (id, count) => ({
    id,
    title: `Thema met ${count} fragmenten`,
    intro: ['Een inleiding van één alinea.'],
    fragments: ids.slice(0, count),
  });
  return {
    format: 'kijkom-catalogue/1',
    title: 'Groot voorbeeldarchief',
    lang: 'nl',
    people,
    interviews,
    fragments,
    themes: [theme('t26', 26), theme('t1000', 1000), theme('t10000', FRAGMENTS)],
  };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const round = (ms) => Number(ms.toFixed(1));
const verdict = (ms, goal) => (ms <= goal ? 'PASS' : 'OVER');

/** Bundles the validator (pure TypeScript) for Node and for the page. */
async function bundleValidator(root) {
  const esbuild = path.join(root, 'node_modules/.bin/esbuild');
  const entry = path.join(root, 'src/catalogue/validate.ts');
  const esm = path.join(root, OUT, 'validate.mjs');
  const iife = path.join(root, OUT, 'validate.js');
  const run = (args) =>
    promisify(execFile)(esbuild, [entry, '--bundle', '--target=es2022', '--log-level=warning', ...args], { cwd: root });
  await run(['--format=esm', '--platform=node', `--outfile=${esm}`]);
  await run(['--format=iife', '--global-name=kijkomBench', `--outfile=${iife}`]);
  return { esm, iife };
}

/** In the page: validates `text` `runs` times after a warm-up (parse excluded); returns the median ms. */
function validateInPage(text, url, runs) {
  const doc = JSON.parse(text);
  const times = [];
  for (let i = -1; i < runs; i++) {
    const t0 = performance.now();
    const result = globalThis.kijkomBench.validateCatalogue(doc, url);
    // The first run warms the JIT up; it is dropped.
    if (i >= 0) times.push(performance.now() - t0);
    if (!result.ok || result.warnings.length)
      throw new Error('the generated catalogue should validate without warnings');
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

/**
 * In the page: connects a <theme-page> and times it to the catalogue (fetched, parsed, validated),
 * to the first list items in the DOM and to the frame after; then counts DOM nodes.
 */
async function firstScreen(catalogue, theme) {
  const countNodes = (root) => {
    let nodes = 0;
    const walk = (node) => {
      nodes++;
      if (node.shadowRoot) walk(node.shadowRoot);
      for (const child of node.childNodes) walk(child);
    };
    walk(root);
    return nodes;
  };
  await customElements.whenDefined('theme-page');
  const page = document.createElement('theme-page');
  page.setAttribute('catalogue', catalogue);
  page.setAttribute('theme', theme);
  const loaded = new Promise((resolve, reject) => {
    page.addEventListener('catalogue-load', resolve, { once: true });
    page.addEventListener('catalogue-error', (event) => reject(new Error(`catalogue-error: ${event.detail.message}`)), {
      once: true,
    });
  });
  const t0 = performance.now();
  document.body.append(page);
  await loaded;
  const tLoaded = performance.now();
  await page.updateComplete;
  const list = page.shadowRoot.querySelector('fragment-list');
  await list.updateComplete;
  const items = list.shadowRoot.querySelectorAll('[part~="item"]').length;
  const tItems = performance.now();
  // Style and layout now, so they are timed apart from the wait for the next frame.
  document.body.getBoundingClientRect();
  const tLayout = performance.now();
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
  const tFrame = performance.now();
  const nodes = countNodes(document);
  list.shadowRoot.querySelector('[part~="more"]')?.click();
  await list.updateComplete;
  return {
    loadedMs: tLoaded - t0,
    itemsMs: tItems - tLoaded,
    screenMs: tLayout - tLoaded,
    paintedMs: tFrame - tLoaded,
    totalMs: tFrame - t0,
    items,
    nodes,
    nodesAfterMore: countNodes(document),
    itemsAfterMore: list.shadowRoot.querySelectorAll('[part~="item"]').length,
  };
}

export async function run(ctx) {
  await mkdir(path.join(ctx.root, OUT), { recursive: true });
  const doc = generate();
  const text = JSON.stringify(doc);
  const file = path.join(OUT, 'theme-scale.json');
  await writeFile(path.join(ctx.root, file), text);
  const blank = path.join(OUT, 'blank.html');
  await writeFile(
    path.join(ctx.root, blank),
    '<!doctype html><html lang="nl"><meta charset="utf-8"><link rel="icon" href="data:,"><title>bench</title><body></body></html>',
  );
  const [{ esm, iife }, build] = await Promise.all([bundleValidator(ctx.root), ctx.build()]);
  const catalogueUrl = ctx.server.url(`/${file}`);
  const runs = Math.max(ctx.runs, 5);
  // A validation takes tens of milliseconds: more of them give a steadier median.
  const validations = runs * 3;

  // Validation, in Node and in Chromium: the parsed document to the validated catalogue.
  const { validateCatalogue } = await import(pathToFileURL(esm).href);
  const nodeTimes = [];
  for (let i = 0; i < validations + 1; i++) {
    const t0 = performance.now();
    validateCatalogue(doc, catalogueUrl);
    // The first run warms the JIT up; it is dropped.
    if (i > 0) nodeTimes.push(performance.now() - t0);
  }
  const probe = await ctx.newPage();
  let browserMs;
  try {
    await probe.goto(ctx.server.url(`/${blank}`));
    await probe.addScriptTag({ content: await readFile(iife, 'utf8') });
    browserMs = await probe.evaluate(validateInPage, text, catalogueUrl, validations);
  } finally {
    await probe.close();
  }
  const validation = [
    {
      where: 'Node',
      fragments: FRAGMENTS,
      'JSON KB': Math.round(text.length / 1024),
      'median ms': round(median(nodeTimes)),
      goal: GOALS.validateMs,
      '': verdict(median(nodeTimes), GOALS.validateMs),
    },
    {
      where: 'Chromium',
      fragments: FRAGMENTS,
      'JSON KB': Math.round(text.length / 1024),
      'median ms': round(browserMs),
      goal: GOALS.validateMs,
      '': verdict(browserMs, GOALS.validateMs),
    },
  ];

  // First screen: a fresh page per run, the CDN build already loaded, the catalogue not.
  const screens = [];
  for (const theme of ['t26', 't1000', 't10000']) {
    const results = [];
    for (let i = 0; i < runs; i++) {
      const page = await ctx.newPage();
      try {
        await page.setViewport({ width: 1280, height: 900 });
        // An empty page on our origin with the production build registered.
        await page.goto(ctx.server.url(`/${blank}`));
        await page.addScriptTag({ url: `${build.url}/dist/cdn/kijkom.js`, type: 'module' });
        results.push(
          await page.evaluate(firstScreen, ctx.server.url(`/${file}`, { run: `theme-scale-${theme}-${i}` }), theme),
        );
      } finally {
        await page.close();
      }
    }
    const pick = (key) => round(median(results.map((r) => r[key])));
    const { items, nodes, nodesAfterMore, itemsAfterMore } = results[0];
    const screenMs = pick('screenMs');
    screens.push({
      theme: `${doc.themes.find((t) => t.id === theme).fragments.length} fragments`,
      'catalogue ms': pick('loadedMs'),
      'items ms': pick('itemsMs'),
      'screen ms': screenMs,
      goal: GOALS.firstScreenMs,
      '': verdict(screenMs, GOALS.firstScreenMs),
      'painted ms': pick('paintedMs'),
      'total ms': pick('totalMs'),
      items,
      'DOM nodes': nodes,
      'after "more"': `${nodesAfterMore} (${itemsAfterMore} items)`,
    });
  }

  return [
    {
      title: `Validation of a generated ${FRAGMENTS.toLocaleString('en-US')}-fragment catalogue (${INTERVIEWS} interviews; JSON.parse excluded; median of ${validations})`,
      rows: validation,
    },
    {
      title: `<theme-page> first screen, CDN build, 1280×900 (median of ${runs} fresh pages; the whole catalogue is fetched, parsed and validated each time)`,
      rows: screens,
      note:
        'catalogue: connected → catalogue-load (fetch, JSON.parse, validation); items: catalogue-load → the list items in the DOM;\n' +
        'screen (the goal): catalogue-load → items rendered, styled and laid out; painted: → after the next animation frame; total: connected → painted.\n' +
        'DOM nodes: every node of the document, shadow roots included. The list renders 100 items and a "show more" button, so the first screen is the same size for 1,000 and 10,000 fragments.',
    },
  ];
}
