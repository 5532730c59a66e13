// `kijkom validate`, run as users run it: the bin of the packed package.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { kijkom, root, samples, scratch } from './helpers.mjs';

const sample = (name) => path.join(samples, name);

// The files the sample playlists and catalogue name, made here rather than committed: --check-links
// asks only that they exist, so each holds a line saying what it is. (seg-00001.m4s stays missing.)
before(() => {
  for (const file of ['init.mp4', 'seg-00000.m4s', 'poster.jpg'])
    writeFileSync(sample(`media/gesprek-a/${file}`), `placeholder, not media: --check-links needs ${file} to exist\n`);
});

describe('kijkom validate: a local catalogue', () => {
  test('a good catalogue: exit 0, its counts, no warnings', async () => {
    const { code, stdout, stderr } = await kijkom(['validate', sample('good.json')]);
    assert.equal(code, 0, stderr);
    assert.match(stdout, /good\.json: valid, 1 people, 1 interviews, 2 fragments, 1 themes/);
    assert.equal(stderr, '');
  });

  test('a damaged catalogue: exit 0, every warning with its JSON path', async () => {
    const { code, stdout, stderr } = await kijkom(['validate', sample('damaged.json')]);
    assert.equal(code, 0);
    assert.match(stdout, /usable, 1 people, 1 interviews, 2 fragments, 1 themes/);
    assert.match(stderr, /8 warning\(s\)/);
    for (const where of [
      'lang: "nederlands" is not a language tag',
      'interviews[0].person: "spreker-b" is not a person',
      'interviews[0].poster: "javascript:alert(1)" uses the scheme "javascript:"',
      'interviews[1]: has no usable "video" or "audio"; item skipped',
      'fragments[1].start: "12:x" is not a time; item skipped',
      'fragments[2].end: "1:00" is not after the start',
      'themes[0].fragments[1]: "kapot" is not a fragment',
      'themes[0].fragments[2]: "goed" is listed before',
    ])
      assert.ok(stderr.includes(`  ${where}`), `${where}\n${stderr}`);
  });

  test('--strict: warnings fail (exit 1); a clean catalogue still passes', async () => {
    const damaged = await kijkom(['validate', '--strict', sample('damaged.json')]);
    assert.equal(damaged.code, 1);
    assert.match(damaged.stderr, /--strict: warnings count as errors/);
    assert.equal((await kijkom(['validate', sample('good.json'), '--strict'])).code, 0);
  });

  test('larger than the elements load (10 MB): a warning, and --strict fails; an import that writes one says so', async () => {
    const dir = scratch('kijkom-large-');
    const catalogue = JSON.parse(readFileSync(sample('good.json'), 'utf8'));
    delete catalogue.$schema;
    const words = 'een lange beschrijving van wat er in dit fragment gezegd wordt '.repeat(3);
    catalogue.fragments = Array.from({ length: 45_000 }, (_, i) => ({
      id: `f${i}`,
      interview: 'gesprek-a',
      title: `Fragment ${i}`,
      description: words,
      start: `${i % 60}:00`,
    }));
    const file = path.join(dir, 'large.json');
    writeFileSync(file, JSON.stringify(catalogue));
    const size = (statSync(file).size / 1024 / 1024).toFixed(1);
    const plain = await kijkom(['validate', file]);
    assert.equal(plain.code, 0, plain.stderr);
    assert.ok(plain.stderr.includes(`(document): ${size} MB: larger than the elements load (10.0 MB)`), plain.stderr);
    assert.equal((await kijkom(['validate', '--strict', file])).code, 1);
    const json = JSON.parse((await kijkom(['validate', '--json', file])).stdout);
    assert.equal(json.warnings[0].path, '');
    // The same fragments through `import csv`: written, with the warning among its notices.
    const sheet = path.join(dir, 'sheet.csv');
    writeFileSync(
      sheet,
      'interview,title,start,description\n' +
        catalogue.fragments.map((f) => `gesprek-a,${f.title},${f.start},${f.description}`).join('\n'),
    );
    const imported = await kijkom([
      'import',
      'csv',
      sheet,
      '--into',
      sample('good.json'),
      '--out',
      path.join(dir, 'imported.json'),
    ]);
    assert.equal(imported.code, 0, imported.stderr);
    assert.match(imported.stderr, /MB: larger than the elements load \(10\.0 MB\)/);
  });

  test('fatal: another format, not JSON, no file: exit 1 with the reason', async () => {
    const format = await kijkom(['validate', sample('fatal.json')]);
    assert.equal(format.code, 1);
    assert.match(format.stderr, /unusable: "format" is "kijkom-catalogue\/2", expected "kijkom-catalogue\/1"/);
    const json = await kijkom(['validate', sample('not-json.txt')]);
    assert.equal(json.code, 1);
    assert.match(json.stderr, /not-json\.txt is not valid JSON/);
    const missing = await kijkom(['validate', sample('nothing-here.json')]);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /cannot read .*nothing-here\.json/);
  });

  test('--json: one object with ok, the warnings and their paths, or the fatal error', async () => {
    const damaged = await kijkom(['validate', '--json', sample('damaged.json')]);
    assert.equal(damaged.code, 0);
    const report = JSON.parse(damaged.stdout);
    assert.equal(report.ok, true);
    assert.equal(report.warnings.length, 8);
    assert.deepEqual(report.warnings[4], { path: 'fragments[1].start', message: '"12:x" is not a time; item skipped' });
    assert.deepEqual(report.counts, { people: 1, interviews: 1, fragments: 2, themes: 1 });
    const strict = JSON.parse((await kijkom(['validate', '--json', '--strict', sample('damaged.json')])).stdout);
    assert.equal(strict.ok, false);
    const fatal = await kijkom(['validate', '--json', sample('fatal.json')]);
    assert.equal(fatal.code, 1);
    assert.equal(JSON.parse(fatal.stdout).ok, false);
    assert.match(JSON.parse(fatal.stdout).fatal, /"format" is "kijkom-catalogue\/2"/);
  });

  test('--check-links: the files beside the catalogue, and what a local playlist names', async () => {
    const good = await kijkom(['validate', '--check-links', sample('good.json')]);
    assert.equal(good.code, 0, good.stderr);
    assert.match(good.stdout, /all 5 links work/);
    const broken = await kijkom(['validate', '--check-links', sample('broken-links.json')]);
    assert.equal(broken.code, 1);
    assert.match(broken.stderr, /3 of 4 links do not work/);
    // A multivariant playlist: its variants are read too, and a problem is named with its variant.
    assert.match(
      broken.stderr,
      /interviews\[0\]\.audio: .*master\.m3u8: incomplete\.m3u8: names seg-00001\.m4s, which is missing/,
    );
    assert.match(broken.stderr, /interviews\[0\]\.video: .*incomplete\.m3u8: names seg-00001\.m4s, which is missing/);
    assert.match(broken.stderr, /interviews\[0\]\.poster: .*missing\.jpg: file missing/);
    const json = JSON.parse(
      (await kijkom(['validate', '--check-links', '--json', sample('broken-links.json')])).stdout,
    );
    assert.deepEqual(
      json.links.map(({ path: where, ok }) => [where, ok]),
      [
        ['interviews[0].video', false],
        ['interviews[0].audio', false],
        ['interviews[0].poster', false],
        ['interviews[0].captions[0].src', true],
      ],
    );
  });

  test('--check-links: a local WebVTT file without a cue (as kijkom media writes one to fill in) is a warning, which --strict fails', async () => {
    const dir = scratch('kijkom-cues-');
    const catalogue = JSON.parse(readFileSync(sample('good.json'), 'utf8'));
    delete catalogue.$schema;
    const [interview] = catalogue.interviews;
    interview.video = 'https://media.example.org/a/video.m3u8';
    interview.poster = undefined;
    interview.transcript = undefined;
    catalogue.people[0].portrait = undefined;
    interview.captions = [{ lang: 'nl', label: 'Nederlands', src: 'captions.vtt' }];
    writeFileSync(path.join(dir, 'captions.vtt'), 'WEBVTT\n\n');
    const file = path.join(dir, 'catalogue.json');
    writeFileSync(file, JSON.stringify(catalogue));
    const args = ['validate', '--check-links', file];
    const plain = await kijkom(args);
    assert.match(
      plain.stderr,
      /interviews\[0\]\.captions\[0\]\.src: WebVTT without a single cue: the player shows no button for it/,
    );
    assert.equal((await kijkom([...args, '--strict'])).code, 1);
    writeFileSync(path.join(dir, 'captions.vtt'), 'WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nGoedemiddag.\n');
    const filled = await kijkom([...args, '--strict']);
    assert.doesNotMatch(filled.stderr, /without a single cue/);
  });

  test('usage errors exit 2 and point to --help', async () => {
    const none = await kijkom(['validate']);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /an argument is missing: <file-or-url>\nSee: kijkom validate --help/);
    const flag = await kijkom(['validate', '--frobnicate', sample('good.json')]);
    assert.equal(flag.code, 2);
    assert.match(flag.stderr, /--frobnicate/);
    for (const [args, said] of [
      [
        ['validate', '--frobnicate', sample('good.json')],
        /kijkom: unknown option “--frobnicate”\nSee: kijkom validate --help/,
      ],
      [['validate', '--strict=yes', sample('good.json')], /option --strict takes no value/],
      [['import', 'csv', 'x.csv', '--out'], /option --out needs a value\nSee: kijkom import --help/],
      [['import', 'csv', 'x.csv', '--out', '--force'], /option --out needs a value/],
      [['media'], /an argument is missing: <recording> <out-dir>/],
    ]) {
      const result = await kijkom(args);
      assert.equal(result.code, 2, args.join(' '));
      assert.match(result.stderr, said);
    }
    // In the user's language, not Node's English.
    const dutch = await kijkom(['validate', '--frobnicate', sample('good.json')], { env: { LANG: 'nl_NL.UTF-8' } });
    assert.match(dutch.stderr, /kijkom: onbekende optie “--frobnicate”\nZie: kijkom validate --help/);
    const command = await kijkom(['frobnicate']);
    assert.equal(command.code, 2);
    assert.match(command.stderr, /unknown command “frobnicate”/);
  });
});

describe('kijkom validate: a catalogue over http', () => {
  let server;
  let origin;
  const requests = [];
  before(async () => {
    const catalogue = readFileSync(sample('good.json'), 'utf8')
      .replaceAll('media/gesprek-a/nl.vtt"', 'media/gesprek-a/gone.vtt"') // captions and transcript: 404
      .replace('"portrait": "media/gesprek-a/poster.jpg"', '"portrait": "no-head/portrait.jpg"');
    server = createServer((request, response) => {
      requests.push(`${request.method} ${request.url}`);
      if (request.url === '/old/catalogue.json') {
        response.writeHead(301, { location: '/archief/catalogue.json' }).end();
      } else if (request.url === '/archief/catalogue.json') {
        response.writeHead(200, { 'content-type': 'application/json' }).end(catalogue);
      } else if (request.url.startsWith('/archief/no-head/')) {
        // A server that refuses HEAD: the check asks again with a one-byte GET.
        response.writeHead(request.method === 'HEAD' ? 405 : 206).end(request.method === 'HEAD' ? '' : 'x');
      } else if (request.url.startsWith('/archief/media/gesprek-a/') && !request.url.includes('gone')) {
        response.writeHead(200).end(request.method === 'HEAD' ? '' : 'x');
      } else response.writeHead(404).end();
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${server.address().port}`;
  });
  after(() => server.close());

  test('URLs resolve against the final URL after redirects; HEAD, GET where HEAD is refused, 404s reported', async () => {
    const { code, stdout, stderr } = await kijkom([
      'validate',
      '--check-links',
      '--json',
      `${origin}/old/catalogue.json`,
    ]);
    assert.equal(code, 1, stderr);
    const report = JSON.parse(stdout);
    const broken = report.links.filter((link) => !link.ok);
    assert.deepEqual(
      broken.map(({ path: where, url, problem }) => [where, url, problem]),
      [
        ['interviews[0].transcript', `${origin}/archief/media/gesprek-a/gone.vtt`, 'HTTP 404'],
        ['interviews[0].captions[0].src', `${origin}/archief/media/gesprek-a/gone.vtt`, 'HTTP 404'],
      ],
    );
    assert.equal(report.links.length, 5);
    assert.ok(requests.includes('HEAD /archief/media/gesprek-a/video.m3u8'));
    assert.ok(requests.includes('GET /archief/no-head/portrait.jpg'), requests.join('\n'));
    assert.equal(requests.filter((r) => r.endsWith('/gone.vtt')).length, 1, 'one URL is checked once');
  });

  test('an HTTP error for the catalogue itself is fatal', async () => {
    const { code, stderr } = await kijkom(['validate', `${origin}/nothing.json`]);
    assert.equal(code, 1);
    assert.match(stderr, /answered HTTP 404/);
  });
});

describe('kijkom: languages and help', () => {
  test('Dutch for nl* in LC_ALL, LC_MESSAGES or LANG (in that order); English otherwise', async () => {
    const nl = await kijkom(['validate', sample('damaged.json')], { env: { LANG: 'nl_NL.UTF-8' } });
    assert.match(nl.stdout, /bruikbaar, 1 personen, 1 gesprekken, 2 fragmenten, 1 thema’s/);
    assert.match(nl.stderr, /8 waarschuwing\(en\)/);
    const messages = await kijkom(['validate', sample('fatal.json')], { env: { LANG: 'en_US', LC_MESSAGES: 'nl_BE' } });
    assert.match(messages.stderr, /onbruikbaar/);
    const all = await kijkom(['validate', sample('fatal.json')], { env: { LC_ALL: 'C', LC_MESSAGES: 'nl_BE' } });
    assert.match(all.stderr, /unusable/);
  });

  for (const args of [[], ['--help'], ['validate', '--help'], ['import', '--help'], ['import'], ['media', '--help']])
    test(`kijkom ${args.join(' ')} prints help in both languages, exit 0`, async () => {
      const en = await kijkom(args);
      const nl = await kijkom(args, { env: { LANG: 'nl' } });
      assert.equal(en.code, 0);
      assert.equal(nl.code, 0);
      assert.match(en.stdout, /^kijkom/);
      assert.notEqual(en.stdout, nl.stdout);
      assert.match(nl.stdout, /\b(het|een|de)\b/);
    });

  test('kijkom --version prints the package’s version', async () => {
    const { code, stdout } = await kijkom(['--version']);
    assert.equal(code, 0);
    assert.equal(stdout.trim(), JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version);
  });
});
