// custom-elements.json is the public API that editors and type generators read: the four
// elements with typed events and every shared token, and nothing internal.
import { expect } from '@open-wc/testing';

interface Declaration {
  kind: string;
  name: string;
  tagName?: string;
  customElement?: boolean;
  members?: { name: string }[];
  events?: { name: string; type?: { text: string } }[];
  cssProperties?: { name: string }[];
}
interface Manifest {
  modules: { path: string; declarations?: Declaration[] }[];
}

const manifest = async (): Promise<Manifest> => (await fetch('/custom-elements.json')).json();

describe('custom-elements.json', () => {
  it('lists the four elements and the event classes, from their public modules only', async () => {
    const { modules } = await manifest();
    const declarations = modules.flatMap((m) => m.declarations ?? []);
    const elements = declarations.filter((d) => d.customElement);
    expect(elements.map((d) => d.tagName).sort()).to.deep.equal([
      'fragment-list',
      'fragment-player',
      'interview-page',
      'theme-page',
    ]);
    // A class without a tag makes generators import "kijkom/undefined.js".
    for (const d of declarations) expect(d.customElement || d.name.endsWith('Event'), d.name).to.equal(true);
    for (const { path } of modules)
      expect(path, path).to.match(/^src\/(events|fragment-player|fragment-list|theme-page|interview-page)\//);
  });

  it('gives every event its type and hides internal members', async () => {
    const elements = (await manifest()).modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement);
    for (const element of elements) {
      for (const event of element.events ?? [])
        expect(event.type?.text, `${element.tagName} ${event.name}`).to.match(/Event$/);
      const members = (element.members ?? []).map((m) => m.name);
      for (const internal of ['providedCatalogue', 'playback', 'uiLang', 'sessionFailed', 'session', 'loader'])
        expect(members, `${element.tagName}.${internal}`).to.not.include(internal);
      expect(members, element.tagName).to.include('define');
    }
  });

  it('documents every --kijkom-* token on every element (they all honour them)', async () => {
    const elements = (await manifest()).modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement);
    const tokens = new Set(
      elements.flatMap((e) => (e.cssProperties ?? []).map((p) => p.name)).filter((n) => n.startsWith('--kijkom-')),
    );
    expect(tokens.size).to.be.greaterThan(10);
    for (const element of elements) {
      const names = (element.cssProperties ?? []).map((p) => p.name);
      for (const token of tokens) expect(names, `${element.tagName} ${token}`).to.include(token);
    }
  });
});
