// `kijkom embed`, run as users run it (the packed package's bin): oEmbed files a CMS can read.
// The required fields are checked as oembed.com's spec (section 2.3.4) has them for `type: video`.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { bin, kijkom, root, scratch } from './helpers.mjs';

const POSTER = path.join(root, 'demo/media/interview-32m/poster.jpg'); // 320×180
const EMBED = 'https://archief.example/kijkom/embed.html';
const PUBLIC = 'https://archief.example/catalogue.json';

/** A catalogue of two interviews (one poster a JPEG, one a broken file) and three fragments, with text that needs escaping. */
function site() {
  const dir = scratch('kijkom-embed-');
  mkdirSync(path.join(dir, 'media'));
  copyFileSync(POSTER, path.join(dir, 'media/a.jpg'));
  writeFileSync(path.join(dir, 'media/b.jpg'), 'not an image');
  const catalogue = {
    format: 'kijkom-catalogue/1',
    title: 'Voorbeeldarchief',
    publisher: 'Stichting "Voorbeeld" & Co',
    url: 'https://archief.example/',
    lang: 'nl',
    people: [{ id: 'a', name: 'Spreker <A>' }],
    interviews: [
      {
        id: 'gesprek-a',
        person: 'a',
        title: 'Gesprek A',
        video: 'media/a.m3u8',
        poster: 'media/a.jpg',
        url: 'https://archief.example/gesprek-a',
      },
      { id: 'gesprek b', title: 'Gesprek B', video: 'media/b.m3u8', poster: 'media/b.jpg' },
    ],
    fragments: [
      { id: 'begin', interview: 'gesprek-a', title: 'Het "begin" & <meer>', start: '2:22', end: '4:05' },
      { id: 'later', interview: 'gesprek-a', title: 'Later', start: 600 },
      { id: 'elders/b', interview: 'gesprek b', title: 'Elders', start: 5 },
    ],
    themes: [],
  };
  writeFileSync(path.join(dir, 'catalogue.json'), JSON.stringify(catalogue));
  return dir;
}

/** The files written, by name, parsed. */
const written = (dir) =>
  Object.fromEntries(readdirSync(dir).map((file) => [file, JSON.parse(readFileSync(path.join(dir, file), 'utf8'))]));

/** The `<link>` lines printed, by `kind id`: their href and title. */
function links(stdout) {
  const found = {};
  for (const line of stdout.trim().split('\n')) {
    const match = line.match(
      /^(\w+ .+): <link rel="alternate" type="application\/json\+oembed" href="([^"]+)" title="([^"]*)">$/,
    );
    assert.ok(match, `a link line: ${line}`);
    found[match[1]] = { href: match[2], title: match[3] };
  }
  return found;
}

/** What oembed.com requires of a video response, and what it requires together. */
function assertOembedVideo(doc) {
  assert.equal(doc.version, '1.0');
  assert.equal(doc.type, 'video');
  assert.equal(typeof doc.html, 'string');
  assert.ok(Number.isInteger(doc.width) && doc.width > 0 && Number.isInteger(doc.height) && doc.height > 0);
  const thumbnail = ['thumbnail_url', 'thumbnail_width', 'thumbnail_height'].filter((key) => key in doc);
  assert.ok(thumbnail.length === 0 || thumbnail.length === 3, 'a thumbnail has its url, width and height');
  for (const key of ['title', 'author_name', 'author_url', 'provider_name', 'provider_url'])
    if (key in doc) assert.equal(typeof doc[key], 'string', key);
}

/** The iframe in an oEmbed's html: its src parsed, and its title. */
function iframeOf(html) {
  const match = html.match(/^<iframe src="([^"]+)" title="([^"]*)" width="(\d+)" height="(\d+)"[^>]*><\/iframe>$/);
  assert.ok(match, html);
  const unescape = (text) =>
    text
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
  return {
    src: new URL(unescape(match[1])),
    title: unescape(match[2]),
    width: Number(match[3]),
    height: Number(match[4]),
  };
}

describe('kijkom embed', () => {
  test('a local catalogue: an oEmbed video per fragment and interview, and the <link> for each page', async () => {
    const dir = site();
    const out = path.join(dir, 'oembed');
    const { code, stdout, stderr } = await kijkom([
      'embed',
      path.join(dir, 'catalogue.json'),
      ...['--base', EMBED, '--out', out, '--catalogue-url', PUBLIC],
    ]);
    assert.equal(code, 0, stderr);
    const files = written(out);
    assert.deepEqual(Object.keys(files).sort(), [
      'fragment-begin.json',
      'fragment-elders%2Fb.json',
      'fragment-later.json',
      'interview-gesprek%20b.json',
      'interview-gesprek-a.json',
    ]);
    for (const doc of Object.values(files)) assertOembedVideo(doc);

    const begin = files['fragment-begin.json'];
    assert.equal(begin.title, 'Het "begin" & <meer>');
    assert.equal(begin.author_name, 'Spreker <A>');
    assert.equal(begin.author_url, 'https://archief.example/gesprek-a');
    assert.equal(begin.provider_name, 'Stichting "Voorbeeld" & Co');
    assert.equal(begin.provider_url, 'https://archief.example/');
    assert.deepEqual(
      [begin.thumbnail_url, begin.thumbnail_width, begin.thumbnail_height],
      ['https://archief.example/media/a.jpg', 320, 180],
    );
    // The iframe: the embed page with the catalogue's public URL and the fragment, escaped as HTML.
    const frame = iframeOf(begin.html);
    assert.equal(frame.src.origin + frame.src.pathname, EMBED);
    assert.deepEqual(Object.fromEntries(frame.src.searchParams), { catalogue: PUBLIC, fragment: 'begin' });
    assert.equal(frame.title, 'Het "begin" & <meer> — Spreker <A>');
    assert.deepEqual([frame.width, frame.height], [begin.width, begin.height]);
    const whole = iframeOf(files['interview-gesprek%20b.json'].html);
    assert.deepEqual(Object.fromEntries(whole.src.searchParams), { catalogue: PUBLIC, interview: 'gesprek b', t: '0' });

    // A poster whose size cannot be read: no thumbnail (never half of one), and said once.
    assert.equal(files['interview-gesprek%20b.json'].thumbnail_url, undefined);
    assert.equal(files['fragment-elders%2Fb.json'].thumbnail_url, undefined);
    assert.equal(stderr.match(/poster https:\/\/archief\.example\/media\/b\.jpg: its size cannot be read/g)?.length, 1);
    assert.match(
      stderr,
      /5 oEmbed files written to .*; serve that folder at https:\/\/archief\.example\/kijkom\/oembed\//,
    );

    // One link a page: to its file where that folder is served (beside embed.html by default).
    const printed = links(stdout);
    assert.deepEqual(Object.keys(printed), [
      'fragment begin',
      'fragment later',
      'fragment elders/b',
      'interview gesprek-a',
      'interview gesprek b',
    ]);
    assert.equal(printed['fragment begin'].href, 'https://archief.example/kijkom/oembed/fragment-begin.json');
    assert.equal(printed['fragment begin'].title, 'Het &quot;begin&quot; &amp; &lt;meer&gt;');
    // The file's name percent-encoded once more in the URL, so a server finds `fragment-elders%2Fb.json`.
    assert.equal(printed['fragment elders/b'].href, 'https://archief.example/kijkom/oembed/fragment-elders%252Fb.json');
  });

  test('a catalogue at a URL: its own address, posters fetched; --out-url says where the files are served', async () => {
    const dir = site();
    const server = createServer((request, response) => {
      const file = path.join(dir, decodeURIComponent(new URL(request.url, 'http://x').pathname));
      try {
        response.end(readFileSync(file));
      } catch {
        response.statusCode = 404;
        response.end();
      }
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    after(() => server.close());
    const origin = `http://127.0.0.1:${server.address().port}`;
    const out = path.join(dir, 'served');
    const { code, stdout, stderr } = await kijkom([
      'embed',
      `${origin}/catalogue.json`,
      ...['--base', `${origin}/kijkom/embed.html`, '--out', out, '--out-url', `${origin}/oembed`],
    ]);
    assert.equal(code, 0, stderr);
    const begin = written(out)['fragment-begin.json'];
    assert.deepEqual([begin.thumbnail_url, begin.thumbnail_width], [`${origin}/media/a.jpg`, 320]);
    assert.equal(iframeOf(begin.html).src.searchParams.get('catalogue'), `${origin}/catalogue.json`);
    assert.equal(links(stdout)['fragment begin'].href, `${origin}/oembed/fragment-begin.json`);
    assert.doesNotMatch(stderr, /kijkom-embed-catalogues/, 'the catalogue is of the embed page’s origin');
  });

  test('a catalogue of another origin than the embed page: said, with what the page needs to show it', async () => {
    const dir = site();
    const { code, stderr } = await kijkom([
      'embed',
      path.join(dir, 'catalogue.json'),
      ...['--base', 'https://speler.example/embed.html', '--out', path.join(dir, 'o'), '--catalogue-url', PUBLIC],
    ]);
    assert.equal(code, 0, stderr);
    assert.match(
      stderr,
      /https:\/\/speler\.example\/embed\.html shows this catalogue \(https:\/\/archief\.example\/catalogue\.json\) only where the page names its address in <meta name="kijkom-embed-catalogues">/,
    );
  });

  test('ids as file names: case twins, `*` and long ids get names of their own; a poster never read from outside the folder', async () => {
    const dir = site();
    const doc = JSON.parse(readFileSync(path.join(dir, 'catalogue.json'), 'utf8'));
    const long = 'é'.repeat(150);
    doc.fragments = ['Intro', 'intro', 'a*b', long].map((id) => ({ id, interview: 'gesprek-a', title: id, start: 1 }));
    doc.interviews[1].poster = 'media/..%2F..%2F..%2Fetc%2Fhostname';
    writeFileSync(path.join(dir, 'catalogue.json'), JSON.stringify(doc));
    const out = path.join(dir, 'named');
    const { code, stdout, stderr } = await kijkom([
      'embed',
      path.join(dir, 'catalogue.json'),
      ...['--base', EMBED, '--out', out, '--catalogue-url', PUBLIC],
    ]);
    assert.equal(code, 0, stderr);
    const names = readdirSync(out);
    const fragments = names.filter((name) => name.startsWith('fragment-'));
    // Four files, none differing from another only in case (one file on macOS and Windows).
    assert.equal(new Set(fragments.map((name) => name.toLowerCase())).size, 4);
    assert.ok(
      fragments.includes('fragment-Intro.json') && fragments.includes('fragment-a%2Ab.json'),
      fragments.join(' '),
    );
    assert.ok(
      fragments.every((name) => name.length < 160 && !/[*]/.test(name)),
      fragments.join(' '),
    );
    // Each printed link names its own file, which holds its own fragment.
    for (const [id, { href }] of Object.entries(links(stdout)).filter(([key]) => key.startsWith('fragment '))) {
      const file = decodeURIComponent(new URL(href).pathname.split('/').pop());
      assert.equal(JSON.parse(readFileSync(path.join(out, file), 'utf8')).title, id.slice('fragment '.length));
    }
    assert.match(stderr, /poster https:\/\/archief\.example\/media\/\.\.%2F.*outside the catalogue’s folder/);
    assert.equal(
      JSON.parse(readFileSync(path.join(out, 'interview-gesprek%20b.json'), 'utf8')).thumbnail_url,
      undefined,
    );
  });

  test('a reader that stops early (`| head -1`): every file is still written, and the exit code says so', async () => {
    const dir = site();
    const out = path.join(dir, 'piped');
    const args = ['embed', path.join(dir, 'catalogue.json'), '--base', EMBED, '--out', out, '--catalogue-url', PUBLIC];
    const child = spawn(bin, args, {
      env: { PATH: `${path.dirname(process.execPath)}:/usr/bin:/bin`, LANG: 'C.UTF-8' },
    });
    // Close the pipe after the first line, as `head -1` does.
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise((resolve) => child.on('close', resolve));
    assert.equal(code, 0);
    assert.equal(readdirSync(out).filter((name) => name.endsWith('.json')).length, 5);
    assert.deepEqual(
      readdirSync(out).filter((name) => name.endsWith('.tmp')),
      [],
    );
  });

  test('clear errors: no --base, a local catalogue without its public URL, no --out, a catalogue that is none', async () => {
    const dir = site();
    const catalogue = path.join(dir, 'catalogue.json');
    const cases = [
      [[catalogue, '--out', dir, '--catalogue-url', PUBLIC], 2, /--base <http\(s\) URL> is missing/],
      [
        [catalogue, '--base', 'embed.html', '--out', dir, '--catalogue-url', PUBLIC],
        2,
        /--base <http\(s\) URL> is missing or no http\(s\) URL/,
      ],
      [[catalogue, '--base', EMBED, '--out', dir], 2, /--catalogue-url <http\(s\) URL> is missing/],
      [[catalogue, '--base', EMBED, '--catalogue-url', PUBLIC], 2, /--out <dir> is missing/],
      [
        [catalogue, '--base', EMBED, '--out', dir, '--catalogue-url', PUBLIC, '--out-url', 'data:x'],
        2,
        /--out-url <http\(s\) URL> is missing or no http\(s\) URL/,
      ],
      [
        [path.join(dir, 'media/b.jpg'), '--base', EMBED, '--out', dir, '--catalogue-url', PUBLIC],
        1,
        /b\.jpg is not valid JSON/,
      ],
    ];
    for (const [args, exit, message] of cases) {
      const { code, stdout, stderr } = await kijkom(['embed', ...args]);
      assert.equal(code, exit, stderr);
      assert.match(stderr, message);
      assert.equal(stdout, '');
    }
    const dutch = await kijkom(['embed', catalogue, '--out', dir], { env: { LANG: 'nl_NL.UTF-8' } });
    assert.match(dutch.stderr, /--base <http\(s\)-url> ontbreekt/);
  });
});
