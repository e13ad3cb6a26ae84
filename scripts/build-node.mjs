// Bundles the `yzt` CLI (which is also the production central gateway: `yzt central serve`)
// into dist/node/cli.mjs, with the barcode decode worker beside it (started from its own file).
// Runs on `npm ci` (prepare), `npm test`, `npm start`, and from bin/yzt.mjs when a source file
// is newer than the bundle. dist/node/inputs.json lists the source files that went in and when
// the build started, so bin/yzt.mjs can tell a stale bundle with a few hundred stat calls.
import { spawnSync } from 'node:child_process';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
export const OUT_DIR = join(root, 'dist', 'node');

/** Builds the bundles; every file is written to a temporary name and renamed, so CLI processes
 *  started in parallel (tests) that rebuild at the same time never load a half-written file. */
export async function buildNode({ clean = false } = {}) {
  const { build } = await import('esbuild');
  const { nodeEsm } = await import('./esbuild-node.mjs');
  const startedMs = Date.now();
  const common = { ...nodeEsm, absWorkingDir: root, write: false, metafile: true, logLevel: 'warning' };
  const results = await Promise.all([
    // Split: each command's module (and the packages it imports) loads only when that command
    // runs. Chunks stay in one folder with the worker: the barcode decoder starts
    // ./decode-worker.js relative to the chunk it lands in.
    build({ ...common, entryPoints: { cli: 'src-main/cli/bin.ts' }, outdir: OUT_DIR, splitting: true, outExtension: { '.js': '.mjs' }, chunkNames: '[name]-[hash]' }),
    build({ ...common, entryPoints: ['hardware/barcode/decode-worker.ts'], outfile: join(OUT_DIR, 'decode-worker.js') }),
    // The kiosk database's deep check runs in a worker too (src-main/db/integrity-monitor.ts).
    build({ ...common, entryPoints: ['src-main/db/integrity-worker.ts'], outfile: join(OUT_DIR, 'integrity-worker.js') }),
    // And the WAL checkpoints of the kiosk's and the central's databases (src-main/db/wal-checkpointer.ts).
    build({ ...common, entryPoints: ['src-main/db/wal-checkpoint-worker.ts'], outfile: join(OUT_DIR, 'wal-checkpoint-worker.js') }),
  ]);
  const writeAtomic = (path, contents) => {
    mkdirSync(dirname(path), { recursive: true });
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, contents);
    renameSync(tmp, path);
  };
  // Chunk names carry a content hash, so a CLI process still loading the previous build finds
  // its chunks; old ones are removed only by a build run on its own (npm run build:node).
  if (clean) rmSync(OUT_DIR, { recursive: true, force: true });
  for (const r of results) for (const f of r.outputFiles) writeAtomic(f.path, f.contents);
  // `yzt --help` lists every command's summary; written once here so it does not load them all.
  // Removed first: the CLI prints a present file, and it may be the previous build's.
  const overviewFile = join(OUT_DIR, 'overview.txt');
  rmSync(overviewFile, { force: true });
  const help = spawnSync(process.execPath, [join(OUT_DIR, 'cli.mjs'), '--help'], { encoding: 'utf8' });
  if (help.status !== 0) throw new Error(`yzt --help failed after the build: ${help.stderr}`);
  writeAtomic(overviewFile, help.stdout.replace(/\n$/, ''));
  const inputs = [...new Set(results.flatMap((r) => Object.keys(r.metafile.inputs)))].filter((p) => !p.includes('node_modules/')).sort();
  writeAtomic(join(OUT_DIR, 'inputs.json'), JSON.stringify({ startedMs, inputs: [...inputs, 'package.json'] }));
  return relative(root, OUT_DIR);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = performance.now();
  try {
    await import('esbuild');
  } catch {
    // An install without dev dependencies (npm ci --omit=dev) has no esbuild; such an install
    // runs a bundle made where it was built.
    console.log('esbuild 未安装，跳过构建 (esbuild is not installed: dist/node is not rebuilt)');
    process.exit(0);
  }
  const out = await buildNode({ clean: true });
  console.log(`built ${out}/cli.mjs, decode-worker.js, integrity-worker.js and wal-checkpoint-worker.js in ${Math.round(performance.now() - started)} ms`);
}
