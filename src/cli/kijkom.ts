// The bin's entry: runs the command and exits with its code (the shebang is added by the build).
import { main } from './main.js';

// A reader that stops early (`kijkom embed … | head`) closes the pipe: what the command prints then
// goes nowhere, and it still finishes its files and says how it ended by its exit code.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
});

process.exitCode = await main(process.argv.slice(2));
