/**
 * The central's last word on this kiosk's audit chain (from the heartbeat answer), kept in
 * sync_state so the admin health screen and `yzt health` show a rewind or fork the court has
 * seen, and the hash the central wants next time (its stored entry count) survives a restart.
 */
import type { Db } from '../db/open.js';
import type { AuditContinuity } from '../../src-shared/sync/protocol.js';

const KEY = 'audit.central';

export function saveCentralAuditView(db: Db, v: AuditContinuity): void {
  db.prepare('INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(KEY, JSON.stringify(v));
}

export function readCentralAuditView(db: Db): AuditContinuity | null {
  const r = db.prepare('SELECT value FROM sync_state WHERE key = ?').get(KEY) as { value: string } | undefined;
  return r ? (JSON.parse(r.value) as AuditContinuity) : null;
}

/** The entry count whose hash the next heartbeat carries: what the central has stored. */
export function centralAuditCount(v: AuditContinuity | null): number | null {
  return v ? (v.anchorWanted ?? v.entries) : null;
}
