// The analyzer also reports each `dispatchEvent(new SomeEvent())` as a nameless event; the
// JSDoc @fires tags are the documented API, so keep only named events.
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.d.ts'],
  litelement: true,
  // The check writes to a scratch folder; package.json's customElements must keep naming ours.
  packagejson: false,
  plugins: [
    {
      name: 'kijkom-named-events',
      packageLinkPhase({ customElementsManifest }) {
        for (const mod of customElementsManifest.modules) {
          mod.declarations?.sort((a, b) => a.name.localeCompare(b.name));
          for (const declaration of mod.declarations ?? []) {
            if (declaration.events)
              declaration.events = declaration.events.filter((event) => event.name && event.name !== 'type');
          }
        }
        customElementsManifest.modules.sort((a, b) => a.path.localeCompare(b.path));
      },
    },
  ],
};
