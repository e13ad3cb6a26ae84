/**
 * PDFs are set in the font that ships with the app (assets/fonts), not in one the machine must
 * have: the receipt and the reception record are made with the system fallback switched off
 * (YZT_PDF_FALLBACK_FONTS empty), and their text read back with poppler's pdftotext. A character
 * the bundled subset lacks comes from the system font when there is one.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { receptionPdf } from '../../../src-main/counter/reception-pdf.js';
import { BUNDLED_FONT, systemFallbackFonts } from '../../../src-main/printing/pdf-fonts.js';
import { receiptLines } from '../../../src-main/printing/receipt-content.js';
import { renderReceiptPdf } from '../../../src-main/printing/receipt-pdf.js';
import type { ReceptionView } from '../../../src-shared/counter/contract.js';
import type { FilingView } from '../../../src-shared/domain/filing.js';
import { tempDir } from '../../support/tmp.js';

const FILING: FilingView = {
  id: '0b7c1b8e-1111-4111-8111-111111111111',
  provisionalNo: '临-ABCDEF-20261122-0001',
  officialNo: '（2026）豫0811执12号',
  status: 'accepted',
  statusReason_zh: null,
  submittedAt: '2026-11-22T01:30:00.000Z',
  acceptedAt: '2026-11-22T02:00:00.000Z',
  applicantNameMasked: '张*',
  respondentNames: ['李*'],
  basisNumber: '（2024）豫0811民初123号',
  amountFen: 1234567,
  typeCode: '执',
};

const RECEPTION: ReceptionView = {
  at: '2026-11-22T02:10:00.000Z',
  interviewer: '王法官',
  recorder: '赵书记员',
  interviewee: '张三',
  place: '执行立案窗口',
  serviceAddress: '河南省焦作市山阳区解放东路 18 号',
  contact: '13800000000',
  filingDataVerified: '已核对执行依据与申请书，一致。',
  respondentProperty: '申请人称被执行人名下有车辆一辆。',
  terminationView: '不同意终结本次执行程序。',
  notes: '',
  printedAt: null,
  scanAttachedAt: null,
  scanSha256: null,
};

let dir: ReturnType<typeof tempDir>;
beforeEach(() => {
  dir = tempDir('yzt-font-');
  vi.stubEnv('YZT_PDF_FALLBACK_FONTS', '');
});
afterEach(() => {
  vi.unstubAllEnvs();
  dir.cleanup();
});

function pdfText(pdf: Buffer): string {
  const file = join(dir.path, 'out.pdf');
  writeFileSync(file, pdf);
  // pdftotext lays text out as printed; spaces and line breaks are not what is compared.
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
}

function embeddedFonts(pdf: Buffer): string[] {
  const file = join(dir.path, 'fonts.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim() !== '');
}

describe('PDFs in the bundled font', () => {
  it('the fallback list is empty in these tests, so only the bundled font can be used', () => {
    expect(systemFallbackFonts()).toEqual([]);
    expect(BUNDLED_FONT).toMatch(/assets[/\\]fonts[/\\]NotoSansSC-subset\.otf$/);
  });

  it('makes the receipt with its Chinese text, the official number and the amount', async () => {
    const pdf = await renderReceiptPdf(receiptLines(FILING, '焦作市山阳区人民法院', 'YZT1:x:y', new Date('2026-11-22T02:01:00Z')));
    const text = pdfText(pdf);
    for (const s of ['焦作市山阳区人民法院', '（2026）豫0811执12号', '（2024）豫0811民初123号', '张*', '李*']) expect(text).toContain(s);
    expect(text).toContain('12,345.67');
    expect(embeddedFonts(pdf)).toHaveLength(1);
  });

  it('makes the reception record with its headings, answers and signature lines', async () => {
    const pdf = await receptionPdf({ courtName: '焦作市山阳区人民法院', caseNumber: '（2026）豫0811执12号', provisionalNo: FILING.provisionalNo, reception: RECEPTION, localTime: () => '2026年11月22日 10:10' });
    const text = pdfText(pdf);
    for (const s of ['初次接待笔录', '案号：（2026）豫0811执12号', '临时编号：临-ABCDEF-20261122-0001', '一、确认申请执行人送达地址及联系方式', '河南省焦作市山阳区解放东路18号', '不同意终结本次执行程序。', '被谈话人（签名）']) {
      expect(text).toContain(s);
    }
    expect(embeddedFonts(pdf)).toHaveLength(1);
  });

  it('sets a name character the bundled subset lacks in the system font, in the same line', async () => {
    // 𠮷 (U+20BB7, a variant of 吉 found in names) is outside the 通用规范汉字表 and GB 2312.
    vi.stubEnv('YZT_PDF_FALLBACK_FONTS', '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc#NotoSansCJKsc-Regular');
    const pdf = await receptionPdf({ courtName: '焦作市山阳区人民法院', caseNumber: '（2026）豫0811执12号', provisionalNo: '（2026）豫0811执12号', reception: { ...RECEPTION, interviewee: '𠮷祥' }, localTime: () => '2026年11月22日 10:10' });
    expect(pdfText(pdf)).toContain('被谈话人：𠮷祥');
    expect(embeddedFonts(pdf)).toHaveLength(2);
  });
});
