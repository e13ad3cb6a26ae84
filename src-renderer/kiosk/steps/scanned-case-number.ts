/**
 * What the basis step does with a scanned code: take the case number it holds, or hold it for
 * the applicant to check first when the bytes could be read more than one way (the charset
 * decoder was not confident: src-shared/scan/charset.ts). A number from such a reading may be
 * mojibake that happens to parse, so it is never filled in silently.
 */
import { formatCaseNumber } from '../../../src-shared/casenum/case-number.js';
import type { PayloadReading } from '../../../src-shared/scan/payload.js';

export type ScannedCaseNumber =
  | { kind: 'take'; value: string }
  | { kind: 'confirm'; value: string }
  | { kind: 'none' };

/** `charsetConfident` is false when the payload's bytes gave no single clear text. */
export function scannedCaseNumber(reading: PayloadReading, charsetConfident: boolean): ScannedCaseNumber {
  const cn = reading.findings.find((f) => f.kind === 'case-number');
  if (!cn || cn.kind !== 'case-number') return { kind: 'none' };
  const value = formatCaseNumber(cn.parsed);
  return charsetConfident ? { kind: 'take', value } : { kind: 'confirm', value };
}
