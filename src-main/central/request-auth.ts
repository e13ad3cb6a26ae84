/**
 * Checks a kiosk's signed request: HMAC-SHA256 with the device's own secret over method,
 * path, time and body hash. The time must be within a window of the central's clock so a
 * captured request cannot be replayed later; the credential itself never expires, so a kiosk
 * that was offline for months still syncs. A kiosk with a wrong clock learns the central's
 * time from the `x-yzt-server-time` header of the refusal and signs with that offset.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { HEADER_DEVICE, HEADER_SIGNATURE, HEADER_TIME, SIGNATURE_WINDOW_MS, signingText } from '../../src-shared/sync/protocol.js';
import { HttpError } from '../http/http-util.js';
import type { CentralStore, DeviceRecord } from './store.js';

export function sha256Hex(body: Buffer | string): string {
  return createHash('sha256').update(body).digest('hex');
}

export function sign(secret: string, method: string, pathWithQuery: string, time: string, body: Buffer | string): string {
  return createHmac('sha256', secret).update(signingText(method, pathWithQuery, time, sha256Hex(body))).digest('base64url');
}

export const NOT_ENROLLED = new HttpError(401, 'not-enrolled', '本终端尚未在法院系统登记，请技术人员用登记码登记', 'This device is not enrolled; enrol it with a code from the court');

/**
 * The device a request claims to come from, checked from its headers alone: enrolled, not
 * revoked, signed within the time window. Done before the body is read, so a stranger cannot
 * make the central buffer megabytes; the signature over the body is checked after.
 */
export async function claimedDevice(store: CentralStore, req: IncomingMessage, now: Date): Promise<DeviceRecord> {
  const deviceId = header(req, HEADER_DEVICE);
  const time = header(req, HEADER_TIME);
  const signature = header(req, HEADER_SIGNATURE);
  if (!deviceId || !time || !signature) throw NOT_ENROLLED;
  const device = await store.device(deviceId);
  if (!device || !device.secret) throw NOT_ENROLLED;
  if (device.revokedAt) throw new HttpError(403, 'device-revoked', '本终端已被法院停用，请联系技术人员', 'This device has been revoked by the court');
  const t = Date.parse(time);
  if (!Number.isFinite(t) || Math.abs(t - now.getTime()) > SIGNATURE_WINDOW_MS) {
    throw new HttpError(401, 'clock-skew', '终端时钟与法院系统相差过大，正在校准', 'Request time outside the accepted window; resend with the server time');
  }
  return device;
}

/** The signature over method, path, time and body, under the claimed device's secret. */
export function verifySignature(device: DeviceRecord, req: IncomingMessage, body: Buffer): DeviceRecord {
  const expected = Buffer.from(sign(device.secret!, req.method ?? 'GET', req.url ?? '/', header(req, HEADER_TIME)!, body));
  const given = Buffer.from(header(req, HEADER_SIGNATURE) ?? '');
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    throw new HttpError(401, 'bad-signature', '终端身份校验失败，请技术人员重新登记', 'Bad request signature');
  }
  return device;
}

export async function authenticate(store: CentralStore, req: IncomingMessage, body: Buffer, now: Date): Promise<DeviceRecord> {
  return verifySignature(await claimedDevice(store, req, now), req, body);
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return typeof v === 'string' && v !== '' ? v : undefined;
}

