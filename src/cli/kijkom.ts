// The bin's entry: runs the command and exits with its code (the shebang is added by the build).
import { main } from './main.js';

process.exitCode = await main(process.argv.slice(2));
