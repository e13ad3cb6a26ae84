/**
 * Recognition accuracy, through the recogniser's own path (recogniseInk), on characters of names and addresses, written as jittered strokes from
 * hanzi-writer-data (tests/support/hanzi-strokes.ts). One seed, so the figures repeat.
 */
import { recogniseInk } from '../../src-main/handwriting/recognise-ink.js';
import type { ZinniaModel } from '../../src-main/handwriting/zinnia-model.js';
import { NAME_ADDRESS_CHARS } from '../../src-shared/text/name-characters.js';
import { hasStrokeData, jitteredInk, seededRandom } from './hanzi-strokes.js';

export interface Accuracy {
  chars: number;
  /** Of those, characters the model has no class for (all beyond GB 2312). */
  notInModel: string[];
  top1: number;
  top5: number;
  /** The same over the characters the model knows. */
  top1Known: number;
  top5Known: number;
  msPerRecognition: number[];
  missedTop5: string[];
}

export const ACCURACY_SEED = 20261203;

/** Every `every`-th name and address character with stroke data, `samples` jittered writings each. */
export function measureAccuracy(model: ZinniaModel, opts: { every?: number; samples?: number } = {}): Accuracy {
  const every = opts.every ?? 1;
  const samples = opts.samples ?? 1;
  const known = new Set(model.chars);
  const chars = [...NAME_ADDRESS_CHARS].filter(hasStrokeData).filter((_, i) => i % every === 0);
  const random = seededRandom(ACCURACY_SEED);
  let top1 = 0;
  let top5 = 0;
  let top1Known = 0;
  let top5Known = 0;
  let tries = 0;
  let triesKnown = 0;
  const ms: number[] = [];
  const missed = new Set<string>();
  for (const ch of chars) {
    for (let s = 0; s < samples; s++) {
      const ink = jitteredInk(ch, random);
      const t0 = performance.now();
      const best = recogniseInk(model, ink, 5);
      ms.push(performance.now() - t0);
      const hit1 = best[0] === ch;
      const hit5 = best.includes(ch);
      tries++;
      top1 += Number(hit1);
      top5 += Number(hit5);
      if (!hit5) missed.add(ch);
      if (known.has(ch)) {
        triesKnown++;
        top1Known += Number(hit1);
        top5Known += Number(hit5);
      }
    }
  }
  return {
    chars: chars.length,
    notInModel: chars.filter((ch) => !known.has(ch)),
    top1: top1 / tries,
    top5: top5 / tries,
    top1Known: top1Known / triesKnown,
    top5Known: top5Known / triesKnown,
    msPerRecognition: ms,
    missedTop5: [...missed],
  };
}
