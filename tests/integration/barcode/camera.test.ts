/**
 * The renderer's document-camera scanner in Debian Chromium: a fake camera plays a .y4m with a
 * GBK QR code; the page (built with Vite, served on 127.0.0.1) must decode it in its Web Worker.
 */
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { encodeText } from '../../../src-shared/scan/gbk-encode.js';
import { serveStatic } from '../../../src-main/host/static-files.js';
import { y4m } from '../../fixtures/barcode/y4m.js';
import { makePage, renderSymbol } from '../../fixtures/barcode/page-gen.js';
import { tempDir } from '../../support/tmp.js';

const CHROMIUM = '/usr/bin/chromium';
const PAYLOAD = '案号:（2024）京0105执123号;当事人:张三';
const dir = tempDir('yzt-camera-');
let server: Server | undefined;
let browser: Browser | undefined;
let base = '';

beforeAll(async () => {
  const qr = renderSymbol({ kind: 'qrcode', payload: encodeText(PAYLOAD, 'gbk'), module: 6 });
  const frame = makePage({ width: 640, height: 480, textLines: false, noise: 4, seed: 9, placements: [{ symbol: qr, cx: 330, cy: 235, angleDeg: 12 }] });
  writeFileSync(join(dir.path, 'camera.y4m'), y4m(frame, 3));

  const out = join(dir.path, 'page');
  await build({
    configFile: false,
    logLevel: 'silent',
    root: resolve(import.meta.dirname, '../../fixtures/barcode/camera-page'),
    base: './',
    build: { outDir: out, emptyOutDir: true, modulePreload: { polyfill: false } },
  });

  server = createServer((req, res) => {
    if (!serveStatic(out, new URL(req.url ?? '/', 'http://x').pathname, res, {})) res.writeHead(404).end();
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream',
      `--use-file-for-fake-video-capture=${join(dir.path, 'camera.y4m')}`,
    ],
  });
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => (server ? server.close(r) : r(undefined)));
  dir.cleanup();
});

describe('camera scanner in Chromium', () => {
  test('decodes a GBK QR code from the fake camera in a Web Worker', { timeout: 60_000 }, async () => {
    const page = await browser!.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(base);
    await page.waitForFunction(() => (globalThis as unknown as { scans: unknown[] }).scans.length > 0, undefined, { timeout: 45_000 });
    const scans = await page.evaluate(() => (globalThis as unknown as { scans: unknown[] }).scans);
    expect(scans).toMatchObject([
      {
        text: PAYLOAD,
        format: 'qr',
        charset: 'gb18030',
        reading: { needsConfirmation: true, findings: [{ kind: 'fields' }, { kind: 'case-number', value: '（2024）京0105执123号', needsConfirmation: false }] },
      },
    ]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
