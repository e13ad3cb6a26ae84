/**
 * The sync engine's state in the kiosk database (pull cursor, last push and pull, last
 * error, device credential), so a restart resumes where it stopped and `yzt sync status`
 * run beside a live kiosk reads the same picture.
 */
import type { Db } from '../db/open.js';
import { prepared } from '../db/prepared.js';
import { readSetting, writeSetting } from '../kiosk/settings.js';
import { commitWithoutDiskWait } from '../db/relaxed-commit.js';

export interface SyncProblem {
  code: string;
  message_zh: string;
  message_en: string;
}

export interface StoredSyncState {
  cursor: number;
  lastPushAt: string | null;
  lastPullAt: string | null;
  lastError: SyncProblem | null;
}

export interface Credential {
  centralUrl: string;
  deviceId: string;
  secret: string;
  courtCode: string;
}

function get(db: Db, key: string): string | null {
  const r = prepared(db, 'SELECT value FROM sync_state WHERE key = ?').get(key) as { value: string } | undefined;
  return r?.value ?? null;
}

/** One commit that does not wait for the disk: a cursor or time lost in a power cut is only
 * asked for again (relaxed-commit.ts). Written after every push, so it must be cheap. */
export function setSyncState(db: Db, values: Partial<{ cursor: number; lastPushAt: string; lastPullAt: string; lastError: SyncProblem | null }>): void {
  const put = prepared(db, 'INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  commitWithoutDiskWait(db, () => {
    if (values.cursor !== undefined) put.run('pull.cursor', String(values.cursor));
    if (values.lastPushAt !== undefined) put.run('push.lastAt', values.lastPushAt);
    if (values.lastPullAt !== undefined) put.run('pull.lastAt', values.lastPullAt);
    if (values.lastError !== undefined) put.run('error.last', JSON.stringify(values.lastError));
  });
}

export function readSyncState(db: Db): StoredSyncState {
  const err = get(db, 'error.last');
  return {
    cursor: Number(get(db, 'pull.cursor') ?? 0),
    lastPushAt: get(db, 'push.lastAt'),
    lastPullAt: get(db, 'pull.lastAt'),
    lastError: err ? (JSON.parse(err) as SyncProblem | null) : null,
  };
}

export function readCredential(db: Db): Credential | null {
  const secret = readSetting(db, 'central.deviceSecret');
  const deviceId = readSetting(db, 'device.id');
  const centralUrl = readSetting(db, 'central.url');
  const courtCode = readSetting(db, 'central.courtCode');
  return secret && deviceId && centralUrl && courtCode ? { secret, deviceId, centralUrl, courtCode } : null;
}

export function saveCredential(db: Db, c: Credential & { courtId: string }): void {
  db.transaction(() => {
    writeSetting(db, 'central.url', c.centralUrl);
    writeSetting(db, 'central.deviceSecret', c.secret);
    writeSetting(db, 'central.courtCode', c.courtCode);
    writeSetting(db, 'court.id', c.courtId);
  })();
}
