import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { LineFramer, type FramerOutput } from '../../../hardware/barcode/line-framer.js';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const lines = (outs: FramerOutput[]): string[] => outs.map((o) => (o.type === 'line' ? new TextDecoder().decode(o.bytes) : `<overflow ${o.dropped}>`));

function feed(chunks: string[], max?: number): string[] {
  const f = new LineFramer(max);
  return lines(chunks.flatMap((c) => f.push(enc(c))));
}

describe('LineFramer', () => {
  test.each([
    [['ABC\r'], ['ABC']],
    [['ABC\n'], ['ABC']],
    [['ABC\r\n'], ['ABC']],
    [['AB', 'C\r'], ['ABC']],
    [['ABC\r', '\nDEF\r'], ['ABC', 'DEF']],
    [['ABC\rDEF\r\nGHI\n'], ['ABC', 'DEF', 'GHI']],
    [['\r\n\r\nABC\r\r'], ['ABC']],
    [['ABC'], []],
  ])('%j -> %j', (chunks, expected) => {
    expect(feed(chunks)).toEqual(expected);
  });

  test('an overlong line is dropped and reported once, and the next line is clean', () => {
    expect(feed(['x'.repeat(10), 'y'.repeat(5), '\rOK\r'], 8)).toEqual(['<overflow 15>', 'OK']);
  });

  test('bytes pending without a terminator can be taken (idle flush)', () => {
    const f = new LineFramer();
    f.push(enc('ABC'));
    expect(f.takePending()).toEqual(enc('ABC'));
    expect(f.takePending()).toBeUndefined();
  });

  test('any chunking of a stream yields the same lines (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[A-Z0-9]{1,12}$/), { minLength: 1, maxLength: 8 }),
        fc.constantFrom('\r', '\n', '\r\n'),
        fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 30 }),
        (payloads, end, cuts) => {
          const stream = payloads.map((p) => p + end).join('');
          const chunks: string[] = [];
          let at = 0;
          for (let i = 0; at < stream.length; i++) {
            const n = cuts[i % cuts.length] as number;
            chunks.push(stream.slice(at, at + n));
            at += n;
          }
          expect(feed(chunks)).toEqual(payloads);
        },
      ),
    );
  });
});
