/**
 * Enrolment codes, devices and the numbered-case list at the central: SQL and row mapping
 * shared by the SQLite and PostgreSQL stores (`$1`..`$n`, each once and in order, so the
 * SQLite store binds them as `?`). PostgreSQL returns BIGINT columns as strings, hence the
 * Number() in the mappings.
 */
import type { DeviceRecord, NumberedCase } from './store.js';

export const INSERT_ENROL_CODE_SQL = 'INSERT INTO enrol_codes (code_hash, court_id, court_code, created_at, expires_at, for_device) VALUES ($1, $2, $3, $4, $5, $6)';

/** An unused code; PostgreSQL appends FOR UPDATE so two kiosks cannot redeem it at once. */
export const ENROL_CODE_SQL = 'SELECT court_id, court_code, expires_at, for_device FROM enrol_codes WHERE code_hash = $1 AND used_at IS NULL';

export const USE_ENROL_CODE_SQL = 'UPDATE enrol_codes SET used_at = $1, device_id = $2 WHERE code_hash = $3';

/** First enrolment binds the id; a row already there is never overwritten (see enrol-decision.ts). */
export const ENROL_NEW_DEVICE_SQL = `INSERT INTO devices (device_id, court_code, court_id, first_seen_at, last_seen_at, secret, enrolled_at, revoked_at) VALUES ($1, $2, $3, $4, $5, $6, $7, NULL)
  ON CONFLICT (device_id) DO NOTHING`;

/** A re-enrolled device keeps its court and history (first_seen_at, last_mutation_id); only a revoked one. */
export const REENROL_DEVICE_SQL = 'UPDATE devices SET secret = $1, enrolled_at = $2, revoked_at = NULL WHERE device_id = $3 AND court_id = $4 AND revoked_at IS NOT NULL';

export const INSERT_DEVICE_EVENT_SQL = 'INSERT INTO device_events (device_id, court_code, action, at) VALUES ($1, $2, $3, $4)';

export const DEVICE_EVENTS_SQL = 'SELECT device_id, court_code, action, at FROM device_events WHERE device_id = $1 ORDER BY id';

export const DEVICE_SQL = 'SELECT device_id, court_id, court_code, secret, revoked_at, last_mutation_id FROM devices WHERE device_id = $1';

export const REVOKE_DEVICE_SQL = 'UPDATE devices SET revoked_at = $1 WHERE device_id = $2 AND revoked_at IS NULL';

export const INSERT_EVENT_SQL = 'INSERT INTO case_events (court_code, version, filing_id, status, reasons_json, team, at) VALUES ($1, $2, $3, $4, $5, $6, $7)';

export const INSERT_MUTATION_SQL = 'INSERT INTO mutations (device_id, mutation_id, result_json, received_at, filing_id) VALUES ($1, $2, $3, $4, $5)';

export const NUMBERED_CASES_SQL = 'SELECT filing_id, court_code, type_code, year, seq, official_no FROM cases ORDER BY court_code, type_code, year, seq';

export interface EnrolCodeRow {
  court_id: string;
  court_code: string;
  expires_at: string;
  for_device: string | null;
}

export interface DeviceRow {
  device_id: string;
  court_id: string;
  court_code: string;
  secret: string | null;
  revoked_at: string | null;
  last_mutation_id: number | string;
}

export function toDevice(r: DeviceRow | undefined): DeviceRecord | null {
  return r ? { deviceId: r.device_id, courtId: r.court_id, courtCode: r.court_code, secret: r.secret, revokedAt: r.revoked_at, lastMutationId: Number(r.last_mutation_id) } : null;
}

export interface NumberedCaseRow {
  filing_id: string;
  court_code: string;
  type_code: string;
  year: number;
  seq: number | string;
  official_no: string;
}

export function toNumberedCase(r: NumberedCaseRow): NumberedCase {
  return { filingId: r.filing_id, courtCode: r.court_code, typeCode: r.type_code, year: Number(r.year), seq: Number(r.seq), officialNo: r.official_no };
}
