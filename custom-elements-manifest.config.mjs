// The manifest is the public API: the four elements (with what they inherit) and the event
// classes their `@fires` tags name. Internal modules and members stay out of it.
export default {
  globs: [
    'src/fragment-player/fragment-player.ts',
    'src/fragment-list/fragment-list.ts',
    'src/theme-page/theme-page.ts',
    'src/interview-page/interview-page.ts',
    // Read for inheritance only: the page elements' base class.
    'src/internal/catalogue-provider.ts',
    'src/events/*.ts',
  ],
  litelement: true,
  // The check writes to a scratch folder; package.json's customElements must keep naming ours.
  packagejson: false,
  plugins: [
    {
      name: 'kijkom-public-api',
      packageLinkPhase({ customElementsManifest }) {
        const isPublic = (member) => !member.privacy || member.privacy === 'public';
        customElementsManifest.modules = customElementsManifest.modules.filter(
          (mod) => !mod.path.startsWith('src/internal/'),
        );
        for (const mod of customElementsManifest.modules) {
          mod.declarations?.sort((a, b) => a.name.localeCompare(b.name));
          for (const declaration of mod.declarations ?? []) {
            declaration.members = declaration.members?.filter(isPublic);
            // The analyzer also reports each `dispatchEvent(new SomeEvent())` as a nameless event;
            // the `@fires` tags are the documented API.
            if (declaration.events) declaration.events = declaration.events.filter((e) => e.name && e.name !== 'type');
          }
          mod.exports = mod.exports?.filter((e) => mod.declarations?.some((d) => d.name === e.declaration?.name));
        }
        customElementsManifest.modules.sort((a, b) => a.path.localeCompare(b.path));
        const elements = customElementsManifest.modules
          .flatMap((mod) => mod.declarations ?? [])
          .filter((d) => d.tagName);
        shareTokens(elements);
        documentExportedParts(elements);
      },
    },
  ],
};

/** Every element honours every `--kijkom-*` token (shared styles): each lists them all. */
function shareTokens(elements) {
  const tokens = new Map();
  for (const element of elements)
    for (const prop of element.cssProperties ?? []) if (prop.name.startsWith('--kijkom-')) tokens.set(prop.name, prop);
  for (const element of elements) {
    const has = new Set((element.cssProperties ?? []).map((prop) => prop.name));
    element.cssProperties = [...(element.cssProperties ?? []), ...[...tokens.values()].filter((p) => !has.has(p.name))];
  }
}

// The child parts a page forwards with `exportparts` (src/internal/exported-parts.ts, whose
// prefix rule this repeats; a test compares the two).
const forwarded = {
  'theme-page': { 'fragment-player': 'player', 'fragment-list': 'list' },
  'interview-page': { 'fragment-player': 'player', 'fragment-list': 'list' },
  'fragment-list': { 'fragment-player': 'player' },
};
const prefixed = new Set(['base', 'title', 'meta', 'error', 'retry']);

function documentExportedParts(elements) {
  const byTag = Object.fromEntries(elements.map((element) => [element.tagName, element]));
  for (const [tag, children] of Object.entries(forwarded)) {
    const element = byTag[tag];
    const own = (element.cssParts ?? []).slice();
    for (const [childTag, prefix] of Object.entries(children))
      for (const part of byTag[childTag].cssParts ?? []) {
        const name = prefixed.has(part.name) ? `${prefix}-${part.name}` : part.name;
        own.push({ name, description: `Forwarded from the \`<${childTag}>\` inside: ${part.description}` });
      }
    element.cssParts = own;
  }
}
