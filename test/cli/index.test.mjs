// `kijkom index`, run as users run it (the packed package's bin): a Pagefind index of the sample
// archive, written to test/media/cli-index/, which test/cli/cli-index.test.ts searches in the browsers.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { kijkom, root, scratch } from './helpers.mjs';

export const INDEX_DIR = path.join(root, 'test/media/cli-index');
const CATALOGUE = path.join(root, 'test/fixtures/catalogue.json');

/** The cues of the catalogue's transcripts, counted in the WebVTT files themselves. */
function cuesInTranscripts(file) {
  const catalogue = JSON.parse(readFileSync(file, 'utf8'));
  return catalogue.interviews
    .filter((interview) => interview.transcript)
    .map((interview) => readFileSync(path.resolve(path.dirname(file), interview.transcript), 'utf8'))
    .reduce((sum, vtt) => sum + (vtt.match(/ --> /g) ?? []).length, 0);
}

describe('kijkom index', () => {
  test('the sample archive: every transcript cue and the catalogue’s texts, in a Dutch Pagefind index', async () => {
    rmSync(INDEX_DIR, { recursive: true, force: true });
    const { code, stdout, stderr } = await kijkom(['index', CATALOGUE, '--out', INDEX_DIR]);
    assert.equal(code, 0, stderr);
    assert.equal(stderr, '');
    const [, items, cues] = /^search index of (\d+) items \((\d+) transcript cues\) written to /.exec(stdout) ?? [];
    assert.equal(Number(cues), cuesInTranscripts(CATALOGUE));
    const catalogue = JSON.parse(readFileSync(CATALOGUE, 'utf8'));
    const chapters = catalogue.interviews.reduce((sum, interview) => sum + (interview.chapters?.length ?? 0), 0);
    const texts = catalogue.fragments.length + catalogue.themes.length + catalogue.people.length + chapters;
    assert.equal(Number(items), Number(cues) + texts);
    assert.ok(existsSync(path.join(INDEX_DIR, 'pagefind.js')), 'pagefind.js');
    const entry = JSON.parse(readFileSync(path.join(INDEX_DIR, 'pagefind-entry.json'), 'utf8'));
    assert.deepEqual(Object.keys(entry.languages), ['nl']);
  });

  test('a transcript that cannot be read is named, and the rest is indexed', async () => {
    const dir = scratch('kijkom-index-');
    const catalogue = JSON.parse(readFileSync(CATALOGUE, 'utf8'));
    // Paths relative to the copy's folder: the first transcript points nowhere.
    for (const interview of catalogue.interviews)
      if (interview.transcript) interview.transcript = path.resolve(path.dirname(CATALOGUE), interview.transcript);
    const broken = catalogue.interviews.find((interview) => interview.transcript);
    broken.transcript = 'nergens.vtt';
    const file = path.join(dir, 'catalogue.json');
    writeFileSync(file, JSON.stringify(catalogue));
    const { code, stdout, stderr } = await kijkom(['index', file, '--out', path.join(dir, 'index')]);
    assert.equal(code, 0, stderr);
    assert.match(
      stderr,
      new RegExp(
        `^transcript of ${broken.id} \\(/.*/nergens\\.vtt\\) cannot be read: .*; the interview is indexed without its words\\n$`,
      ),
    );
    assert.match(stdout, /written to /);
    assert.ok(existsSync(path.join(dir, 'index/pagefind.js')));
  });

  test('usage errors, in English and Dutch', async () => {
    const none = await kijkom(['index', CATALOGUE]);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /--out <dir> is missing/);
    const dutch = await kijkom(['index'], { env: { LANG: 'nl_NL.UTF-8' } });
    assert.equal(dutch.code, 2);
    assert.match(dutch.stderr, /<catalogus>/);
  });
});
