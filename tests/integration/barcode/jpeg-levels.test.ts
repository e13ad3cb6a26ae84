/**
 * A JPEG page is first decoded shrunk (libjpeg DCT scaling through sharp) and read there; only a
 * code too fine for that level sends the page to a full-size decode. Either way the code's
 * text, charset and bytes are those read from the page's own pixels. Bad JPEGs keep their plain
 * Chinese messages. Real 300-dpi A4 pages, encoded as scanners write them (colour YCbCr and
 * one-channel grey JPEG).
 */
import sharp from 'sharp';
import { afterAll, describe, expect, test } from 'vitest';
import { createBarcodeDecoder } from '../../../hardware/barcode/decoder.js';
import { STALE_COPY_MS, jpegGrey, jpegHeader, reducedShrink, sweepStaleCopies } from '../../../hardware/barcode/jpeg-levels.js';
import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { encodeText } from '../../../src-shared/scan/gbk-encode.js';
import type { GreyImage } from '../../../src-shared/scan/luminance.js';
import { makePage, renderSymbol } from '../../fixtures/barcode/page-gen.js';

const decoder = createBarcodeDecoder();
afterAll(() => decoder.close());

const CASE = '（2024）豫0811民初123号';
const URL = 'https://wenshu.court.gov.cn/website/wenshu/181107ANFZ0BXSK4/index.html?docId=0123456789abcdef0123456789abcdef';

/** A 300-dpi A4 page of text with one QR in the lower right corner. */
function a4Page(payload: string | Uint8Array, module: number): GreyImage {
  const qr = renderSymbol({ kind: 'qrcode', payload, module });
  return makePage({ seed: 3, noise: 6, placements: [{ symbol: qr, cx: 2150, cy: 3200, angleDeg: 5 }] });
}

/** `colour`: three YCbCr components, as a camera or a colour scan writes; else one grey component. */
async function toJpeg(page: GreyImage, colour: boolean): Promise<Uint8Array> {
  let img = sharp(Buffer.from(page.data.buffer, page.data.byteOffset, page.data.byteLength), { raw: { width: page.width, height: page.height, channels: 1 } });
  if (colour) img = img.toColourspace('srgb');
  return new Uint8Array(await img.jpeg({ quality: 85 }).toBuffer());
}

describe('JPEG decoded at a reduced level first', () => {
  test('the reduced level is a real DCT-scaled decode: half the size, grey, one byte a pixel', async () => {
    const jpg = await toJpeg(makePage({ width: 1001, height: 1401, seed: 1, placements: [] }), true);
    const header = await jpegHeader(jpg);
    expect(header).toMatchObject({ width: 1001, height: 1401 });
    const half = await jpegGrey(jpg, header, 2);
    // No resize is asked of sharp here: only the loader's own shrink can halve the page.
    expect([half.width, half.height, half.data.length]).toEqual([500, 700, 500 * 700]);
    const full = await jpegGrey(jpg, header);
    expect([full.width, full.height, full.data.length]).toEqual([1001, 1401, 1001 * 1401]);
    // 300-dpi A4 reads at 1/2 first, a 600-dpi one at 1/4, a phone-sized or 150-dpi page whole.
    expect(reducedShrink({ width: 2480, height: 3508 })).toBe(2);
    expect(reducedShrink({ width: 4960, height: 7016 })).toBe(4);
    expect(reducedShrink({ width: 1240, height: 1754 })).toBe(1);
  });

  test('a corner QR of a 300-dpi page is read at half size, with the text and bytes of its pixels', async () => {
    const page = a4Page(encodeText(CASE, 'gbk'), 5);
    const fromPixels = await decoder.decode(page);
    const fromJpeg = await decoder.decodeScan(await toJpeg(page, true));
    expect(fromJpeg.results).toHaveLength(1);
    const [got] = fromJpeg.results;
    expect(got?.via).toMatch(/ at 1\/2$|^scale 1\/2$/);
    const same = (r: (typeof fromJpeg.results)[number] | undefined) => ({ text: r?.text, format: r?.format, charset: r?.charset, bytes: Array.from(r?.bytes ?? []) });
    expect(same(got)).toEqual(same(fromPixels.results[0]));
    expect(got?.text).toBe(CASE);
    expect(got?.charset).toBe('gb18030');
  });

  test('a QR too fine for half size (2 px modules) sends the page to the full-size pass, and is read', async () => {
    const r = await decoder.decodeScan(await toJpeg(a4Page(URL, 2), false));
    expect(r.results.map((s) => s.text)).toEqual([URL]);
    expect(r.results[0]?.via).not.toMatch(/1\/2/);
  });
});

describe('bad JPEG files keep their plain messages', () => {
  const small = (): Promise<Uint8Array> => toJpeg(makePage({ width: 400, height: 300, seed: 2, placements: [] }), true);

  test('cut off in its scan data', async () => {
    const jpg = await small();
    const r = await decoder.decodeScan(jpg.subarray(0, Math.floor(jpg.length / 2)));
    expect(r).toMatchObject({ ok: false, error: { code: 'damaged-file' } });
    expect(r.error?.message_zh).toBe('JPG 文件已损坏或不完整，请重新扫描');
  });

  test('a header claiming a page far larger than any scan', async () => {
    const jpg = Buffer.from(await small());
    // SOF0/SOF2 frame header: FF C0|C2, length (2), precision (1), height (2), width (2).
    const sof = [0xc0, 0xc2].map((m) => jpg.indexOf(Buffer.from([0xff, m]))).find((i) => i > 0)!;
    jpg.writeUInt16BE(20000, sof + 5);
    jpg.writeUInt16BE(20000, sof + 7);
    const r = await decoder.decodeScan(jpg);
    expect(r).toMatchObject({ ok: false, error: { code: 'too-large', message_zh: '图像太大，请降低扫描分辨率后重试' } });
  });

  test('JPEG markers around something that is not an image', async () => {
    const junk = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...new TextEncoder().encode('这不是图像'), 0xff, 0xda, 0, 2, 0xff, 0xd9]);
    const r = await decoder.decodeScan(junk);
    expect(r).toMatchObject({ ok: false, error: { code: 'damaged-file', message_zh: 'JPG 文件已损坏或不完整，请重新扫描' } });
    // The worker carries on.
    const ok = await decoder.decodeScan(await toJpeg(a4Page(encodeText(CASE, 'gbk'), 5), false));
    expect(ok.results[0]?.text).toBe(CASE);
  });

  test('a page copy left by a killed worker is removed; one a live worker is decoding is not', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yzt-sweep-'));
    try {
      const now = Date.now();
      const stale = join(dir, 'yzt-jpeg-stale');
      const live = join(dir, 'yzt-jpeg-live');
      const other = join(dir, 'not-ours');
      for (const d of [stale, live, other]) mkdirSync(d);
      const old = (now - STALE_COPY_MS - 60_000) / 1000;
      utimesSync(stale, old, old);
      utimesSync(other, old, old);
      await sweepStaleCopies(now, dir);
      expect([stale, live, other].map((d) => existsSync(d))).toEqual([false, true, true]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
