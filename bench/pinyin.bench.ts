/** Building the on-screen keyboard's pinyin index (every character pinyin-pro reads), and where two test characters land. */
import { pinyin, polyphonic } from 'pinyin-pro';
import { buildPinyinIndex, type PolyphonicFn } from '../src-renderer/ui/pinyin-index.js';
import { latencyFigures, type Figure } from './bench-kit.js';

export async function bench(): Promise<Figure[]> {
  const surname = (ch: string) => pinyin(ch, { mode: 'surname', toneType: 'none' });
  const builds: number[] = [];
  let index = new Map<string, string[]>();
  for (let i = 0; i < 6; i++) {
    const t0 = performance.now();
    index = await buildPinyinIndex(polyphonic as unknown as PolyphonicFn, surname);
    builds.push(performance.now() - t0);
  }
  const chars = new Set([...index.values()].flat()).size;
  return [
    { name: 'pinyin index first build', value: builds[0]!, unit: 'ms', note: 'includes pinyin-pro warming up' },
    ...latencyFigures('pinyin index build', builds.slice(1), `${chars} characters, ${index.size} syllables`),
    { name: 'rank of 豫 under yu', value: index.get('yu')!.indexOf('豫') + 1, unit: '' },
    { name: 'rank of 臭 under xiu', value: index.get('xiu')!.indexOf('臭') + 1, unit: '' },
  ];
}
