// `npm run build`: the npm build with types, then the CDN module and embed page, then the `kijkom` command.
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const run = (command, args) => {
  const status = spawnSync(command, args, { stdio: 'inherit' }).status;
  if (status !== 0) process.exit(status ?? 1);
};
rmSync('dist', { recursive: true, force: true });
run('node_modules/.bin/vite', ['build']);
run('node_modules/.bin/tsc', ['-p', 'tsconfig.json', '--emitDeclarationOnly', '--declarationMap', 'false']);
run('node_modules/.bin/vite', ['build', '--mode', 'cdn']);
// The embed page beside kijkom.js (which it loads): its page, style sheet and a script of its own.
run('node_modules/.bin/esbuild', [
  'src/embed/embed.ts',
  '--bundle',
  '--minify',
  '--format=esm',
  '--target=es2022',
  '--log-level=warning',
  '--outfile=dist/cdn/embed.js',
]);
for (const file of ['embed.html', 'embed.css']) copyFileSync(`src/embed/${file}`, `dist/cdn/${file}`);
// The CDN files carry the code of these packages without their comments: their licences beside them.
const bundled = ['lit', 'lit-html', 'lit-element', '@lit/reactive-element', '@lit/context', 'hls.js', 'media-captions'];
const notices = bundled.map((name) => {
  const { version, license } = JSON.parse(readFileSync(`node_modules/${name}/package.json`, 'utf8'));
  return `${name} ${version} (${license})\n\n${readFileSync(`node_modules/${name}/LICENSE`, 'utf8').trim()}\n`;
});
writeFileSync('dist/cdn/THIRD-PARTY-LICENSES.txt', `Kijkom's CDN build includes:\n\n${notices.join('\n---\n\n')}`);
run('node', ['scripts/framework-types.mjs']);
// The `kijkom` command for Node (package.json `bin`): one file, its npm dependencies left to npm.
// Its declarations are no API: tsc's are removed with the folder first.
rmSync('dist/cli', { recursive: true, force: true });
run('node_modules/.bin/esbuild', [
  'src/cli/kijkom.ts',
  '--bundle',
  '--platform=node',
  '--format=esm',
  '--target=node20',
  '--packages=external',
  '--log-level=warning',
  '--banner:js=#!/usr/bin/env node',
  '--outfile=dist/cli/kijkom.js',
]);
chmodSync('dist/cli/kijkom.js', 0o755);
