/**
 * Handwriting recognition (zinnia port, tegaki zh_CN model) on name and address characters
 * written as jittered strokes from hanzi-writer-data: top-1 and top-5 accuracy, time per
 * character, and the model's load time. Reproduce: npm run bench handwriting
 */
import { readFileSync } from 'node:fs';
import { ZinniaModel } from '../src-main/handwriting/zinnia-model.js';
import { findModelFile } from '../src-main/handwriting/model-file.js';
import { measureAccuracy } from '../tests/support/handwriting-accuracy.js';
import { latencyFigures, percentile, type Figure } from './bench-kit.js';

export async function bench(): Promise<Figure[]> {
  const file = findModelFile();
  if (!file) return [{ name: 'model missing (apt-get install tegaki-zinnia-simplified-chinese)', value: NaN, unit: '' }];
  const loads: number[] = [];
  const blocks: number[] = [];
  let model: ZinniaModel | null = null;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const bytes = readFileSync(file);
    let last = performance.now();
    // as the recogniser loads it: yielding to the event loop between slices
    model = await ZinniaModel.parse(bytes, async () => {
      blocks.push(performance.now() - last);
      await new Promise((r) => setImmediate(r));
      last = performance.now();
    });
    blocks.push(performance.now() - last);
    loads.push(performance.now() - t0);
  }
  const a = measureAccuracy(model!, { samples: 3 });
  const n = `${a.chars} characters × 3 writings`;
  const pct = (x: number) => Math.round(x * 1000) / 10;
  return [
    { name: 'model load (read + index)', value: percentile(loads, 50), unit: 'ms', note: `${model!.chars.length} classes, median of 3` },
    { name: 'model load, longest stretch without yielding', value: Math.max(...blocks), unit: 'ms' },
    { name: 'top-1 accuracy, names and addresses', value: pct(a.top1), unit: '%', note: n },
    { name: 'top-5 accuracy, names and addresses', value: pct(a.top5), unit: '%', note: n },
    { name: 'top-1 accuracy, characters in the model', value: pct(a.top1Known), unit: '%', note: `without ${a.notInModel.join('')}` },
    { name: 'top-5 accuracy, characters in the model', value: pct(a.top5Known), unit: '%', note: `without ${a.notInModel.join('')}` },
    ...latencyFigures('recognition per character', a.msPerRecognition.slice(20), 'features and 6,763 scores, twice: as drawn and centred'),
  ];
}
