/** One tap, a dot or a scratch is not a signature; a written name is (issue 12 item 5). */
import { describe, expect, it } from 'vitest';
import { addPoint, isSignature, NO_STROKE, type StrokeStats } from '../../../src-renderer/kiosk/journey/signature-stroke.js';

const draw = (pts: Array<[number, number]>): StrokeStats => {
  let s = NO_STROKE;
  let last: [number, number] | null = null;
  for (const p of pts) {
    s = addPoint(s, p[0], p[1], last);
    last = p;
  }
  return s;
};

describe('signature stroke', () => {
  it('refuses a tap', () => expect(isSignature(draw([[100, 100]]))).toBe(false));
  it('refuses a short scratch of many points', () => expect(isSignature(draw(Array.from({ length: 30 }, (_, i) => [100 + i, 100] as [number, number])))).toBe(false));
  it('refuses a long flat line (no height)', () => expect(isSignature(draw(Array.from({ length: 30 }, (_, i) => [100 + i * 20, 100] as [number, number])))).toBe(false));
  it('accepts a written zigzag', () => expect(isSignature(draw(Array.from({ length: 13 }, (_, i) => [40 + i * 60, 120 + (i % 2 ? -60 : 60)] as [number, number])))).toBe(true));
});
