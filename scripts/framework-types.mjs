// Framework integrations generated from custom-elements.json into dist/ by the maintained
// custom-elements-manifest tools: JSX props (React 19, Preact, Solid), Vue's GlobalComponents and
// VS Code's HTML custom data.
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

// The elements by tag, with their class names, as the manifest declares them.
const elements = [
  ...new Map(
    manifest.modules
      .flatMap((mod) => mod.declarations ?? [])
      .filter((declaration) => declaration.customElement && declaration.tagName)
      .map((declaration) => [declaration.tagName, declaration.name]),
  ),
];
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
