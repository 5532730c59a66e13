// What `kijkom index` writes (test/cli/index.test.mjs runs it on the sample archive, to
// test/media/cli-index/) is searched here with Pagefind's own script, in each browser: a word of a
// transcript finds its cue with speaker, interview and times; a fragment's title finds the fragment.
import { expect } from '@open-wc/testing';

interface Result {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}
interface Pagefind {
  search(
    term: string,
    options?: { filters?: Record<string, string> },
  ): Promise<{ results: { data(): Promise<Result> }[] }>;
}

const INDEX = '/test/media/cli-index/pagefind.js';

async function pagefind(): Promise<Pagefind> {
  const response = await fetch(INDEX);
  expect(response.ok, `${INDEX}: run \`node --test test/cli/index.test.mjs\` (npm test does)`).to.equal(true);
  return (await import(/* @vite-ignore */ INDEX)) as Pagefind;
}

const found = async (search: ReturnType<Pagefind['search']>) =>
  Promise.all((await search).results.map((result) => result.data()));

describe('kijkom index output, searched in the browser', () => {
  it('a word of a transcript finds its cue: words marked, speaker, interview, start, its turn’s end', async function () {
    this.timeout(20000);
    const index = await pagefind();
    const results = await found(index.search('vader', { filters: { kind: 'cue' } }));
    expect(results.length, 'cues with "vader"').to.be.greaterThan(0);
    const cue = results.find((result) => result.meta.interview === 'gesprek-i')!;
    expect(cue, 'a cue of gesprek-i').to.not.equal(undefined);
    expect(cue.excerpt.toLowerCase()).to.contain('<mark>vader</mark>');
    expect(cue.meta.speaker).to.be.a('string').and.not.equal('');
    const [start, end, turnEnd] = [cue.meta.start, cue.meta.end, cue.meta.turnEnd].map(Number);
    expect(end).to.be.greaterThan(start);
    expect(turnEnd).to.be.at.least(end);
    expect(cue.url).to.match(new RegExp(`#t=${start},${end}$`));
    expect(cue.filters.kind).to.deep.equal(['cue']);
  });

  it('a word of a fragment’s title finds the fragment, stemmed (Dutch), and facets narrow the results', async function () {
    this.timeout(20000);
    const index = await pagefind();
    const fragments = await found(index.search('tijdsdruk', { filters: { kind: 'fragment' } }));
    expect(fragments.map((result) => result.meta.title)).to.include('Advies onder tijdsdruk');
    const all = await found(index.search('tijdsdruk'));
    expect(all.length).to.be.at.least(fragments.length);
    expect(new Set(fragments.map((result) => result.meta.kind))).to.deep.equal(new Set(['fragment']));
  });
});
