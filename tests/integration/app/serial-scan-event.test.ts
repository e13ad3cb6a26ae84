/**
 * A code read by the serial scanner reaches the UI as a contract event, interpreted: a GBK
 * payload labelled 案号 comes out as a case number (still for the applicant to confirm when it
 * is not the whole payload).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { once } from 'node:events';
import { join } from 'node:path';
import { openDatabase } from '../../../src-main/db/open.js';
import { importKioskConfig } from '../../../src-main/admin/kiosk-config.js';
import { startKioskApp, type KioskApp } from '../../../src-main/app/kiosk-app.js';
import { createLogger } from '../../../src-main/log/logger.js';
import { startScannerSimulator, type ScannerSimulator } from '../../../hardware/barcode/index.js';
import type { ApiEvents } from '../../../src-shared/api/contract.js';
import { tempDir } from '../../support/tmp.js';

describe('serial scanner scans reach the UI', () => {
  const dir = tempDir();
  let sim: ScannerSimulator;
  let app: KioskApp;

  beforeAll(async () => {
    sim = await startScannerSimulator({ link: join(dir.path, 'scanner') });
    const dataDir = join(dir.path, 'kiosk');
    const db = openDatabase(join(dataDir, 'kiosk.sqlite'), 'kiosk');
    importKioskConfig(
      db,
      { format: 'yzt-kiosk-config', version: 1, courtId: 'jiaozuo-shanyang', centralUrl: null, devices: { idReader: null, scanner: { mode: 'serial', path: join(dir.path, 'scanner'), charset: 'auto' }, receiptPrinter: null } },
      () => true,
    );
    db.close();
    app = await startKioskApp({ dataDir, shell: 'host', log: createLogger({ sink: [] }) });
    // Wait for the scanner's port to be open: an event, not a sleep.
    const scannerState = async () => (await app.handlers['devices.list'](null)).find((d) => d.device === 'scanner')?.state;
    for (;;) {
      const next = once(app.bus, 'devices.state');
      if ((await scannerState()) === 'ready') break;
      await next;
    }
  });
  afterAll(async () => {
    await app?.close();
    await sim?.close();
    dir.cleanup();
  });

  it('delivers a GBK payload as an interpreted scan event', async () => {
    const got = once(app.bus, 'scanner.scan') as Promise<[ApiEvents['scanner.scan']]>;
    await sim.scan('案号:（2024）豫0811民初123号;当事人:张某', { charset: 'gbk' });
    const [event] = await got;
    expect(event.charset.toLowerCase()).toMatch(/gb/);
    const caseNo = event.reading.findings.find((f) => f.kind === 'case-number');
    expect(caseNo?.value).toBe('（2024）豫0811民初123号');
    expect(event.reading.text).toContain('张某');
    expect(event.charsetConfident).toBe(true);
  });

  it('says when the bytes read as both UTF-8 and GBK, so the page asks the applicant to check', async () => {
    const got = once(app.bus, 'scanner.scan') as Promise<[ApiEvents['scanner.scan']]>;
    // GBK 娅丂; is also valid UTF-8 (櫁@;): the charset cannot be told from the bytes.
    await sim.scan('娅丂;', { charset: 'gbk' });
    const [event] = await got;
    expect(event.charsetConfident).toBe(false);
    expect(event.reading.needsConfirmation).toBe(true);
  });
});
