/** Kiosk settings kept in the kiosk database (so a backup or export carries them). */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Db } from '../db/open.js';
import { prepared } from '../db/prepared.js';

export interface KioskSettings {
  deviceId: string;
  courtId: string;
  centralUrl: string | null;
  /** Secret for the keyed hash that finds an applicant's own filings without an ID-number index. */
  applicantKeySecret: string;
}

const DEFAULTS = { courtId: 'jiaozuo-shanyang' };

export function readSetting(db: Db, key: string): string | undefined {
  const row = prepared(db, 'SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value;
}

export function writeSetting(db: Db, key: string, value: string): void {
  prepared(db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}

/** Loads settings, creating the device identity on first start. */
export function loadKioskSettings(db: Db, overrides: Partial<Pick<KioskSettings, 'courtId' | 'centralUrl'>> = {}): KioskSettings {
  return db.transaction(() => {
    let deviceId = readSetting(db, 'device.id');
    if (!deviceId) {
      deviceId = randomUUID();
      writeSetting(db, 'device.id', deviceId);
    }
    let secret = readSetting(db, 'applicant.keySecret');
    if (!secret) {
      secret = randomBytes(32).toString('hex');
      writeSetting(db, 'applicant.keySecret', secret);
    }
    if (overrides.courtId) writeSetting(db, 'court.id', overrides.courtId);
    if (overrides.centralUrl) writeSetting(db, 'central.url', overrides.centralUrl);
    return {
      deviceId,
      courtId: readSetting(db, 'court.id') ?? DEFAULTS.courtId,
      centralUrl: readSetting(db, 'central.url') ?? null,
      applicantKeySecret: secret,
    };
  })();
}
