/**
 * Kiosk side of enrolment: exchanges a one-time code from the court's IT staff for this
 * device's credential and keeps it in the kiosk settings. The credential does not expire, so
 * a kiosk offline for months still syncs when it comes back; the court revokes it instead.
 */
import type { Db } from '../db/open.js';
import { loadKioskSettings } from '../kiosk/settings.js';
import { PROTOCOL_VERSION, type EnrolRequest, type EnrolResponse, type ProtocolErrorBody } from '../../src-shared/sync/protocol.js';
import { saveCredential } from './sync-state.js';

export type EnrolOutcome = { ok: true; deviceId: string; courtId: string; courtCode: string } | { ok: false; code: string; message_zh: string; message_en: string };

export async function enrolKiosk(db: Db, opts: { centralUrl: string; code: string; timeoutMs?: number }): Promise<EnrolOutcome> {
  const centralUrl = opts.centralUrl.replace(/\/+$/, '');
  const { deviceId } = loadKioskSettings(db);
  const body: EnrolRequest = { code: opts.code.trim(), deviceId, protocol: PROTOCOL_VERSION };
  let res: Response;
  try {
    res = await fetch(`${centralUrl}/v1/enrol`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(opts.timeoutMs ?? 15_000) });
  } catch (e) {
    return { ok: false, code: 'unreachable', message_zh: `无法连接法院系统：${centralUrl}`, message_en: `Cannot reach ${centralUrl}: ${e instanceof Error ? e.message : String(e)}` };
  }
  const json = (await res.json().catch(() => null)) as (EnrolResponse & ProtocolErrorBody) | null;
  if (!res.ok || !json || typeof json.secret !== 'string') {
    return { ok: false, code: json?.error ?? `http-${res.status}`, message_zh: json?.message_zh ?? '登记失败', message_en: json?.message_en ?? `Enrolment failed (HTTP ${res.status})` };
  }
  saveCredential(db, { centralUrl, deviceId, secret: json.secret, courtCode: json.courtCode, courtId: json.courtId });
  return { ok: true, deviceId, courtId: json.courtId, courtCode: json.courtCode };
}
