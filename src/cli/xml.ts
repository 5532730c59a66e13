/**
 * XML to plain objects, for the importers: an element with neither attributes nor child elements
 * is its text; any other is an object of its children by name, its attributes as `@name` and its
 * text as `#text`. A name met more than once becomes an array, and so does every name in `lists`
 * (met once or not). Namespace prefixes are dropped (`<ohms:title>` is `title`).
 *
 * Read with saxes, a streaming parser: text arrives in pieces and is joined once per element, so
 * a 55 MB transcript costs about its own size (a parser that builds the tree as it goes took 2 GB
 * and 27 s for it). Entities are the five XML ones, character references and a few HTML names
 * (`&nbsp;`); a DOCTYPE is the caller's to refuse before.
 */
import { SaxesParser } from 'saxes';

export type XmlNode = { [name: string]: XmlValue };
export type XmlValue = string | XmlNode | XmlValue[];

export type XmlResult = { ok: true; root: XmlNode } | { ok: false; reason: string };

/** An element being read: its children so far and its text in pieces. */
interface Open {
  name: string;
  node: XmlNode;
  hasChildren: boolean;
  hasAttributes: boolean;
  text: string[];
}

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

/** The HTML character names met in text pasted from word processors and web pages. */
const HTML_ENTITIES: Record<string, string> = {
  nbsp: '\u00a0',
  ndash: '–',
  mdash: '—',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  hellip: '…',
  eacute: 'é',
  euml: 'ë',
  iuml: 'ï',
  ouml: 'ö',
  uuml: 'ü',
  copy: '©',
};

/** Control characters XML 1.0 does not allow (a word processor's vertical tab, say): dropped, not fatal. */
// eslint-disable-next-line no-control-regex -- control characters are what it finds
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;

/** Reads a whole document; `{ ok: false, reason }` where it is not well-formed XML. */
export function readXml(xml: string, lists: ReadonlySet<string> = new Set()): XmlResult {
  const parser = new SaxesParser({ xmlns: false });
  // HTML's names for characters an export pasted from a word processor may hold (&nbsp;), read
  // as those characters, as the parser used before did, not a reason to refuse the file.
  Object.assign(parser.ENTITIES, HTML_ENTITIES);
  const document: Open = { name: '', node: {}, hasChildren: false, hasAttributes: false, text: [] };
  const stack: Open[] = [document];
  let failure: string | undefined;
  const add = (parent: Open, name: string, value: XmlValue) => {
    parent.hasChildren = true;
    // Own properties only, and defined, not assigned: an element named `constructor` or
    // `__proto__` is an element like any other.
    const had = Object.hasOwn(parent.node, name) ? parent.node[name] : undefined;
    // A value read is never an array: an array here is one this made, for a list or a repeat.
    if (Array.isArray(had)) return void had.push(value);
    const next = had !== undefined ? [had, value] : lists.has(name) ? [value] : value;
    Object.defineProperty(parent.node, name, { value: next, enumerable: true, writable: true, configurable: true });
  };
  parser.on('error', (error) => {
    failure ??= error.message;
  });
  parser.on('opentag', (tag) => {
    const node: XmlNode = {};
    let hasAttributes = false;
    for (const [name, value] of Object.entries(tag.attributes)) {
      if (name === 'xmlns' || name.startsWith('xmlns:')) continue;
      node[`@${localName(name)}`] = String(value);
      hasAttributes = true;
    }
    stack.push({ name: localName(tag.name), node, hasChildren: false, hasAttributes, text: [] });
  });
  const addText = (text: string) => stack[stack.length - 1].text.push(text);
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', () => {
    const open = stack.pop()!;
    const text = open.text.join('');
    if (!open.hasChildren && !open.hasAttributes) return add(stack[stack.length - 1], open.name, text);
    if (text.trim()) open.node['#text'] = text;
    add(stack[stack.length - 1], open.name, open.node);
  });
  try {
    parser.write(xml.replace(NOT_XML, '')).close();
  } catch (error) {
    failure ??= error instanceof Error ? error.message : String(error);
  }
  return failure === undefined ? { ok: true, root: document.node } : { ok: false, reason: failure };
}
