import { describe, expect, it } from 'vitest';
import {
  COMMANDS,
  MAX_FRAME_BYTES,
  MAX_LEN,
  STATUS,
  commandByCode,
  encodeRequest,
  encodeResponse,
  parseRequest,
  parseResponse,
  statusByCode,
} from '../../../../hardware/id-card/protocol.js';
import { FrameDecoder, type DecodeIssue } from '../../../../hardware/id-card/frame-decoder.js';

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex').toUpperCase().replace(/(..)(?!$)/g, '$1 ');
const bytes = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s.replace(/ /g, ''), 'hex'));

describe('request frames', () => {
  // The full frames listed in hardware.md, byte for byte.
  it.each([
    [COMMANDS.resetSam, 'AA AA AA 96 69 00 03 10 FF EC'],
    [COMMANDS.samStatus, 'AA AA AA 96 69 00 03 11 FF ED'],
    [COMMANDS.readSamId, 'AA AA AA 96 69 00 03 12 FF EE'],
    [COMMANDS.findCard, 'AA AA AA 96 69 00 03 20 01 22'],
    [COMMANDS.selectCard, 'AA AA AA 96 69 00 03 20 02 21'],
    [COMMANDS.readTextPhoto, 'AA AA AA 96 69 00 03 30 01 32'],
    [COMMANDS.readTextPhotoFingerprint, 'AA AA AA 96 69 00 03 30 10 23'],
  ])('%o encodes as documented', (command, expected) => {
    expect(hex(encodeRequest(command))).toBe(expected);
  });

  it('encodes a request with data (61 FF 50)', () => {
    expect(hex(encodeRequest(COMMANDS.setMaxRfBytes, Uint8Array.of(0x50)))).toBe('AA AA AA 96 69 00 04 61 FF 50 CA');
  });

  it('every command has a name, zh and en text, and is found by its code', () => {
    for (const c of Object.values(COMMANDS)) {
      expect(c.zh).toMatch(/\p{Script=Han}/u);
      expect(c.en.length).toBeGreaterThan(3);
      expect(commandByCode(c.cmd, c.para)?.name).toBe(c.name);
    }
    expect(commandByCode(0x60, 0x04)?.name).toBe('set-baud');
    expect(commandByCode(0x77, 0x01)).toBeUndefined();
  });

  it('parses requests back', () => {
    const frame = encodeRequest(COMMANDS.setMaxRfBytes, Uint8Array.of(0x50));
    const [body] = new FrameDecoder().push(frame);
    expect(parseRequest(body!)).toEqual({ cmd: 0x61, para: 0xff, data: Uint8Array.of(0x50) });
  });
});

describe('status codes', () => {
  const documented: [number, string][] = [
    [0x90, 'ok'], [0x9f, 'find-ok'], [0x91, 'no-content'], [0x10, 'checksum-error'], [0x11, 'length-error'],
    [0x21, 'command-error'], [0x23, 'unauthorised'], [0x24, 'unrecognised'], [0x31, 'card-auth-sam-failed'],
    [0x32, 'sam-auth-card-failed'], [0x33, 'verification-error'], [0x40, 'unknown-card-type'],
    [0x41, 'card-operation-failed'], [0x47, 'random-failed'], [0x60, 'sam-self-test-failed'],
    [0x66, 'sam-not-authorised'], [0x80, 'find-failed'], [0x81, 'select-failed'],
  ];
  it.each(documented)('0x%s is %s with Chinese and English text', (code, name) => {
    const s = statusByCode(code);
    expect(s.name).toBe(name);
    expect(s.zh).toMatch(/\p{Script=Han}/u);
    expect(s.en).toMatch(/[a-z]/);
  });
  it('covers exactly the documented codes', () => {
    expect(Object.values(STATUS).map((s) => s.code).sort()).toEqual(documented.map(([c]) => c).sort());
  });
  it('names an unknown code instead of failing', () => {
    expect(statusByCode(0x5a)).toMatchObject({ name: 'unknown-5A', en: 'unknown status 0x5A' });
  });
  it('round-trips a response through the decoder', () => {
    const frame = encodeResponse(0x9f, Uint8Array.of(0, 0, 0, 0));
    expect(hex(frame)).toBe('AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97');
    const [body] = new FrameDecoder().push(frame);
    expect(parseResponse(body!)).toEqual({ sw1: 0, sw2: 0, sw3: 0x9f, data: Uint8Array.of(0, 0, 0, 0) });
    expect(parseResponse(Uint8Array.of(0, 0))).toBeUndefined();
  });
});

describe('FrameDecoder', () => {
  const big = encodeResponse(0x90, new Uint8Array(1284).map((_, i) => i * 7));
  const small = encodeResponse(0x9f, Uint8Array.of(1, 2, 3, 4));

  it('decodes the 1295-byte read answer fed one byte at a time', () => {
    expect(big.length).toBe(1295);
    const d = new FrameDecoder();
    const out: Uint8Array[] = [];
    for (const b of big) out.push(...d.push(Uint8Array.of(b)));
    expect(out).toHaveLength(1);
    expect(out[0]!.length).toBe(1287);
    expect(d.buffered).toBe(0);
  });

  it('splits concatenated frames in one chunk', () => {
    const d = new FrameDecoder();
    const all = Uint8Array.from([...small, ...big, ...small]);
    expect(d.push(all).map((b) => b.length)).toEqual([7, 1287, 7]);
  });

  it('resynchronises after garbage, including preamble look-alikes', () => {
    const issues: DecodeIssue[] = [];
    const d = new FrameDecoder((i) => issues.push(i));
    const noise = bytes('01 AA AA 02 AA AA AA 96 00 AA');
    expect(d.push(Uint8Array.from([...noise, ...small]))).toHaveLength(1);
    expect(issues.some((i) => i.kind === 'garbage')).toBe(true);
    expect(d.stats.frames).toBe(1);
  });

  it('keeps a partial preamble across chunks', () => {
    const d = new FrameDecoder();
    expect(d.push(Uint8Array.from([0x55, ...small.subarray(0, 3)]))).toHaveLength(0);
    expect(d.buffered).toBe(3);
    expect(d.push(small.subarray(3))).toHaveLength(1);
  });

  it('rejects a bad checksum and still finds the next frame', () => {
    const bad = Uint8Array.from(small);
    bad[bad.length - 1]! ^= 0xff;
    const issues: DecodeIssue[] = [];
    const d = new FrameDecoder((i) => issues.push(i));
    const out = d.push(Uint8Array.from([...bad, ...small]));
    expect(out).toHaveLength(1);
    expect(issues).toContainEqual({ kind: 'bad-checksum', len: 8 });
  });

  it('rejects LEN above the maximum without buffering it', () => {
    const issues: DecodeIssue[] = [];
    const d = new FrameDecoder((i) => issues.push(i));
    const huge = bytes('AA AA AA 96 69 FF FF 00 00 90');
    expect(d.push(huge)).toHaveLength(0);
    expect(issues).toContainEqual({ kind: 'bad-length', len: 0xffff });
    expect(d.buffered).toBeLessThan(5);
    expect(d.push(small)).toHaveLength(1);
  });

  it('rejects LEN below the minimum', () => {
    const d = new FrameDecoder();
    d.push(bytes('AA AA AA 96 69 00 01 00'));
    expect(d.stats.badLength).toBe(1);
  });

  it('accepts exactly MAX_LEN and a truncated frame followed by a whole one resyncs', () => {
    const max = encodeResponse(0x90, new Uint8Array(MAX_LEN - 4));
    expect(max.length).toBe(MAX_FRAME_BYTES);
    const d = new FrameDecoder();
    expect(d.push(max)).toHaveLength(1);
    // Half a read answer then a complete one: once enough bytes arrived the half fails its
    // checksum and the decoder finds the whole frame inside what it held.
    const out = [...d.push(big.subarray(0, 600)), ...d.push(big), ...d.push(big)];
    expect(out.length).toBeGreaterThanOrEqual(1);
    expect(out.at(-1)!.length).toBe(1287);
    expect(d.buffered).toBeLessThanOrEqual(MAX_FRAME_BYTES);
  });

  it('reset drops a partial frame', () => {
    const d = new FrameDecoder();
    d.push(big.subarray(0, 100));
    d.reset();
    expect(d.buffered).toBe(0);
    expect(d.push(small)).toHaveLength(1);
  });
});
