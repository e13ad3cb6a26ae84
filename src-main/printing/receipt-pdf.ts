/**
 * The receipt as an A5 PDF, for when the applicant wants a file or the printer is down.
 * pdfkit: pure JavaScript (no native build, no browser), embeds a subset of the CJK font
 * through fontkit so a page with a few dozen characters stays small, and draws vectors, so the
 * QR code is drawn module by module and stays sharp. The font ships with the app (pdf-fonts.ts).
 */
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { ReceiptLine } from '../../hardware/printer/escpos.js';
import { FontMissingError, useCjkFonts, writeText } from './pdf-fonts.js';

// Callers catch it from here (receipt-service, tests).
export { FontMissingError };

/** `fontPath` replaces the bundled font (tests); a missing one rejects with FontMissingError. */
export async function renderReceiptPdf(lines: readonly ReceiptLine[], opts: { fontPath?: string; now?: Date } = {}): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A5', margin: 36, info: { Title: '执行立案申请回执', Producer: 'yzt-kiosk', CreationDate: opts.now ?? new Date() } });
  useCjkFonts(doc, opts.fontPath);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 72;
  for (const l of lines) {
    if (l.kind === 'text') {
      writeText(doc.fontSize(l.size === 2 ? 18 : 11), l.text, { width, align: l.align ?? 'left' });
    } else if (l.kind === 'rule') {
      const y = doc.y + 4;
      doc.moveTo(36, y).lineTo(36 + width, y).lineWidth(0.5).stroke();
      doc.y = y + 6;
    } else if (l.kind === 'feed') {
      doc.moveDown(l.lines);
    } else {
      const qr = QRCode.create(l.data, { errorCorrectionLevel: 'M' });
      const n = qr.modules.size;
      const cell = 3;
      const x0 = 36 + (width - n * cell) / 2;
      const y0 = doc.y + 6;
      for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) if (qr.modules.get(r, c)) doc.rect(x0 + c * cell, y0 + r * cell, cell, cell);
      doc.fill('#000');
      doc.y = y0 + n * cell + 6;
      doc.x = 36;
    }
  }
  doc.end();
  return done;
}
