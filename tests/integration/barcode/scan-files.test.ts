/**
 * Scans as files, through the decoder's worker: JPEG, PNG, multi-page TIFF and PDF are read
 * page by page until the code is found; a file that is none of these, or is damaged, gets a
 * plain Chinese message and the worker carries on.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, test } from 'vitest';
import { createBarcodeDecoder } from '../../../hardware/barcode/decoder.js';
import { parsePgm, renderPdfPages } from '../../../hardware/barcode/pdf-pages.js';
import { scanPages, sniffScan } from '../../../hardware/barcode/scan-file.js';
import { encodeText } from '../../../src-shared/scan/gbk-encode.js';
import type { GreyImage } from '../../../src-shared/scan/luminance.js';
import { greyToPng, makePage, renderSymbol } from '../../fixtures/barcode/page-gen.js';
import { greyJpeg, greyTiff, imagesPdf } from '../../fixtures/barcode/scan-files.js';

const decoder = createBarcodeDecoder();
afterAll(() => decoder.close());
const dir = mkdtempSync(join(tmpdir(), 'yzt-scan-files-'));

const CASE = '（2024）豫0811民初123号';

/** A text page, with a GBK QR of the case number in its lower right corner when `withCode`. */
function page(withCode: boolean, seed: number): GreyImage {
  const qr = renderSymbol({ kind: 'qrcode', payload: encodeText(CASE, 'gbk'), module: 4 });
  return makePage({ width: 1000, height: 1400, seed, noise: 5, placements: withCode ? [{ symbol: qr, cx: 820, cy: 1230, angleDeg: 4 }] : [] });
}

describe('each format', () => {
  test('format is told by the first bytes', () => {
    expect(sniffScan(greyToPng(page(false, 1)))).toBe('png');
    expect(sniffScan(greyJpeg(page(false, 1)))).toBe('jpeg');
    expect(sniffScan(greyTiff([page(false, 1)]))).toBe('tiff');
    expect(sniffScan(new TextEncoder().encode('%PDF-1.7\n'))).toBe('pdf');
    expect(sniffScan(new TextEncoder().encode('GIF89a'))).toBeUndefined();
    expect(sniffScan(new Uint8Array(0))).toBeUndefined();
  });

  test('PNG and JPEG files, by path and as bytes', async () => {
    const p = page(true, 2);
    writeFileSync(join(dir, 'scan.png'), greyToPng(p));
    writeFileSync(join(dir, 'scan.jpg'), greyJpeg(p));
    for (const file of ['scan.png', 'scan.jpg']) {
      const r = await decoder.decodeFile(join(dir, file));
      expect(r.results.map((s) => [s.text, s.charset, s.page])).toEqual([[CASE, 'gb18030', 1]]);
    }
    const r = await decoder.decodeScan(greyJpeg(p, 60));
    expect(r.results[0]?.text).toBe(CASE);
  });

  test('a multi-page TIFF is read page by page: the code on page 3 is found', async () => {
    const tiff = greyTiff([page(false, 3), page(false, 4), page(true, 5)]);
    const pages: GreyImage[] = [];
    for await (const g of scanPages(tiff)) pages.push(g);
    expect(pages.map((g) => [g.width, g.height])).toEqual([[1000, 1400], [1000, 1400], [1000, 1400]]);
    writeFileSync(join(dir, 'scan.tif'), tiff);
    const r = await decoder.decodeFile(join(dir, 'scan.tif'));
    expect(r.results.map((s) => [s.text, s.page])).toEqual([[CASE, 3]]);
    expect(r.pages).toBe(3);
  });

  test('each TIFF page comes out with its own pixels, and a compressed TIFF reads too', async () => {
    const sources = [page(false, 11), page(true, 12), page(false, 13)];
    const got: GreyImage[] = [];
    for await (const g of scanPages(greyTiff(sources))) got.push(g);
    expect(got.map((g) => Buffer.from(g.data).equals(Buffer.from(sources[got.indexOf(g)]!.data)))).toEqual([true, true, true]);
    const [only] = sources.slice(1);
    const lzw = await sharp(Buffer.from(only!.data), { raw: { width: 1000, height: 1400, channels: 1 } }).tiff({ compression: 'lzw' }).toBuffer();
    const r = await decoder.decodeScan(lzw);
    expect(r.results.map((s) => s.text)).toEqual([CASE]);
  });

  test('PNG scans as scanners also write them: colour, 16-bit grey, a transparent background', async () => {
    const p = page(true, 14);
    const raw = () => sharp(Buffer.from(p.data), { raw: { width: 1000, height: 1400, channels: 1 } });
    const colour = await raw().toColourspace('srgb').png().toBuffer();
    const wide = await raw().toColourspace('grey16').png().toBuffer();
    // The paper made transparent: a viewer shows it white, and so must the decoder.
    const alpha = Buffer.from(p.data.map((v) => (v > 200 ? 0 : 255)));
    const transparent = await sharp(Buffer.from(p.data), { raw: { width: 1000, height: 1400, channels: 1 } }).toColourspace('b-w').joinChannel(alpha, { raw: { width: 1000, height: 1400, channels: 1 } }).png().toBuffer();
    const paper = p.data[0]!;
    for (const [png, corner] of [[colour, paper], [wide, paper], [transparent, 255]] as const) {
      const greys: GreyImage[] = [];
      for await (const g of scanPages(png)) greys.push(g);
      expect(greys.map((g) => [g.width, g.height, g.data.length])).toEqual([[1000, 1400, 1400_000]]);
      // The same page's grey (within 16-bit rounding); transparent paper comes out white, not black.
      expect(Math.abs(greys[0]!.data[0]! - corner)).toBeLessThanOrEqual(1);
      expect((await decoder.decodeScan(png)).results.map((s) => s.text)).toEqual([CASE]);
    }
    expect((await sharp(wide).metadata()).depth).toBe('ushort');
  });

  test('a PDF is rendered page by page (poppler), and the code on page 2 is read', async () => {
    const pdf = await imagesPdf([page(false, 6), page(true, 7)]);
    writeFileSync(join(dir, 'scan.pdf'), pdf);
    const r = await decoder.decodeFile(join(dir, 'scan.pdf'));
    expect(r.results.map((s) => [s.text, s.page])).toEqual([[CASE, 2]]);
  });

  test('without pdftoppm (a Windows kiosk) pdfjs-dist renders the same pages', async () => {
    const pdf = await imagesPdf([page(true, 8)]);
    const poppler: GreyImage[] = [];
    const pdfjs: GreyImage[] = [];
    for await (const g of renderPdfPages(pdf, 100, new Error('bad'), 'poppler')) poppler.push(g);
    for await (const g of renderPdfPages(pdf, 100, new Error('bad'), 'pdfjs')) pdfjs.push(g);
    expect(pdfjs.map((g) => [g.width, g.height])).toEqual(poppler.map((g) => [g.width, g.height]));
    // Same picture: the mean grey of the two renderings agrees closely.
    const mean = (g: GreyImage): number => g.data.reduce((a, v) => a + v, 0) / g.data.length;
    expect(Math.abs(mean(pdfjs[0]!) - mean(poppler[0]!))).toBeLessThan(4);
  });

  test('PGM from pdftoppm is parsed, and a short one refused', () => {
    const ok = Buffer.concat([Buffer.from('P5\n2 2\n255\n'), Buffer.from([0, 50, 100, 255])]);
    expect(parsePgm(ok)).toMatchObject({ width: 2, height: 2 });
    expect(() => parsePgm(ok.subarray(0, 12))).toThrow(/short/);
  });
});

describe('bad files', () => {
  const png = greyToPng(page(true, 9));
  const jpg = greyJpeg(page(true, 9));
  test.each([
    ['an empty file', new Uint8Array(0), 'unknown-format', '文件不是可识别的扫描件'],
    ['a text file', new TextEncoder().encode('这不是图像'), 'unknown-format', '文件不是可识别的扫描件'],
    ['a GIF', new TextEncoder().encode('GIF89a\x01\x00\x01\x00'), 'unknown-format', '文件不是可识别的扫描件'],
    ['a cut-off PNG', png.subarray(0, 200), 'damaged-file', 'PNG 文件已损坏'],
    ['a PNG cut off in its image data', png.subarray(0, Math.floor(png.length * 0.9)), 'damaged-file', 'PNG 文件已损坏'],
    ['a cut-off JPEG', jpg.subarray(0, 300), 'damaged-file', 'JPG 文件已损坏'],
    ['a TIFF header only', new Uint8Array([0x49, 0x49, 0x2a, 0, 8, 0, 0, 0, 0, 0]), 'no-pages', 'TIFF 文件里没有图像'],
    ['a PDF header only', new TextEncoder().encode('%PDF-1.7\n%%EOF\n'), 'damaged-file', 'PDF 文件已损坏'],
  ] as const)('%s: a clear message, and the decoder still works', async (_name, bytes, code, zh) => {
    const r = await decoder.decodeScan(bytes);
    expect(r).toMatchObject({ ok: false, error: { code } });
    expect(r.error?.message_zh).toContain(zh);
    expect((await decoder.decodeScan(png)).results[0]?.text).toBe(CASE);
  });

  test('a TIFF whose page claims more pixels than it holds', async () => {
    const t = greyTiff([page(false, 10)]);
    const r = await decoder.decodeScan(t.subarray(0, 20_500));
    expect(r.ok).toBe(false);
    expect(r.error?.message_zh).toMatch(/TIFF/);
  });
});
