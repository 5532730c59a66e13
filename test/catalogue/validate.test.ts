import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { validateCatalogue } from '../../src/catalogue/validate.js';
import type { Catalogue, CatalogueWarning } from '../../src/catalogue/types.js';

const FORMAT = 'kijkom-catalogue/1';
/** The catalogue's own URL: another origin and path than this test page. */
const BASE = 'https://archief.example/data/v1/catalogue.json';

type Item = Record<string, unknown>;
type Kind = 'people' | 'interviews' | 'fragments' | 'themes';

/** A valid item number `n` of each kind; all refer to item 0 of the kind they link to. */
const make: Record<Kind, (n: number) => Item> = {
  people: (n) => ({ id: `p${n}`, name: `Spreker ${n}` }),
  interviews: (n) => ({ id: `i${n}`, title: `Gesprek ${n}`, video: `media/i${n}.m3u8` }),
  fragments: (n) => ({ id: `f${n}`, interview: 'i0', title: `Fragment ${n}`, start: `${n}:00` }),
  themes: (n) => ({ id: `t${n}`, title: `Thema ${n}`, fragments: ['f0'] }),
};

/** A valid document with one item of each kind, with top-level fields replaced by `parts`. */
function doc(parts: Item = {}): Item {
  return {
    format: FORMAT,
    people: [make.people(0)],
    interviews: [make.interviews(0)],
    fragments: [make.fragments(0)],
    themes: [make.themes(0)],
    ...parts,
  };
}

/** A valid document whose `kind` list holds `count` valid items, each passed through `change`. */
function docWith(kind: Kind, count: number, change: (item: Item, index: number) => unknown = (item) => item): Item {
  return doc({ [kind]: Array.from({ length: count }, (_, i) => change(make[kind](i), i)) });
}

/** A document with one interview holding `fields` on top of a valid one. */
const docWithInterview = (fields: Item) => doc({ interviews: [{ ...make.interviews(0), ...fields }] });

/** Validates, asserts the document was usable, and returns catalogue and warnings. */
function valid(input: unknown, base = BASE): { catalogue: Catalogue; warnings: CatalogueWarning[] } {
  const result = validateCatalogue(input, base);
  if (!result.ok) throw new Error(`expected a catalogue, got the fatal "${result.message}"`);
  return result;
}

/** Validates, asserts the document was refused, and returns the message. */
function fatal(input: unknown): string {
  const result = validateCatalogue(input, BASE);
  if (result.ok) throw new Error('expected the document to be refused');
  expect(result.message).to.be.a('string').and.not.equal('');
  return result.message;
}

/** The messages of the warnings at exactly `path`; asserts there is at least one. */
function messagesAt(warnings: CatalogueWarning[], path: string): string[] {
  const messages = warnings.filter((w) => w.path === path).map((w) => w.message);
  expect(messages, `a warning at ${path} among ${JSON.stringify(warnings)}`).to.not.be.empty;
  return messages;
}

/** The one warning message at `path`, and asserts it is the only warning. */
function onlyWarning(warnings: CatalogueWarning[], path: string): string {
  expect(
    warnings.map((w) => w.path),
    JSON.stringify(warnings),
  ).to.deep.equal([path]);
  return warnings[0].message;
}

const sizes = (catalogue: Catalogue) => ({
  people: catalogue.people.size,
  interviews: catalogue.interviews.size,
  fragments: catalogue.fragments.size,
  themes: catalogue.themes.size,
});

/**
 * Follows a warning path (`fragments[3].start`) through the original document. Every step but
 * the last must exist as an own property; the last may be missing (a missing field).
 */
function pathResolves(document: unknown, path: string): boolean {
  const steps = path.match(/[^.[\]]+/g) ?? [];
  if (steps.join('') === '' || !/^[a-z]+(\[\d+\])*(\.[a-z]+(\[\d+\])*)*$/i.test(path)) return false;
  let here: unknown = document;
  for (const [i, step] of steps.entries()) {
    if (typeof here !== 'object' || here === null) return false;
    if (!Object.hasOwn(here, step)) return i === steps.length - 1;
    here = (here as Item)[step];
  }
  return true;
}

describe('validateCatalogue', () => {
  describe('a document that is not a Kijkom catalogue is fatal', () => {
    const notObjects: [string, unknown][] = [
      ['a string', 'kijkom-catalogue/1'],
      ['a number', 1],
      ['a boolean', true],
      ['null', null],
      ['undefined', undefined],
      ['an array', []],
      ['an array holding a catalogue', [doc()]],
    ];
    for (const [name, input] of notObjects) {
      it(name, () => {
        fatal(input);
      });
    }

    const badFormats: [string, Item][] = [
      ['no format', (({ format: _, ...rest }) => rest)(doc())],
      ['another format', doc({ format: 'other/2' })],
      ['a later version', doc({ format: 'kijkom-catalogue/2' })],
      ['the format in another case', doc({ format: 'KIJKOM-CATALOGUE/1' })],
      ['the format as a number', doc({ format: 1 })],
      ['the format in a list', doc({ format: [FORMAT] })],
      ['the format only on the prototype', JSON.parse(`{"__proto__": {"format": "${FORMAT}"}}`) as Item],
    ];
    for (const [name, input] of badFormats) {
      it(name, () => {
        expect(fatal(input)).to.match(/format/);
      });
    }
  });

  describe('a valid document', () => {
    it('is read without warnings', () => {
      const { catalogue, warnings } = valid(doc({ title: 'Archief', lang: 'nl' }));
      expect(warnings).to.deep.equal([]);
      expect(sizes(catalogue)).to.deep.equal({ people: 1, interviews: 1, fragments: 1, themes: 1 });
      expect(catalogue.url).to.equal(BASE);
      expect(catalogue.title).to.equal('Archief');
      expect(catalogue.lang).to.equal('nl');
      expect(catalogue.fragments.get('f0')).to.include({ id: 'f0', interview: 'i0', title: 'Fragment 0', start: 0 });
      expect(catalogue.themes.get('t0')?.fragments).to.deep.equal(['f0']);
    });

    it('may be only a format', () => {
      const { catalogue, warnings } = valid({ format: FORMAT });
      expect(warnings).to.deep.equal([]);
      expect(sizes(catalogue)).to.deep.equal({ people: 0, interviews: 0, fragments: 0, themes: 0 });
    });

    it('keeps every optional field', () => {
      const { catalogue, warnings } = valid(
        doc({
          people: [{ ...make.people(0), role: 'SG', period: '2002–2007', portrait: 'img/p0.jpg' }],
          interviews: [
            {
              ...make.interviews(0),
              person: 'p0',
              date: '2018-11',
              interviewers: ['Interviewer 1', 'Interviewer 2'],
              summary: 'Samenvatting',
              duration: '1:02:10',
              audio: 'media/i0-audio.m3u8',
              poster: 'media/i0.jpg',
              captions: [{ lang: 'nl', label: 'Nederlands', src: 'media/nl.vtt' }],
              transcript: 'media/nl.vtt',
              chapters: [{ title: 'Begin', start: '0:45' }],
              url: 'https://example.org/gesprekken/i0',
            },
          ],
          fragments: [{ ...make.fragments(0), start: '2:22', end: '4:05', description: 'Beschrijving' }],
        }),
      );
      expect(warnings).to.deep.equal([]);
      expect(catalogue.people.get('p0')).to.deep.equal({
        id: 'p0',
        name: 'Spreker 0',
        role: 'SG',
        period: '2002–2007',
        portrait: 'https://archief.example/data/v1/img/p0.jpg',
      });
      const interview = catalogue.interviews.get('i0')!;
      expect(interview).to.include({
        person: 'p0',
        date: '2018-11',
        summary: 'Samenvatting',
        duration: 3730,
        video: 'https://archief.example/data/v1/media/i0.m3u8',
        audio: 'https://archief.example/data/v1/media/i0-audio.m3u8',
        poster: 'https://archief.example/data/v1/media/i0.jpg',
        transcript: 'https://archief.example/data/v1/media/nl.vtt',
        url: 'https://example.org/gesprekken/i0',
      });
      expect(interview.interviewers).to.deep.equal(['Interviewer 1', 'Interviewer 2']);
      expect(interview.captions).to.deep.equal([
        { lang: 'nl', label: 'Nederlands', src: 'https://archief.example/data/v1/media/nl.vtt' },
      ]);
      expect(interview.chapters).to.deep.equal([{ title: 'Begin', start: 45 }]);
      expect(catalogue.fragments.get('f0')).to.include({ start: 142, end: 245, description: 'Beschrijving' });
    });
  });

  describe('an item missing a required field', () => {
    it('is skipped with a warning whose path indexes the original document', () => {
      const input = docWith('fragments', 5, (f, i) => (i === 3 ? { ...f, start: '12:x' } : f));
      const { catalogue, warnings } = valid(input);
      const message = onlyWarning(warnings, 'fragments[3].start');
      expect(message).to.contain('"12:x" is not a time');
      expect(catalogue.fragments.size).to.equal(4);
      expect(catalogue.fragments.has('f3')).to.equal(false);
      expect([...catalogue.fragments.keys()]).to.deep.equal(['f0', 'f1', 'f2', 'f4']);
    });

    const required: [Kind, string][] = [
      ['people', 'id'],
      ['people', 'name'],
      ['interviews', 'id'],
      ['interviews', 'title'],
      ['fragments', 'id'],
      ['fragments', 'interview'],
      ['fragments', 'title'],
      ['fragments', 'start'],
      ['themes', 'id'],
      ['themes', 'title'],
      ['themes', 'fragments'],
    ];
    for (const [kind, field] of required) {
      it(`${kind}: without "${field}"`, () => {
        const { catalogue, warnings } = valid(
          docWith(kind, 3, (item, i) => (i === 2 ? { ...item, [field]: undefined } : item)),
        );
        expect(onlyWarning(warnings, `${kind}[2].${field}`)).to.match(/missing|not a list/);
        expect(catalogue[kind].size).to.equal(2);
        expect(catalogue[kind].has(`${kind === 'people' ? 'p' : kind[0]}2`)).to.equal(false);
      });
    }

    const wrong: [Kind, string, unknown, RegExp][] = [
      ['people', 'id', 5, /5 is not text/],
      ['people', 'name', '   ', /empty/],
      ['interviews', 'title', ['Gesprek'], /not text/],
      ['fragments', 'start', true, /true is not a time/],
      ['fragments', 'start', '1:75', /seconds of 60/],
      ['fragments', 'start', '-1:00', /negative/],
      ['themes', 'fragments', 'f0', /not a list/],
    ];
    for (const [kind, field, value, message] of wrong) {
      it(`${kind}: "${field}" of ${JSON.stringify(value)}`, () => {
        const { catalogue, warnings } = valid(
          docWith(kind, 2, (item, i) => (i === 1 ? { ...item, [field]: value } : item)),
        );
        expect(onlyWarning(warnings, `${kind}[1].${field}`)).to.match(message);
        expect(catalogue[kind].size).to.equal(1);
      });
    }

    it('that is not an object is skipped', () => {
      const { catalogue, warnings } = valid(
        doc({ people: [make.people(0), 'p1', null, [make.people(2)], 7, make.people(5)] }),
      );
      expect(warnings.map((w) => w.path)).to.deep.equal(['people[1]', 'people[2]', 'people[3]', 'people[4]']);
      for (const w of warnings) expect(w.message).to.contain('not an object');
      expect([...catalogue.people.keys()]).to.deep.equal(['p0', 'p5']);
    });
  });

  describe('duplicate ids', () => {
    it('keep the first item and warn about the later one', () => {
      const input = doc({
        interviews: [make.interviews(0), make.interviews(1), { ...make.interviews(5), id: 'i0', title: 'Tweede' }],
      });
      const { catalogue, warnings } = valid(input);
      expect(onlyWarning(warnings, 'interviews[2].id')).to.contain('"i0"');
      expect(catalogue.interviews.size).to.equal(2);
      expect(catalogue.interviews.get('i0')?.title).to.equal('Gesprek 0');
    });

    it('in a theme list keep the first mention', () => {
      const input = doc({
        fragments: [make.fragments(0), make.fragments(1)],
        themes: [{ ...make.themes(0), fragments: ['f1', 'f0', 'f1'] }],
      });
      const { catalogue, warnings } = valid(input);
      onlyWarning(warnings, 'themes[0].fragments[2]');
      expect(catalogue.themes.get('t0')?.fragments).to.deep.equal(['f1', 'f0']);
    });
  });

  describe('links between items', () => {
    it('a dangling person is dropped and the interview kept', () => {
      const { catalogue, warnings } = valid(docWithInterview({ person: 'nobody' }));
      expect(onlyWarning(warnings, 'interviews[0].person')).to.contain('"nobody"');
      expect(catalogue.interviews.get('i0')).to.include({ id: 'i0', person: undefined });
    });

    it('a person that exists is kept', () => {
      const { catalogue, warnings } = valid(docWithInterview({ person: 'p0' }));
      expect(warnings).to.deep.equal([]);
      expect(catalogue.interviews.get('i0')?.person).to.equal('p0');
    });

    it('a fragment of an unknown interview is skipped', () => {
      const input = docWith('fragments', 3, (f, i) => (i === 1 ? { ...f, interview: 'i9' } : f));
      const { catalogue, warnings } = valid(input);
      expect(onlyWarning(warnings, 'fragments[1].interview')).to.contain('"i9"');
      expect([...catalogue.fragments.keys()]).to.deep.equal(['f0', 'f2']);
    });

    it('a theme drops only the fragment ids it cannot find', () => {
      const input = doc({
        fragments: [make.fragments(0), make.fragments(1)],
        themes: [{ ...make.themes(0), fragments: ['f0', 'f9', 'f1', 7] }],
      });
      const { catalogue, warnings } = valid(input);
      expect(warnings.map((w) => w.path)).to.deep.equal(['themes[0].fragments[1]', 'themes[0].fragments[3]']);
      expect(catalogue.themes.get('t0')?.fragments).to.deep.equal(['f0', 'f1']);
    });

    it('a skipped item is not linked to', () => {
      const input = doc({
        interviews: [make.interviews(0), { ...make.interviews(1), video: undefined }],
        fragments: [make.fragments(0), { ...make.fragments(1), interview: 'i1' }, { ...make.fragments(2), start: 'x' }],
        themes: [{ ...make.themes(0), fragments: ['f0', 'f1', 'f2'] }],
      });
      const { catalogue, warnings } = valid(input);
      expect(warnings.map((w) => w.path)).to.deep.equal([
        'interviews[1]',
        'fragments[1].interview',
        'fragments[2].start',
        'themes[0].fragments[1]',
        'themes[0].fragments[2]',
      ]);
      expect(catalogue.themes.get('t0')?.fragments).to.deep.equal(['f0']);
    });
  });

  describe('fragment end', () => {
    for (const [name, end] of [
      ['equal to the start', '1:00'],
      ['before the start', '0:30'],
    ] as const) {
      it(`${name} is dropped with a warning, the fragment kept`, () => {
        const input = docWith('fragments', 2, (f, i) => (i === 1 ? { ...f, end } : f));
        const { catalogue, warnings } = valid(input);
        expect(onlyWarning(warnings, 'fragments[1].end')).to.contain('not after the start');
        expect(catalogue.fragments.get('f1')).to.include({ start: 60, end: undefined });
      });
    }

    it('after the start is kept', () => {
      const { catalogue, warnings } = valid(docWith('fragments', 2, (f, i) => (i === 1 ? { ...f, end: '1:00.5' } : f)));
      expect(warnings).to.deep.equal([]);
      expect(catalogue.fragments.get('f1')?.end).to.equal(60.5);
    });

    it('that is not a time is dropped, the fragment kept', () => {
      const { catalogue, warnings } = valid(docWith('fragments', 1, (f) => ({ ...f, end: 'soon' })));
      expect(onlyWarning(warnings, 'fragments[0].end')).to.contain('"soon" is not a time');
      expect(catalogue.fragments.get('f0')?.end).to.equal(undefined);
    });
  });

  describe('interview media', () => {
    it('an interview with neither video nor audio is skipped', () => {
      const input = doc({ interviews: [make.interviews(0), { id: 'i1', title: 'Zonder media' }] });
      const { catalogue, warnings } = valid(input);
      expect(onlyWarning(warnings, 'interviews[1]')).to.match(/video.*audio/);
      expect(catalogue.interviews.has('i1')).to.equal(false);
    });

    it('an interview whose only media URL is unusable is skipped', () => {
      const input = doc({
        interviews: [make.interviews(0), { id: 'i1', title: 'Onbruikbaar', video: 'javascript:alert(1)', audio: 42 }],
      });
      const { catalogue, warnings } = valid(input);
      expect(warnings.map((w) => w.path)).to.deep.equal([
        'interviews[1].video',
        'interviews[1].audio',
        'interviews[1]',
      ]);
      expect(catalogue.interviews.has('i1')).to.equal(false);
    });

    it('an interview with audio only is kept', () => {
      const input = doc({ interviews: [{ id: 'i0', title: 'Podcast', audio: 'a.mp3' }] });
      const { catalogue, warnings } = valid(input);
      expect(warnings).to.deep.equal([]);
      expect(catalogue.interviews.get('i0')).to.include({
        video: undefined,
        audio: 'https://archief.example/data/v1/a.mp3',
      });
    });
  });

  describe('URL fields', () => {
    /** Each URL field: the document with `value` in it, its warning path, and where it lands. */
    const fields: [string, (value: string) => Item, (c: Catalogue) => unknown][] = [
      [
        'people[0].portrait',
        (v) => doc({ people: [{ ...make.people(0), portrait: v }] }),
        (c) => c.people.get('p0')?.portrait,
      ],
      [
        'interviews[0].video',
        (v) => docWithInterview({ video: v, audio: 'a.mp3' }),
        (c) => c.interviews.get('i0')?.video,
      ],
      ['interviews[0].audio', (v) => docWithInterview({ audio: v }), (c) => c.interviews.get('i0')?.audio],
      ['interviews[0].poster', (v) => docWithInterview({ poster: v }), (c) => c.interviews.get('i0')?.poster],
      [
        'interviews[0].captions[0].src',
        (v) => docWithInterview({ captions: [{ lang: 'nl', src: v }] }),
        (c) => c.interviews.get('i0')?.captions[0]?.src,
      ],
      [
        'interviews[0].transcript',
        (v) => docWithInterview({ transcript: v }),
        (c) => c.interviews.get('i0')?.transcript,
      ],
      ['interviews[0].url', (v) => docWithInterview({ url: v }), (c) => c.interviews.get('i0')?.url],
    ];

    for (const [path, build, read] of fields) {
      for (const bad of ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', ' JaVa\tScRiPt:alert(1)']) {
        it(`${path}: ${JSON.stringify(bad)} is dropped with a warning`, () => {
          const { catalogue, warnings } = valid(build(bad));
          expect(messagesAt(warnings, path).join(' ')).to.match(/scheme "(javascript|data):"/);
          expect(warnings.every((w) => w.path === path)).to.equal(true);
          expect(read(catalogue)).to.equal(undefined);
          expect(catalogue.interviews.has('i0')).to.equal(true);
        });
      }

      it(`${path}: a relative URL resolves against the given base`, () => {
        const a = valid(build('media/x.vtt'), BASE);
        const b = valid(build('media/x.vtt'), 'http://other.example/deep/er/c.json');
        expect(a.warnings).to.deep.equal([]);
        expect(read(a.catalogue)).to.equal('https://archief.example/data/v1/media/x.vtt');
        expect(read(b.catalogue)).to.equal('http://other.example/deep/er/media/x.vtt');
      });
    }

    it('a caption track without a usable src is skipped, the others kept', () => {
      const { catalogue, warnings } = valid(
        docWithInterview({ captions: [{ lang: 'nl' }, { lang: 'en', src: 'en.vtt' }] }),
      );
      messagesAt(warnings, 'interviews[0].captions[0].src');
      expect(catalogue.interviews.get('i0')?.captions.map((t) => t.lang)).to.deep.equal(['en']);
    });

    it('a caption track with a bad language tag keeps its src and drops the tag with a warning', () => {
      const { catalogue, warnings } = valid(docWithInterview({ captions: [{ lang: 'Nederlands!', src: 'nl.vtt' }] }));
      expect(onlyWarning(warnings, 'interviews[0].captions[0].lang')).to.contain('"Nederlands!"');
      expect(catalogue.interviews.get('i0')?.captions).to.deep.equal([
        { src: 'https://archief.example/data/v1/nl.vtt', lang: undefined, label: undefined },
      ]);
    });

    it('the archive’s publisher and home page (for citations): kept; a bad one dropped with its path', () => {
      const good = valid(doc({ publisher: ' Stichting Voorbeeld ', url: '../../' }));
      expect(good.warnings).to.deep.equal([]);
      expect([good.catalogue.publisher, good.catalogue.home]).to.deep.equal([
        'Stichting Voorbeeld',
        'https://archief.example/',
      ]);
      const bad = valid(doc({ publisher: ['Stichting'], url: 'javascript:alert(1)' }));
      expect(bad.warnings.map((w) => w.path)).to.deep.equal(['publisher', 'url']);
      expect(messagesAt(bad.warnings, 'publisher')).to.deep.equal(['["Stichting"] is not text; field dropped']);
      expect(messagesAt(bad.warnings, 'url')[0]).to.match(
        /^"javascript:alert\(1\)" uses the scheme .*; field dropped$/,
      );
      expect([bad.catalogue.publisher, bad.catalogue.home]).to.deep.equal([undefined, undefined]);
      // The catalogue's own address stays its own: `url` in the document is the archive's home.
      expect(bad.catalogue.url).to.equal(BASE);
    });
  });

  describe('text', () => {
    it('HTML in text comes out as the same plain string', () => {
      const html = '<img src=x onerror=alert(1)>';
      const input = doc({
        title: `<b>${html}</b>`,
        people: [{ ...make.people(0), name: html, role: '<script>alert(1)</script>' }],
        interviews: [{ ...make.interviews(0), title: html, summary: `a & b <i>${html}</i>` }],
        fragments: [{ ...make.fragments(0), title: html, description: '&lt;b&gt;' }],
        themes: [{ ...make.themes(0), title: html, intro: [html] }],
      });
      const { catalogue, warnings } = valid(input);
      expect(warnings).to.deep.equal([]);
      expect(catalogue.title).to.equal(`<b>${html}</b>`);
      expect(catalogue.people.get('p0')).to.include({ name: html, role: '<script>alert(1)</script>' });
      expect(catalogue.interviews.get('i0')).to.include({ title: html, summary: `a & b <i>${html}</i>` });
      expect(catalogue.fragments.get('f0')).to.include({ title: html, description: '&lt;b&gt;' });
      expect(catalogue.themes.get('t0')).to.deep.include({ title: html, intro: [html] });
    });

    it('huge strings are cut with a warning', () => {
      const huge = 'Lang verhaal. '.repeat(20_000);
      const { catalogue, warnings } = valid(docWith('fragments', 1, (f) => ({ ...f, description: huge })));
      expect(onlyWarning(warnings, 'fragments[0].description')).to.contain('cut');
      const description = catalogue.fragments.get('f0')?.description ?? '';
      expect(description.length).to.be.greaterThan(0).and.lessThan(huge.length);
      expect(huge.startsWith(description)).to.equal(true);
    });

    it('a huge id is cut with a warning', () => {
      const id = 'x'.repeat(100_000);
      const { catalogue, warnings } = valid(doc({ people: [{ id, name: 'Lang' }] }));
      onlyWarning(warnings, 'people[0].id');
      const [kept] = catalogue.people.keys();
      expect(kept.length).to.be.greaterThan(0).and.lessThan(id.length);
    });

    it('a warning about a huge bad value stays short', () => {
      const { warnings } = valid(docWith('fragments', 1, (f) => ({ ...f, end: '9:'.repeat(50_000) })));
      expect(onlyWarning(warnings, 'fragments[0].end').length).to.be.lessThan(300);
    });

    it('huge entries of text lists (interviewers, intro paragraphs) are cut with a warning', () => {
      const huge = 'Lang verhaal. '.repeat(20_000);
      const input = doc({
        interviews: [{ ...make.interviews(0), interviewers: ['Interviewer 1', huge] }],
        themes: [{ ...make.themes(0), intro: [huge, 'Tweede alinea'] }],
      });
      const { catalogue, warnings } = valid(input);
      expect(warnings.map((w) => w.path)).to.deep.equal(['interviews[0].interviewers[1]', 'themes[0].intro[0]']);
      for (const w of warnings) expect(w.message).to.contain('cut');
      const [first, second] = catalogue.interviews.get('i0')!.interviewers;
      expect(first).to.equal('Interviewer 1');
      expect(second.length).to.be.greaterThan(0).and.lessThan(huge.length);
      expect(huge.startsWith(second)).to.equal(true);
      expect(catalogue.themes.get('t0')!.intro.map((p) => p.length)).to.deep.equal([
        second.length,
        'Tweede alinea'.length,
      ]);
    });

    it('text is trimmed', () => {
      const { catalogue } = valid(docWith('fragments', 1, (f) => ({ ...f, title: '  Titel \n' })));
      expect(catalogue.fragments.get('f0')?.title).to.equal('Titel');
    });
  });

  describe('deeply nested values', () => {
    const DEPTH = 100_000;
    const deepArray = `${'['.repeat(DEPTH)}"x"${']'.repeat(DEPTH)}`;
    const deepObject = `${'{"a":'.repeat(DEPTH)}"x"${'}'.repeat(DEPTH)}`;

    /** A valid document, parsed from text, with a deep value in place of each `"@deep"` in `parts`. */
    function deepDoc(parts: Item, deep: string): unknown {
      const text = JSON.stringify(doc(parts)).replaceAll('"@deep"', deep);
      return JSON.parse(text);
    }

    for (const [name, deep] of [
      ['array', deepArray],
      ['object', deepObject],
    ]) {
      it(`a ${DEPTH.toLocaleString('en')}-deep ${name} where text, a URL, a time, a list or an item is expected is a warning, and the rest is kept`, () => {
        const input = deepDoc(
          {
            title: '@deep',
            people: [{ ...make.people(0), role: '@deep' }],
            interviews: [
              { ...make.interviews(0), poster: '@deep', captions: ['@deep', { src: 'nl.vtt' }], interviewers: '@deep' },
            ],
            fragments: [{ ...make.fragments(0), end: '@deep' }, '@deep'],
            themes: [{ ...make.themes(0), intro: '@deep' }],
          },
          deep,
        );
        const { catalogue, warnings } = valid(input);
        for (const path of [
          'people[0].role',
          'interviews[0].poster',
          'interviews[0].captions[0]',
          'interviews[0].interviewers',
          'fragments[0].end',
          'fragments[1]',
          'themes[0].intro',
          'title',
        ]) {
          expect(
            warnings.some((w) => w.path === path || w.path.startsWith(`${path}.`) || w.path.startsWith(`${path}[`)),
            `a warning at ${path}`,
          ).to.equal(true);
        }
        for (const w of warnings) expect(w.message.length, w.path).to.be.lessThan(200);
        expect(sizes(catalogue)).to.deep.equal({ people: 1, interviews: 1, fragments: 1, themes: 1 });
        expect(catalogue.interviews.get('i0')?.captions.map((t) => t.src)).to.deep.equal([
          'https://archief.example/data/v1/nl.vtt',
        ]);
        expect(catalogue.themes.get('t0')?.fragments).to.deep.equal(['f0']);
      });
    }

    it('a warning shows a deep value by its first levels only', () => {
      const { warnings } = valid(deepDoc({ people: [{ ...make.people(0), role: '@deep' }] }, deepArray));
      const message = onlyWarning(warnings, 'people[0].role');
      expect(message).to.contain('is not text');
      expect(message.match(/\[/g) ?? [], message).to.have.length.within(1, 4);
    });

    it('a deep value where the format is expected is refused as a format, not an exception', () => {
      expect(fatal(deepDoc({ format: '@deep' }, deepArray))).to.match(/format/);
    });
  });

  describe('lists of the wrong type', () => {
    for (const kind of ['people', 'interviews', 'fragments', 'themes'] as const) {
      for (const value of ['x', 5, { 0: make[kind](0) }, true]) {
        it(`${kind}: ${JSON.stringify(value)} warns and reads as empty`, () => {
          const { catalogue, warnings } = valid(doc({ [kind]: value }));
          expect(messagesAt(warnings, kind)[0]).to.contain('not a list');
          expect(catalogue[kind].size).to.equal(0);
        });
      }
    }

    it('lists inside an interview warn and read as empty', () => {
      const { catalogue, warnings } = valid(
        docWithInterview({ interviewers: 'Interviewer 1', captions: {}, chapters: 'x' }),
      );
      expect(warnings.map((w) => w.path)).to.deep.equal([
        'interviews[0].captions',
        'interviews[0].chapters',
        'interviews[0].interviewers',
      ]);
      expect(catalogue.interviews.get('i0')).to.deep.include({ interviewers: [], captions: [], chapters: [] });
    });

    it('bad entries inside lists are dropped one by one', () => {
      const input = doc({
        interviews: [
          {
            ...make.interviews(0),
            interviewers: ['A', 5, '  ', 'B'],
            chapters: [
              { title: 'Twee', start: '2:00' },
              { title: 'Kapot', start: 'x' },
              'hoofdstuk',
              { title: 'Een', start: 60 },
            ],
          },
        ],
        themes: [{ ...make.themes(0), intro: ['Eerste alinea', null, { p: 'x' }, 'Tweede alinea'] }],
      });
      const { catalogue, warnings } = valid(input);
      expect(warnings.map((w) => w.path)).to.deep.equal([
        'interviews[0].chapters[1].start',
        'interviews[0].chapters[2]',
        'interviews[0].interviewers[1]',
        'interviews[0].interviewers[2]',
        'themes[0].intro[1]',
        'themes[0].intro[2]',
      ]);
      const interview = catalogue.interviews.get('i0')!;
      expect(interview.interviewers).to.deep.equal(['A', 'B']);
      expect(interview.chapters.map((c) => c.title).sort()).to.deep.equal(['Een', 'Twee']);
      expect(catalogue.themes.get('t0')?.intro).to.deep.equal(['Eerste alinea', 'Tweede alinea']);
    });

    it('a bad catalogue language is dropped with a warning', () => {
      const { catalogue, warnings } = valid(doc({ lang: 'Nederlands' }));
      expect(onlyWarning(warnings, 'lang')).to.contain('"Nederlands"');
      expect(catalogue.lang).to.equal(undefined);
    });
  });

  describe('__proto__, constructor and prototype', () => {
    const raw = `{
      "__proto__": { "polluted": 1, "format": "other/9" },
      "constructor": { "prototype": { "polluted": 1 } },
      "prototype": { "polluted": 1 },
      "format": "${FORMAT}",
      "people": [
        { "id": "__proto__", "name": "Proto", "__proto__": { "polluted": 1, "role": "x" },
          "constructor": { "prototype": { "polluted": 1 } } }
      ],
      "interviews": [
        { "id": "constructor", "title": "C", "video": "c.mp4", "person": "__proto__",
          "__proto__": { "polluted": 1, "poster": "javascript:alert(1)" } },
        { "id": "prototype", "title": "P", "audio": "p.mp3", "person": "toString" }
      ],
      "fragments": [
        { "id": "hasOwnProperty", "interview": "constructor", "title": "F", "start": 1 },
        { "id": "__proto__", "interview": "prototype", "title": "G", "start": 2 },
        { "id": "x", "interview": "valueOf", "title": "H", "start": 3 }
      ],
      "themes": [
        { "id": "__proto__", "title": "T", "fragments": ["__proto__", "hasOwnProperty", "toString"],
          "__proto__": { "polluted": 1 } }
      ]
    }`;

    it('only own properties are read, never inherited ones', () => {
      // Not JSON, but what a polluted Object.prototype would look like to the validator.
      const inherit = <T extends object>(proto: Item, own: T) => Object.assign(Object.create(proto) as T, own);
      fatal(inherit({ format: FORMAT }, { people: [] }));
      const input = doc({
        interviews: [make.interviews(0), inherit({ title: 'Geërfd', audio: 'a.mp3' }, { id: 'i1', video: 'v.mp4' })],
      });
      const { catalogue, warnings } = valid(input);
      onlyWarning(warnings, 'interviews[1].title');
      expect(catalogue.interviews.has('i1')).to.equal(false);
    });

    it('as keys pollute nothing', () => {
      const before = Object.getOwnPropertyNames(Object.prototype).sort();
      const input: unknown = JSON.parse(raw);
      expect(Object.hasOwn(input as object, '__proto__')).to.equal(true);
      valid(input);
      expect(({} as Item).polluted).to.equal(undefined);
      expect(Object.getOwnPropertyNames(Object.prototype).sort()).to.deep.equal(before);
      expect(Object.getPrototypeOf({})).to.equal(Object.prototype);
      expect((Object as unknown as Item).polluted).to.equal(undefined);
    });

    it('as keys of the catalogue and its items are not read', () => {
      const { catalogue } = valid(JSON.parse(raw));
      const person = catalogue.people.get('__proto__')!;
      expect(Object.getPrototypeOf(person)).to.equal(Object.prototype);
      expect(person.role).to.equal(undefined);
      expect((person as unknown as Item).polluted).to.equal(undefined);
      expect(catalogue.interviews.get('constructor')?.poster).to.equal(undefined);
    });

    it('as ids work as ordinary ids', () => {
      const { catalogue, warnings } = valid(JSON.parse(raw));
      expect(catalogue.people.get('__proto__')?.name).to.equal('Proto');
      expect(catalogue.interviews.get('constructor')).to.include({ title: 'C', person: '__proto__' });
      expect(catalogue.interviews.get('prototype')).to.include({ title: 'P', person: undefined });
      expect([...catalogue.fragments.keys()]).to.deep.equal(['hasOwnProperty', '__proto__']);
      expect(catalogue.themes.get('__proto__')?.fragments).to.deep.equal(['__proto__', 'hasOwnProperty']);
      // Names that only exist on Object.prototype are not in the catalogue.
      expect(warnings.map((w) => w.path)).to.deep.equal([
        'interviews[1].person',
        'fragments[2].interview',
        'themes[0].fragments[2]',
      ]);
    });
  });

  describe('the seed theme', () => {
    const url = new URL('/test/fixtures/catalogue.json', location.href).href;
    let result: ReturnType<typeof valid>;
    before(async () => {
      const response = await fetch(url);
      expect(response.ok).to.equal(true);
      result = valid(await response.json(), url);
    });

    it('is read without warnings', () => {
      expect(result.warnings).to.deep.equal([]);
    });

    it('has 26 fragments in "politiek-ambtelijke-verhoudingen", all present', () => {
      const theme = result.catalogue.themes.get('politiek-ambtelijke-verhoudingen')!;
      expect(theme.fragments).to.have.length(26);
      for (const id of theme.fragments) expect(result.catalogue.fragments.has(id), id).to.equal(true);
    });

    it('reads the times as the source site writes them', () => {
      const byTitle = (title: string) => [...result.catalogue.fragments.values()].find((f) => f.title === title);
      expect(byTitle('De verkokering voorbij')?.start).to.equal(22 * 60 + 39);
      expect(byTitle('Een één-op-één relatie hebben.')?.start).to.equal(721);
    });

    it('resolves its media against its own URL', () => {
      const video = result.catalogue.interviews.get('gesprek-a')?.video;
      expect(video).to.equal(new URL('/demo/media/interview-32m/video.m3u8', location.href).href);
    });
  });

  describe('for any input', () => {
    /** The checks every result must pass, whatever the input. */
    function checkResult(input: unknown): { fragments: number; linkedThemes: number } {
      const result = validateCatalogue(input, BASE);
      if (!result.ok) {
        expect(result.message).to.be.a('string').and.not.equal('');
        return { fragments: 0, linkedThemes: 0 };
      }
      for (const w of result.warnings) {
        expect(w.path, JSON.stringify(w)).to.be.a('string').and.not.equal('');
        expect(w.message, JSON.stringify(w)).to.be.a('string').and.not.equal('');
        expect(pathResolves(input, w.path), `${w.path} indexes the document`).to.equal(true);
      }
      checkTypes(result.catalogue);
      const linkedThemes = [...result.catalogue.themes.values()].filter((t) => t.fragments.length > 0).length;
      return { fragments: result.catalogue.fragments.size, linkedThemes };
    }

    it('never throws on any JSON value', () => {
      fc.assert(
        fc.property(fc.jsonValue(), (input) => void checkResult(input)),
        { numRuns: 500 },
      );
    });

    it('never throws on a document of the right format holding anything', () => {
      const anything = fc.anything();
      const arbitrary = fc.record(
        {
          format: fc.constant(FORMAT),
          title: anything,
          lang: anything,
          people: anything,
          interviews: anything,
          fragments: anything,
          themes: anything,
        },
        { requiredKeys: ['format'] },
      );
      fc.assert(
        fc.property(arbitrary, (input) => void checkResult(input)),
        { numRuns: 500 },
      );
    });

    it('never throws on catalogue-shaped documents and returns only what its types promise', () => {
      let withFragments = 0;
      let withThemes = 0;
      fc.assert(
        fc.property(catalogueShaped(), (input) => {
          const { fragments, linkedThemes } = checkResult(input);
          if (fragments > 0) withFragments++;
          if (linkedThemes > 0) withThemes++;
        }),
        { numRuns: 500 },
      );
      // The generator must reach the interesting part: fragments and themes that survive and link.
      expect(withFragments).to.be.greaterThan(100);
      expect(withThemes).to.be.greaterThan(50);
    });

    it('gives the same result for the same input (no state between calls)', () => {
      fc.assert(
        fc.property(catalogueShaped(), (input) => {
          const a = validateCatalogue(input, BASE);
          const b = validateCatalogue(input, BASE);
          expect(a).to.deep.equal(b);
        }),
        { numRuns: 100 },
      );
    });
  });
});

const isHttp = (url: unknown) => typeof url === 'string' && ['http:', 'https:'].includes(new URL(url).protocol);
const isText = (text: unknown) => typeof text === 'string' && text !== '' && text === text.trim();
const isTime = (time: unknown) => typeof time === 'number' && Number.isFinite(time) && time >= 0;

/** Asserts everything `types.ts` promises about a validated catalogue. */
function checkTypes(c: Catalogue): void {
  for (const [id, p] of c.people) {
    expect(p.id === id && isText(p.name), JSON.stringify(p)).to.equal(true);
    if (p.portrait !== undefined) expect(isHttp(p.portrait), p.portrait).to.equal(true);
  }
  for (const [id, i] of c.interviews) {
    expect(i.id === id && isText(i.title), JSON.stringify(i)).to.equal(true);
    expect(i.video !== undefined || i.audio !== undefined, id).to.equal(true);
    for (const url of [i.video, i.audio, i.poster, i.transcript, i.url, ...i.captions.map((t) => t.src)]) {
      if (url !== undefined) expect(isHttp(url), url).to.equal(true);
    }
    if (i.person !== undefined) expect(c.people.has(i.person), i.person).to.equal(true);
    if (i.duration !== undefined) expect(isTime(i.duration)).to.equal(true);
    expect(i.interviewers.every(isText)).to.equal(true);
    expect(i.chapters.every((ch) => isText(ch.title) && isTime(ch.start))).to.equal(true);
  }
  for (const [id, f] of c.fragments) {
    expect(f.id === id && isText(f.title) && isTime(f.start), JSON.stringify(f)).to.equal(true);
    expect(c.interviews.has(f.interview), f.interview).to.equal(true);
    if (f.end !== undefined) expect(isTime(f.end) && f.end > f.start, JSON.stringify(f)).to.equal(true);
  }
  for (const [id, t] of c.themes) {
    expect(t.id === id && isText(t.title), JSON.stringify(t)).to.equal(true);
    expect(new Set(t.fragments).size).to.equal(t.fragments.length);
    expect(t.fragments.every((f) => c.fragments.has(f))).to.equal(true);
    expect(t.intro.every(isText)).to.equal(true);
  }
}

/**
 * Documents shaped like a catalogue: each field mostly good, sometimes bad, sometimes anything,
 * so that many documents have items that survive and link to each other.
 */
function catalogueShaped() {
  const maybe = <T>(good: fc.Arbitrary<T>) =>
    fc.oneof({ weight: 12, arbitrary: good }, { weight: 1, arbitrary: fc.anything() });
  const mostly = <T>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<T>) =>
    maybe(fc.oneof({ weight: 8, arbitrary: good }, { weight: 1, arbitrary: bad }));
  /** An item: `required` keys are usually present, the others now and then. */
  const item = (fields: Record<string, fc.Arbitrary<unknown>>, required: string[]) =>
    maybe(
      fc.record(
        Object.fromEntries(
          Object.entries(fields).map(([key, value]) => [
            key,
            required.includes(key) ? fc.oneof({ weight: 15, arbitrary: value }, fc.constant(undefined)) : value,
          ]),
        ),
        { requiredKeys: required },
      ),
    );
  const list = <T>(element: fc.Arbitrary<T>, minLength = 0) => maybe(fc.array(element, { minLength, maxLength: 6 }));
  const collection = <T>(element: fc.Arbitrary<T>) => list(element, 1);
  const id = mostly(
    fc.constantFrom('a', 'b', '__proto__', 'constructor'),
    fc.constantFrom(' a ', '', 'toString', 'x'.repeat(300)),
  );
  const text = mostly(
    fc.constantFrom('Titel', ' Titel ', '<b>x</b>'),
    fc.oneof(fc.constantFrom('', '  '), fc.string()),
  );
  const time = mostly(
    fc.oneof(
      fc.constantFrom('12:1', '0:45', '1:02:03', '75:00', ' 142 '),
      fc.integer({ min: 0, max: 7200 }),
      fc.double({ min: 0, max: 1e6, noNaN: true }),
    ),
    fc.oneof(fc.constantFrom('1:75', '12:x', '-1:00', '', '1e3'), fc.integer({ min: -5, max: -1 }), fc.double()),
  );
  const url = mostly(
    fc.constantFrom('media/a.m3u8', '../b.mp4', 'https://cdn.example/c.mp4', '//cdn.example/d'),
    fc.constantFrom('javascript:alert(1)', 'data:text/html,x', ' java\tscript:x', 'blob:x', '', 'http://[bad'),
  );
  const lang = mostly(fc.constantFrom('nl', 'en-GB'), fc.constantFrom('Nederlands', ''));
  return fc.record(
    {
      format: fc.constant(FORMAT),
      title: text,
      lang,
      people: collection(item({ id, name: text, role: text, portrait: url }, ['id', 'name'])),
      interviews: collection(
        item(
          {
            id,
            title: text,
            person: id,
            interviewers: list(text),
            duration: time,
            video: url,
            audio: url,
            poster: url,
            captions: list(item({ lang, label: text, src: url }, ['src'])),
            transcript: url,
            chapters: list(item({ title: text, start: time }, ['title', 'start'])),
            url,
          },
          ['id', 'title', 'video'],
        ),
      ),
      fragments: collection(
        item({ id, interview: id, title: text, start: time, end: time, description: text }, [
          'id',
          'interview',
          'title',
          'start',
        ]),
      ),
      themes: collection(
        item({ id, title: text, intro: list(text), fragments: list(id) }, ['id', 'title', 'fragments']),
      ),
    },
    { requiredKeys: ['format', 'people', 'interviews', 'fragments', 'themes'] },
  );
}
