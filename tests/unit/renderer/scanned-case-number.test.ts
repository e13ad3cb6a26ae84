/** The basis step fills in a scanned case number only when the code's bytes read one way. */
import { describe, expect, it } from 'vitest';
import { scannedCaseNumber } from '../../../src-renderer/kiosk/steps/scanned-case-number.js';
import { decodeBytes } from '../../../src-shared/scan/charset.js';
import { understandPayload } from '../../../src-shared/scan/payload.js';

const NOW = new Date('2026-09-01T00:00:00Z');
const read = (text: string) => understandPayload(text, { now: NOW });

describe('scannedCaseNumber', () => {
  it('takes the number from a confident reading, in canonical form', () => {
    expect(scannedCaseNumber(read('(2026)豫0811民初123号'), true)).toEqual({ kind: 'take', value: '（2026）豫0811民初123号' });
  });

  it('holds the number for the applicant to check when the reading was not confident', () => {
    expect(scannedCaseNumber(read('案号:（2026）豫0811民初123号;当事人:张某'), false)).toEqual({ kind: 'confirm', value: '（2026）豫0811民初123号' });
  });

  it('finds nothing to fill in when the code holds no case number, confident or not', () => {
    expect(scannedCaseNumber(read('https://example.com/'), true)).toEqual({ kind: 'none' });
    expect(scannedCaseNumber(read('櫁@;'), false)).toEqual({ kind: 'none' });
  });

  it('asks for a check on a case number from bytes that did not fit the configured charset', () => {
    // A UTF-8 payload with one stray byte, on a scanner set to UTF-8: the number survives, the rest is damaged.
    const bytes = new Uint8Array([...new TextEncoder().encode('（2026）豫0811民初123号;'), 0xff]);
    const d = decodeBytes(bytes, 'utf-8');
    expect(d.confident).toBe(false);
    expect(scannedCaseNumber(read(d.text), d.confident)).toEqual({ kind: 'confirm', value: '（2026）豫0811民初123号' });
  });
});
