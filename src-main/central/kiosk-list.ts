/**
 * The court's list of kiosks: every enrolled device with its last heartbeat (central clock),
 * last push and health summary, marked down when it has gone quiet for longer than the stale
 * time. One SQL text for both stores, so SQLite and PostgreSQL list alike.
 */
import type { HeartbeatRequest, KioskListEntry, KioskListResponse } from '../../src-shared/sync/protocol.js';
import type { CentralStore } from './store.js';
import { toContinuity, type AuditHeadRow } from './audit-anchor.js';

export const DEFAULT_STALE_MINUTES = 5;

/** Upsert of a device's heartbeat; `$1` device, `$2` time, `$3` summary. */
export const HEARTBEAT_UPSERT_SQL = `INSERT INTO heartbeats (device_id, at, summary_json) VALUES ($1, $2, $3)
  ON CONFLICT (device_id) DO UPDATE SET at = excluded.at, summary_json = excluded.summary_json`;

export const KIOSKS_SQL = `SELECT d.device_id, d.court_id, d.court_code, d.enrolled_at, d.revoked_at, h.at AS heartbeat_at, h.summary_json,
    (SELECT max(m.received_at) FROM mutations m WHERE m.device_id = d.device_id) AS last_push_at,
    a.entries, a.head, a.at, a.problem, a.problem_at, a.problem_detail
  FROM devices d LEFT JOIN heartbeats h ON h.device_id = d.device_id LEFT JOIN audit_heads a ON a.device_id = d.device_id
  WHERE d.enrolled_at IS NOT NULL
  ORDER BY d.court_code, d.device_id`;

export interface KioskRow {
  device_id: string;
  court_id: string;
  court_code: string;
  enrolled_at: string | null;
  revoked_at: string | null;
  heartbeat_at: string | null;
  summary_json: string | null;
  last_push_at: string | null;
}

type KioskAuditRow = KioskRow & Partial<AuditHeadRow>;

/** A kiosk as stored, before the stale time is applied. */
export type StoredKiosk = Omit<KioskListEntry, 'down'>;

export function toStoredKiosk(r: KioskAuditRow): StoredKiosk {
  return {
    deviceId: r.device_id,
    courtId: r.court_id,
    courtCode: r.court_code,
    enrolledAt: r.enrolled_at,
    revokedAt: r.revoked_at,
    lastHeartbeatAt: r.heartbeat_at,
    lastPushAt: r.last_push_at,
    health: r.summary_json ? (JSON.parse(r.summary_json) as HeartbeatRequest) : null,
    audit: r.head ? toContinuity(r as AuditHeadRow) : null,
  };
}

/** A revoked kiosk is not "down": the court stopped it on purpose. */
export function isDown(k: StoredKiosk, now: Date, staleMinutes: number): boolean {
  if (k.revokedAt) return false;
  if (!k.lastHeartbeatAt) return true;
  return now.getTime() - Date.parse(k.lastHeartbeatAt) > staleMinutes * 60_000;
}

export async function listKiosks(store: CentralStore, now: Date, staleMinutes = DEFAULT_STALE_MINUTES): Promise<KioskListResponse> {
  const kiosks = (await store.kiosks()).map((k) => ({ ...k, down: isDown(k, now, staleMinutes) }));
  return { at: now.toISOString(), staleMinutes, kiosks };
}

/** `--stale-minutes` / `?staleMinutes=`: a positive number, else the default. */
export function staleMinutesOf(v: unknown): number | null {
  if (v === undefined || v === null || v === '') return DEFAULT_STALE_MINUTES;
  const n = Number(v);
  return Number.isFinite(n) && n > 0 && n <= 7 * 24 * 60 ? n : null;
}
