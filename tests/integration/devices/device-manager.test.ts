/**
 * The device manager on real ptys (socat): ID reader simulator, scanner simulator and a bare
 * pty pair standing for the receipt printer; states and events, hot-plug, self-tests.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { DeviceStateView } from '../../../src-shared/api/contract.js';
import { DeviceManager } from '../../../src-main/devices/device-manager.js';
import { DEFAULT_DEVICES, type KioskConfig } from '../../../src-main/admin/kiosk-config.js';
import { startIdCardSimulator, type IdCardSimulator } from '../../../hardware/id-card/simulator/simulator.js';
import { startScannerSimulator, type ScannerSimulator } from '../../../hardware/barcode/scanner-simulator.js';
import { startPtyPair, stopPtyPair } from '../../../hardware/serial/pty-pair.js';
import { fixtureCard } from '../hardware/idcard/helpers.js';
import { FAST, memoryLogger, waitDevice } from './manager-helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'yzt-devmgr-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const card = fixtureCard('resident');

const cleanups: (() => Promise<unknown> | unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

interface Rig {
  manager: DeviceManager;
  reader: IdCardSimulator;
  scanner: ScannerSimulator;
  scannerLink: string;
  printerLink: string;
  printer: { proc: ChildProcess };
  events: DeviceStateView[];
  lines: string[];
}

async function rig(): Promise<Rig> {
  const k = n++;
  const reader = await startIdCardSimulator({ link: join(dir, `reader${k}`) });
  cleanups.push(() => reader.close());
  const scannerLink = join(dir, `scanner${k}`);
  const scanner = await startScannerSimulator({ link: scannerLink });
  const printerLink = join(dir, `printer${k}`);
  const printer = { proc: await startPtyPair(printerLink) };
  cleanups.push(() => stopPtyPair(printer.proc));
  const devices: KioskConfig['devices'] = {
    idReader: { transport: 'serial', path: reader.appPath, baudRate: 115200, pollIntervalMs: 100 },
    scanner: { mode: 'serial', path: scannerLink, charset: 'auto' },
    receiptPrinter: { path: printerLink, baudRate: 9600 },
  };
  const { log, lines } = memoryLogger();
  const manager = new DeviceManager({ devices, log, timings: FAST });
  cleanups.push(() => manager.stop());
  const r: Rig = { manager, reader, scanner, scannerLink, printerLink, printer, events: [], lines };
  cleanups.push(() => r.scanner.close());
  manager.on('state', (v) => r.events.push(v));
  await manager.start();
  return r;
}

describe('device manager on ptys', () => {
  it('opens every configured device, reports each one ready, and passes scans on', async () => {
    const r = await rig();
    const [reader, scanner, printer] = await Promise.all([
      waitDevice(r.manager, 'idReader', (v) => v.state === 'ready'),
      waitDevice(r.manager, 'scanner', (v) => v.state === 'ready'),
      waitDevice(r.manager, 'receiptPrinter', (v) => v.state === 'ready'),
    ]);
    expect(reader).toMatchObject({ transport: 'serial', target: r.reader.appPath, message_zh: '请将身份证放在读卡区' });
    expect(scanner).toMatchObject({ transport: 'serial', target: r.scannerLink, message_zh: '扫码枪已连接' });
    expect(printer).toMatchObject({ target: r.printerLink, message_zh: '收据打印机已连接' });
    expect(r.manager.list().map((v) => v.device)).toEqual(['idReader', 'scanner', 'receiptPrinter']);
    expect(Date.parse(reader.since)).not.toBeNaN();
    // The changes went out as events, the same views that list() gives.
    expect(r.events.filter((e) => e.device === 'idReader').at(-1)).toEqual(reader);
    expect(r.events.some((e) => e.state === 'error')).toBe(false);

    const scanned = new Promise((resolve) => r.manager.on('scan', resolve));
    await r.scanner.scan('（2024）豫0811执123号');
    expect(await scanned).toMatchObject({ text: '（2024）豫0811执123号', charset: 'utf-8' });

    const placed = new Promise((resolve) => r.manager.reader!.on('placed', (c) => resolve(c)));
    r.reader.placeCard(card);
    expect(await placed).toEqual(card);
    await waitDevice(r.manager, 'idReader', (v) => v.state === 'card-present');
    expect(r.lines.join('\n')).not.toContain(card.idNumber);
    expect(r.lines.join('\n')).not.toContain(card.name);
  });

  it('survives hot-plug of each device: disconnected with a clear message, then back by itself', async () => {
    const r = await rig();
    await waitDevice(r.manager, 'idReader', (v) => v.state === 'ready');
    await waitDevice(r.manager, 'scanner', (v) => v.state === 'ready');
    await waitDevice(r.manager, 'receiptPrinter', (v) => v.state === 'ready');

    await r.reader.unplug();
    const gone = await waitDevice(r.manager, 'idReader', (v) => v.state === 'disconnected' && v.code === 'port-not-found');
    expect(gone.message_zh).toMatch(/找不到串口/);
    await r.reader.replug();
    await waitDevice(r.manager, 'idReader', (v) => v.state === 'ready');

    await r.scanner.close();
    const lost = await waitDevice(r.manager, 'scanner', (v) => v.state === 'disconnected');
    expect(lost.message_zh).toMatch(/扫码枪/);
    expect(lost.message_zh).not.toMatch(/读卡器/);
    r.scanner = await startScannerSimulator({ link: r.scannerLink });
    await waitDevice(r.manager, 'scanner', (v) => v.state === 'ready');
    const scanned = new Promise((resolve) => r.manager.on('scan', resolve));
    await r.scanner.scan('AFTER-REPLUG');
    expect(await scanned).toMatchObject({ text: 'AFTER-REPLUG' });

    await stopPtyPair(r.printer.proc);
    const missing = await waitDevice(r.manager, 'receiptPrinter', (v) => v.state === 'disconnected');
    expect(missing).toMatchObject({ code: 'port-not-found', message_zh: `找不到收据打印机串口 ${r.printerLink}，请检查连线和电源` });
    r.printer.proc = await startPtyPair(r.printerLink);
    await waitDevice(r.manager, 'receiptPrinter', (v) => v.state === 'ready');
  });

  it('self-tests every device with a result in Chinese and English', async () => {
    const r = await rig();
    await waitDevice(r.manager, 'idReader', (v) => v.state === 'ready');
    await waitDevice(r.manager, 'scanner', (v) => v.state === 'ready');
    const results = await r.manager.selfTest();
    expect(results.map((x) => [x.device, x.ok, x.code])).toEqual([
      ['idReader', true, 'ok'],
      ['scanner', true, 'ok'],
      ['receiptPrinter', true, 'ok'],
    ]);
    expect(results[0]!.message_zh).toBe('身份证阅读器正常（安全模块状态正常）');
    expect(r.reader.commandCounts['sam-status']).toBe(1);
    expect(results.every((x) => x.message_en.length > 5 && x.durationMs >= 0)).toBe(true);
    // The reader goes back to polling after its test, and the test showed as a state.
    expect(r.events.some((e) => e.device === 'idReader' && e.state === 'testing')).toBe(true);
    await waitDevice(r.manager, 'idReader', (v) => v.state === 'ready');
    const placed = new Promise((resolve) => r.manager.reader!.on('placed', resolve));
    r.reader.placeCard(card);
    await placed;
  });

  it('self-test failures say what is wrong: SAM fault, card on the reader, printer missing', async () => {
    const r = await rig();
    await waitDevice(r.manager, 'idReader', (v) => v.state === 'ready');
    r.reader.setFault('sam-error');
    await waitDevice(r.manager, 'idReader', (v) => v.state === 'error' && v.code === 'sam-60');
    const [sam] = await r.manager.selfTest('idReader');
    expect(sam).toMatchObject({ ok: false, code: 'sam-60' });
    expect(sam!.message_zh).toMatch(/安全模块.*自检失败/);
    r.reader.setFault(null);

    await waitDevice(r.manager, 'idReader', (v) => v.state === 'ready');
    r.reader.placeCard(card);
    await waitDevice(r.manager, 'idReader', (v) => v.state === 'card-present');
    const [busy] = await r.manager.selfTest('idReader');
    expect(busy).toMatchObject({ ok: false, code: 'busy', message_zh: '读卡器上有身份证，请取走后再自检' });
    expect(r.manager.get('idReader').state).toBe('card-present');

    await stopPtyPair(r.printer.proc);
    const [printer] = await r.manager.selfTest('receiptPrinter');
    expect(printer).toMatchObject({ ok: false, code: 'port-not-found' });
    expect(printer!.message_zh).toMatch(/找不到串口.*请检查收据打印机是否连接/);
  });
});

describe('device manager without devices', () => {
  it('says what is not configured, and self-tests pass as nothing to test', async () => {
    const { log } = memoryLogger();
    const m = new DeviceManager({ devices: { ...DEFAULT_DEVICES, scanner: { mode: 'keyboard-wedge', charset: 'auto' } }, log, timings: FAST });
    await m.start();
    expect(m.reader).toBeNull();
    expect(m.list().map((v) => [v.device, v.state])).toEqual([
      ['idReader', 'not-configured'],
      ['scanner', 'external'],
      ['receiptPrinter', 'not-configured'],
    ]);
    expect(m.get('idReader').message_zh).toBe('未配置身份证阅读器');
    const results = await m.selfTest();
    expect(results.map((x) => [x.ok, x.code])).toEqual([
      [true, 'not-configured'],
      [true, 'external'],
      [true, 'not-configured'],
    ]);
    await m.stop();
  });
});
