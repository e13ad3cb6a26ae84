// Bundles the Electron main process (ESM) and the preload (CommonJS: sandboxed preloads
// cannot load ES modules) into dist/electron. Native modules stay external: electron-builder
// rebuilds them for Electron's ABI and unpacks them from the asar.
import { build } from 'esbuild';

const external = ['electron', 'better-sqlite3', 'serialport', '@serialport/*', 'node-hid', 'bufferutil', 'utf-8-validate'];

await build({
  entryPoints: ['src-main/electron/main.ts'],
  outfile: 'dist/electron/main.mjs',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  external,
  sourcemap: true,
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});
// Barcode decoding runs in a worker thread, loaded from its own file beside main.mjs.
await build({
  entryPoints: ['hardware/barcode/decode-worker.ts'],
  outfile: 'dist/electron/decode-worker.js',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  external,
  sourcemap: true,
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});
await build({
  entryPoints: ['src-main/electron/preload.ts'],
  outfile: 'dist/electron/preload.cjs',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['electron'],
});
console.log('built dist/electron/main.mjs, decode-worker.js and preload.cjs');
