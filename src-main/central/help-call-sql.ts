/**
 * Calls for staff in the central's store: SQL and the decisions shared by the SQLite and
 * PostgreSQL stores, so both answer alike. A call is open while it waits (for at most
 * HELP_CALL_TTL_MS) and is shown a short while after a clerk took it; a cancelled or expired
 * call is gone for the kiosk and the counters. Each change bumps the court's help version,
 * which the counters long-poll on.
 */
import type { HelpCallView, HelpPlace } from '../../src-shared/api/help.js';

/** A call nobody took is dropped after this long; the kiosk has said to go to the window by then. */
export const HELP_CALL_TTL_MS = 30 * 60_000;
/** An acknowledged call stays on the counters' lists this long, so the other clerks see who went. */
export const HELP_ACK_SHOWN_MS = 5 * 60_000;
/** Rows older than this are deleted when a new call comes: nothing shows them any more. */
const HELP_KEEP_MS = 24 * 60 * 60_000;

export interface HelpCallRow {
  id: string;
  device_id: string;
  court_code: string;
  kiosk_name: string;
  place: string;
  called_at: string;
  status: string;
  acknowledged_at: string | null;
  acknowledged_by: string | null;
}

const COLUMNS = 'id, device_id, court_code, kiosk_name, place, called_at, status, acknowledged_at, acknowledged_by';
export const HELP_CALL_SQL = `SELECT ${COLUMNS} FROM help_calls WHERE id = $1`;
export const HELP_CALL_FOR_UPDATE_SQL = `${HELP_CALL_SQL} FOR UPDATE`;
/** A new call, or a gone one (cancelled, expired) of the same device raised again under its id. */
export const PUT_HELP_CALL_SQL = `INSERT INTO help_calls (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, 'waiting', NULL, NULL)
  ON CONFLICT (id) DO UPDATE SET kiosk_name = excluded.kiosk_name, place = excluded.place, called_at = excluded.called_at,
    status = 'waiting', acknowledged_at = NULL, acknowledged_by = NULL
  WHERE help_calls.device_id = excluded.device_id`;
export const PRUNE_HELP_CALLS_SQL = 'DELETE FROM help_calls WHERE called_at < $1';
export const CANCEL_HELP_CALL_SQL = "UPDATE help_calls SET status = 'cancelled' WHERE id = $1";
export const ACK_HELP_CALL_SQL = "UPDATE help_calls SET status = 'acknowledged', acknowledged_at = $1, acknowledged_by = $2 WHERE id = $3";
/** `$1` court, `$2` oldest call still waiting, `$3` oldest acknowledgement still shown. */
export const OPEN_HELP_CALLS_SQL = `SELECT ${COLUMNS} FROM help_calls
  WHERE court_code = $1 AND ((status = 'waiting' AND called_at >= $2) OR (status = 'acknowledged' AND acknowledged_at >= $3))
  ORDER BY called_at, id`;
export const BUMP_HELP_VERSION_SQL = `INSERT INTO help_versions (court_code, version) VALUES ($1, 1)
  ON CONFLICT (court_code) DO UPDATE SET version = help_versions.version + 1 RETURNING version`;
export const HELP_VERSION_SQL = 'SELECT version FROM help_versions WHERE court_code = $1';

const before = (now: Date, ms: number) => new Date(now.getTime() - ms).toISOString();

/** Whether a stored call still counts: not cancelled, and not left waiting past its time. */
export function isLive(r: HelpCallRow, now: Date): boolean {
  return r.status === 'acknowledged' || (r.status === 'waiting' && r.called_at >= before(now, HELP_CALL_TTL_MS));
}

export function toHelpCallView(r: HelpCallRow): HelpCallView {
  return {
    id: r.id,
    deviceId: r.device_id,
    kioskName: r.kiosk_name,
    place: r.place as HelpPlace,
    calledAt: r.called_at,
    status: r.status === 'acknowledged' ? 'acknowledged' : 'waiting',
    acknowledgedAt: r.acknowledged_at,
    acknowledgedBy: r.acknowledged_by,
  };
}

export interface RaiseInput {
  device: { deviceId: string; courtCode: string };
  call: { id: string; place: HelpPlace; kioskName: string };
  now: Date;
}

export type RaiseDecision = { answer: HelpCallRow } | { refuse: true } | { put: unknown[] };

/** A live call of this device is answered as it is (a resend); another device's id is refused. */
export function decideRaise(prior: HelpCallRow | undefined, { device, call, now }: RaiseInput): RaiseDecision {
  if (prior && prior.device_id !== device.deviceId) return { refuse: true };
  if (prior && isLive(prior, now)) return { answer: prior };
  return { put: [call.id, device.deviceId, device.courtCode, call.kioskName, call.place, now.toISOString()] };
}

export const pruneParams = (now: Date): unknown[] => [before(now, HELP_KEEP_MS)];
export const openParams = (courtCode: string, now: Date): unknown[] => [courtCode, before(now, HELP_CALL_TTL_MS), before(now, HELP_ACK_SHOWN_MS)];

export type AckOutcome = { call: HelpCallView; courtCode: string; changed: boolean } | 'not-found' | 'wrong-court';

/** `courtCode` null: the gateway's admin token, any court. */
export function decideAck(prior: HelpCallRow | undefined, courtCode: string | null, now: Date): 'not-found' | 'wrong-court' | 'already' | 'ack' {
  if (!prior || !isLive(prior, now)) return 'not-found';
  if (courtCode !== null && prior.court_code !== courtCode) return 'wrong-court';
  return prior.status === 'acknowledged' ? 'already' : 'ack';
}

/** The calls for staff as the central keeps them; each method is one transaction. */
export interface HelpCallStore {
  /** The call as stored, `changed` when it was new; null when the id is another device's. */
  raiseHelpCall(input: RaiseInput): Promise<{ call: HelpCallView; changed: boolean } | null>;
  /** The device's own live call; null for another device's, a gone or an unknown id. */
  helpCall(deviceId: string, id: string, now: Date): Promise<HelpCallView | null>;
  /** The court whose list changed; null when there was no live call of this device to cancel. */
  cancelHelpCall(deviceId: string, id: string, now: Date): Promise<string | null>;
  /** The court's waiting calls and those acknowledged a short while ago, oldest first. */
  openHelpCalls(courtCode: string, now: Date): Promise<HelpCallView[]>;
  acknowledgeHelpCall(courtCode: string | null, id: string, by: string, now: Date): Promise<AckOutcome>;
  helpVersion(courtCode: string): Promise<number>;
}
