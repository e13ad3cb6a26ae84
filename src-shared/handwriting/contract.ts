/**
 * Handwriting input's part of the API contract: the page sends the strokes drawn on the pad,
 * the main process recognises them offline (src-main/handwriting) and answers candidates.
 */
import { z } from 'zod';

/** Bounds that a character drawn by a finger stays far within; they keep a request small. */
export const PAD_MAX = { side: 4000, strokes: 40, points: 600 } as const;

const coord = z.number().finite().min(-PAD_MAX.side).max(2 * PAD_MAX.side);
const side = z.number().int().min(1).max(PAD_MAX.side);

export const handwritingInputs = {
  /** Strokes in pad pixels (the pad is width × height), in the order they were drawn. */
  'handwriting.recognize': z.strictObject({
    width: side,
    height: side,
    strokes: z.array(z.array(z.tuple([coord, coord])).min(1).max(PAD_MAX.points)).min(1).max(PAD_MAX.strokes),
  }),
} as const;

export type HandwritingMethod = keyof typeof handwritingInputs;

export interface HandwritingOutputs {
  /** Likeliest first. */
  'handwriting.recognize': { candidates: string[] };
}
