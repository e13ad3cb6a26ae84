/**
 * Whether what was drawn on the signature pad can be a signature: one tap, a dot or a short
 * scratch is not. Measured in the canvas's own pixels (900 x 240), over all strokes together.
 */
export interface StrokeStats {
  points: number;
  /** Total length of the drawn path. */
  length: number;
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

export const NO_STROKE: StrokeStats = { points: 0, length: 0, minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };

/** A signature needs this much: about two written characters' worth of ink. */
export const SIGNATURE_MIN = { points: 12, length: 240, width: 90, height: 30 } as const;

export function addPoint(s: StrokeStats, x: number, y: number, from: readonly [number, number] | null): StrokeStats {
  return {
    points: s.points + 1,
    length: s.length + (from ? Math.hypot(x - from[0], y - from[1]) : 0),
    minX: Math.min(s.minX, x),
    minY: Math.min(s.minY, y),
    maxX: Math.max(s.maxX, x),
    maxY: Math.max(s.maxY, y),
  };
}

export function isSignature(s: StrokeStats): boolean {
  return s.points >= SIGNATURE_MIN.points && s.length >= SIGNATURE_MIN.length && s.maxX - s.minX >= SIGNATURE_MIN.width && s.maxY - s.minY >= SIGNATURE_MIN.height;
}
