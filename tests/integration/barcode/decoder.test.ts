import { afterAll, describe, expect, test } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBarcodeDecoder } from '../../../hardware/barcode/decoder.js';
import { encodeGbk, encodeText } from '../../../src-shared/scan/gbk-encode.js';
import type { GreyImage } from '../../../src-shared/scan/luminance.js';
import { judgmentPage, PAGE_KINDS } from '../../fixtures/barcode/judgment-pages.js';
import { generatePage, makePage, renderSymbol, writeGreyPng, type SymbolKind } from '../../fixtures/barcode/page-gen.js';

const decoder = createBarcodeDecoder();
afterAll(() => decoder.close());

/** A symbol on a small noisy card, as a document camera crop would deliver it. */
function card(kind: SymbolKind, payload: string | Uint8Array, module = 4): GreyImage {
  const symbol = renderSymbol({ kind, payload, module });
  return makePage({ width: 640, height: 480, textLines: false, noise: 6, seed: 3, placements: [{ symbol, cx: 320, cy: 240, angleDeg: kind === 'code128' || kind === 'pdf417' ? 0 : 8 }] });
}

describe('formats', () => {
  test.each([
    ['qrcode', 'qr', 'https://court.example.cn/v?d=1'],
    ['datamatrix', 'datamatrix', 'YZT-2024-000123'],
    ['pdf417', 'pdf417', 'PDF417 payload 0123456789'],
    ['code128', 'code128', 'YZT2024000123'],
  ] as const)('%s decodes', async (kind, format, text) => {
    const r = await decoder.decode(card(kind, text, kind === 'qrcode' || kind === 'datamatrix' ? 4 : 3));
    expect(r.ok).toBe(true);
    expect(r.results.map((s) => [s.format, s.text])).toEqual([[format, text]]);
  });

  test('restricting formats skips the others', async () => {
    const r = await decoder.decode(card('qrcode', 'hello qr'), { formats: ['code128'] });
    expect(r).toMatchObject({ ok: true, results: [] });
  });
});

describe('charsets', () => {
  const text = '案号:（2024）京0105执123号;当事人:张三';

  test('UTF-8 QR', async () => {
    const r = await decoder.decode(card('qrcode', encodeText(text, 'utf-8')));
    expect(r.results[0]).toMatchObject({ text, charset: 'utf-8', charsetConfident: true });
    expect(r.results[0]?.bytes).toEqual(encodeText(text, 'utf-8'));
  });

  test('GBK QR without ECI', async () => {
    const r = await decoder.decode(card('qrcode', encodeGbk(text)));
    expect(r.results[0]).toMatchObject({ text, charset: 'gb18030', charsetConfident: true });
    expect(r.results[0]?.bytes).toEqual(encodeGbk(text));
  });

  test('GBK Data Matrix and PDF417 (byte/base256 segments)', async () => {
    for (const kind of ['datamatrix', 'pdf417'] as const) {
      const r = await decoder.decode(card(kind, encodeGbk('执行案件')));
      expect(r.results[0]?.text).toBe('执行案件');
    }
  });

  test('an ECI in the symbol is honoured and reported', async () => {
    const symbol = renderSymbol({ kind: 'qrcode', payload: encodeText(text, 'utf-8'), module: 4, eci: 26 });
    const img = makePage({ width: 480, height: 480, textLines: false, placements: [{ symbol, cx: 240, cy: 240, angleDeg: 0 }] });
    // Even a GBK setting yields to the symbol's own declaration.
    const r = await decoder.decode(img, { charset: 'gbk' });
    expect(r.results[0]).toMatchObject({ text, charset: 'utf-8', charsetConfident: true });
  });

  test('a fixed charset setting is obeyed', async () => {
    const r = await decoder.decode(card('qrcode', encodeGbk(text)), { charset: 'gbk' });
    expect(r.results[0]).toMatchObject({ text, charset: 'gbk' });
  });
});

describe('pages', () => {
  test('a noisy, rotated 300-dpi A4 page with a small GBK QR and a Code128: the first, or both when asked', async () => {
    const p = generatePage(7, encodeText);
    const first = await decoder.decode(p.page);
    expect(first.ok).toBe(true);
    expect(first.results).toHaveLength(1);
    expect(p.expected.map((e) => e.text)).toContain(first.results[0]?.text);
    const both = await decoder.decode(p.page, { maxResults: 8 });
    expect(both.results.map((s) => s.text).sort()).toEqual(p.expected.map((e) => e.text).sort());
  });

  test.each(PAGE_KINDS)('a judgment page (%s) gives its code', async (kind) => {
    const p = judgmentPage(PAGE_KINDS.indexOf(kind) + 1, encodeText, kind);
    const r = await decoder.decode(p.page);
    expect(r.results.map((s) => [s.format, s.text])).toEqual([[{ qrcode: 'qr', datamatrix: 'datamatrix', pdf417: 'pdf417', code128: 'code128' }[p.expected.kind], p.expected.text]]);
  });

  test('a Data Matrix whose 4-px modules straddle the quarter-size grid is found in a ranked region, not by reading the whole page', async () => {
    // Counted as pixels below mid-grey, its blended modules made it look as faint as text.
    const p = judgmentPage(38, encodeText, 'datamatrix-near-text');
    const r = await decoder.decode(p.page);
    expect(r.results.map((s) => s.text)).toEqual([p.expected.text]);
    expect(r.results[0]?.via).toMatch(/^region \d/);
  });

  test("a QR turned 50 degrees with the seal's ring across its quiet zone is read", async () => {
    // Neither zxing-cpp's local binarizer on any crop nor the whole page read it.
    const p = judgmentPage(102, encodeText, 'corner-qr-gbk');
    const r = await decoder.decode(p.page);
    expect(r.results.map((s) => s.text)).toEqual([p.expected.text]);
  });

  test('the former engine (@zxing/library) reads the same page', async () => {
    const p = judgmentPage(1, encodeText, 'corner-qr-gbk');
    const r = await decoder.decode(p.page, { engine: 'js' });
    expect(r.results.map((s) => s.text)).toEqual([p.expected.text]);
  });

  test('the calling thread keeps running while a page decodes', async () => {
    const page = generatePage(4, encodeText).page;
    // Counted in event-loop turns, not milliseconds: a decode on the calling thread would hold
    // the loop for the whole page, so the spin below could not turn until it was over. How
    // long the longest stall is goes to `npm run bench barcode`.
    // A 1 ms timer rather than setImmediate, so the spin does not take the worker's CPU.
    let done = false;
    let turns = 0;
    const spin = (): void => {
      if (done) return;
      turns++;
      setTimeout(spin, 1);
    };
    setTimeout(spin, 1);
    const r = await decoder.decode(page);
    done = true;
    expect(r.results.length).toBe(1);
    expect(turns).toBeGreaterThanOrEqual(3);
  });

  test('RGBA input and PNG files decode the same', async () => {
    const grey = card('qrcode', 'rgba check');
    const rgba = new Uint8Array(grey.width * grey.height * 4);
    grey.data.forEach((v, i) => rgba.set([v, v, v, 255], i * 4));
    expect((await decoder.decode({ data: rgba, width: grey.width, height: grey.height })).results[0]?.text).toBe('rgba check');
    const dir = mkdtempSync(join(tmpdir(), 'yzt-barcode-'));
    writeGreyPng(grey, join(dir, 'c.png'));
    expect((await decoder.decodeFile(join(dir, 'c.png'))).results[0]?.text).toBe('rgba check');
  });
});

describe('bad input', () => {
  test('a buffer that does not match its size', async () => {
    const r = await decoder.decode({ data: new Uint8Array(10), width: 100, height: 100 });
    expect(r).toMatchObject({ ok: false, error: { code: 'bad-image' } });
    expect(r.error?.message_zh).toMatch(/图像/);
  });

  test('missing files and files that are no scan', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yzt-barcode-'));
    writeFileSync(join(dir, 'x.png'), 'not a png');
    expect(await decoder.decodeFile(join(dir, 'missing.png'))).toMatchObject({ ok: false, error: { code: 'unreadable-file' } });
    expect(await decoder.decodeFile(join(dir, 'x.png'))).toMatchObject({ ok: false, error: { code: 'unknown-format', message_zh: '文件不是可识别的扫描件，请使用 JPG、PNG、TIFF 或 PDF 文件' } });
  });

  test('an overrun is cut off, the worker replaced, and close() refuses further work', async () => {
    const d = createBarcodeDecoder();
    expect(await d.decode(generatePage(2, encodeText).page, { timeoutMs: 1 })).toMatchObject({ ok: false, error: { code: 'timeout' } });
    expect((await d.decode(card('code128', 'AFTER12'))).results[0]?.text).toBe('AFTER12');
    await d.close();
    expect(await d.decode(card('code128', 'AFTER12'))).toMatchObject({ ok: false, error: { code: 'closed' } });
  });
});
