// catalogue.schema.json and the validator (src/catalogue/validate.ts) accept and reject the same
// documents. The validator is lenient: it skips a bad item or drops a bad field with a warning and
// shows the rest. So "accepts" means: no warning a schema can see. What a JSON Schema cannot see —
// an id used twice, a reference to an id that is not there, an end not after its start — is the
// validator's alone, and those warnings are set aside here (by their message, and for a theme's
// fragment list only when the entry is a string). Exactly:
//
//   schema accepts  ⇒  the validator has no fatal error and no other warning;
//   no fatal error and no other warning  ⇒  schema accepts, unless the validator skipped a
//   fragment for naming an unknown interview (it reads no further into that fragment; the schema does).
//
// Documents are generated with fast-check: mostly good values, now and then a bad one, at every level.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import Ajv from 'ajv';
import { createRequire } from 'node:module';
import { CLI_DIR } from './install.mjs';
import { importSource, root } from './helpers.mjs';

const { validateCatalogue } = await importSource('src/catalogue/validate.ts');
const schema = JSON.parse(readFileSync(path.join(root, 'catalogue.schema.json'), 'utf8'));
const ajv = new Ajv({ strict: true, allErrors: false });
const schemaAccepts = ajv.compile(schema);
const BASE = 'http://local.kijkom.invalid/archief/catalogue.json';

const CROSS_REFERENCE = [
  / is not a person in the catalogue; link dropped$/,
  / is used before; item skipped$/,
  / is not an interview in the catalogue; item skipped$/,
  / is not after the start; field dropped$/,
  / is listed before; dropped$/,
];
const UNKNOWN_INTERVIEW = CROSS_REFERENCE[2];

/** The value at a warning's path (`themes[0].fragments[2]`) in the document. */
function at(doc, where) {
  let value = doc;
  for (const [, key, index] of where.matchAll(/\.?([^.[\]]+)|\[(\d+)\]/g)) value = value?.[key ?? Number(index)];
  return value;
}

/** The warnings a schema could have seen. */
const schemaVisible = (warnings, doc) =>
  warnings.filter(({ path: where, message }) => {
    if (CROSS_REFERENCE.some((pattern) => pattern.test(message))) return false;
    if (/ is not a fragment in the catalogue; dropped$/.test(message)) return typeof at(doc, where) !== 'string';
    return true;
  });

// ── generators ────────────────────────────────────────────────────────────────────────────────
const ABSENT = Symbol('absent');
/** Mostly `good`, now and then `bad`. */
const field = (good, bad, badWeight = 1) =>
  fc.oneof({ weight: 60, arbitrary: good }, { weight: badWeight, arbitrary: bad });
/** An object without the keys whose value came out ABSENT. */
const object = (shape) =>
  fc.record(shape).map((o) => Object.fromEntries(Object.entries(o).filter(([, value]) => value !== ABSENT)));

const space = fc.constantFrom('', '', '', ' ', '\t', '\n', '\u00a0', '\u2028', '\ufeff', ' \r\n ');
const letters = [...'abcdefxyz éü日本-_/.,:;%&<>"\'0123456789'];
const core = fc
  .string({ unit: fc.constantFrom(...letters), minLength: 1, maxLength: 16 })
  .filter((s) => s.trim() === s && s !== '');
const padded = (text) => fc.tuple(space, text, space).map(([a, b, c]) => a + b + c);
const notText = fc.constantFrom(0, 5, true, false, [], {}, ['x'], { a: 1 });
const blank = fc.constantFrom('', ' ', '\t\n', '\u00a0');
/** Near the 10,000-character cap, on both sides of it. */
const long = (max) => fc.integer({ min: max - 2, max: max + 2 }).chain((n) => padded(fc.constant('x'.repeat(n))));

const text = padded(core);
const requiredText = field(text, fc.oneof(fc.constant(ABSENT), fc.constant(null), notText, blank, long(10_000)));
const optionalText = field(
  fc.oneof(text, fc.constant(ABSENT), fc.constant(null)),
  fc.oneof(notText, blank, long(10_000)),
);
const entry = field(text, fc.oneof(fc.constant(null), notText, blank, long(10_000)));

const idOf = (prefix, i) =>
  field(
    padded(fc.constant(`${prefix}${i}`)),
    fc.oneof(fc.constant(ABSENT), fc.constant(null), notText, blank, long(200), fc.constant(`${prefix}0`)),
  );

const lang = field(
  fc.oneof(
    fc.constant(ABSENT),
    fc.constant(null),
    padded(fc.constantFrom('nl', 'en', 'en-GB', 'zh-Hant-TW', 'NL', 'fy')),
  ),
  fc.oneof(
    notText,
    blank,
    fc.constantFrom('n', 'nederlands', 'en_GB', 'en-', 'en-abcdefghi', '-nl', 'e1'),
    fc.constant(`en${'-abcdefgh'.repeat(24)}`), // a tag, but over 200 characters
  ),
);

const clock = fc.tuple(fc.nat(3), fc.nat(99), fc.nat(59), fc.boolean(), fc.boolean()).map(([h, m, s, hours, pad]) => {
  const two = (n) => (pad ? String(n).padStart(2, '0') : String(n));
  return hours ? `${h}:${two(m % 60)}:${two(s)}` : `${m}:${two(s)}`;
});
const goodTime = fc.oneof(
  fc.nat(100_000),
  fc.double({ min: 0, max: 1e6, noNaN: true }),
  padded(clock),
  padded(fc.nat(5000).map(String)),
  fc.constantFrom('0', '142.5', '59:59', '0:59.999', '100:00', '1:0:0', '0:0059', '1:059:00', '007', '-0'.slice(1)),
);
const badTime = fc.oneof(
  notText,
  blank,
  fc.constantFrom(
    -1,
    -0.5,
    '-1',
    '12:x',
    '1:60',
    '1:60:00',
    '1:00:60',
    '0:060',
    '1:060:00',
    '1.',
    '.5',
    '+5',
    '1:2:3:4',
    '٣',
    '1 2',
    '1,5',
  ),
);
const requiredTime = field(goodTime, fc.oneof(fc.constant(ABSENT), fc.constant(null), badTime));
const optionalTime = field(fc.oneof(goodTime, fc.constant(ABSENT), fc.constant(null)), badTime);

const goodUrl = fc.oneof(
  padded(fc.constantFrom('media/a.m3u8', 'b c.vtt', '../x.jpg', '?q=1', '#t', 'x/y:z', 'a%20b.mp4', '/abs/path.mp4')),
  fc.constantFrom(
    'http://example.org/a.m3u8',
    'HTTPS://EXAMPLE.ORG/',
    'https://example.org/x?y#z',
    'h\tttp://example.org/',
  ),
);
const badUrl = fc.oneof(
  notText,
  blank,
  fc.constantFrom(
    'javascript:alert(1)',
    ' JavaScript:x',
    'java\tscript:x',
    'data:text/plain,x',
    'file:///etc/passwd',
    'mailto:a@b.c',
    'c:\\x\\y.mp4',
    'ftp://example.org/a',
  ),
);
const optionalUrl = field(fc.oneof(goodUrl, fc.constant(ABSENT), fc.constant(null)), badUrl);
const list = (item, n) =>
  field(
    fc.oneof(fc.tuple(...Array.from({ length: n }, () => item)), fc.constant(ABSENT), fc.constant(null)),
    fc.oneof(
      notText.filter((v) => !Array.isArray(v)),
      fc.constant('x'),
    ),
  );
const item = (good) => field(good, fc.oneof(fc.constant(null), notText, fc.constant('x')));

/** A reference to one of `count` ids, or now and then to none of them. */
const ref = (prefix, count) =>
  field(
    count ? fc.nat(count - 1).map((i) => `${prefix}${i}`) : fc.constant(`${prefix}missing`),
    fc.constant(`${prefix}missing`),
    3,
  );

const person = (i) =>
  item(
    object({ id: idOf('p', i), name: requiredText, role: optionalText, period: optionalText, portrait: optionalUrl }),
  );
const caption = item(
  object({ src: field(goodUrl, fc.oneof(badUrl, fc.constant(ABSENT), fc.constant(null))), lang, label: optionalText }),
);
const chapter = item(object({ title: requiredText, start: requiredTime }));
const sources = field(
  fc.oneof(
    fc.record({ video: goodUrl, audio: fc.constant(ABSENT) }),
    fc.record({ video: fc.constant(ABSENT), audio: goodUrl }),
    fc.record({ video: goodUrl, audio: goodUrl }),
    fc.record({ video: fc.constant(null), audio: goodUrl }),
  ),
  fc.oneof(
    fc.record({ video: fc.constantFrom(ABSENT, null), audio: fc.constantFrom(ABSENT, null) }),
    fc.record({ video: badUrl, audio: fc.oneof(goodUrl, badUrl, fc.constant(ABSENT)) }),
  ),
);
const interview = (i, people) =>
  item(
    fc
      .tuple(
        object({
          id: idOf('i', i),
          title: requiredText,
          person: field(
            fc.oneof(fc.constant(ABSENT), fc.constant(null), ref('p', people)),
            fc.oneof(notText, blank, long(200)),
          ),
          date: optionalText,
          interviewers: list(entry, 2),
          summary: optionalText,
          duration: optionalTime,
          poster: optionalUrl,
          captions: list(caption, 2),
          transcript: optionalUrl,
          chapters: list(chapter, 2),
          url: optionalUrl,
        }),
        sources,
      )
      .map(([o, { video, audio }]) => {
        if (video !== ABSENT) o.video = video;
        if (audio !== ABSENT) o.audio = audio;
        return o;
      }),
  );
const fragment = (i, interviews) =>
  item(
    object({
      id: idOf('f', i),
      interview: field(ref('i', interviews), fc.oneof(fc.constant(ABSENT), notText, blank, long(200))),
      title: requiredText,
      start: requiredTime,
      end: optionalTime,
      description: optionalText,
    }),
  );
const theme = (i, fragments) =>
  item(
    object({
      id: idOf('t', i),
      title: requiredText,
      intro: list(entry, 2),
      fragments: field(
        fc.array(field(ref('f', fragments), notText), { maxLength: 4 }),
        fc.constantFrom(ABSENT, null, 'f0', {}),
      ),
    }),
  );

const catalogue = fc
  .record({ people: fc.nat(2), interviews: fc.nat(2), fragments: fc.nat(3), themes: fc.nat(2) })
  .chain((n) => {
    const many = (count, make) =>
      field(
        fc.oneof(
          { weight: 8, arbitrary: fc.tuple(...Array.from({ length: count }, (_, i) => make(i))) },
          { weight: 1, arbitrary: fc.constantFrom(ABSENT, null) },
        ),
        fc.constantFrom('x', 5, {}),
      );
    return object({
      format: field(
        fc.constant('kijkom-catalogue/1'),
        fc.constantFrom(ABSENT, 'kijkom-catalogue/2', ' kijkom-catalogue/1', 1),
      ),
      $schema: fc.constantFrom(ABSENT, './node_modules/kijkom/catalogue.schema.json', 5),
      title: optionalText,
      lang,
      people: many(n.people, (i) => person(i)),
      interviews: many(n.interviews, (i) => interview(i, n.people)),
      fragments: many(n.fragments, (i) => fragment(i, n.interviews)),
      themes: many(n.themes, (i) => theme(i, n.fragments)),
    });
  });
const documents = fc.oneof({ weight: 50, arbitrary: catalogue }, { weight: 1, arbitrary: fc.jsonValue() });

// ── the property ──────────────────────────────────────────────────────────────────────────────
test('the schema and the validator accept and reject the same catalogues (fast-check)', () => {
  const seen = { accepted: 0, rejected: 0, fatal: 0, crossReferenceOnly: 0 };
  fc.assert(
    fc.property(documents, (doc) => {
      const accepted = schemaAccepts(doc);
      const result = validateCatalogue(doc, BASE);
      const visible = result.ok ? schemaVisible(result.warnings, doc) : undefined;
      const clean = result.ok && visible.length === 0;
      if (accepted) {
        assert.ok(result.ok, `schema accepts, validator fatal: ${result.message}`);
        assert.deepEqual(visible, [], 'schema accepts, validator warns');
      } else if (clean && !result.warnings.some(({ message }) => UNKNOWN_INTERVIEW.test(message))) {
        assert.fail(`validator accepts, schema rejects: ${ajv.errorsText(schemaAccepts.errors)}`);
      }
      seen[accepted ? 'accepted' : 'rejected']++;
      if (!result.ok) seen.fatal++;
      else if (accepted && result.warnings.length) seen.crossReferenceOnly++;
    }),
    { numRuns: Number(process.env.KIJKOM_PROPERTY_RUNS ?? 6000) },
  );
  if (process.env.KIJKOM_PROPERTY_STATS) console.log(seen);
  // A property that only ever saw one side would prove nothing.
  const runs = seen.accepted + seen.rejected;
  assert.ok(seen.accepted > runs * 0.15, `too few accepted documents: ${JSON.stringify(seen)}`);
  assert.ok(seen.rejected > runs * 0.15, `too few rejected documents: ${JSON.stringify(seen)}`);
  assert.ok(
    seen.fatal > 0 && seen.crossReferenceOnly > 0,
    `no fatal or cross-reference-only case: ${JSON.stringify(seen)}`,
  );
});

test('the repository’s own catalogues: the good one passes the schema, the damaged one fails where the validator warns', () => {
  const good = JSON.parse(readFileSync(path.join(root, 'test/fixtures/catalogue.json'), 'utf8'));
  assert.ok(schemaAccepts(good), ajv.errorsText(schemaAccepts.errors));
  const broken = JSON.parse(readFileSync(path.join(root, 'test/fixtures/broken-catalogue.json'), 'utf8'));
  const strict = new Ajv({ allErrors: true }).compile(schema);
  assert.equal(strict(broken), false);
  assert.ok(strict.errors.some((error) => error.instancePath === '/fragments/2/start'));
  const { warnings } = validateCatalogue(broken, BASE);
  assert.ok(warnings.some((warning) => warning.path === 'fragments[2].start'));
});

test('the schema is a draft-07 schema an editor can use ($schema, $id, descriptions)', () => {
  assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
  assert.match(schema.$id, /catalogue\.schema\.json$/);
  assert.ok(new Ajv().validateSchema(schema));
  for (const [name, definition] of Object.entries(schema.definitions))
    assert.ok(definition.description, `definitions.${name} has a description`);
});

test('the packed package ships it as kijkom/catalogue.schema.json, as in the repository', () => {
  const shipped = createRequire(path.join(CLI_DIR, 'package.json')).resolve('kijkom/catalogue.schema.json');
  assert.deepEqual(JSON.parse(readFileSync(shipped, 'utf8')), schema);
});
