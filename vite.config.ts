import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import minifyLiterals from '@lit-labs/rollup-plugin-minify-html-literals';

const elements = ['fragment-player', 'fragment-list', 'theme-page', 'interview-page'];

/** npm: ESM, a registering and a class-only entry per element, index.js and classes.js; Lit, hls.js and media-captions stay external for the app's bundler. */
const npm: UserConfig['build'] = {
  outDir: 'dist',
  emptyOutDir: false,
  sourcemap: true,
  lib: {
    // `x.js` registers <x> on import; `x/x.js` and `classes.js` only export classes.
    entry: {
      index: 'src/index.ts',
      classes: 'src/classes.ts',
      ...Object.fromEntries(elements.map((name) => [name, `src/${name}/define.ts`])),
      ...Object.fromEntries(elements.map((name) => [`${name}/${name}`, `src/${name}/${name}.ts`])),
    },
    formats: ['es'],
  },
  rollupOptions: {
    external: [/^lit($|\/)/, /^@lit\//, /^hls\.js($|\/)/, /^media-captions$/],
    output: { chunkFileNames: 'chunks/[name]-[hash].js' },
  },
};

/**
 * CDN: dist/cdn/kijkom.js for a plain <script type="module">, everything bundled, hls.js and the
 * playing UI sibling chunks loaded on play. Library mode, because an app build wraps each
 * `import()` in Vite's preload helper (half a kilobyte before play that a module loading its own
 * chunks does not need); its ES output keeps whitespace unless told to minify.
 */
const cdn: UserConfig['build'] = {
  outDir: 'dist/cdn',
  emptyOutDir: true,
  sourcemap: true,
  lib: { entry: { kijkom: 'src/index.ts' }, formats: ['es'] },
  rollupOptions: {
    // One file before play: shared code stays in the entry instead of a second static chunk.
    preserveEntrySignatures: 'allow-extension',
    output: {
      entryFileNames: '[name].js',
      // Six characters of hash (36 bits) are plenty to tell one release's chunks from another's.
      chunkFileNames: '[name]-[hash:6].js',
      minify: true,
      // A finished bundle is shaken no further: its tree-shaking hints (`/* @__PURE__ */`) are dead
      // weight. The bundled packages' licences: dist/cdn/THIRD-PARTY-LICENSES.txt (scripts/build.mjs).
      comments: false,
    },
  },
};

/**
 * The dev server answers `/kijkom.js` with our source, so the demo pages load Kijkom by the
 * name the CDN build has, and the snippets their share panels offer name it too, never `/src/`;
 * and `/embed.html` (with its script and style) as the build has it beside kijkom.js.
 */
const devModule: Plugin = {
  name: 'kijkom-dev-module',
  apply: 'serve',
  configureServer(server) {
    const answer = (path: string, type: string, body: () => string) =>
      server.middlewares.use(path, (req, res, next) => {
        // Exactly that file (its query aside), not every path it begins.
        if (req.url && !/^\/?(\?|$)/.test(req.url)) return next();
        res.setHeader('content-type', type);
        res.end(body());
      });
    answer('/kijkom.js', 'text/javascript', () => "export * from '/src/index.ts';\n");
    answer('/embed.js', 'text/javascript', () => "import '/src/embed/embed.ts';\n");
    answer('/embed.html', 'text/html', () => readFileSync('src/embed/embed.html', 'utf8'));
    answer('/embed.css', 'text/css', () => readFileSync('src/embed/embed.css', 'utf8'));
  },
};

/** `vite` serves the demo pages; `vite build` makes the npm build; `--mode cdn` the CDN module. */
export default defineConfig(({ mode }) => ({
  server: { port: 5173, open: false },
  // Pre-bundling scans the demo pages only (the embed page and the test apps import built names).
  optimizeDeps: { entries: ['demo/**/*.html'] },
  // Whitespace in html`` and css`` templates is bytes every page loads: minified when building.
  plugins: [{ ...minifyLiterals({ failOnError: true }), apply: 'build' }, devModule],
  build: { target: 'es2022', modulePreload: false, ...(mode === 'cdn' ? cdn : npm) },
}));
