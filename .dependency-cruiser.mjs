// The import graph's rules (ARCHITECTURE.md), checked by `npm test` (step "import graph"):
// `npx depcruise src` lists what breaks them. Type-only imports count: a loop through types is
// still a loop a reader has to untangle.
const ELEMENTS = '^src/(fragment-player|fragment-list|theme-page|interview-page|transcript)/';

export default {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No module imports itself through others (static, dynamic or type-only imports).',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'core-knows-no-elements',
      severity: 'error',
      comment:
        'The catalogue (pure data), the media engine, the platform, languages and events import no element code nor element machinery.',
      from: { path: '^src/(catalogue|media|platform|i18n|events)/' },
      to: { path: [ELEMENTS, '^src/internal/'] },
    },
    {
      name: 'internal-knows-no-element',
      severity: 'error',
      comment: 'The shared base of the elements knows no concrete element.',
      from: { path: '^src/internal/' },
      to: { path: ELEMENTS },
    },
    {
      name: 'transcript-knows-not-its-page',
      severity: 'error',
      comment:
        'The transcript is a child of pages and players: it knows neither (its links and snippets come from catalogue/clip-links.ts).',
      from: { path: '^src/transcript/' },
      to: { path: '^src/(interview-page|fragment-player|theme-page)/' },
    },
    {
      name: 'cli-is-node-only',
      severity: 'error',
      comment:
        "The kijkom command runs in Node: no browser code (the iframe snippet it writes into oEmbed comes from catalogue/clip-links.ts, as the share panel's does).",
      from: { path: '^src/cli/' },
      to: { path: [ELEMENTS, '^src/(internal|media|platform)/'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.d\\.ts$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
