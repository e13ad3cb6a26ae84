/**
 * The applicant's receipt (回执): on the kiosk's ESC/POS printer, or as a PDF when asked or
 * when the printer does not answer. Either way the applicant leaves with the number(s), what
 * happens next and the QR code for status queries. PDFs are also kept in the data folder
 * (receipts/), since they hold only masked personal data.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CourtProfile } from '../../src-shared/courts/court-profile.js';
import type { ReceiptResult } from '../../src-shared/api/contract.js';
import type { FilingView } from '../../src-shared/domain/filing.js';
import { AppError } from '../../src-shared/api/errors.js';
import { printReceipt, PrinterError } from '../../hardware/printer/printer.js';
import { serialBinding } from '../../hardware/serial/serialport-binding.js';
import type { Logger } from '../log/logger.js';
import { receiptLines } from './receipt-content.js';
import { FontMissingError, renderReceiptPdf } from './receipt-pdf.js';

export interface ReceiptServiceOptions {
  dataDir: string;
  court: CourtProfile;
  log: Logger;
  /** The receipt printer as configured now (read per receipt, so admin changes apply at once). */
  printer: () => { path: string; baudRate: number } | null;
  now?: () => Date;
}

export class ReceiptService {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly opts: ReceiptServiceOptions) {}

  issue(filing: FilingView, receiptCode: string, to: 'printer' | 'pdf'): Promise<ReceiptResult> {
    // One receipt at a time: the printer port is opened per receipt.
    const run = this.queue.then(() => this.issueNow(filing, receiptCode, to));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async issueNow(filing: FilingView, receiptCode: string, to: 'printer' | 'pdf'): Promise<ReceiptResult> {
    const now = this.opts.now?.() ?? new Date();
    const lines = receiptLines(filing, this.opts.court.name, receiptCode, now);
    if (to === 'printer') {
      const printer = this.opts.printer();
      if (printer) {
        try {
          const r = await printReceipt(lines, { binding: serialBinding({ path: printer.path, baudRate: printer.baudRate }) });
          this.opts.log.info('receipt.printed', { filingId: filing.id, bytes: r.bytes });
          return { to: 'printer', message_zh: '回执已打印，请从出纸口取走', message_en: 'The receipt is printed; take it from the slot' };
        } catch (e) {
          const code = e instanceof PrinterError ? e.code : 'unknown';
          this.opts.log.warn('receipt.printer-failed', { filingId: filing.id, code });
          const pdf = await this.pdf(filing, lines, now);
          const why = e instanceof PrinterError ? e.message_zh : '打印机出现故障';
          const whyEn = e instanceof PrinterError ? e.message_en : 'The printer failed';
          return { ...pdf, message_zh: `${why}，已改为生成 PDF 回执；也可到窗口请工作人员打印`, message_en: `${whyEn}; a PDF receipt was made instead, or ask the counter to print it` };
        }
      }
      const pdf = await this.pdf(filing, lines, now);
      return { ...pdf, message_zh: '本终端没有连接打印机，已生成 PDF 回执；也可到窗口请工作人员打印', message_en: 'No printer on this kiosk; a PDF receipt was made, or ask the counter to print it' };
    }
    return this.pdf(filing, lines, now);
  }

  private async pdf(filing: FilingView, lines: ReturnType<typeof receiptLines>, now: Date): Promise<ReceiptResult> {
    try {
      const bytes = await renderReceiptPdf(lines, { now });
      const dir = join(this.opts.dataDir, 'receipts');
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, `${filing.id}.pdf`), bytes);
      this.opts.log.info('receipt.pdf', { filingId: filing.id, bytes: bytes.length });
      return { to: 'pdf', pdfBase64: bytes.toString('base64'), message_zh: 'PDF 回执已生成', message_en: 'The PDF receipt is ready' };
    } catch (e) {
      this.opts.log.error('receipt.pdf-failed', { filingId: filing.id, error: e instanceof FontMissingError ? 'font-missing' : e });
      throw new AppError('receipt.failed', '暂时无法生成回执，请记下屏幕上的编号，或到窗口领取回执', 'The receipt could not be made; note the number on screen or ask at the counter');
    }
  }

  async close(): Promise<void> {
    await this.queue;
  }
}
