// `kijkom import ohms|csv` on samples written from OHMS's published field names (test/cli/samples)
// and a spreadsheet as the seed site's editors would keep one, through the packed package's bin.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { importSource, kijkom, samples, scratch } from './helpers.mjs';

const { validateCatalogue } = await importSource('src/catalogue/validate.ts');
const sample = (name) => path.join(samples, name);

/** Imports into a scratch site; returns the catalogue, its folder and what was said. */
async function importInto(args, env) {
  const site = scratch('kijkom-import-');
  const out = path.join(site, 'catalogue.json');
  const result = await kijkom(['import', ...args, '--out', out], { env });
  const catalogue = result.code === 0 ? JSON.parse(readFileSync(out, 'utf8')) : undefined;
  return { ...result, site, catalogue };
}

/**
 * Writes what `kijkom media` writes beside an interview's HLS files in `<mediaDir>/<id>/`: its entry
 * (kijkom-media.json), with URLs relative to its own folder.
 */
function writeMediaEntry(mediaDir, id, title, duration) {
  const folder = path.join(mediaDir, id);
  mkdirSync(folder, { recursive: true });
  writeFileSync(
    path.join(folder, 'kijkom-media.json'),
    JSON.stringify({
      id,
      title,
      duration,
      video: 'video.m3u8',
      poster: 'poster.jpg',
      audio: 'audio.m3u8',
      captions: [{ lang: 'nl', label: 'Nederlands', src: 'captions.vtt' }],
    }),
  );
  writeFileSync(path.join(folder, 'captions.vtt'), 'WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nGoedemiddag.\n');
}

/** The validator's view, as the elements would load the file from the site. */
const validated = (catalogue) => validateCatalogue(catalogue, 'https://archief.example/site/catalogue.json');

describe('kijkom import ohms', () => {
  test('an index only: interview and interviewee, index points as fragments and chapters, a theme', async () => {
    const { code, stderr, catalogue } = await importInto(['ohms', sample('index-only.xml')]);
    assert.equal(code, 0, stderr);
    assert.equal(catalogue.lang, 'nl', '<language>Dutch</language>');
    assert.deepEqual(catalogue.people, [{ id: 'spreker-a', name: 'Spreker A' }]);
    const [interview] = catalogue.interviews;
    assert.deepEqual(
      { ...interview, chapters: undefined },
      {
        id: 'index-only',
        title: 'Gesprek met Spreker A',
        person: 'spreker-a',
        date: '2018-11-20',
        interviewers: ['Interviewer 1', 'Interviewer 2'],
        summary: 'Een gesprek over dertig jaar rijksdienst.',
        duration: '10:00',
        video: 'https://media.example.org/gesprek-a/video.m3u8',
        chapters: undefined,
      },
    );
    // In time order, whatever the export's order; entities and CDATA read as text.
    assert.deepEqual(interview.chapters, [
      { title: 'Opening', start: '0:00' },
      { title: 'Eerste werkdag <Den Haag>', start: '2:22' },
      { title: 'Het ministerie & de minister', start: '5:00' },
    ]);
    assert.deepEqual(catalogue.fragments[0], {
      id: 'index-only-1',
      interview: 'index-only',
      title: 'Opening',
      start: '0:00',
      end: '2:22',
      description: 'Welkom bij dit gesprek.\n\nDe interviewers stellen zich voor.',
      keywords: ['introductie'],
    });
    assert.equal(catalogue.fragments[2].end, '10:00', 'the last point ends with the interview');
    assert.deepEqual(catalogue.fragments[2].keywords, ['ministerie', 'minister', 'vertrouwen']);
    assert.deepEqual(catalogue.themes, [
      {
        id: 'index-only',
        title: 'Gesprek met Spreker A',
        intro: ['Een gesprek over dertig jaar rijksdienst.'],
        fragments: ['index-only-1', 'index-only-2', 'index-only-3'],
      },
    ]);
    const result = validated(catalogue);
    assert.ok(result.ok);
    assert.deepEqual(result.warnings, []);
    assert.doesNotMatch(stderr, /index-only\.xml:/, 'nothing to report');
  });

  test('a transcript with sync points: WebVTT beside the catalogue, cues at the sync marks, speakers as voices', async () => {
    const { code, stderr, site, catalogue } = await importInto(['ohms', sample('transcript-sync.xml')]);
    assert.equal(code, 0, stderr);
    const [interview] = catalogue.interviews;
    assert.equal(interview.audio, 'https://media.example.org/b/audio.mp3', '<clip_format>audio');
    assert.equal(interview.transcript, 'transcript-sync.vtt');
    const vtt = readFileSync(path.join(site, 'transcript-sync.vtt'), 'utf8');
    const cues = [...vtt.matchAll(/^(\S+) --> (\S+)\n(.*)$/gm)].map(([, start, end, text]) => ({ start, end, text }));
    assert.ok(vtt.startsWith('WEBVTT\n\n'));
    // `1:|5(3)|9(1)`: minute 1 starts at line 5, minute 2 at line 9; the last stretch runs to the duration.
    assert.deepEqual(
      cues.map(({ start }) => start),
      ['00:00:00.000', '00:00:12.000', '00:01:00.000', cues[3].start, '00:02:00.000'],
    );
    assert.equal(cues.at(-1).end, '00:03:00.000');
    assert.equal(cues[0].text, '<v INTERVIEWER>Where did you grow up?');
    assert.equal(cues[2].text, '<v SPEAKER B>We had little, but we never went hungry.');
    assert.equal(cues[4].text, '<v SPEAKER B>Forty children in one class &amp; one teacher.');
    for (const cue of cues) assert.ok(cue.start < cue.end, `${cue.start} --> ${cue.end}`);
    assert.deepEqual(catalogue.fragments, [], 'an empty <index> has no points');
    assert.deepEqual(validated(catalogue).warnings, []);
  });

  test('index and transcript together, and media from `kijkom media` output via --media', async () => {
    const site = scratch('kijkom-import-');
    writeMediaEntry(path.join(site, 'media'), 'both', 'x', '4:00');
    const out = path.join(site, 'catalogue.json');
    const { code, stderr } = await kijkom([
      'import',
      'ohms',
      sample('both.xml'),
      '--out',
      out,
      '--media',
      path.join(site, 'media'),
    ]);
    assert.equal(code, 0, stderr);
    const catalogue = JSON.parse(readFileSync(out, 'utf8'));
    const [interview] = catalogue.interviews;
    assert.equal(interview.video, 'media/both/video.m3u8');
    assert.equal(interview.audio, 'media/both/audio.m3u8');
    assert.equal(interview.poster, 'media/both/poster.jpg');
    assert.deepEqual(interview.captions, [{ lang: 'nl', label: 'Nederlands', src: 'media/both/captions.vtt' }]);
    assert.equal(interview.transcript, 'both.vtt');
    assert.equal(catalogue.fragments.length, 2);
    assert.equal(catalogue.fragments[1].end, '4:00');
    const vtt = readFileSync(path.join(site, 'both.vtt'), 'utf8');
    assert.match(vtt, /00:02:00\.000 --> 00:04:00\.000\n<v ANTWOORD>Toen ben ik gaan kijken\. Het was een oud gebouw/);
    assert.match(stderr, /both\.xml: <interviewee>: more than one interviewee: “Spreker D” is not linked/);
    assert.deepEqual(validated(catalogue).warnings, []);
  });

  test('broken parts are skipped with a notice naming the element; the rest is imported', async () => {
    const { code, stderr, catalogue } = await importInto(['ohms', sample('broken.xml'), sample('truncated.xml')]);
    assert.equal(code, 0, stderr);
    for (const notice of [
      'broken.xml: <record>/<mystery>: unknown element; skipped',
      'broken.xml: <date>: “ooit” is not a date; skipped',
      'broken.xml: <duration>: “lang” is not a duration; skipped',
      'broken.xml: <index>/<segment>: unknown element; skipped',
      'broken.xml: <index>/<point>[1]/<time>: no usable <time> (abc); index point skipped',
      'broken.xml: <index>/<point>[2]/<title>: no <title>; index point skipped',
      'broken.xml: <index>/<point>[3]/<gadget>: unknown element; skipped',
      'broken.xml: <sync>: unreadable sync point “x(y)”; skipped',
      'broken.xml: <sync>: unreadable sync point “999(1)”; skipped',
      'broken.xml: <sync>: no usable <sync>',
      'broken.xml: <media_url>: no video or audio',
      'truncated.xml: <ROOT>: not well-formed XML',
    ])
      assert.ok(stderr.includes(notice), `${notice}\n${stderr}`);
    assert.deepEqual(
      catalogue.fragments.map(({ title, start }) => [title, start]),
      [['Een goed punt', '1:30']],
    );
    assert.equal(catalogue.interviews.length, 1, 'the truncated file is skipped whole');
    assert.equal(catalogue.interviews[0].transcript, undefined, 'no usable sync: no transcript');
  });

  test('nothing readable: exit 1, and an existing catalogue is left alone', async () => {
    const site = scratch('kijkom-import-');
    const out = path.join(site, 'catalogue.json');
    writeFileSync(out, '{"format":"kijkom-catalogue/1"}');
    const { code, stderr } = await kijkom(['import', 'ohms', sample('truncated.xml'), '--out', out]);
    assert.equal(code, 1);
    assert.match(
      stderr,
      /truncated\.xml: <ROOT>: not well-formed XML[^]*kijkom: no interview could be read; no catalogue written/,
    );
    assert.equal(readFileSync(out, 'utf8'), '{"format":"kijkom-catalogue/1"}');
  });

  test('a UTF-8 BOM before the XML declaration (as Windows editors save) is read past', async () => {
    const file = path.join(scratch('kijkom-bom-'), 'gesprek-a.xml');
    writeFileSync(file, '\uFEFF' + readFileSync(sample('index-only.xml'), 'utf8'));
    const { code, stderr, catalogue } = await importInto(['ohms', file]);
    assert.equal(code, 0, stderr);
    assert.equal(catalogue.fragments.length, 3);
    assert.equal(catalogue.interviews[0].id, 'gesprek-a', 'the id is the file name');
  });

  test('each file stands alone: one missing and one with a DOCTYPE are named and skipped, the rest imported', async () => {
    const dir = scratch('kijkom-alone-');
    const doctype = path.join(dir, 'entities.xml');
    writeFileSync(
      doctype,
      '<?xml version="1.0"?>\n<!DOCTYPE ROOT [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>\n<ROOT><record><title>&xxe;</title></record></ROOT>\n',
    );
    const missing = path.join(dir, 'gone.xml');
    const { code, stderr, catalogue } = await importInto(['ohms', missing, doctype, sample('index-only.xml')]);
    assert.equal(code, 0, stderr);
    assert.match(stderr, /gone\.xml: <ROOT>: cannot read the file \(ENOENT[^)]*\); skipped/);
    assert.match(stderr, /entities\.xml: <!DOCTYPE>: a DOCTYPE \(with entities\) is not read; file skipped/);
    assert.doesNotMatch(stderr, /at readOhms|root:/, 'no stack trace, nothing of /etc/passwd');
    assert.deepEqual(
      catalogue.interviews.map(({ id }) => id),
      ['index-only'],
    );
  });

  test('work is never overwritten without --force: a different catalogue is refused, a corrected transcript kept', async () => {
    const site = scratch('kijkom-keep-');
    const out = path.join(site, 'catalogue.json');
    const vtt = path.join(site, 'transcript-sync.vtt');
    const run = (...extra) => kijkom(['import', 'ohms', sample('transcript-sync.xml'), '--out', out, ...extra]);
    assert.equal((await run()).code, 0);
    const made = readFileSync(out, 'utf8');
    // The same import again writes the same bytes: nothing to protect, no --force needed.
    assert.equal((await run()).code, 0);
    // A hand-corrected transcript is kept (and still named by the catalogue).
    const corrected = readFileSync(vtt, 'utf8').replace('Where did you grow up?', 'Where did you grow up, then?');
    writeFileSync(vtt, corrected);
    const kept = await run();
    assert.equal(kept.code, 0, kept.stderr);
    assert.match(
      kept.stderr,
      /transcript-sync\.vtt exists and differs \(corrected by hand\?\): kept \(--force overwrites it\)/,
    );
    assert.equal(readFileSync(vtt, 'utf8'), corrected);
    // A catalogue edited by hand: refused, exit 1, left as it was, and nothing else written either.
    const edited = made.replace('"title": "', '"title": "Bewerkt: ');
    writeFileSync(out, edited);
    const refused = await run();
    assert.equal(refused.code, 1);
    assert.match(
      refused.stderr,
      /catalogue\.json exists and differs from what the import makes; nothing written \(--force overwrites it\)/,
    );
    assert.equal(readFileSync(out, 'utf8'), edited);
    assert.equal(readFileSync(vtt, 'utf8'), corrected);
    // --force: both overwritten with what the import makes.
    const forced = await run('--force');
    assert.equal(forced.code, 0, forced.stderr);
    assert.equal(readFileSync(out, 'utf8'), made);
    assert.doesNotMatch(readFileSync(vtt, 'utf8'), /then\?/);
    assert.deepEqual(
      readdirSync(site).filter((name) => name.endsWith('.tmp')),
      [],
      'no temporary file left behind',
    );
  });

  test('without --out: the catalogue to stdout, no transcript written in the current folder, and a notice saying so', async () => {
    const cwd = scratch('kijkom-cwd-');
    const { code, stdout, stderr } = await kijkom(['import', 'ohms', sample('transcript-sync.xml')], { cwd });
    assert.equal(code, 0, stderr);
    assert.equal(JSON.parse(stdout).interviews.length, 1);
    assert.match(stderr, /<transcript>: transcript not written: it belongs beside the catalogue, name that with --out/);
    assert.deepEqual(readdirSync(cwd), []);
  });

  test('in Dutch when LANG says so', async () => {
    const { stderr } = await importInto(['ohms', sample('broken.xml')], { LANG: 'nl_NL.UTF-8' });
    assert.match(stderr, /<record>\/<mystery>: onbekend element; overgeslagen/);
  });
});

describe('kijkom import csv', () => {
  test('a Dutch Excel sheet (BOM, `;`, quotes, line breaks in a field, times like 12:1) into a catalogue, with a theme', async () => {
    const { code, stderr, catalogue } = await importInto([
      'csv',
      sample('fragmenten.csv'),
      '--into',
      sample('good.json'),
      '--theme',
      'eerste-dag',
      '--title',
      'De eerste dag',
    ]);
    assert.equal(code, 0, stderr);
    const added = catalogue.fragments.slice(2);
    assert.deepEqual(added[0], {
      id: 'verbazing-bij-het-eerste-contact',
      interview: 'gesprek-a',
      title: 'Verbazing bij het eerste contact',
      start: '2:22',
      end: '4:05',
      description: 'Een citaat; met "aanhalingstekens" en\neen regelovergang',
    });
    assert.deepEqual(
      added.map(({ id, start }) => [id, start]),
      [
        ['verbazing-bij-het-eerste-contact', '2:22'],
        ['het-eerste-contact', '12:1'],
        ['het-eerste-contact-2', '13:2'],
      ],
    );
    assert.deepEqual(catalogue.themes.at(-1), {
      id: 'eerste-dag',
      title: 'De eerste dag',
      fragments: ['verbazing-bij-het-eerste-contact', 'het-eerste-contact', 'het-eerste-contact-2'],
    });
    assert.equal(catalogue.fragments[0].id, 'eerste-contact', 'the catalogue’s own fragments stay');
    for (const notice of [
      'line 5: begin “12:x” is not a time; skipped',
      'line 6: end “4:00” is not after start “5:00”; skipped',
      'line 7: interview “gesprek-z” is not in the catalogue; skipped',
      'line 8: column gesprek is empty; skipped',
    ])
      assert.ok(stderr.includes(notice), `${notice}\n${stderr}`);
    const result = validated(catalogue);
    assert.deepEqual(result.warnings, []);
    assert.equal(result.catalogue.fragments.get('het-eerste-contact').start, 721);
  });

  test('Excel’s plain “CSV” on Windows: Windows-1252, with a `sep=;` line', async () => {
    const file = path.join(scratch('kijkom-csv-'), 'cp1252.csv');
    // "Café – één" in Windows-1252: é is 0xE9, the en dash 0x96 (a C1 control in Latin-1).
    const title = [0x43, 0x61, 0x66, 0xe9, 0x20, 0x96, 0x20, 0xe9, 0xe9, 0x6e];
    const text = (s) => [...Buffer.from(s, 'latin1')];
    writeFileSync(
      file,
      Buffer.from([
        ...text('sep=;\r\ninterview;titel;begin\r\ngesprek-a;'),
        ...title,
        ...text(';12:1\r\ngesprek-a;x;1:61\r\n'),
      ]),
    );
    const { code, stdout, stderr } = await kijkom(['import', 'csv', file, '--into', sample('good.json')]);
    assert.equal(code, 0, stderr);
    assert.deepEqual(JSON.parse(stdout).fragments.at(-1), {
      id: 'cafe-een',
      interview: 'gesprek-a',
      title: 'Café – één',
      start: '12:1',
    });
    assert.match(stderr, /encoding: not UTF-8: read as Windows-1252/);
    assert.match(stderr, /line 4: begin “1:61” has seconds of 60 or more; skipped/, 'line numbers count the sep= line');
  });

  test('comma-separated with English headers, interviews from --media, to stdout; a sheet without the needed columns fails', async () => {
    const dir = scratch('kijkom-csv-');
    const file = path.join(dir, 'sheet.csv');
    writeFileSync(file, 'interview,title,start,end\ngesprek-a,"Een titel, met komma",75:00,1:16:00\n');
    // Interviews named, but nowhere to find them: a clear error, not a catalogue the elements show nothing of.
    const alone = await kijkom(['import', 'csv', file]);
    assert.equal(alone.code, 1);
    assert.match(
      alone.stderr,
      /the sheet names interviews \(gesprek-a\) but there is no catalogue to find them in: give --media <dir>/,
    );
    assert.equal(alone.stdout, '');
    writeMediaEntry(path.join(dir, 'media'), 'gesprek-a', 'gesprek-a', '1:30:00');
    const { code, stdout, stderr } = await kijkom(['import', 'csv', file, '--media', 'media'], { cwd: dir });
    assert.equal(code, 0, stderr);
    const catalogue = JSON.parse(stdout);
    assert.deepEqual(catalogue.fragments, [
      {
        id: 'een-titel-met-komma',
        interview: 'gesprek-a',
        title: 'Een titel, met komma',
        start: '75:00',
        end: '1:16:00',
      },
    ]);
    assert.deepEqual(catalogue.interviews, [
      {
        id: 'gesprek-a',
        title: 'gesprek-a',
        duration: '1:30:00',
        video: 'media/gesprek-a/video.m3u8',
        poster: 'media/gesprek-a/poster.jpg',
        audio: 'media/gesprek-a/audio.m3u8',
        captions: [{ lang: 'nl', label: 'Nederlands', src: 'media/gesprek-a/captions.vtt' }],
      },
    ]);
    writeFileSync(file, 'naam;tijd\nx;1:00\n');
    const bad = await kijkom(['import', 'csv', file]);
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /no header row with the columns interview, title and start/);
  });

  test('the archivist’s CSV-only path: recordings through `kijkom media`, a sheet through `import csv --media`, a catalogue whose every link works', async () => {
    const site = scratch('kijkom-csv-site-');
    for (const id of ['gesprek-a', 'gesprek-b'])
      writeMediaEntry(path.join(site, 'media'), id, `Gesprek ${id.at(-1).toUpperCase()}`, '20:00');
    const sheet = path.join(site, 'fragmenten.csv');
    writeFileSync(
      sheet,
      'gesprek;titel;begin;eind\ngesprek-a;Het begin;1:00;2:00\ngesprek-b;Later;3:00;4:00\ngesprek-c;Zonder opname;1:00;2:00\n',
    );
    const out = path.join(site, 'catalogue.json');
    const { code, stderr } = await kijkom([
      'import',
      'csv',
      sheet,
      '--media',
      path.join(site, 'media'),
      '--theme',
      'begin',
      '--title',
      'Het begin',
      '--out',
      out,
    ]);
    assert.equal(code, 0, stderr);
    assert.match(
      stderr,
      /line 4: interview “gesprek-c” is not in the catalogue and \S*media\/gesprek-c\/kijkom-media\.json is missing; skipped/,
    );
    const catalogue = JSON.parse(readFileSync(out, 'utf8'));
    assert.deepEqual(
      catalogue.interviews.map(({ id, title, video, captions }) => [id, title, video, captions[0].src]),
      [
        ['gesprek-a', 'Gesprek A', 'media/gesprek-a/video.m3u8', 'media/gesprek-a/captions.vtt'],
        ['gesprek-b', 'Gesprek B', 'media/gesprek-b/video.m3u8', 'media/gesprek-b/captions.vtt'],
      ],
    );
    assert.deepEqual(catalogue.themes[0].fragments, ['het-begin', 'later']);
    assert.deepEqual(validated(catalogue).warnings, []);
    // Every URL the catalogue names resolves, from where the catalogue lives, to a file of step 1's folders.
    for (const interview of catalogue.interviews)
      for (const url of [interview.video, interview.audio, interview.poster, interview.captions[0].src])
        assert.ok(path.resolve(site, url).startsWith(path.join(site, 'media', interview.id) + path.sep), url);
  });

  test('--media never reads outside its folder, and a damaged kijkom-media.json skips its rows, not the import', async () => {
    const site = scratch('kijkom-csv-safe-');
    writeMediaEntry(path.join(site, 'media'), 'gesprek-a', 'Gesprek A', '20:00');
    mkdirSync(path.join(site, 'media', 'kapot'), { recursive: true });
    writeFileSync(path.join(site, 'media', 'kapot', 'kijkom-media.json'), '{ "id": ');
    // What a sheet could name to reach a kijkom-media.json elsewhere on the disk.
    writeMediaEntry(site, 'elders', 'Elders', '1:00');
    const sheet = path.join(site, 'sheet.csv');
    writeFileSync(sheet, 'interview,title,start\ngesprek-a,Goed,1:00\nkapot,Kapot,1:00\n../elders,Ontsnapt,1:00\n');
    const out = path.join(site, 'catalogue.json');
    const { code, stderr } = await kijkom(['import', 'csv', sheet, '--media', path.join(site, 'media'), '--out', out]);
    assert.equal(code, 0, stderr);
    assert.match(
      stderr,
      /line 3: interview “kapot” is not in the catalogue and \S*kijkom-media\.json is not valid JSON/,
    );
    assert.match(
      stderr,
      /line 4: interview “\.\.\/elders” is not in the catalogue and the id “\.\.\/elders” points outside the --media folder/,
    );
    const catalogue = JSON.parse(readFileSync(out, 'utf8'));
    assert.deepEqual(
      catalogue.interviews.map(({ id }) => id),
      ['gesprek-a'],
    );
  });

  test('--into without --out: media URLs relative to the --into catalogue’s folder, where it lives', async () => {
    const site = scratch('kijkom-csv-into-');
    writeMediaEntry(path.join(site, 'media'), 'gesprek-z', 'Gesprek Z', '20:00');
    const into = path.join(site, 'catalogue.json');
    writeFileSync(into, readFileSync(sample('good.json'), 'utf8'));
    const sheet = path.join(site, 'sheet.csv');
    writeFileSync(sheet, 'interview,title,start\ngesprek-z,Nieuw,1:00\n');
    const { code, stdout, stderr } = await kijkom([
      'import',
      'csv',
      sheet,
      '--into',
      into,
      '--media',
      path.join(site, 'media'),
    ]);
    assert.equal(code, 0, stderr);
    const added = JSON.parse(stdout).interviews.find(({ id }) => id === 'gesprek-z');
    assert.equal(added.video, 'media/gesprek-z/video.m3u8');
  });

  test('a sheet whose every row is dropped: exit 1, and an existing --out left alone', async () => {
    const dir = scratch('kijkom-csv-');
    const file = path.join(dir, 'sheet.csv');
    writeFileSync(file, 'interview,title,start\ngesprek-x,Een titel,1:00\n');
    const into = path.join(dir, 'catalogue.json');
    const before = readFileSync(sample('good.json'), 'utf8');
    writeFileSync(into, before);
    const { code, stderr } = await kijkom(['import', 'csv', file, '--into', into, '--out', into]);
    assert.equal(code, 1);
    assert.match(
      stderr,
      /interview “gesprek-x” is not in the catalogue; skipped[^]*kijkom: no row could be used; no catalogue written/,
    );
    assert.equal(readFileSync(into, 'utf8'), before);
  });

  test('--into and --out the same catalogue is an update, not an overwrite to refuse', async () => {
    const dir = scratch('kijkom-csv-');
    const file = path.join(dir, 'sheet.csv');
    const into = path.join(dir, 'catalogue.json');
    writeFileSync(into, readFileSync(sample('good.json'), 'utf8'));
    const interview = JSON.parse(readFileSync(into, 'utf8')).interviews[0].id;
    writeFileSync(file, `interview,title,start\n${interview},Een nieuw fragment,2:00\n`);
    const { code, stderr } = await kijkom(['import', 'csv', file, '--into', into, '--out', into]);
    assert.equal(code, 0, stderr);
    assert.ok(JSON.parse(readFileSync(into, 'utf8')).fragments.some(({ title }) => title === 'Een nieuw fragment'));
  });
});
