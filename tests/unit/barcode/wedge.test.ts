import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { WedgeClassifier, type WedgeEvent } from '../../../src-shared/scan/wedge.js';
import { SCANNER_GAP_MS, wedgeKeys } from '../../e2e/support/wedge-scanner.js';

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

  describe('timing limits, with controlled timestamps', () => {
    // 8 characters and Enter: the average is (Enter time - first time) / 8.
    test('an average of exactly 30 ms is a scan, 30.125 ms is typing', () => {
      expect(run(burst('ABCDEFGH', 0, 30, 'Enter'))).toMatchObject([{ type: 'scan', text: 'ABCDEFGH', avgGapMs: 30 }]);
      const keys = burst('ABCDEFGH', 0, 30, 'Enter');
      keys[keys.length - 1]![1] += 1;
      expect(run(keys)).toMatchObject([{ type: 'typed', keys: [...'ABCDEFGH', 'Enter'] }]);
    });

    test('six characters are a scan, five are typing', () => {
      expect(run(burst('123456', 0, 5, 'Enter'))).toMatchObject([{ type: 'scan', text: '123456' }]);
      expect(run(burst('12345', 0, 5, 'Enter'))[0]).toMatchObject({ type: 'typed' });
    });

    test('uneven gaps still make a scan when the average holds and no gap reaches the break', () => {
      const keys: Key[] = [['Y', 0], ['Z', 2], ['T', 90], ['1', 92], ['2', 94], ['3', 96], ['Enter', 98]];
      expect(run(keys)).toMatchObject([{ type: 'scan', text: 'YZT123' }]);
    });

    test('one gap over the break (90 ms) splits the burst: what came before is released as typed', () => {
      const keys: Key[] = [['Y', 0], ['Z', 2], ['T', 93], ['1', 95], ['2', 97], ['3', 99], ['4', 101], ['5', 103], ['Enter', 105]];
      expect(run(keys)).toEqual([
        { type: 'typed', keys: ['Y', 'Z'] },
        { type: 'scan', text: 'T12345', startedAt: 93, endedAt: 105, avgGapMs: 2 },
      ]);
    });

    test('a tick releases held keys only after the break gap has passed', () => {
      const c = new WedgeClassifier();
      run(burst('ABC', 1000, 10), c);
      expect(c.tick(1020 + 90)).toEqual([]);
      expect(c.tick(1020 + 91)).toEqual([{ type: 'typed', keys: ['A', 'B', 'C'] }]);
    });
  });

  test('the e2e wedge scanner simulator sends a burst the classifier takes for a scan', () => {
    const payload = 'https://verify.court.example/ws?ah=%EF%BC%882026%EF%BC%89';
    const keys = wedgeKeys(payload);
    expect(keys.at(-1)).toEqual({ key: 'Enter', offsetMs: payload.length * SCANNER_GAP_MS });
    expect(run(keys.map((k): Key => [k.key, 5000 + k.offsetMs]))).toEqual([
      { type: 'scan', text: payload, startedAt: 5000, endedAt: 5000 + payload.length * SCANNER_GAP_MS, avgGapMs: SCANNER_GAP_MS },
    ]);
    expect(() => wedgeKeys('案号')).toThrow(/ASCII/);
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
