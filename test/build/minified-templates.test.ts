// The build minifies every html`` and svg`` template (vite.config.ts); the page must get the same
// elements as the source says. Checked on the minifier's own output, without a build.
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';

interface Template {
  file: string;
  tag: string;
  source: string;
  built: string;
}

/** The elements a template makes as Lit parses it (svg`` inside an <svg>): names, attributes, nesting. */
function structure(tag: string, text: string): string {
  const template = document.createElement('template');
  const svg = /svg/i.test(tag);
  template.innerHTML = svg ? `<svg>${text}</svg>` : text;
  const describe = (parent: Element | DocumentFragment): string =>
    [...parent.children]
      .map((child) => {
        const attributes = child.getAttributeNames().sort().join(',');
        return `${child.localName}[${attributes}]${child.children.length ? `(${describe(child)})` : ''}`;
      })
      .join(' ');
  return describe(svg ? template.content.firstElementChild! : template.content);
}

describe("the build's template minifier", () => {
  it('keeps the elements, attributes and nesting of every template in src/', async () => {
    const templates = await executeServerCommand<Template[], undefined>('minified-templates');
    expect(templates.filter((t) => t.tag === 'svg').length, 'svg templates found').to.be.greaterThan(0);
    expect(templates.filter((t) => t.tag === 'html').length, 'html templates found').to.be.greaterThan(10);
    const changed = templates
      .map((t) => ({ ...t, source: structure(t.tag, t.source), built: t.built && structure(t.tag, t.built) }))
      .filter((t) => t.built !== t.source)
      .map((t) => `${t.file} ${t.tag}\`\`:\n  source ${t.source}\n  built  ${t.built}`);
    expect(changed, changed.join('\n')).to.deep.equal([]);
  });
});
