// The bin's entry: runs the command and exits with its code (the shebang is added by the build).
import { main } from './main.js';

// A reader that stops early (`kijkom embed … | head`) closes the pipe: that ends the command quietly.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

process.exitCode = await main(process.argv.slice(2));
