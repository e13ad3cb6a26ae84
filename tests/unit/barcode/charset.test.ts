import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { decodeBytes, plausibility } from '../../../src-shared/scan/charset.js';
import { encodeGbk, encodeText } from '../../../src-shared/scan/gbk-encode.js';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('decodeBytes', () => {
  test.each([
    ['（2024）京0105执123号', 'utf-8'],
    ['案号:（2023）沪0115执4567号;当事人:张三', 'utf-8'],
    ['执行', 'utf-8'],
  ] as const)('UTF-8 bytes of %s are read as UTF-8', (text, cs) => {
    expect(decodeBytes(utf8(text))).toEqual({ text, charset: cs, confident: true });
  });

  test.each(['（2024）京0105执123号', '案号:（2023）沪0115执4567号;当事人:张三', '执行', '深圳市福田区人民法院'])(
    'GBK bytes of %s are read as GB18030',
    (text) => {
      expect(decodeBytes(encodeGbk(text))).toEqual({ text, charset: 'gb18030', confident: true });
    },
  );

  test('ASCII is reported as ascii whatever the setting', () => {
    expect(decodeBytes(utf8('YZT123456'), 'gbk')).toEqual({ text: 'YZT123456', charset: 'ascii', confident: true });
  });

  test('a configured charset wins over detection', () => {
    const bytes = utf8('执行');
    expect(decodeBytes(bytes, 'gbk').charset).toBe('gbk');
    expect(decodeBytes(bytes, 'gbk').text).not.toBe('执行');
  });

  test('a configured charset that does not fit is flagged, not thrown', () => {
    const r = decodeBytes(Uint8Array.from([0xff, 0xfe, 0xfd]), 'utf-8');
    expect(r.confident).toBe(false);
    expect(r.text).toContain('\ufffd');
  });

  test('garbage bytes come back unconfident instead of throwing', () => {
    const r = decodeBytes(Uint8Array.from([0x80, 0xff, 0x01, 0x9f, 0xa0]));
    expect(r.confident).toBe(false);
  });

  describe('bytes that are plausible text in both UTF-8 and GBK', () => {
    // GBK 娅丂; is E6 AB 81 40 3B, which is also valid UTF-8 for 櫁@; — no decoder can know which.
    const both = Uint8Array.from([0xe6, 0xab, 0x81, 0x40, 0x3b]);

    test('are read but flagged as not confident', () => {
      expect(encodeGbk('娅丂;')).toEqual(both);
      expect(decodeBytes(both)).toEqual({ text: '櫁@;', charset: 'utf-8', confident: false });
    });

    test('a configured charset settles them', () => {
      expect(decodeBytes(both, 'gbk')).toEqual({ text: '娅丂;', charset: 'gbk', confident: true });
      expect(decodeBytes(both, 'utf-8')).toEqual({ text: '櫁@;', charset: 'utf-8', confident: true });
    });
  });

  test.each([
    ['one character whose bytes are no GBK text', '号'],
    ['two characters (a GBK accident is never that long)', '执行'],
    ['a case number', '（2024）京0105执123号'],
  ])('UTF-8 with %s stays confident', (_what, text) => {
    expect(decodeBytes(utf8(text))).toEqual({ text, charset: 'utf-8', confident: true });
  });

  test('Chinese text comes back after a GBK or UTF-8 round trip, or the reading says it is unsure (property)', () => {
    const han = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCodePoint(c));
    const piece = fc.oneof(han, fc.constantFrom('（', '）', '号', ':', ';', 'A', '1', ' '));
    fc.assert(
      fc.property(fc.array(piece, { minLength: 2, maxLength: 40 }), fc.constantFrom('utf-8' as const, 'gbk' as const), (parts, cs) => {
        const text = parts.join('');
        if (!/[^\x00-\x7f]/.test(text)) return;
        const r = decodeBytes(encodeText(text, cs));
        expect(r.text === text || !r.confident, `read ${JSON.stringify(r)} for ${JSON.stringify(text)} sent as ${cs}`).toBe(true);
      }),
      // Counterexamples found by earlier runs, always tried first.
      { numRuns: 300, examples: [[['娅', '丂', ';'], 'gbk']] },
    );
  });
});

describe('plausibility', () => {
  test('Chinese prose scores high, mojibake low', () => {
    expect(plausibility('执行一证通')).toBe(1);
    const mojibake = new TextDecoder('gb18030').decode(utf8('执行一证通，案号（2024）'));
    expect(plausibility(mojibake)).toBeLessThan(0.95);
  });
});

describe('encodeGbk', () => {
  test('refuses characters outside GBK with a RangeError naming them', () => {
    expect(() => encodeGbk('😀')).toThrow(/U\+1F600/);
  });
});
