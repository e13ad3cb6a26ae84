/**
 * Reads the codes on a photographed or scanned document before it is kept: the kiosk's
 * document camera pages (document.add) and the counter's scan upload. A file that is not a
 * readable scan is refused with a plain message; a scan without codes, or a decoder that is
 * slow or fails, never stops the document from being kept.
 */
import { AppError } from '../../src-shared/api/errors.js';
import { formatCaseNumber } from '../../src-shared/casenum/case-number.js';
import { understandPayload } from '../../src-shared/scan/payload.js';
import type { BarcodeDecoder } from '../../hardware/barcode/decoder.js';
import type { Logger } from '../log/logger.js';

export interface ScanCode {
  text: string;
  format: string;
  page: number;
  /** A case number the code holds, as it would be typed; offered to a person to confirm. */
  caseNumber?: string;
}

export interface ScanReading {
  codes: ScanCode[];
  /** The first case number among the codes. */
  caseNumber?: string;
}

/** Decoder errors that mean the file itself is bad, as opposed to the decoder failing. */
const BAD_FILE = new Set(['unknown-format', 'damaged-file', 'too-large', 'no-pages', 'bad-image']);

/**
 * `timeoutMs` is generous because the first decode after start also boots the worker and
 * compiles the wasm; past it the document is kept unread rather than lost.
 */
export async function readScanCodes(decoder: BarcodeDecoder, bytes: Uint8Array, log: Logger, what: string, now: Date, timeoutMs = 20_000): Promise<ScanReading> {
  const r = await decoder.decodeScan(bytes, { timeoutMs });
  if (!r.ok) {
    if (r.error && BAD_FILE.has(r.error.code)) {
      log.warn('scan.refused', { what, code: r.error.code, message: r.error.message_en });
      throw new AppError('scan.bad-file', r.error.message_zh, r.error.message_en);
    }
    log.warn('scan.decode.failed', { what, code: r.error?.code, ms: Math.round(r.ms) });
    return { codes: [] };
  }
  const codes = r.results.map((s): ScanCode => {
    const cn = understandPayload(s.text, { now }).findings.find((f) => f.kind === 'case-number');
    const code: ScanCode = { text: s.text, format: s.format, page: s.page };
    if (cn?.kind === 'case-number') code.caseNumber = formatCaseNumber(cn.parsed);
    return code;
  });
  // Counts and formats only: a payload may name a party.
  log.info('scan.decoded', { what, codes: codes.length, formats: codes.map((c) => c.format).join(','), caseNumber: codes.some((c) => c.caseNumber), pages: r.pages, ms: Math.round(r.ms) });
  const caseNumber = codes.find((c) => c.caseNumber)?.caseNumber;
  return caseNumber ? { codes, caseNumber } : { codes };
}
