import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { WedgeClassifier, type WedgeEvent } from '../../../src-shared/scan/wedge.js';

type Key = [key: string, at: number];

/** Keys of `text` starting at `t0`, `gap` ms apart, then `suffix`. */
function burst(text: string, t0: number, gap: number, suffix?: string): Key[] {
  const keys: Key[] = [...text].map((k, i) => [k, t0 + i * gap]);
  if (suffix) keys.push([suffix, t0 + text.length * gap]);
  return keys;
}

function run(keys: Key[], c = new WedgeClassifier(), endAt?: number): WedgeEvent[] {
  const out = keys.flatMap(([k, t]) => c.feed(k, t));
  if (endAt !== undefined) out.push(...c.tick(endAt));
  return out;
}

describe('WedgeClassifier', () => {
  test('a scanner: 10 ms per character, Enter', () => {
    expect(run(burst('YZT2024000123', 1000, 10, 'Enter'))).toEqual([{ type: 'scan', text: 'YZT2024000123', startedAt: 1000, endedAt: 1130, avgGapMs: 10 }]);
  });

  test('a scanner ending in Tab, with Shift keydowns for capitals', () => {
    const keys: Key[] = [['Shift', 0], ['A', 1], ['b', 12], ['Shift', 20], ['C', 21], ['1', 33], ['2', 45], ['3', 57], ['Tab', 69]];
    expect(run(keys)).toMatchObject([{ type: 'scan', text: 'AbC123' }]);
  });

  test('a typist: 150 ms per character, every key released as typed', () => {
    const out = run(burst('hello1', 0, 150, 'Enter'));
    expect(out.every((e) => e.type === 'typed')).toBe(true);
    expect(out.flatMap((e) => (e.type === 'typed' ? e.keys : []))).toEqual(['h', 'e', 'l', 'l', 'o', '1', 'Enter']);
  });

  test('fast but too short (5 characters) is typing', () => {
    expect(run(burst('12345', 0, 10, 'Enter'))).toEqual([{ type: 'typed', keys: ['1', '2', '3', '4', '5', 'Enter'] }]);
  });

  test('fast without a suffix is released as typed once quiet', () => {
    const c = new WedgeClassifier();
    expect(run(burst('1234567', 0, 10), c)).toEqual([]);
    expect(c.pending).toBe(true);
    expect(c.tick(100)).toEqual([]);
    expect(c.tick(200)).toEqual([{ type: 'typed', keys: [...'1234567'] }]);
  });

  test('mixed: a person types, pauses, then a scan arrives, then the person goes on', () => {
    const keys: Key[] = [...burst('ab', 0, 180), ...burst('（2024）京0105执123号', 800, 12, 'Enter'), ...burst('cd', 2000, 200, 'Backspace')];
    const out = run(keys);
    expect(out).toMatchObject([
      { type: 'typed', keys: ['a'] },
      { type: 'typed', keys: ['b'] },
      { type: 'scan', text: '（2024）京0105执123号' },
      { type: 'typed', keys: ['c'] },
      { type: 'typed', keys: ['d'] },
      { type: 'typed', keys: ['Backspace'] },
    ]);
  });

  test('thresholds are configurable', () => {
    const slowScanner = new WedgeClassifier({ avgGapMs: 60, minLength: 4, suffixKeys: ['Enter'] });
    expect(run(burst('ABCD', 0, 50, 'Enter'), slowScanner)).toMatchObject([{ type: 'scan', text: 'ABCD' }]);
    expect(run(burst('ABCDEF', 0, 10, 'Tab'), new WedgeClassifier({ suffixKeys: ['Enter'] }))[0]).toMatchObject({ type: 'typed' });
  });

  test('no key is ever lost or duplicated (property)', () => {
    const key = fc.oneof(fc.constantFrom('a', 'B', '1', '号', 'Enter', 'Tab', 'Backspace', 'Shift'));
    fc.assert(
      fc.property(fc.array(fc.tuple(key, fc.integer({ min: 0, max: 400 })), { maxLength: 60 }), (steps) => {
        let t = 0;
        const keys: Key[] = steps.map(([k, gap]) => [k, (t += gap)]);
        const out = run(keys, new WedgeClassifier(), t + 10_000);
        const replayed = out.flatMap((e) => (e.type === 'scan' ? [...e.text, 'SUFFIX'] : e.keys));
        const fed = keys.map(([k]) => k).filter((k) => k !== 'Shift');
        expect(replayed.length).toBe(fed.length);
        replayed.forEach((k, i) => {
          if (k !== 'SUFFIX') expect(k).toBe(fed[i]);
        });
      }),
      { numRuns: 300 },
    );
  });
});
