// Bundling an entry as an app would and summing what loads before play: shared by the size
// benchmark (bench/size.bench.mjs) and the budget check of `npm test` (scripts/check-size.mjs).
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';

/** Budgets before any play, gzip: DESIGN's 12 KB and 20 KB, a KB being 1,024 bytes. */
export const BUDGET = { npm: 12 * 1024, cdn: 20 * 1024 };

export const gzip = (bytes) => gzipSync(bytes, { level: 9 }).length;
export const brotli = (bytes) => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
export const sizes = (contents) =>
  contents.reduce(
    (total, bytes) => ({
      files: total.files + 1,
      bytes: total.bytes + bytes.length,
      gzip: total.gzip + gzip(bytes),
      brotli: total.brotli + brotli(bytes),
    }),
    { files: 0, bytes: 0, gzip: 0, brotli: 0 },
  );
export const percent = (part, whole) => `${((100 * part) / whole).toFixed(1)} %`;

/** `entry` and everything it imports statically (an esbuild metafile graph); `import()` is not followed. */
export function staticClosure(graph, entry) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file) || !graph[file]) return;
    seen.add(file);
    for (const { path: imported, kind } of graph[file].imports) if (kind === 'import-statement') visit(imported);
  };
  visit(entry);
  return [...seen];
}

/**
 * Bundles `entry` as an app would (minified ESM, code splitting; lit, @lit/context and hls.js
 * bundled in, so hls.js landing in an on-demand chunk is checked, not assumed). Nothing is written.
 * Returns the output files before play (entry + static imports) with their contents, the
 * on-demand ones, and the inputs before play, largest first.
 */
export async function bundle(root, entry) {
  const { metafile, outputFiles } = await esbuild.build({
    entryPoints: [entry],
    absWorkingDir: root,
    outdir: 'bench/.out',
    write: false,
    metafile: true,
    logLevel: 'silent',
    bundle: true,
    splitting: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
  });
  const { outputs } = metafile;
  const contents = (output) => outputFiles.find((file) => file.path === path.join(root, output)).contents;
  const before = staticClosure(
    outputs,
    Object.keys(outputs).find((output) => outputs[output].entryPoint === entry),
  );
  const onDemand = Object.keys(outputs).filter((output) => output.endsWith('.js') && !before.includes(output));
  return {
    before: before.map(contents),
    inputs: before
      .flatMap((output) => Object.entries(outputs[output].inputs))
      .sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput),
    // An esbuild chunk is named by a hash only: name it by its largest input (a chunk of re-exports only has none).
    onDemand: onDemand.map((output) => {
      const [input, { bytesInOutput }] = Object.entries(outputs[output].inputs).sort(
        (a, b) => b[1].bytesInOutput - a[1].bytesInOutput,
      )[0] ?? ['no input', { bytesInOutput: 0 }];
      return {
        chunk: path.basename(output),
        contains: `${input} ${percent(bytesInOutput, outputs[output].bytes)}`,
        ...sizes([contents(output)]),
      };
    }),
  };
}
