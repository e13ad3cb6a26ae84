/**
 * A4 documents for the case file, in a CJK serif (Debian fonts-noto-cjk), subset into the
 * PDF by pdfkit. The left margin is wide for binding into the file (装订线).
 */
import PDFDocument from 'pdfkit';
import { existsSync } from 'node:fs';
import { AppError } from '../../src-shared/api/errors.js';

const FONT_CANDIDATES = [
  { file: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc', family: 'NotoSerifCJKsc-Regular' },
  { file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' },
];

export type Pdf = InstanceType<typeof PDFDocument>;

export function cjkFont(fontFile?: string): { file: string; family?: string } {
  if (fontFile) return { file: fontFile };
  const found = FONT_CANDIDATES.find((f) => existsSync(f.file));
  if (!found) throw new AppError('counter.no-font', '本机缺少中文字体（fonts-noto-cjk），无法生成文书', 'No CJK font installed (fonts-noto-cjk)');
  return found;
}

export function renderPdf(title: string, draw: (doc: Pdf) => void, fontFile?: string): Promise<Buffer> {
  const font = cjkFont(fontFile);
  const doc = new PDFDocument({ size: 'A4', margins: { top: 64, bottom: 56, left: 85, right: 57 }, info: { Title: title, Creator: 'yzt counter' } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('cjk', font.file, font.family);
  doc.font('cjk');
  draw(doc);
  doc.end();
  return done;
}

/** A label and its value on one line, the label in a fixed column. */
export function fieldLine(doc: Pdf, label: string, value: string): void {
  doc.fontSize(11.5).text(`${label}：`, { continued: true }).text(value || '—');
  doc.moveDown(0.25);
}

/** A section heading followed by a block of text. */
export function section(doc: Pdf, heading: string, body: string): void {
  doc.moveDown(0.4).fontSize(12).text(heading);
  doc.moveDown(0.15).fontSize(11.5).text(body || '—', { indent: 23, lineGap: 3 });
}
