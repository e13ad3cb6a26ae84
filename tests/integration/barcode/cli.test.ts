/** `yzt device decode` and `yzt sim scanner` as child processes (node bin/yzt.mjs ...). */
import { execFile, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, test } from 'vitest';
import { openSerialScanner, type SerialScan } from '../../../hardware/barcode/serial-scanner.js';
import { serialBinding } from '../../../hardware/serial/serialport-binding.js';
import { encodeText } from '../../../src-shared/scan/gbk-encode.js';
import { generatePage, makePage, renderSymbol, writeGreyPng } from '../../fixtures/barcode/page-gen.js';
import { tempDir } from '../../support/tmp.js';
import { greyJpeg, greyTiff, imagesPdf } from '../../fixtures/barcode/scan-files.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const dir = tempDir('yzt-barcode-cli-');
afterAll(() => dir.cleanup());

async function yzt(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['bin/yzt.mjs', ...args], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('yzt device decode + yzt sim scanner', () => {
  // Each child pays about 2 s of tsx start-up, so independent runs go in parallel.
  test('--help names every option; bad usage exits 2; an unreadable file exits 1', { timeout: 60_000 }, async () => {
    const [decodeHelp, scannerHelp, badFormat, noFile, badCharset, missing] = await Promise.all([
      yzt(['device', 'decode', '--help']),
      yzt(['sim', 'scanner', '--help']),
      yzt(['device', 'decode', 'x.png', '--formats', 'ean13']),
      yzt(['device', 'decode']),
      yzt(['sim', 'scanner', '--link', join(dir.path, 'x'), '--charset', 'big5']),
      yzt(['device', 'decode', join(dir.path, 'missing.png')]),
    ]);
    expect(decodeHelp.code).toBe(0);
    for (const o of ['--json', '--formats', '--charset', '--max', '--exhaustive', 'TIFF', 'PDF', 'JPEG']) expect(decodeHelp.stdout).toContain(o);
    expect(scannerHelp.code).toBe(0);
    for (const o of ['--link', '--charset', '--terminator', '--baud']) expect(scannerHelp.stdout).toContain(o);
    expect([badFormat.code, noFile.code, badCharset.code]).toEqual([2, 2, 2]);
    expect(badFormat.stderr).toContain('--formats');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('无法读取图像文件');
  });

  test('decodes an A4 page and a card, one JSON line per file; a blank image exits 1', { timeout: 60_000 }, async () => {
    const page = generatePage(3, encodeText);
    writeGreyPng(page.page, join(dir.path, 'page.png'));
    const qr = renderSymbol({ kind: 'qrcode', payload: encodeText('（2024）京0105执123号', 'gbk'), module: 5 });
    writeGreyPng(makePage({ width: 400, height: 400, textLines: false, placements: [{ symbol: qr, cx: 200, cy: 200, angleDeg: 0 }] }), join(dir.path, 'card.png'));
    writeGreyPng(makePage({ width: 200, height: 200, textLines: false, placements: [] }), join(dir.path, 'blank.png'));
    const [r, human] = await Promise.all([
      yzt(['device', 'decode', join(dir.path, 'page.png'), join(dir.path, 'card.png'), join(dir.path, 'blank.png'), '--json', '--max', '8']),
      yzt(['device', 'decode', join(dir.path, 'card.png')]),
    ]);
    expect(r.code).toBe(1);
    const [p, c, b] = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(p.results.map((s: { text: string }) => s.text).sort()).toEqual(page.expected.map((e) => e.text).sort());
    expect(p.ms).toBeGreaterThan(0);
    expect(c.results).toMatchObject([
      { text: '（2024）京0105执123号', format: 'qr', charset: 'gb18030', reading: { needsConfirmation: false, findings: [{ kind: 'case-number' }] } },
    ]);
    expect(b).toMatchObject({ ok: true, results: [] });
    expect(human.code).toBe(0);
    expect(human.stdout).toContain('qr gb18030  （2024）京0105执123号');
    expect(human.stdout).toContain('第1页');
    expect(human.stdout).toContain('识别到案号');
  });

  test('JPEG, multi-page TIFF and PDF files decode, with the page named; a damaged file exits 1 with a plain message', { timeout: 90_000 }, async () => {
    const qr = renderSymbol({ kind: 'qrcode', payload: encodeText('（2024）豫0811民初123号', 'gbk'), module: 4 });
    const withCode = makePage({ width: 800, height: 1100, seed: 2, noise: 4, placements: [{ symbol: qr, cx: 620, cy: 950, angleDeg: 0 }] });
    const without = makePage({ width: 800, height: 1100, seed: 3, noise: 4, placements: [] });
    writeFileSync(join(dir.path, 'photo.jpg'), greyJpeg(withCode));
    writeFileSync(join(dir.path, 'scan.tif'), greyTiff([without, withCode]));
    writeFileSync(join(dir.path, 'scan.pdf'), await imagesPdf([without, without, withCode]));
    writeFileSync(join(dir.path, 'cut.jpg'), greyJpeg(withCode).subarray(0, 1000));
    const r = await yzt(['device', 'decode', ...['photo.jpg', 'scan.tif', 'scan.pdf', 'cut.jpg'].map((f) => join(dir.path, f)), '--json']);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { ok: boolean; results: Array<{ text: string; page: number }>; error?: { message_zh: string } });
    expect(lines.slice(0, 3).map((l) => l.results.map((s) => [s.text, s.page]))).toEqual([
      [['（2024）豫0811民初123号', 1]],
      [['（2024）豫0811民初123号', 2]],
      [['（2024）豫0811民初123号', 3]],
    ]);
    expect(lines[3]).toMatchObject({ ok: false, error: { message_zh: 'JPG 文件已损坏或不完整，请重新扫描' } });
  });

  test('stdin lines arrive as GBK scans on the pty; end of input exits 0', async () => {
    const link = join(dir.path, 'scanner');
    const child = spawn(process.execPath, ['bin/yzt.mjs', 'sim', 'scanner', '--link', link, '--charset', 'gbk'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((r) => child.once('exit', r));
    let out = '';
    await new Promise<void>((resolveReady, reject) => {
      child.stdout.setEncoding('utf8').on('data', (d: string) => {
        out += d;
        if (out.includes('ready')) resolveReady();
      });
      void exited.then(() => reject(new Error(`simulator exited: ${out}`)));
    });
    const scanner = await openSerialScanner({ binding: serialBinding({ path: link }) });
    try {
      const got: SerialScan[] = [];
      const two = new Promise<void>((r) => scanner.on('scan', (s) => got.push(s) === 2 && r()));
      child.stdin.write('（2024）京0105执123号\n案号:（2023）沪0115执4567号;当事人:张三\n');
      await two;
      expect(got.map((s) => [s.text, s.charset])).toEqual([
        ['（2024）京0105执123号', 'gb18030'],
        ['案号:（2023）沪0115执4567号;当事人:张三', 'gb18030'],
      ]);
    } finally {
      await scanner.close();
    }
    child.stdin.end();
    expect(await exited).toBe(0);
    expect(out).not.toContain('张三');
  });
});
