/**
 * How a HID-class reader carries the byte stream of SAM frames in fixed-size HID reports.
 * No public source documents it (shared/hardware.md §1), so it is configuration: the report
 * size, whether reports are numbered (report id byte), and one of two wrappings seen in
 * HID-to-UART bridges:
 * - 'length-prefixed': the first payload byte says how many of the following bytes are data;
 * - 'raw-padded': the stream cut into report-sized pieces, the last one zero padded; the
 *   frame decoder skips the padding when it looks for the next preamble.
 */

export const HID_FRAMINGS = ['length-prefixed', 'raw-padded'] as const;
export type HidFramingKind = (typeof HID_FRAMINGS)[number];

export interface HidFraming {
  kind: HidFramingKind;
  /** Bytes of one report's payload, not counting a report id byte (commonly 64, 32 or 8). */
  reportSize: number;
  /** Report id for numbered reports; null when the device does not number them. */
  reportId: number | null;
}

export const DEFAULT_HID_FRAMING: HidFraming = { kind: 'length-prefixed', reportSize: 64, reportId: null };

/** A reason the framing cannot work, or null; checked before any device is opened. */
export function framingProblem(f: HidFraming): string | null {
  if (!HID_FRAMINGS.includes(f.kind)) return `unknown framing ${String(f.kind)}`;
  if (!Number.isInteger(f.reportSize) || f.reportSize < 2 || f.reportSize > 1024) return `report size ${f.reportSize} outside 2..1024`;
  if (f.reportId !== null && (!Number.isInteger(f.reportId) || f.reportId < 1 || f.reportId > 255)) return `report id ${f.reportId} outside 1..255`;
  if (f.kind === 'length-prefixed' && f.reportSize > 256) return 'a one-byte length prefix allows at most 256-byte reports';
  return null;
}

/** Cuts a stream piece into report payloads of exactly reportSize bytes. */
export function wrapPayloads(f: HidFraming, bytes: Uint8Array): Uint8Array[] {
  const room = f.kind === 'length-prefixed' ? f.reportSize - 1 : f.reportSize;
  const out: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; at += room) {
    const piece = bytes.subarray(at, Math.min(at + room, bytes.length));
    const payload = new Uint8Array(f.reportSize);
    if (f.kind === 'length-prefixed') {
      payload[0] = piece.length;
      payload.set(piece, 1);
    } else {
      payload.set(piece);
    }
    out.push(payload);
  }
  return out;
}

/** The stream bytes one report payload carries. A length byte past the payload is clamped. */
export function unwrapPayload(f: HidFraming, payload: Uint8Array): Uint8Array {
  if (f.kind === 'raw-padded') return payload;
  const n = Math.min(payload[0] ?? 0, payload.length - 1);
  return payload.subarray(1, 1 + n);
}

/**
 * Host to device: node-hid's write() wants the report number first, 0 for unnumbered reports
 * (hidapi drops that 0 on the wire).
 */
export function toOutputReport(f: HidFraming, payload: Uint8Array): Uint8Array {
  const report = new Uint8Array(payload.length + 1);
  report[0] = f.reportId ?? 0;
  report.set(payload, 1);
  return report;
}

export function fromOutputReport(report: Uint8Array): Uint8Array {
  return report.subarray(1);
}

/** Device to host: hidapi hands over the report id byte only for numbered reports. */
export function toInputReport(f: HidFraming, payload: Uint8Array): Uint8Array {
  if (f.reportId === null) return payload;
  const report = new Uint8Array(payload.length + 1);
  report[0] = f.reportId;
  report.set(payload, 1);
  return report;
}

/** The payload of an input report, or null for a report with another id (not ours to read). */
export function fromInputReport(f: HidFraming, report: Uint8Array): Uint8Array | null {
  if (f.reportId === null) return report;
  if (report[0] !== f.reportId) return null;
  return report.subarray(1);
}
