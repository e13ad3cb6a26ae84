import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { join } from 'node:path';
import { openSerialScanner, type SerialScan, type SerialScanner } from '../../../hardware/barcode/serial-scanner.js';
import { startScannerSimulator, type ScannerSimulator } from '../../../hardware/barcode/scanner-simulator.js';
import { serialBinding } from '../../../hardware/serial/serialport-binding.js';
import { encodeGbk } from '../../../src-shared/scan/gbk-encode.js';
import { tempDir } from '../../support/tmp.js';

let dir: ReturnType<typeof tempDir>;
let sim: ScannerSimulator;
let scanner: SerialScanner;
let scans: SerialScan[];
let received: number;

/** Resolves once `n` scans have arrived in total. */
function scansUntil(n: number): Promise<SerialScan[]> {
  return new Promise((resolve) => {
    if (scans.length >= n) return resolve(scans);
    const off = scanner.on('scan', () => {
      if (scans.length >= n) {
        off();
        resolve(scans);
      }
    });
  });
}

/** Resolves once `n` bytes in total have reached the scanner's side of the pty. */
function bytesUntil(n: number): Promise<void> {
  return new Promise((resolve) => {
    if (received >= n) return resolve();
    const off = scanner.on('bytes', () => {
      if (received >= n) {
        off();
        resolve();
      }
    });
  });
}

beforeEach(async () => {
  dir = tempDir('yzt-scanner-');
  sim = await startScannerSimulator({ link: join(dir.path, 'scanner') });
  scanner = await openSerialScanner({ binding: serialBinding({ path: sim.appPath }) });
  scans = [];
  received = 0;
  scanner.on('scan', (s) => scans.push(s));
  scanner.on('bytes', (n) => (received += n));
});

afterEach(async () => {
  await scanner.close();
  await sim.close();
  dir.cleanup();
});

describe('serial scanner over a real pty', () => {
  test('UTF-8 and GBK payloads arrive as the same text', async () => {
    const text = '（2024）京0105执123号';
    await sim.scan(text, { charset: 'utf-8' });
    await sim.scan(text, { charset: 'gbk', terminator: '\r\n' });
    const [a, b] = await scansUntil(2);
    expect(a).toMatchObject({ text, charset: 'utf-8', charsetConfident: true });
    expect(b).toMatchObject({ text, charset: 'gb18030', charsetConfident: true });
    expect(b?.bytes).toEqual(encodeGbk(text));
  });

  test('a payload split across reads, a GBK character cut in half', async () => {
    const bytes = encodeGbk('执行案号ABC\r');
    await sim.write(bytes.subarray(0, 3)); // ends inside 行
    await bytesUntil(3);
    expect(scans).toEqual([]);
    await sim.write(bytes.subarray(3));
    expect((await scansUntil(1))[0]?.text).toBe('执行案号ABC');
  });

  test('several payloads joined in one write, CR LF split across writes', async () => {
    await sim.write(new TextEncoder().encode('AAA111\rBBB222\r'));
    await bytesUntil(14);
    await sim.write(new TextEncoder().encode('\nCCC333\r\n'));
    expect((await scansUntil(3)).map((s) => s.text)).toEqual(['AAA111', 'BBB222', 'CCC333']);
  });

  test('a configured charset is applied to raw bytes', async () => {
    await scanner.close();
    scanner = await openSerialScanner({ binding: serialBinding({ path: sim.appPath }), charset: 'gbk' });
    scanner.on('scan', (s) => scans.push(s));
    await sim.scan('执行', { charset: 'gbk' });
    expect((await scansUntil(1))[0]).toMatchObject({ text: '执行', charset: 'gbk' });
  });

  test('the scanner going away is reported in Chinese and English', async () => {
    const seen = new Promise((resolve) => scanner.on('problem', resolve));
    await sim.close();
    expect(await seen).toMatchObject({ code: 'disconnected', message_zh: '扫码枪连接已断开，请检查连线' });
  });

  test('a missing port fails to open with a clear message', async () => {
    await expect(openSerialScanner({ binding: serialBinding({ path: join(dir.path, 'nope') }) })).rejects.toMatchObject({ code: 'not-found' });
  });
});
