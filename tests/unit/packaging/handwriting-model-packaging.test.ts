/** The packaged app carries the handwriting model where model-file.ts looks for it. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { APP_ROOT } from '../../../src-main/paths.js';
import { MODEL_FILE } from '../../../src-main/handwriting/model-file.js';

describe('handwriting model in the package', () => {
  it('is an extra resource under handwriting/, copied there by npm run dist', () => {
    const config = parse(readFileSync(join(APP_ROOT, 'electron-builder.yml'), 'utf8')) as { extraResources: Array<{ from: string; to: string }> };
    expect(config.extraResources).toContainEqual({ from: `build/handwriting/${MODEL_FILE}`, to: `handwriting/${MODEL_FILE}` });
    const pkg = JSON.parse(readFileSync(join(APP_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    const dist = pkg.scripts.dist!;
    expect(dist.indexOf('copy-handwriting-model.mjs')).toBeGreaterThan(-1);
    expect(dist.indexOf('copy-handwriting-model.mjs')).toBeLessThan(dist.indexOf('electron-builder'));
  });
});
