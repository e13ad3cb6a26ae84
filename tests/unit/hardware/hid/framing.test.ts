import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  framingProblem,
  fromInputReport,
  fromOutputReport,
  toInputReport,
  toOutputReport,
  unwrapPayload,
  wrapPayloads,
  type HidFraming,
} from '../../../../hardware/hid/framing.js';
import { findHidDevice, vidPid } from '../../../../hardware/hid/hid-api.js';
import { FrameDecoder } from '../../../../hardware/id-card/frame-decoder.js';
import { encodeResponse } from '../../../../hardware/id-card/protocol.js';

const framingArb = fc.record({
  kind: fc.constantFrom('length-prefixed' as const, 'raw-padded' as const),
  reportSize: fc.integer({ min: 2, max: 256 }),
  reportId: fc.option(fc.integer({ min: 1, max: 255 }), { nil: null }),
});

/** Device side of the round trip: input reports as hidapi hands them to the host. */
function throughHid(f: HidFraming, bytes: Uint8Array): Uint8Array[] {
  return wrapPayloads(f, bytes).map((p) => toInputReport(f, p));
}

describe('HID report framing', () => {
  it('length-prefixed: the stream comes back byte for byte, every report exactly reportSize (+ id)', () => {
    fc.assert(
      fc.property(framingArb, fc.uint8Array({ maxLength: 1500 }), (f0, bytes) => {
        const f = { ...f0, kind: 'length-prefixed' as const };
        const reports = throughHid(f, bytes);
        expect(reports.every((r) => r.length === f.reportSize + (f.reportId === null ? 0 : 1))).toBe(true);
        const back = reports.flatMap((r) => [...unwrapPayload(f, fromInputReport(f, r)!)]);
        expect(Uint8Array.from(back)).toEqual(bytes);
      }),
    );
  });

  it('raw-padded: SAM frames split across zero-padded reports decode to the same frames', () => {
    fc.assert(
      fc.property(framingArb, fc.array(fc.uint8Array({ maxLength: 1300 }), { minLength: 1, maxLength: 4 }), (f0, datas) => {
        const f = { ...f0, kind: 'raw-padded' as const };
        const frames = datas.map((d) => encodeResponse(0x90, d));
        const decoder = new FrameDecoder();
        const got: Uint8Array[] = [];
        for (const frame of frames) for (const r of throughHid(f, frame)) got.push(...decoder.push(unwrapPayload(f, fromInputReport(f, r)!)));
        expect(got.map((b) => b.subarray(3))).toEqual(datas);
      }),
    );
  });

  it('output reports start with the report number, 0 when reports are unnumbered', () => {
    const payload = Uint8Array.of(1, 2, 3);
    expect([...toOutputReport({ kind: 'raw-padded', reportSize: 3, reportId: null }, payload)]).toEqual([0, 1, 2, 3]);
    expect([...toOutputReport({ kind: 'raw-padded', reportSize: 3, reportId: 7 }, payload)]).toEqual([7, 1, 2, 3]);
    expect([...fromOutputReport(Uint8Array.of(7, 1, 2, 3))]).toEqual([1, 2, 3]);
  });

  it('ignores input reports with another report id and clamps a length past the payload', () => {
    const f: HidFraming = { kind: 'length-prefixed', reportSize: 4, reportId: 2 };
    expect(fromInputReport(f, Uint8Array.of(3, 1, 0xaa, 0, 0))).toBeNull();
    expect([...unwrapPayload(f, Uint8Array.of(200, 9, 8, 7))]).toEqual([9, 8, 7]);
  });

  it('refuses framings that cannot work, with the reason', () => {
    expect(framingProblem({ kind: 'length-prefixed', reportSize: 64, reportId: null })).toBeNull();
    expect(framingProblem({ kind: 'length-prefixed', reportSize: 512, reportId: null })).toMatch(/256/);
    expect(framingProblem({ kind: 'raw-padded', reportSize: 1, reportId: null })).toMatch(/report size/);
    expect(framingProblem({ kind: 'raw-padded', reportSize: 64, reportId: 0 })).toMatch(/report id/);
    expect(framingProblem({ kind: 'chunked' as never, reportSize: 64, reportId: null })).toMatch(/unknown framing/);
  });
});

describe('HID device lookup', () => {
  const list = [
    { vendorId: 0x0400, productId: 0xc35a, path: undefined },
    { vendorId: 0x0400, productId: 0xc35a, path: '/dev/hidraw3' },
    { vendorId: 0x046d, productId: 0xc31c, path: '/dev/hidraw0' },
  ];
  it('finds by vid:pid (any case, first interface with a path) or by path', () => {
    expect(findHidDevice(list, '0400:C35A')?.path).toBe('/dev/hidraw3');
    expect(findHidDevice(list, '/dev/hidraw0')?.vendorId).toBe(0x046d);
    expect(findHidDevice(list, '0400:0001')).toBeUndefined();
    expect(vidPid(list[0]!)).toBe('0400:c35a');
  });
});
