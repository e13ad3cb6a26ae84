// esbuild options shared by the Node bundles (the Electron main, the `yzt` CLI and its workers).
import { readFileSync } from 'node:fs';

// Production dependencies ship in node_modules (electron-builder packs them; a gateway install
// keeps them), so they stay external: native ones (better-sqlite3, serialport, node-hid) are
// built for their runtime, and some (pdfkit's font metrics) read files relative to their own
// folder, which bundling would break. pg-native and ws's optional speed-ups are optional
// requires that must fail at run time, not at build time.
const { dependencies } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
export const external = ['electron', ...Object.keys(dependencies), '@serialport/*', 'pg-native', 'bufferutil', 'utf-8-validate'];

export const nodeEsm = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  external,
  sourcemap: true,
  // Bundled CommonJS dependencies still call require().
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
};
