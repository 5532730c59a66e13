// A 2-hour transcript in <interview-page>: how soon its first paragraph shows once the WebVTT
// has arrived, how much of the DOM one change of the spoken cue touches, how long a search
// keystroke takes, and how many elements it all makes.
import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const CUES = 1800;
const CUE_SECONDS = 4;
const GOALS = { firstScreenMs: 50, touchedPerChange: 2, keystrokeMs: 16 };
const QUERIES = ['e', 'de', 'minister', 'één'];
/** Generated files stay out of the repository, under the server's root (ctx.build() owns kijkom-bench/). */
const OUT = 'node_modules/.cache/kijkom-transcript';
const SPEAKERS = ['Interviewer', 'Joëlle van den Broek'];

// Half of all words come from the short ones, as in speech; the rest has Dutch accents and diaereses.
const COMMON = (
  'de het een en van in dat is die niet op te met voor er was maar ook als aan we ik u je wel nog dan toen ' +
  'naar bij zo om heel echt dus had kon werd wat hoe waar zij hij ze daar hier al één'
).split(' ');
const CONTENT = (
  'minister ministerie kabinet Kamer vergadering beleid ambtenaar topambtenaar directeur secretaris-generaal ' +
  'staatssecretaris bewindspersoon begroting nota advies overleg departement vertrouwen verantwoording crisis ' +
  'besluit voorstel regering coalitie parlement organisatie medewerkers collega’s jaren periode moment gesprek ' +
  'verhouding afspraak probleem oplossing Haag provincie gemeente wetsvoorstel uitvoering inspectie toezicht ' +
  'ideeën geïnterviewde coördinatie reëel België financiën café privé cliënt efficiënt financiële geëvalueerd ' +
  'patiënten coöperatie ruïne naïef Curaçao reünie geëerd beëindigd tweeëntwintig knieën overeenkomst later ' +
  'eigenlijk natuurlijk gewoon toch belangrijk moeilijk lastig duidelijk zeker steeds precies vaak altijd nooit ' +
  'gezegd gedaan gewerkt besproken gevraagd geleerd gekozen gedacht geschreven begonnen'
).split(' ');

/** A small deterministic PRNG (mulberry32), so every run measures the same text. */
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const stamp = (seconds) => {
  const pad = (n, width = 2) => String(n).padStart(width, '0');
  const ms = Math.round(seconds * 1000);
  return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}.${pad(ms % 1000, 3)}`;
};

/** WebVTT of CUES cues of 4 s, 9–13 words on two lines, speakers alternating in turns of 1–6 cues. */
function generateVtt() {
  const next = random(2026);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const lines = ['WEBVTT', ''];
  let words = 0;
  let speaker = 1;
  let turnLeft = 0;
  for (let i = 0; i < CUES; i++) {
    if (turnLeft === 0) {
      speaker = 1 - speaker;
      turnLeft = 1 + Math.floor(next() * 6);
    }
    turnLeft--;
    const count = 9 + Math.floor(next() * 5);
    words += count;
    const text = Array.from({ length: count }, () => (next() < 0.5 ? pick(COMMON) : pick(CONTENT)));
    text[0] = text[0][0].toUpperCase() + text[0].slice(1);
    const half = Math.ceil(count / 2);
    const end = next() < 0.2 ? '?' : next() < 0.3 ? ',' : '.';
    lines.push(
      `${stamp(i * CUE_SECONDS)} --> ${stamp((i + 1) * CUE_SECONDS)}`,
      `<v ${SPEAKERS[speaker]}>${text.slice(0, half).join(' ')}`,
      `${text.slice(half).join(' ')}${end}`,
      '',
    );
  }
  return { vtt: lines.join('\n'), words };
}

/** One interview with the generated transcript and the demo video, chapters every 15 minutes, a few fragments. */
function generateCatalogue() {
  return {
    format: 'kijkom-catalogue/1',
    title: 'Transcriptbenchmark',
    lang: 'nl',
    people: [{ id: 'spreker', name: SPEAKERS[1], role: 'Secretaris-generaal (voorbeeld)', period: '2002–2007' }],
    interviews: [
      {
        id: 'twee-uur',
        person: 'spreker',
        title: 'Een gesprek van twee uur',
        date: '2019-03',
        interviewers: [SPEAKERS[0]],
        duration: '2:00:00',
        video: '/demo/media/interview-32m/video.m3u8',
        poster: '/demo/media/interview-32m/poster.jpg',
        transcript: 'transcript.vtt',
        chapters: Array.from({ length: 8 }, (_, i) => ({ title: `Hoofdstuk ${i + 1}`, start: String(i * 900) })),
      },
    ],
    fragments: Array.from({ length: 12 }, (_, i) => ({
      id: `fragment-${i}`,
      interview: 'twee-uur',
      title: `Fragment ${i + 1}`,
      start: String(300 + i * 580),
      end: String(345 + i * 580),
    })),
    themes: [],
  };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const round = (ms) => Number(ms.toFixed(1));
const verdict = (value, goal) => (value <= goal ? 'PASS' : 'OVER');

/** Bundles the transcript model (with media-captions) for the page, to time parsing apart from rendering. */
async function bundleModel(root) {
  const outfile = path.join(root, OUT, 'transcript-model.js');
  await promisify(execFile)(
    path.join(root, 'node_modules/.bin/esbuild'),
    [
      path.join(root, 'src/transcript/transcript-model.ts'),
      '--bundle',
      '--minify',
      '--target=es2022',
      '--format=iife',
      '--global-name=kijkomTranscriptModel',
      '--log-level=warning',
      `--outfile=${outfile}`,
    ],
    { cwd: root },
  );
  return outfile;
}

/** In a fresh page: the first parse and search index of `url`'s text, the cold run a page load pays. */
async function parseInPage(url) {
  const vtt = await (await fetch(url)).text();
  const { parseTranscript, SearchIndex } = globalThis.kijkomTranscriptModel;
  const t0 = performance.now();
  const transcript = await parseTranscript(vtt);
  const t1 = performance.now();
  new SearchIndex(transcript.cues);
  const t2 = performance.now();
  return { parseMs: t1 - t0, indexMs: t2 - t1, cues: transcript.cues.length, turns: transcript.turns.length };
}

/** Every node of the document, shadow roots included. */
function countNodes() {
  let nodes = 0;
  const walk = (node) => {
    nodes++;
    if (node.shadowRoot) walk(node.shadowRoot);
    for (const child of node.childNodes) walk(child);
  };
  walk(document);
  return nodes;
}

/**
 * In the page: connects an <interview-page> and times, from the moment the transcript's response
 * had arrived (its resource timing `responseEnd`), the first `.turn` in the transcript's shadow
 * root (seen by a MutationObserver, so right after Lit's commit), it laid out, and the frame after.
 */
async function firstScreen(catalogue, transcriptUrl) {
  const page = document.createElement('interview-page');
  page.setAttribute('catalogue', catalogue);
  page.setAttribute('interview', 'twee-uur');
  const connected = performance.now();
  document.body.append(page);
  await customElements.whenDefined('kijkom-transcript');
  await page.updateComplete;
  const transcript = page.shadowRoot.querySelector('kijkom-transcript');
  // Defined means upgraded, shadow root and all; the fetch it started cannot have been answered yet.
  const early = !!transcript.shadowRoot.querySelector('.turn');
  // Lit's update (render and commit) wrapped, to time the rendering apart from what comes before it.
  const Transcript = customElements.get('kijkom-transcript');
  const update = Transcript.prototype.update;
  let render;
  Transcript.prototype.update = function (changed) {
    const t0 = performance.now();
    update.call(this, changed);
    if (!render && this.renderRoot.querySelector('.turn')) render = { at: t0, ms: performance.now() - t0 };
  };
  const domAt = await new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (!transcript.shadowRoot.querySelector('.turn')) return;
      observer.disconnect();
      resolve(performance.now());
    });
    observer.observe(transcript.shadowRoot, { childList: true, subtree: true });
  });
  transcript.shadowRoot.querySelector('.turn').getBoundingClientRect();
  const layoutAt = performance.now();
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
  const paintedAt = performance.now();
  const entry = performance.getEntriesByName(transcriptUrl).at(-1);
  if (!entry) throw new Error(`no resource timing for ${transcriptUrl}`);
  const arrived = entry.responseEnd;
  return {
    early,
    fetchMs: arrived - connected,
    parseMs: render.at - arrived,
    renderMs: render.ms,
    domMs: domAt - arrived,
    screenMs: layoutAt - arrived,
    paintedMs: paintedAt - arrived,
    totalMs: paintedAt - connected,
  };
}

/**
 * The baseline in a plain page: the same WebVTT fetched, split with a regular expression, and each
 * turn appended as a `<p>` of `<span>`s (textContent); timed the same way from `responseEnd`.
 */
async function plainScreen(transcriptUrl) {
  const vtt = await (await fetch(transcriptUrl)).text();
  const arrived = performance.getEntriesByName(transcriptUrl).at(-1).responseEnd;
  const turns = [];
  for (const block of vtt.split(/\n\n+/)) {
    const [timing, ...text] = block.split('\n');
    if (!timing.includes('-->')) continue;
    const joined = text.join(' ');
    const speaker = /^<v ([^>]*)>/.exec(joined)?.[1];
    const words = joined.replace(/<[^>]*>/g, '');
    if (!turns.length || (speaker && speaker !== turns.at(-1).speaker)) turns.push({ speaker, cues: [] });
    turns.at(-1).cues.push(words);
  }
  const parsedAt = performance.now();
  const box = document.createElement('div');
  for (const turn of turns) {
    const p = document.createElement('p');
    const who = document.createElement('b');
    who.textContent = `${turn.speaker}: `;
    p.append(who);
    for (const text of turn.cues) {
      const span = document.createElement('span');
      span.textContent = text;
      p.append(span, ' ');
    }
    box.append(p);
  }
  document.body.append(box);
  const domAt = performance.now();
  box.firstChild.getBoundingClientRect();
  const layoutAt = performance.now();
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
  const paintedAt = performance.now();
  return {
    parseMs: parsedAt - arrived,
    renderMs: domAt - parsedAt,
    domMs: domAt - arrived,
    screenMs: layoutAt - arrived,
    paintedMs: paintedAt - arrived,
  };
}

/** Resolves once the page's transcript shows its paragraphs; returns the transcript element. */
async function transcriptShown() {
  await customElements.whenDefined('kijkom-transcript');
  const page = document.querySelector('interview-page');
  await page.updateComplete;
  const transcript = page.shadowRoot.querySelector('kijkom-transcript');
  // Every cue: a long transcript shows its opening first and the rest once read.
  while ((transcript.shadowRoot?.querySelectorAll('.cue').length ?? 0) < globalThis.expectedCues)
    await new Promise((resolve) => setTimeout(resolve, 20));
  return transcript;
}

/**
 * In the page: plays the interview with the player's own button, pauses it once the transcript
 * follows it, then walks `changes` cues from `from` on (and `jumps` far seeks) by giving the media
 * element a currentTime of our own and dispatching `timeupdate` on it, as playback would. A
 * MutationObserver on the transcript's shadow root collects what each change touched.
 */
async function sync(from, changes, jumps, cueSeconds) {
  const transcript = await transcriptShown();
  const page = document.querySelector('interview-page');
  const player = page.shadowRoot.querySelector('fragment-player');
  await player.updateComplete;
  const playing = new Promise((resolve) => page.addEventListener('fragment-play', resolve, { once: true }));
  player.shadowRoot.querySelector('[part~="play-button"]').click();
  await playing;
  const media = player.shadowRoot.querySelector('[part~="video"]');
  media.muted = true;
  media.pause();
  let time = media.currentTime;
  // The instance's own currentTime hides the prototype's: the media stays where it paused.
  Object.defineProperty(media, 'currentTime', { configurable: true, get: () => time });
  const cues = [...transcript.shadowRoot.querySelectorAll('.cue')];
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  await frame();
  let records = [];
  const observer = new MutationObserver((delivered) => records.push(...delivered));
  observer.observe(transcript.shadowRoot, { attributes: true, childList: true, characterData: true, subtree: true });
  const rows = [];
  const targets = [
    ...Array.from({ length: changes }, (_, i) => from + i),
    ...Array.from({ length: jumps }, (_, i) => (from + changes + 1 + i * 397) % cues.length),
  ];
  let before = -1;
  for (const cue of targets) {
    time = (cue + 0.5) * cueSeconds;
    const t0 = performance.now();
    media.dispatchEvent(new Event('timeupdate'));
    const ms = performance.now() - t0;
    // A frame, so that a Lit update the change caused is seen too.
    await frame();
    records.push(...observer.takeRecords());
    const touched = new Set();
    for (const record of records) {
      touched.add(record.target);
      for (const node of [...record.addedNodes, ...record.removedNodes]) touched.add(node);
    }
    const marked = cues.filter((element) => element.hasAttribute('aria-current'));
    rows.push({
      ms,
      records: records.length,
      touched: touched.size,
      cuesTouched: [...touched].filter((node) => node.classList?.contains('cue')).length,
      attributes: [...new Set(records.map((record) => record.attributeName).filter(Boolean))],
      right: marked.length === 1 && marked[0] === cues[cue],
      newTurn: before < 0 || cues[before].closest('.turn') !== cues[cue].closest('.turn'),
    });
    records = [];
    before = cue;
  }
  observer.disconnect();
  return rows;
}

/**
 * In the page: for each query, `runs` times from an empty field, sets the search input's value,
 * dispatches `input` and times until the element's update is complete (and until laid out).
 */
async function search(queries, runs) {
  const transcript = await transcriptShown();
  const root = transcript.shadowRoot;
  const elements = () => root.querySelectorAll('*').length;
  const input = root.querySelector('[part~="transcript-search"]');
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
  const type = async (value) => {
    input.value = value;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText' }));
    await transcript.updateComplete;
  };
  const before = { elements: elements(), nodes: countNodes() };
  const results = [];
  for (const query of queries) {
    const updated = [];
    const laidOut = [];
    for (let i = 0; i < runs; i++) {
      await type('');
      await frame();
      const t0 = performance.now();
      await type(query);
      updated.push(performance.now() - t0);
      root.querySelector('.text').getBoundingClientRect();
      laidOut.push(performance.now() - t0);
    }
    const highlighted = ['kijkom-transcript-match', 'kijkom-transcript-current']
      .map((name) => CSS.highlights.get(name)?.size ?? 0)
      .reduce((a, b) => a + b);
    results.push({
      query,
      updated,
      laidOut,
      status: root.querySelector('[role="status"]').textContent.trim(),
      highlighted,
      elements: elements(),
    });
    await frame();
  }
  return { before, results };
}

export async function run(ctx) {
  await mkdir(path.join(ctx.root, OUT), { recursive: true });
  const { vtt, words } = generateVtt();
  await writeFile(path.join(ctx.root, OUT, 'transcript.vtt'), vtt);
  await writeFile(path.join(ctx.root, OUT, 'catalogue.json'), JSON.stringify(generateCatalogue()));
  const blank = `${OUT}/blank.html`;
  await writeFile(
    path.join(ctx.root, blank),
    '<!doctype html><html lang="nl"><meta charset="utf-8"><link rel="icon" href="data:,"><title>bench</title><body></body></html>',
  );
  const [model, build] = await Promise.all([bundleModel(ctx.root), ctx.build()]);
  const transcriptUrl = ctx.server.url(`/${OUT}/transcript.vtt`);
  const catalogueUrl = (run) => ctx.server.url(`/${OUT}/catalogue.json`, { run });
  const runs = Math.max(ctx.runs, 5);

  /** A fresh 1280×900 page on our origin, optionally with the CDN build loaded and an <interview-page> of the interview. */
  const open = async ({ kijkom = true, interview, reduceMotion = false } = {}) => {
    const page = await ctx.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    // Instant scrolling: a smooth scroll would still be under way at the next cue change.
    if (reduceMotion) await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
    await page.goto(ctx.server.url(`/${blank}`));
    // The helpers the page functions below call.
    await page.evaluate(
      `globalThis.countNodes = ${countNodes}; globalThis.transcriptShown = ${transcriptShown}; globalThis.expectedCues = ${CUES};`,
    );
    if (kijkom) await page.addScriptTag({ url: `${build.url}/dist/cdn/kijkom.js`, type: 'module' });
    if (interview)
      await page.evaluate((catalogue) => {
        const element = document.createElement('interview-page');
        element.setAttribute('catalogue', catalogue);
        element.setAttribute('interview', 'twee-uur');
        document.body.append(element);
      }, interview);
    return page;
  };

  // 1. First screen, ours and the plain baseline interleaved; then the model alone.
  const ours = [];
  const plain = [];
  const parsed = [];
  for (let i = 0; i < runs; i++) {
    for (const [results, kijkom, work] of [
      [ours, true, (page) => page.evaluate(firstScreen, catalogueUrl(`transcript-screen-${i}`), transcriptUrl)],
      [plain, false, (page) => page.evaluate(plainScreen, transcriptUrl)],
      [
        parsed,
        false,
        async (page) => {
          await page.addScriptTag({ content: await readFile(model, 'utf8') });
          return page.evaluate(parseInPage, transcriptUrl);
        },
      ],
    ]) {
      const page = await open({ kijkom });
      try {
        results.push(await work(page));
      } finally {
        await page.close();
      }
    }
  }
  if (ours.some((r) => r.early)) throw new Error('the transcript showed before the bench could watch it');
  const pick = (results, key) => round(median(results.map((r) => r[key])));
  const painted = pick(ours, 'paintedMs');
  const parseMs = pick(parsed, 'parseMs');
  const indexMs = pick(parsed, 'indexMs');
  const { cues, turns } = parsed[0];
  const screens = [
    {
      page: '<interview-page> (CDN build)',
      'fetch ms': pick(ours, 'fetchMs'),
      'parse ms': pick(ours, 'parseMs'),
      'render ms': pick(ours, 'renderMs'),
      'DOM ms': pick(ours, 'domMs'),
      'laid out ms': pick(ours, 'screenMs'),
      'painted ms': painted,
      goal: GOALS.firstScreenMs,
      '': verdict(painted, GOALS.firstScreenMs),
      '× plain': round(painted / pick(plain, 'paintedMs')),
      'total ms': pick(ours, 'totalMs'),
    },
    {
      page: 'plain <p> per turn (baseline)',
      'fetch ms': '',
      'parse ms': pick(plain, 'parseMs'),
      'render ms': pick(plain, 'renderMs'),
      'DOM ms': pick(plain, 'domMs'),
      'laid out ms': pick(plain, 'screenMs'),
      'painted ms': pick(plain, 'paintedMs'),
      goal: '',
      '': '',
      '× plain': 1,
      'total ms': '',
    },
  ];

  // 2. Sync: consecutive cue changes through ten minutes of the second hour, then far jumps.
  const changes = 150;
  const jumps = 30;
  let syncRows;
  const syncPage = await open({ interview: catalogueUrl('transcript-sync'), reduceMotion: true });
  try {
    syncRows = await syncPage.evaluate(sync, 900, changes, jumps, CUE_SECONDS);
  } finally {
    await syncPage.close();
  }
  const summary = (label, rows) => {
    const touched = rows.map((r) => r.touched);
    const worst = Math.max(...touched);
    return {
      changes: label,
      count: rows.length,
      'marked right': `${rows.filter((r) => r.right).length}/${rows.length}`,
      'cues touched, max': Math.max(...rows.map((r) => r.cuesTouched)),
      'touched, mean': round(touched.reduce((a, b) => a + b) / touched.length),
      'touched, max': worst,
      goal: GOALS.touchedPerChange,
      '': verdict(worst, GOALS.touchedPerChange),
      'changes > 2': rows.filter((r) => r.touched > 2).length,
      'records, mean': round(rows.reduce((a, r) => a + r.records, 0) / rows.length),
      attributes: [...new Set(rows.flatMap((r) => r.attributes))].join(' '),
      'ms, median': round(median(rows.map((r) => r.ms))),
      'ms, max': round(Math.max(...rows.map((r) => r.ms))),
    };
  };
  const next = syncRows.slice(0, changes);
  const [sameTurn, nextTurn] = [next.filter((r) => !r.newTurn), next.filter((r) => r.newTurn)];
  const syncTable = [
    summary('next cue, same turn', sameTurn),
    summary('next cue, next turn', nextTurn),
    summary('jump (seek)', syncRows.slice(changes)),
  ];

  // 3 and 4. Search keystrokes and the DOM, in a fresh page.
  const searchRuns = runs * 3;
  let found;
  const searchPage = await open({ interview: catalogueUrl('transcript-search') });
  try {
    found = await searchPage.evaluate(search, QUERIES, searchRuns);
  } finally {
    await searchPage.close();
  }
  const keystrokes = found.results.map(({ query, updated, laidOut, status, highlighted, elements }) => {
    const ms = round(median(updated));
    return {
      query,
      'updated ms': ms,
      goal: GOALS.keystrokeMs,
      '': verdict(ms, GOALS.keystrokeMs),
      'laid out ms': round(median(laidOut)),
      'max ms': round(Math.max(...updated)),
      status,
      'highlighted ranges': highlighted,
      'elements after': elements,
    };
  });
  const afterE = found.results.find((r) => r.query === 'e').elements;
  const dom = [
    {
      'transcript elements': found.before.elements,
      'document nodes': found.before.nodes,
      cues,
      turns,
      'elements per cue': round(found.before.elements / cues),
      "elements after 'e'": afterE,
      'no highlight elements': afterE === found.before.elements ? 'PASS' : 'OVER',
    },
  ];

  const text = `${cues.toLocaleString('en-US')} cues, ${turns} turns, ${words.toLocaleString('en-US')} words, ${Math.round(vtt.length / 1024)} KB`;
  return [
    {
      title: `Transcript first screen, 2 hours (${text}), 1280×900, median of ${runs} fresh pages each, interleaved`,
      rows: screens,
      note:
        'From the transcript response arriving (resource timing responseEnd) to: DOM: the first .turn in the shadow root; laid out: it styled and laid out;\n' +
        'painted (the goal): after the next animation frame. fetch: connected → response arrived (catalogue, chunks, request); total: connected → painted.\n' +
        "parse: response arrived → the transcript's Lit update begins (body read, parsed, search index built); render: that update (render and commit).\n" +
        `The model alone (esbuild bundle, first run in a fresh page, median): parseTranscript ${parseMs} ms, SearchIndex ${indexMs} ms.\n` +
        'Baseline: the same WebVTT split by a regular expression into a <p> of <span>s per turn (textContent), in a plain page.',
    },
    {
      title: `Transcript sync: spoken cue changes by timeupdate on the playing player's media (${changes} next cues from 1:00:00, ${jumps} jumps)`,
      rows: syncTable,
      note:
        'Touched: nodes a MutationObserver on the transcript shadow root saw change (attributes, children, text; subtree), per change, a frame included.\n' +
        "A change to another turn also moves the roving tab stop (tabindex on the two turns' time buttons): 2 cues + 2 buttons.\n" +
        "marked right: exactly the cue spoken has aria-current afterwards. ms: the timeupdate listener's run (marking, tab stop, scrolling into view).",
    },
    {
      title: `Transcript search keystroke: value set, input dispatched → updateComplete (median of ${searchRuns}, each from an empty field)`,
      rows: keystrokes,
      note: 'laid out: then styled and laid out. highlighted ranges: in the two CSS.highlights registries (at most 400).',
    },
    {
      title: 'Transcript DOM, before any search',
      rows: dom,
      note: 'transcript elements: in its shadow root; document nodes: every node, shadow roots included.',
    },
  ];
}
