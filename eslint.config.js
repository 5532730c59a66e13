// ESLint (flat config). `npm run lint` runs this, then `prettier --check .`; formatting rules are
// left to Prettier (eslint-config-prettier, last, turns off any that would disagree with it).
import { fileURLToPath } from 'node:url';
import { defineConfig, globalIgnores } from 'eslint/config';
import { includeIgnoreFile } from '@eslint/compat';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import prettier from 'eslint-config-prettier';

export default defineConfig(
  // What git ignores (dist/, media, caches, build output), and what is not ours to lint.
  includeIgnoreFile(fileURLToPath(new URL('.gitignore', import.meta.url))),
  globalIgnores(['.browsers/', 'custom-elements.json']),
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },

  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      // As tsc (noUnusedLocals/Parameters): `_`-prefixed is deliberate, and so is `{ omitted, ...rest }`.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
    },
  },

  // The components: browser code, Lit templates, custom elements; type-aware through tsconfig.json.
  {
    files: ['src/**/*.ts'],
    extends: [
      tseslint.configs.recommendedTypeChecked,
      lit.configs['flat/recommended'],
      wc.configs['flat/recommended'],
      // lit-a11y ships only an eslintrc-style config: its plugin object and rules, spelled out.
      { plugins: { 'lit-a11y': litA11y }, rules: litA11y.configs.recommended.rules },
    ],
    languageOptions: {
      globals: globals.browser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    // The wc rules only check classes that extend one of these (HTMLElement by default).
    settings: { wc: { elementBaseClasses: ['LitElement', 'ReactiveElement', 'CatalogueProvider'] } },
    rules: {
      // Lit calls a template's event listeners with the element as `this` (`@click=${this.onClick}`).
      '@typescript-eslint/unbound-method': 'off',
      // An AbortSignal's `reason` (typed any) is passed on as is, as the platform's own APIs do.
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingAny: true }],
      // The catalogue reader's `Skip` is a control-flow sentinel, caught by its `guard`, never an error.
      '@typescript-eslint/only-throw-error': [
        'error',
        { allow: [{ from: 'file', name: 'Skip', path: 'src/catalogue/validate.ts' }] },
      ],
      // No element reaches into another's shadow root (DESIGN §2b): an element reads its own
      // (`this.renderRoot`), a controller its host's (`host.renderRoot`); others are asked through
      // their public API or a request event.
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[property.name='shadowRoot']",
          message:
            "Another element's shadow root is not ours: use its public API or a request event (own root: renderRoot).",
        },
      ],
    },
  },

  // Tests run in the browser under @web/test-runner (mocha's BDD globals) with @open-wc/testing.
  {
    files: ['test/**/*.{ts,tsx,js}'],
    extends: [lit.configs['flat/recommended']],
    languageOptions: { globals: { ...globals.browser, ...globals.mocha } },
    rules: {
      // Chai's property assertions (`expect(x).to.not.be.empty`) are expressions by design.
      '@typescript-eslint/no-unused-expressions': 'off',
    },
  },

  // Browser pages and scripts that are not components: the demo, the bench's pages and anchors.
  {
    files: ['demo/**/*.{js,mjs,ts}', 'bench/pages/**/*.js', 'bench/anchors/**/*.js'],
    languageOptions: { globals: globals.browser },
  },

  // Node: build/test scripts, the bench runner, the test server and other test tooling, config files.
  {
    files: [
      'scripts/**/*.mjs',
      'bench/*.mjs',
      'bench/lib/**/*.mjs',
      'test/**/*.mjs',
      '*.{js,mjs,ts}',
      '**/*.config.{js,mjs,ts}',
    ],
    languageOptions: { globals: globals.node },
  },
  // These drive a browser through puppeteer: their `page.evaluate` callbacks run in the page.
  {
    files: ['bench/*.bench.mjs', 'scripts/screenshot.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },

  prettier,
);
