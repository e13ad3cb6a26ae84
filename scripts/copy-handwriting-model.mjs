#!/usr/bin/env node
/**
 * Puts the handwriting model where electron-builder packs it from (build/handwriting/, see
 * extraResources in electron-builder.yml). The model is tegaki's zinnia model for Simplified
 * Chinese (LGPL-2.1+), the same bytes for Linux and Windows packages. It is taken from
 * YZT_HANDWRITING_MODEL, or from Debian's tegaki-zinnia-simplified-chinese package.
 */
import { copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(root, 'build', 'handwriting', 'handwriting-zh_CN.model');
const source = process.env.YZT_HANDWRITING_MODEL || '/usr/share/tegaki/models/zinnia/handwriting-zh_CN.model';

if (!existsSync(source)) {
  console.error(
    `handwriting model not found at ${source}\n` +
      'Install it (Debian: apt-get install tegaki-zinnia-simplified-chinese) or set YZT_HANDWRITING_MODEL to the file; see docs/deployment.md.',
  );
  process.exit(1);
}
mkdirSync(dirname(target), { recursive: true });
copyFileSync(source, target);
console.log(`handwriting model: ${source} -> ${target} (${statSync(target).size} bytes)`);
