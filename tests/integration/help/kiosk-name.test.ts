/** The name a call for staff carries: set in the configuration file, else made from the device id. */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-main/db/open.js';
import { importKioskConfig, readKioskConfig } from '../../../src-main/admin/kiosk-config.js';
import { kioskName } from '../../../src-main/help/start-help.js';
import { tempDir } from '../../support/tmp.js';

describe('kiosk name for calls', () => {
  const dir = tempDir();
  const db = openDatabase(join(dir.path, 'kiosk.sqlite'), 'kiosk');
  afterAll(() => {
    db.close();
    dir.cleanup();
  });
  const DEVICE = '3f9a21bc-0000-4000-8000-000000000000';

  it('falls back to the short device code', () => {
    expect(kioskName(db, DEVICE)).toBe('自助终端 3F9A21');
  });

  it('takes the name from an imported configuration file and exports it again', () => {
    const r = importKioskConfig(db, { ...readKioskConfig(db), kioskName: '大厅2号机' }, () => true);
    expect(r.ok).toBe(true);
    expect(kioskName(db, DEVICE)).toBe('大厅2号机');
    expect(readKioskConfig(db).kioskName).toBe('大厅2号机');
  });

  it('refuses a name with control characters and changes nothing', () => {
    const r = importKioskConfig(db, { ...readKioskConfig(db), kioskName: 'a\u0007b' }, () => true);
    expect(r.ok).toBe(false);
    expect(kioskName(db, DEVICE)).toBe('大厅2号机');
  });
});
