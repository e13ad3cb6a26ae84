/**
 * A floor under recognition accuracy, so that a broken port or model fails here: 203 name and
 * address characters, one jittered writing each (seeded). Measured 77.8 % top-1 and 86.7 %
 * top-5 when written; `npm run bench handwriting` gives the full figures (405 characters).
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { ZinniaModel } from '../../../src-main/handwriting/zinnia-model.js';
import { DEBIAN_MODEL } from '../../../src-main/handwriting/model-file.js';
import { measureAccuracy } from '../../support/handwriting-accuracy.js';

describe.skipIf(!existsSync(DEBIAN_MODEL))('handwriting accuracy on names and addresses', () => {
  it('finds the written character in the top five at least 80 % of the time, first at least 66 %', async () => {
    const model = await ZinniaModel.parse(readFileSync(DEBIAN_MODEL));
    const a = measureAccuracy(model, { every: 2 });
    expect(a.chars).toBeGreaterThanOrEqual(200);
    expect(a.top5).toBeGreaterThanOrEqual(0.8);
    expect(a.top1).toBeGreaterThanOrEqual(0.66);
    // The model's 6,763 classes lack these name characters: they can only be typed by pinyin.
    expect(a.notInModel.join('')).toBe('堃彧垚');
  });
});
