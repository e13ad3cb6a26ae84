/**
 * Admin printer tests on a real pty with the printer simulator: the test page prints and
 * decodes back; paper out is reported as such before anything is sent; health carries the
 * printer's live status; the A4 test makes a PDF and reports lp's answer plainly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startPrinterSimulator, type PrinterSimulator } from '../../../hardware/printer/simulator.js';
import { startPtyPair, stopPtyPair } from '../../../hardware/serial/pty-pair.js';
import { openDatabase } from '../../../src-main/db/open.js';
import { importKioskConfig } from '../../../src-main/admin/kiosk-config.js';
import { kioskHealthWithPrinter } from '../../../src-main/admin/health.js';
import { a4TestPage, printReceiptTestPage, receiptPrinterStatus } from '../../../src-main/admin/printer-tests.js';
import { tempDir } from '../../support/tmp.js';

const NOW = new Date('2026-11-22T02:00:00Z');

describe('admin printer tests', () => {
  const dir = tempDir();
  const dbFile = join(dir.path, 'kiosk.sqlite');
  let sim: PrinterSimulator;

  beforeAll(async () => {
    sim = await startPrinterSimulator({ link: join(dir.path, 'printer'), outDir: join(dir.path, 'out') });
    const db = openDatabase(dbFile, 'kiosk');
    const r = importKioskConfig(
      db,
      { format: 'yzt-kiosk-config', version: 1, courtId: 'jiaozuo-shanyang', centralUrl: null, devices: { idReader: null, scanner: null, receiptPrinter: { path: sim.appPath, baudRate: 9600 }, a4Printer: { mode: 'pdf' } } },
      () => true,
    );
    expect(r.ok).toBe(true);
    db.close();
  });
  afterAll(async () => {
    await sim?.close();
    dir.cleanup();
  });

  const printerCheck = async () => (await kioskHealthWithPrinter({ dbFile, dataDir: dir.path, portExists: () => true })).checks.find((c) => c.name === 'receipt-printer');

  it('prints a test page that decodes back with its Chinese text and QR', async () => {
    const r = await printReceiptTestPage(sim.appPath, 9600, NOW);
    expect(r).toMatchObject({ ok: true, code: 'printed' });
    const printed = await sim.nextReceipt(0);
    expect(printed.text).toContain('收据打印机测试页');
    expect(printed.text).toContain('人民法院');
    expect(await receiptPrinterStatus(sim.appPath, 9600)).toBe('ready');
    expect(await printerCheck()).toMatchObject({ status: 'ok', message_zh: '收据打印机就绪' });
  });

  it('reports paper out in Chinese and sends nothing', async () => {
    sim.paperOut(true);
    try {
      const r = await printReceiptTestPage(sim.appPath, 9600, NOW);
      expect(r.ok).toBe(false);
      expect(r.code).toBe('paper-out');
      expect(r.message_zh).toContain('缺纸');
      expect(sim.receipts.length).toBe(1);
      const c = await printerCheck();
      expect(c).toMatchObject({ status: 'fail' });
      expect(c?.message_zh).toContain('缺纸');
    } finally {
      sim.paperOut(false);
    }
  });

  it('says when the printer port is missing', async () => {
    const r = await printReceiptTestPage(join(dir.path, 'no-such-port'), 9600, NOW);
    expect(r.ok).toBe(false);
    expect(r.message_zh).toMatch(/^未打印：/);
    expect(await receiptPrinterStatus(join(dir.path, 'no-such-port'), 9600)).toBe('unreachable');
  });

  it('tells a port where nothing answers from a missing one', async () => {
    const socat = await startPtyPair(join(dir.path, 'silent'));
    try {
      expect(await receiptPrinterStatus(join(dir.path, 'silent'), 9600, 150)).toBe('no-answer');
    } finally {
      await stopPtyPair(socat);
    }
  });

  it('writes an A4 test PDF, and reports a refused lp plainly', async () => {
    const pdf = await a4TestPage(dir.path, null, NOW);
    expect(pdf).toMatchObject({ ok: true, code: 'pdf' });
    expect(readFileSync(pdf.pdfPath!).subarray(0, 5).toString()).toBe('%PDF-');
    const lp = await a4TestPage(dir.path, 'no_such_queue', NOW);
    expect(lp.ok).toBe(false);
    expect(['no-lp', 'lp-failed']).toContain(lp.code);
    expect(lp.message_zh).toMatch(/lp|no_such_queue/);
    expect(existsSync(lp.pdfPath!)).toBe(true);
  });
});
