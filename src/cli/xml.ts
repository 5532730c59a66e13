/**
 * XML to plain objects, for the importers: an element with neither attributes nor child elements
 * is its text; any other is an object of its children by name, its attributes as `@name` and its
 * text as `#text`. A name met more than once becomes an array, and so does every name in `lists`
 * (met once or not). Namespace prefixes are dropped (`<ohms:title>` is `title`).
 *
 * Read with saxes, a streaming parser: text arrives in pieces and is joined once per element, so
 * a 55 MB transcript costs about its own size (a parser that builds the tree as it goes took 2 GB
 * and 27 s for it). Entities are the five XML ones and character references; a DOCTYPE is the
 * caller's to refuse before.
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

/** Reads a whole document; `{ ok: false, reason }` where it is not well-formed XML. */
export function readXml(xml: string, lists: ReadonlySet<string> = new Set()): XmlResult {
  const parser = new SaxesParser({ xmlns: false });
  const document: Open = { name: '', node: {}, hasChildren: false, hasAttributes: false, text: [] };
  const stack: Open[] = [document];
  let failure: string | undefined;
  const add = (parent: Open, name: string, value: XmlValue) => {
    parent.hasChildren = true;
    const had = parent.node[name];
    // A value read is never an array: an array here is one this made, for a list or a repeat.
    if (had === undefined) parent.node[name] = lists.has(name) ? [value] : value;
    else if (Array.isArray(had)) had.push(value);
    else parent.node[name] = [had, value];
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
    parser.write(xml).close();
  } catch (error) {
    failure ??= error instanceof Error ? error.message : String(error);
  }
  return failure === undefined ? { ok: true, root: document.node } : { ok: false, reason: failure };
}
