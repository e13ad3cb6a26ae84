/**
 * Device enrolment: court IT staff print a one-time code (`yzt central enrol-code`); the kiosk
 * exchanges it once for its own HMAC secret. Only the code's hash is stored.
 */
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { findCourt } from '../../src-shared/courts/court-profile.js';
import type { CentralStore } from './store.js';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // no 0/O, 1/I: read aloud and typed by hand

export function normaliseCode(code: string): string {
  return code.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

export function hashCode(code: string): string {
  return createHash('sha256').update(normaliseCode(code)).digest('hex');
}

export function newDeviceSecret(): string {
  return randomBytes(32).toString('base64url');
}

export type EnrolCodeOutcome = { ok: true; code: string; expiresAt: string; courtCode: string } | { ok: false; message_zh: string; message_en: string };

/**
 * A one-time code for the court. With `forDevice` it re-enrols that device only (new disk, new
 * secret): the court must have revoked it first, so a live kiosk is never displaced by a code.
 */
export async function issueEnrolCode(store: CentralStore, courtId: string, now: Date, ttlHours = 72, forDevice: string | null = null): Promise<EnrolCodeOutcome> {
  const court = findCourt(courtId);
  if (!court) return { ok: false, message_zh: `未知的法院：${courtId}（见 yzt courts list）`, message_en: `Unknown court ${courtId}; see yzt courts list` };
  if (forDevice) {
    const device = await store.device(forDevice);
    if (!device || device.courtId !== court.id) return { ok: false, message_zh: `本院没有登记过设备 ${forDevice}（见 yzt central kiosks）`, message_en: `No device ${forDevice} enrolled for this court; see yzt central kiosks` };
    if (!device.revokedAt) return { ok: false, message_zh: `设备 ${forDevice} 仍在使用：请先用 yzt central revoke 吊销，再签发重新登记码`, message_en: `Device ${forDevice} is live; revoke it with yzt central revoke first` };
  }
  const raw = Array.from({ length: 12 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  const code = `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}`;
  const expiresAt = new Date(now.getTime() + ttlHours * 3600_000);
  await store.createEnrolCode(hashCode(code), court.id, court.code, now, expiresAt, forDevice);
  return { ok: true, code, expiresAt: expiresAt.toISOString(), courtCode: court.code };
}
