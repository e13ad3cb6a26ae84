/**
 * Each signed kiosk request is taken once. The signature covers method, path, time and body,
 * and the kiosk signs every send anew (a resend carries a new time), so the same signature
 * seen twice is a captured request played back inside the time window: a heartbeat replayed
 * to move the audit head back, a cancel replayed after a new call. A signature is remembered
 * until its time leaves the window, after which the time check refuses it anyway.
 * On PostgreSQL the signatures are kept in the database, so a request taken by one gateway
 * is refused by every other; on SQLite one process owns the file and keeps them in memory.
 */
import type pg from 'pg';
import type { IncomingMessage } from 'node:http';
import { HEADER_SIGNATURE, HEADER_TIME, SIGNATURE_WINDOW_MS } from '../../src-shared/sync/protocol.js';
import { HttpError } from '../http/http-util.js';
import type { DeviceRecord } from './store.js';

export interface ReplayGuard {
  /** True the first time this device's signature is seen; `expiresMs` is when it can be forgotten. */
  firstUse(deviceId: string, signature: string, expiresMs: number): Promise<boolean>;
}

export const REPLAYED = new HttpError(401, 'replayed', '这个请求已经收到过，终端会重新发送', 'This signed request was already taken; a resend must be signed anew');

/** Refuses a signature already taken; call after the signature is verified, so strangers store nothing. */
export async function refuseReplay(guard: ReplayGuard, device: DeviceRecord, req: IncomingMessage): Promise<DeviceRecord> {
  const signature = req.headers[HEADER_SIGNATURE];
  const time = Date.parse(String(req.headers[HEADER_TIME] ?? ''));
  if (typeof signature !== 'string' || !Number.isFinite(time)) throw REPLAYED;
  if (!(await guard.firstUse(device.deviceId, signature, time + SIGNATURE_WINDOW_MS))) throw REPLAYED;
  return device;
}

export class MemoryReplayGuard implements ReplayGuard {
  private readonly seen = new Map<string, number>();
  private nextSweep = 0;

  constructor(private readonly now: () => number = Date.now) {}

  async firstUse(deviceId: string, signature: string, expiresMs: number): Promise<boolean> {
    const t = this.now();
    if (t >= this.nextSweep) {
      for (const [k, until] of this.seen) if (until <= t) this.seen.delete(k);
      this.nextSweep = t + 60_000;
    }
    const key = `${deviceId}\n${signature}`;
    if ((this.seen.get(key) ?? 0) > t) return false;
    this.seen.set(key, expiresMs);
    return true;
  }
}

const TAKE_SQL = `INSERT INTO seen_signatures (device_id, signature, expires_ms) VALUES ($1, $2, $3::bigint) ON CONFLICT DO NOTHING`;
export const SWEEP_SIGNATURES_SQL = `DELETE FROM seen_signatures WHERE expires_ms <= $1::bigint`;

export class PgReplayGuard implements ReplayGuard {
  constructor(private readonly pool: pg.Pool) {}

  async firstUse(deviceId: string, signature: string, expiresMs: number): Promise<boolean> {
    const r = await this.pool.query(TAKE_SQL, [deviceId, signature, expiresMs]);
    return r.rowCount === 1;
  }
}
