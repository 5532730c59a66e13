// Framework integrations generated from custom-elements.json into dist/ by the maintained
// custom-elements-manifest tools: JSX props (React 19, Preact, Solid), Vue's GlobalComponents and
// VS Code's HTML custom data; React's and Svelte's element maps built on the JSX props here.
import { readFileSync, writeFileSync } from 'node:fs';
import { generateJsxTypes } from 'custom-element-jsx-integration';
import { generateVuejsTypes } from 'custom-element-vuejs-integration';
import { generateVsCodeCustomElementData } from 'custom-element-vs-code-integration';

const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));

// The generators type a listener's argument as `CustomEvent<T>`: T must be the event's detail.
const withDetailTypes = structuredClone(manifest);
for (const mod of withDetailTypes.modules)
  for (const declaration of mod.declarations ?? [])
    for (const event of declaration.events ?? [])
      if (event.type) event.type.text = event.type.text.replace(/Event$/, 'Detail');

const options = { outdir: 'dist', globalTypePath: './classes.js', hideLogs: true };
generateJsxTypes(withDetailTypes, { ...options, fileName: 'jsx.d.ts' });
generateVuejsTypes(withDetailTypes, { ...options, fileName: 'vue.d.ts' });
generateVsCodeCustomElementData(manifest, {
  outdir: 'dist',
  htmlFileName: 'vscode.html-custom-data.json',
  cssFileName: 'vscode.css-custom-data.json',
  hideLogs: true,
});

// The generators import a type once per element that uses it, which TypeScript rejects as a
// duplicate identifier: keep each name once.
for (const file of ['dist/jsx.d.ts', 'dist/vue.d.ts']) {
  const text = readFileSync(file, 'utf8').replace(
    /import type \{([^}]*)\} from "\.\/classes\.js";/,
    (_, names) =>
      `import type { ${[
        ...new Set(
          names
            .split(',')
            .map((n) => n.trim())
            .filter(Boolean),
        ),
      ].join(', ')} } from "./classes.js";`,
  );
  writeFileSync(file, text);
}

// Vue's checker (vue-tsc) reads `heading-level` as `headingLevel` and `@fragment-play` as
// `onFragmentPlay`: the generated props, declared in our names, are renamed to those it looks up.
// An attribute written as text (`heading-level="2"`) is a string, so a number or boolean of ours
// takes its text too (as in Svelte's types below).
const vueTypes = readFileSync('dist/vue.d.ts', 'utf8');
const vueHead = /^(import type .*\n)+/m;
if (!vueHead.test(vueTypes) || !/DefineComponent<\w+Props>/.test(vueTypes))
  throw new Error('framework-types: dist/vue.d.ts is not what this script rewrites (its generator changed?)');
writeFileSync(
  'dist/vue.d.ts',
  vueTypes
    .replace(
      vueHead,
      (imports) => `${imports}
/** \`heading-level\` as \`headingLevel\`. */
type Camel<S extends string> = S extends \`\${infer Head}-\${infer Tail}\` ? \`\${Head}\${Capitalize<Camel<Tail>>}\` : S;
/** Props as Vue names them: camelCase, a listener \`on\` + PascalCase (\`onfragment-play\` as \`onFragmentPlay\`); values may be an attribute's text. */
type VueProps<P> = {
  [K in keyof P as K extends \`on\${infer Event}\` ? \`on\${Capitalize<Camel<Event>>}\` : Camel<K & string>]: K extends \`on\${string}\`
    ? P[K]
    : P[K] | string;
};
`,
    )
    .replace(/DefineComponent<(\w+Props)>/g, 'DefineComponent<VueProps<$1>>'),
);

// The elements as the manifest declares them (each once), by tag with their class names.
const declarations = [
  ...new Map(
    manifest.modules
      .flatMap((mod) => mod.declarations ?? [])
      .filter((declaration) => declaration.customElement && declaration.tagName)
      .map((declaration) => [declaration.tagName, declaration]),
  ).values(),
];
const elements = declarations.map((declaration) => [declaration.tagName, declaration.name]);
const classNames = [...new Set(elements.map(([, name]) => name))].join(', ');

// `import type {} from 'kijkom/react'` puts the elements into React 19's JSX: our attributes,
// properties and events, and React's own props for an element of the class (`onClick`, `style`,
// `ref` typed to the class), ours winning where both name one.
writeFileSync(
  'dist/react.d.ts',
  `import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { ${classNames} } from './classes.js';
import type { ${elements.map(([, name]) => `${name}Props`).join(', ')} } from './jsx.js';

type ReactProps<Ours, Element extends HTMLElement> = Omit<DetailedHTMLProps<HTMLAttributes<Element>, Element>, keyof Ours> &
  Partial<Ours>;

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
${elements.map(([tag, name]) => `      '${tag}': ReactProps<${name}Props, ${name}>;`).join('\n')}
    }
  }
}
`,
);

// `"types": ["kijkom/svelte"]` puts the elements into Svelte 5's markup: Svelte's own attributes for
// an element of the class and ours. An attribute written as text is a string in markup
// (`heading-level="2"`), so a number or boolean of ours takes its text too.
writeFileSync(
  'dist/svelte.d.ts',
  `import type { HTMLAttributes } from 'svelte/elements';
import type { ${classNames} } from './classes.js';
import type { ${elements.map(([, name]) => `${name}Props`).join(', ')} } from './jsx.js';

type SvelteProps<Ours, Element extends HTMLElement> = Omit<HTMLAttributes<Element>, keyof Ours> & {
  [K in keyof Ours]?: K extends \`on\${string}\` ? Ours[K] : Ours[K] | string;
};

declare module 'svelte/elements' {
  interface SvelteHTMLElements {
${elements.map(([tag, name]) => `    '${tag}': SvelteProps<${name}Props, ${name}>;`).join('\n')}
  }
}
`,
);

// `kijkom/react-components`: a React component per element (React 18 and 19), made with
// @lit/react: properties set as properties, events as `on` + PascalCase props (`onFragmentPlay`)
// typed with our event classes. Importing it registers the elements.
const listenerName = (event) => `on${event.replace(/(^|-)(\w)/g, (_, __, letter) => letter.toUpperCase())}`;
const eventsOf = (declaration) => [...new Map((declaration.events ?? []).map((event) => [event.name, event])).values()];
const eventClasses = [
  ...new Set(declarations.flatMap((declaration) => eventsOf(declaration).map((event) => event.type.text))),
];
writeFileSync(
  'dist/react-components.js',
  `import * as React from 'react';
import { createComponent } from '@lit/react';
import { ${classNames
    .split(', ')
    .map((name) => `${name} as ${name}Element`)
    .join(', ')} } from './index.js';

${declarations
  .map(
    (declaration) => `export const ${declaration.name} = createComponent({
  react: React,
  tagName: '${declaration.tagName}',
  elementClass: ${declaration.name}Element,
  events: { ${eventsOf(declaration)
    .map((event) => `${listenerName(event.name)}: '${event.name}'`)
    .join(', ')} },
});`,
  )
  .join('\n\n')}
`,
);
writeFileSync(
  'dist/react-components.d.ts',
  `import type { EventName, ReactWebComponent } from '@lit/react';
import type { ${[...classNames.split(', ').map((name) => `${name} as ${name}Element`), ...eventClasses].join(
    ', ',
  )} } from './index.js';

${declarations
  .map(
    (declaration) => `export declare const ${declaration.name}: ReactWebComponent<
  ${declaration.name}Element,
  { ${eventsOf(declaration)
    .map((event) => `${listenerName(event.name)}: EventName<${event.type.text}>`)
    .join('; ')} }
>;`,
  )
  .join('\n\n')}
`,
);
