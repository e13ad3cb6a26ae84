import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { downscale, type GreyImage } from '../../../src-shared/scan/luminance.js';

/** Each output pixel is the mean of its factor x factor block, stored as a clamped byte rounds it. */
function reference(img: GreyImage, factor: number): GreyImage {
  const width = Math.floor(img.width / factor);
  const height = Math.floor(img.height / factor);
  const data = new Uint8ClampedArray(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (let dy = 0; dy < factor; dy++) for (let dx = 0; dx < factor; dx++) sum += img.data[(y * factor + dy) * img.width + x * factor + dx] as number;
      data[y * width + x] = sum / (factor * factor);
    }
  }
  return { data, width, height };
}

const image = (widthOf: fc.Arbitrary<number>): fc.Arbitrary<GreyImage> =>
  fc.tuple(widthOf, fc.integer({ min: 1, max: 40 })).chain(([width, height]) =>
    fc.uint8Array({ minLength: width * height, maxLength: width * height }).map((bytes) => ({ data: new Uint8ClampedArray(bytes), width, height })),
  );

describe('downscale', () => {
  test('by 4 on a width that is a multiple of 4 (read a word at a time) averages each block', () => {
    fc.assert(
      fc.property(image(fc.integer({ min: 1, max: 24 }).map((n) => 4 * n)), (img) => {
        expect(downscale(img, 4)).toEqual(reference(img, 4));
      }),
      { seed: 16, numRuns: 200 },
    );
  });

  test('by 4 on any other width, or on pixels not word-aligned in their buffer, gives the same blocks', () => {
    fc.assert(
      fc.property(image(fc.integer({ min: 4, max: 90 })), fc.integer({ min: 0, max: 3 }), (img, shift) => {
        const buffer = new Uint8ClampedArray(img.data.length + shift);
        buffer.set(img.data, shift);
        const moved: GreyImage = { data: buffer.subarray(shift), width: img.width, height: img.height };
        expect(downscale(moved, 4)).toEqual(reference(img, 4));
      }),
      { seed: 16, numRuns: 200 },
    );
  });

  test('all-white and all-black pages stay so (no lane overflows at 255)', () => {
    for (const v of [0, 255]) {
      const img: GreyImage = { data: new Uint8ClampedArray(64 * 8).fill(v), width: 64, height: 8 };
      expect(Array.from(downscale(img, 4).data)).toEqual(new Array(16 * 2).fill(v));
    }
  });
});
