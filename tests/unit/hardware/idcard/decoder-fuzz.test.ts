/**
 * Fuzzing the streaming decoder: over a million random and mutated frames, fed in random
 * chunks, it must never throw, never hold more than one maximal frame, and resynchronise.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FrameDecoder } from '../../../../hardware/id-card/frame-decoder.js';
import { MAX_FRAME_BYTES, encodeFrame, encodeResponse } from '../../../../hardware/id-card/protocol.js';
import { feedFuzzFrames, prng } from '../../../fixtures/idcard/fuzz-stream.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20261122);

describe('FrameDecoder fuzz', () => {
  it('decodes clean frames between AA-free noise exactly, whatever the chunking', () => {
    const rnd = prng(SEED);
    const d = new FrameDecoder();
    const sent: string[] = [];
    const got: string[] = [];
    const stage = new Uint8Array(1 << 20);
    let maxBuffered = 0;
    for (let batch = 0; batch < 20; batch++) {
      let n = 0;
      while (n < stage.length - 3000) {
        const noise = rnd() % 4 === 0 ? rnd() % 8 : 0;
        for (let i = 0; i < noise; i++) stage[n++] = rnd() % 0xaa; // never 0xAA
        const len = rnd() % 50 === 0 ? 2 + (rnd() % 1300) : 2 + (rnd() % 40); // LEN >= 3
        const body = new Uint8Array(len);
        for (let i = 0; i < len; i++) body[i] = rnd();
        const frame = encodeFrame(body);
        stage.set(frame, n);
        n += frame.length;
        sent.push(Buffer.from(body).toString('base64'));
      }
      for (let off = 0; off < n; ) {
        const size = 1 + (rnd() % 700);
        for (const b of d.push(stage.subarray(off, Math.min(n, off + size)))) got.push(Buffer.from(b).toString('base64'));
        off += size;
        if (d.buffered > maxBuffered) maxBuffered = d.buffered;
      }
    }
    expect(maxBuffered).toBeLessThan(MAX_FRAME_BYTES);
    expect(sent.length).toBeGreaterThan(100_000);
    expect(got).toEqual(sent);
  });

  it('survives 1,000,000 random and mutated frames with a bounded buffer, then resyncs', () => {
    const rnd = prng(SEED ^ 0x5bd1e995);
    const d = new FrameDecoder();
    let maxBuffered = 0;
    let decoded = 0;
    // How fast this goes is a bench figure (npm run bench idcard), not an assertion here.
    feedFuzzFrames(rnd, 1_000_000, (chunk) => {
      decoded += d.push(chunk).length;
      if (d.buffered > maxBuffered) maxBuffered = d.buffered;
    });
    expect(maxBuffered).toBeLessThan(MAX_FRAME_BYTES);
    expect(decoded).toBeGreaterThan(300_000);
    expect(d.stats.badChecksum + d.stats.badLength).toBeGreaterThan(100_000);
    // Whatever state the noise left, a stream of good frames is found within one maximal frame.
    const good = encodeResponse(0x9f, Uint8Array.of(1, 2, 3, 4));
    let found = 0;
    for (let sent = 0; sent < MAX_FRAME_BYTES + 2 * good.length && found === 0; sent += good.length) found += d.push(good).length;
    expect(found).toBeGreaterThan(0);
  });

  it('fast-check: any chunking of any frame sequence gives the same frames', () => {
    fc.assert(
      fc.property(
        fc.array(fc.uint8Array({ minLength: 2, maxLength: 300 }), { minLength: 1, maxLength: 8 }),
        fc.array(fc.integer({ min: 1, max: 64 }), { minLength: 1, maxLength: 20 }),
        (bodies, cuts) => {
          const stream = Uint8Array.from(bodies.flatMap((b) => [...encodeFrame(b)]));
          const d = new FrameDecoder();
          const out: Uint8Array[] = [];
          for (let off = 0, i = 0; off < stream.length; i++) {
            const size = cuts[i % cuts.length]!;
            out.push(...d.push(stream.subarray(off, off + size)));
            off += size;
          }
          expect(out).toEqual(bodies);
        },
      ),
      { numRuns: 2000, seed: SEED },
    );
  });
});
