/**
 * A4 documents for the case file, in the app's bundled CJK font (printing/pdf-fonts.ts),
 * subset into the PDF by pdfkit. The left margin is wide for binding into the file (装订线).
 * Draw text with writeText, which sets characters the bundled font lacks in a system font.
 */
import PDFDocument from 'pdfkit';
import { useCjkFonts, writeText } from '../printing/pdf-fonts.js';

export type Pdf = InstanceType<typeof PDFDocument>;
export { writeText };

/** `fontFile` replaces the bundled font (tests). Rejects with FontMissingError without it. */
export async function renderPdf(title: string, draw: (doc: Pdf) => void, fontFile?: string): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margins: { top: 64, bottom: 56, left: 85, right: 57 }, info: { Title: title, Creator: 'yzt counter' } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  useCjkFonts(doc, fontFile);
  draw(doc);
  doc.end();
  return done;
}

/** A label and its value on one line, the label in a fixed column. */
export function fieldLine(doc: Pdf, label: string, value: string): void {
  writeText(doc.fontSize(11.5), `${label}：`, { continued: true });
  writeText(doc, value || '—');
  doc.moveDown(0.25);
}

/** A section heading followed by a block of text. */
export function section(doc: Pdf, heading: string, body: string): void {
  writeText(doc.moveDown(0.4).fontSize(12), heading);
  writeText(doc.moveDown(0.15).fontSize(11.5), body || '—', { indent: 23, lineGap: 3 });
}
