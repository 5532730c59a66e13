// Runs the installed `kijkom` with this process's arguments and terminal (for tests that need a TTY).
import { spawnSync } from 'node:child_process';
import { bin } from './helpers.mjs';

process.exitCode = spawnSync(bin, process.argv.slice(2), { stdio: 'inherit' }).status ?? 1;
