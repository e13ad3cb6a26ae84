// Bundles the Electron main process (ESM), the barcode decode worker (ESM, a worker thread
// started from its own file beside main.mjs) and the preload (CommonJS: sandboxed preloads
// cannot load ES modules) into dist/electron. Native modules stay external: electron-builder
// rebuilds them for Electron's ABI and unpacks them from the asar.
import { build } from 'esbuild';
import { nodeEsm } from './esbuild-node.mjs';

await build({ ...nodeEsm, entryPoints: ['src-main/electron/main.ts'], outfile: 'dist/electron/main.mjs' });
await build({ ...nodeEsm, entryPoints: ['hardware/barcode/decode-worker.ts'], outfile: 'dist/electron/decode-worker.js' });
await build({ ...nodeEsm, entryPoints: ['src-main/db/integrity-worker.ts'], outfile: 'dist/electron/integrity-worker.js' });
await build({ ...nodeEsm, entryPoints: ['src-main/db/wal-checkpoint-worker.ts'], outfile: 'dist/electron/wal-checkpoint-worker.js' });
await build({
  entryPoints: ['src-main/electron/preload.ts'],
  outfile: 'dist/electron/preload.cjs',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['electron'],
});
console.log('built dist/electron/main.mjs, decode-worker.js, integrity-worker.js, wal-checkpoint-worker.js and preload.cjs');
