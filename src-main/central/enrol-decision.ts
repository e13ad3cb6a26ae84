/**
 * Whether an enrolment code may bind a device id. Device ids are public (any kiosk shows its
 * own), so a code must never re-bind an id that is already enrolled: that would replace the
 * real kiosk's secret, move it to the code's court and undo a revocation. An id is bound on its
 * first enrolment; re-enrolling it (new disk, new secret) takes a code the court issued for that
 * device after revoking it, in the device's own court.
 */
import type { EnrolCodeRow } from './device-sql.js';

export interface BoundDevice {
  courtId: string;
  revokedAt: string | null;
}

export type EnrolDecision =
  | { ok: true; kind: 'new' | 're-enrol' }
  | { ok: false; reason: 'bad-code' }
  | { ok: false; reason: 'device-bound' };

export function decideEnrolment(code: EnrolCodeRow | undefined, deviceId: string, device: BoundDevice | null, at: string): EnrolDecision {
  if (!code || code.expires_at < at) return { ok: false, reason: 'bad-code' };
  // A code for another device is as good as no code: it says nothing about that device.
  if (code.for_device !== null && code.for_device !== deviceId) return { ok: false, reason: 'bad-code' };
  if (!device) return { ok: true, kind: 'new' };
  if (code.for_device === deviceId && device.revokedAt !== null && device.courtId === code.court_id) return { ok: true, kind: 're-enrol' };
  return { ok: false, reason: 'device-bound' };
}

export type EnrolRedemption = { ok: true; courtId: string; courtCode: string; kind: 'new' | 're-enrol' } | { ok: false; reason: 'bad-code' | 'device-bound' };
