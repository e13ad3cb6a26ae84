/** The PDF receipt with Debian's Noto CJK font (fonts-noto-cjk), subset so the file stays small. */
import { describe, expect, it } from 'vitest';
import { receiptLines } from '../../../src-main/printing/receipt-content.js';
import { FontMissingError, renderReceiptPdf } from '../../../src-main/printing/receipt-pdf.js';
import type { FilingView } from '../../../src-shared/domain/filing.js';

const FILING: FilingView = {
  id: '0b7c1b8e-1111-4111-8111-111111111111',
  provisionalNo: '临-ABCDEF-20261122-0001',
  officialNo: null,
  status: 'pending',
  statusReason_zh: null,
  submittedAt: '2026-11-22T01:30:00.000Z',
  acceptedAt: null,
  applicantNameMasked: '张*',
  respondentNames: ['李*'],
  basisNumber: '（2024）豫0811民初123号',
  amountFen: 1234567,
  typeCode: '执',
};

describe('receipt PDF', () => {
  it('says plainly that a provisional number is not the official one, and renders a small PDF', async () => {
    const lines = receiptLines(FILING, '焦作市山阳区人民法院', 'YZT1:x:y', new Date('2026-11-22T01:31:00Z'));
    const texts = lines.flatMap((l) => (l.kind === 'text' ? [l.text] : []));
    expect(texts).toContain('临时编号（不是正式案号）：');
    expect(texts.join('\n')).not.toContain('案号：（');
    expect(lines.some((l) => l.kind === 'qr' && l.data === 'YZT1:x:y')).toBe(true);
    const pdf = await renderReceiptPdf(lines);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeLessThan(200_000);
  });

  it('names the official number first once the central assigned it', () => {
    const lines = receiptLines({ ...FILING, officialNo: '（2026）豫0811执12号', status: 'accepted' }, '焦作市山阳区人民法院', 'c', new Date());
    const texts = lines.flatMap((l) => (l.kind === 'text' ? [l.text] : []));
    const official = texts.indexOf('（2026）豫0811执12号');
    const provisional = texts.findIndex((t) => t.startsWith('临时编号'));
    // indexOf gives -1 when a line is missing, which is "less than" anything: check both are there.
    expect(official).toBeGreaterThanOrEqual(0);
    expect(provisional).toBeGreaterThanOrEqual(0);
    expect(official).toBeLessThan(provisional);
    expect(texts[official - 1]).toBe('案号：');
  });

  it('fails with a clear message when the CJK font is missing', async () => {
    await expect(renderReceiptPdf([], { fontPath: '/nonexistent/font.ttc' })).rejects.toBeInstanceOf(FontMissingError);
  });
});
