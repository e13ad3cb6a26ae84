#!/usr/bin/env node
// Starts the built `yzt` (dist/node/cli.mjs, made by scripts/build-node.mjs on `npm ci`,
// `npm test` and `npm start`), so no command compiles TypeScript at start-up.
// In a checkout, a bundle older than any of its source files is rebuilt first (esbuild, about
// a second) rather than run: an edit must never be silently ignored, and running the sources
// through tsx instead would make the CLI behave differently from the production build.
import { existsSync, readFileSync, statSync } from 'node:fs';

const root = new URL('../', import.meta.url);
const bundle = new URL('dist/node/cli.mjs', root);
const inCheckout = existsSync(new URL('src-main/cli/bin.ts', root));

function bundleIsStale() {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(new URL('dist/node/inputs.json', root), 'utf8'));
  } catch {
    return true;
  }
  if (!existsSync(bundle)) return true;
  for (const file of manifest.inputs) {
    try {
      if (statSync(new URL(file, root)).mtimeMs > manifest.startedMs) return true;
    } catch {
      return true; // a source that went into the bundle is gone
    }
  }
  return false;
}

if (inCheckout && bundleIsStale()) {
  let buildNode;
  try {
    await import('esbuild');
    ({ buildNode } = await import('../scripts/build-node.mjs'));
  } catch {
    buildNode = undefined;
  }
  if (buildNode) await buildNode();
  else if (existsSync(bundle)) process.stderr.write('yzt: 注意：源文件比 dist/node/cli.mjs 新，但未安装 esbuild，运行的是旧的构建 (sources are newer than the build and esbuild is not installed: running the old build)\n');
  else {
    process.stderr.write('yzt: 尚未构建，请先运行 npm run build:node (yzt is not built yet: run npm run build:node)\n');
    process.exit(1);
  }
}
process.setSourceMapsEnabled?.(true);
await import(bundle.href);
