// The importers' XML reader (src/cli/xml.ts): the shapes OHMS reading relies on, and its errors.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { importSource } from './helpers.mjs';

// For Node: the parser it uses is a CommonJS package.
const { readXml } = await importSource('src/cli/xml.ts', { platform: 'node' });

describe('readXml', () => {
  test('text-only elements are their text; others objects with @attributes and #text', () => {
    const read = readXml(
      '<ROOT><record><title>A &amp; B</title><date value="2020-01">januari</date><empty/></record></ROOT>',
    );
    assert.deepEqual(read, {
      ok: true,
      root: { ROOT: { record: { title: 'A & B', date: { '@value': '2020-01', '#text': 'januari' }, empty: '' } } },
    });
  });

  test('a repeated name becomes an array; a listed name is one even when met once', () => {
    const read = readXml(
      '<r><point>1</point><point>2</point><keyword>k</keyword><title>t</title></r>',
      new Set(['keyword']),
    );
    assert.deepEqual(read.root.r, { point: ['1', '2'], keyword: ['k'], title: 't' });
  });

  test('namespace prefixes and declarations are dropped; CDATA and character references are text', () => {
    const read = readXml(
      '<o:ROOT xmlns:o="urn:x" xmlns="urn:y"><o:title o:lang="nl"><![CDATA[<b>vet</b>]]> &#233;&#x20AC;</o:title></o:ROOT>',
    );
    assert.deepEqual(read.root, { ROOT: { title: { '@lang': 'nl', '#text': '<b>vet</b> é€' } } });
  });

  test('whitespace between elements is no #text; text around children is', () => {
    const read = readXml('<r>\n  <a>1</a>\n  <b x="1">two <i>i</i> parts</b>\n</r>');
    assert.deepEqual(read.root.r, { a: '1', b: { '@x': '1', i: 'i', '#text': 'two  parts' } });
  });

  for (const [name, xml, reason] of [
    ['an unclosed element', '<r><a>1</r>', /unexpected close tag/i],
    ['text after the root', '<r/>tail', /text data outside of root node/i],
    ['an unknown entity', '<r>&bogus;</r>', /undefined entity/i],
    ['no element at all', '', /document must contain a root element/i],
  ])
    test(`not well-formed (${name}): a reason, no tree`, () => {
      const read = readXml(xml);
      assert.equal(read.ok, false);
      assert.match(read.reason, reason);
    });

  test('what word processors leave: HTML character names read as characters, control characters dropped', () => {
    const read = readXml('<r><t>1&nbsp;2&ndash;3\u000b4</t></r>');
    assert.deepEqual(read, { ok: true, root: { r: { t: '1\u00a02–34' } } });
  });

  test('elements named like properties of every object are elements like any other', () => {
    const read = readXml(
      '<r><constructor>a</constructor><__proto__>b</__proto__><toString>c</toString><toString>d</toString></r>',
    );
    assert.equal(Object.getPrototypeOf(read.root.r), Object.prototype);
    assert.deepEqual(Object.keys(read.root.r), ['constructor', '__proto__', 'toString']);
    assert.equal(read.root.r.constructor, 'a');
    assert.equal(Object.getOwnPropertyDescriptor(read.root.r, '__proto__').value, 'b');
    assert.deepEqual(read.root.r.toString, ['c', 'd']);
  });

  test('a 20 MB text is read whole, in one piece of text', () => {
    const line = 'SPEAKER B: we had little, but we never went hungry.\n';
    const body = line.repeat(Math.ceil(20e6 / line.length));
    const read = readXml(`<r><transcript>${body}</transcript></r>`);
    assert.equal(read.root.r.transcript.length, body.length);
    assert.equal(read.root.r.transcript, body);
  });
});
