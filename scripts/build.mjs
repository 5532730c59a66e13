// `npm run build`: the npm build with types, then the CDN module.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';

const run = (command, args) => {
  const status = spawnSync(command, args, { stdio: 'inherit' }).status;
  if (status !== 0) process.exit(status ?? 1);
};
rmSync('dist', { recursive: true, force: true });
run('node_modules/.bin/vite', ['build']);
run('node_modules/.bin/tsc', ['-p', 'tsconfig.json', '--emitDeclarationOnly', '--declarationMap', 'false']);
run('node_modules/.bin/vite', ['build', '--mode', 'cdn']);
run('node', ['scripts/framework-types.mjs']);
