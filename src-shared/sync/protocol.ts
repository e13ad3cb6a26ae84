/**
 * Wire protocol between a kiosk's sync engine and the central gateway (HTTP + JSON).
 * Idempotency key: (deviceId, mutationId), plus the filing's UUID: a replayed mutation gets
 * the stored answer, and the same filing under another mutation id gets the same number.
 * See docs/sync-protocol.md.
 */
import { z } from 'zod';
import type { FilingRecord } from '../domain/filing.js';

/** What this build speaks, and the oldest peer it still understands (both ways). */
export const PROTOCOL_VERSION = 2;
export const MIN_PROTOCOL_VERSION = 2;

export const HEADER_DEVICE = 'x-yzt-device';
export const HEADER_PROTOCOL = 'x-yzt-protocol';
/** The kiosk database's schema version; the central refuses kiosks older than it supports. */
export const HEADER_SCHEMA = 'x-yzt-schema';
export const HEADER_TIME = 'x-yzt-time';
export const HEADER_SIGNATURE = 'x-yzt-signature';
/** The central's clock on every answer, so a kiosk with a wrong clock can still sign. */
export const HEADER_SERVER_TIME = 'x-yzt-server-time';

/** A signed request is accepted this far either side of the central's clock. */
export const SIGNATURE_WINDOW_MS = 5 * 60_000;

export interface PushMutation {
  mutationId: number;
  kind: 'filing.create';
  filing: FilingRecord;
}

export interface PushRequest {
  mutations: PushMutation[];
}

export type MutationResult =
  | { mutationId: number; status: 'accepted'; officialNo: string; acceptedAt: string }
  | { mutationId: number; status: 'rejected'; code: string; reason_zh: string; reason_en: string };

export interface PushResponse {
  protocol: number;
  results: MutationResult[];
}

/** Court-side state of a case: 'filed' when numbered, then as the clerks move it. */
export const CASE_STATUSES = ['filed', 'accepted', 'returned', 'triaged', 'assigned', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** One status change of one case; `version` is the court's cursor, increasing by commit order. */
export interface CaseChange {
  version: number;
  filingId: string;
  officialNo: string;
  provisionalNo: string;
  status: CaseStatus;
  reasons_zh: string[];
  team: string | null;
  at: string;
}

export interface PullResponse {
  protocol: number;
  changes: CaseChange[];
  /** Cursor to send next time (the last change's version, or the one sent when none). */
  cursor: number;
}

export interface HelloResponse {
  protocol: number;
  minProtocol: number;
  minKioskSchema: number;
  serverTime: string;
  device: { deviceId: string; courtCode: string; courtId: string; lastMutationId: number };
}

export interface EnrolRequest {
  code: string;
  deviceId: string;
  protocol: number;
}

export interface EnrolResponse {
  deviceId: string;
  secret: string;
  courtId: string;
  courtCode: string;
}

export interface ProtocolErrorBody {
  error: string;
  message_zh: string;
  message_en: string;
  /** On 'mutation-conflict': the highest mutation id the central holds for this device. */
  lastMutationId?: number;
}

/** The text a request signature covers: method, path with query, time, body hash. */
export function signingText(method: string, pathWithQuery: string, time: string, bodySha256Hex: string): string {
  return `${method.toUpperCase()}\n${pathWithQuery}\n${time}\n${bodySha256Hex}`;
}

/** The envelope is checked strictly; each filing is checked on its own so one bad filing
 * becomes one rejection and the rest of the batch is still accepted. */
export const pushRequestSchema = z.strictObject({
  mutations: z
    .array(z.strictObject({ mutationId: z.number().int().positive(), kind: z.literal('filing.create'), filing: z.unknown() }))
    .max(500),
});

export const enrolRequestSchema = z.strictObject({
  code: z.string().min(4).max(64),
  deviceId: z.string().min(1).max(64),
  protocol: z.number().int(),
});

export const caseActionSchema = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('accept'), number: z.string().min(1).max(64) }),
  z.strictObject({ action: z.literal('return'), number: z.string().min(1).max(64), reasons_zh: z.array(z.string().min(1).max(200)).min(1).max(20) }),
  z.strictObject({ action: z.literal('triage'), number: z.string().min(1).max(64), team: z.string().min(1).max(40) }),
  z.strictObject({ action: z.literal('assign'), number: z.string().min(1).max(64), team: z.string().min(1).max(40) }),
  z.strictObject({ action: z.literal('close'), number: z.string().min(1).max(64) }),
]);
export type CaseAction = z.output<typeof caseActionSchema>;

export const MAX_PUSH_BYTES = 8 * 1024 * 1024;
export const MAX_PULL_CHANGES = 500;
export const MAX_LONG_POLL_MS = 30_000;

/**
 * `POST /v1/heartbeat`: what a kiosk tells the court about itself every minute or so. Check
 * names and statuses only (the health messages can carry paths), no personal data. The audit
 * head lets the court notice later that a kiosk's audit log was cut short.
 */
export const heartbeatRequestSchema = z.strictObject({
  appVersion: z.string().min(1).max(40),
  checks: z.array(z.strictObject({ name: z.string().regex(/^[a-z][a-z-]{0,39}$/), status: z.enum(['ok', 'warn', 'fail']) })).max(20),
  queueDepth: z.number().int().min(0),
  /** Age of the oldest unsent filing in seconds; null when nothing waits. */
  oldestPendingSeconds: z.number().int().min(0).nullable(),
  /** Hash of the last audit entry when the chain verifies; null when it is broken. */
  auditHead: z.string().regex(/^[0-9a-f]{1,128}$/).nullable(),
  auditEntries: z.number().int().min(0),
});
export type HeartbeatRequest = z.output<typeof heartbeatRequestSchema>;

export interface HeartbeatResponse {
  protocol: number;
  /** The central's clock at receipt: the time the court lists as this kiosk's last heartbeat. */
  receivedAt: string;
}

/** `GET /v1/court/kiosks`: every enrolled kiosk as the court sees it. */
export interface KioskListEntry {
  deviceId: string;
  courtId: string;
  courtCode: string;
  enrolledAt: string | null;
  revokedAt: string | null;
  lastHeartbeatAt: string | null;
  lastPushAt: string | null;
  health: HeartbeatRequest | null;
  /** Not revoked, and no heartbeat within the stale time. */
  down: boolean;
}

export interface KioskListResponse {
  at: string;
  staleMinutes: number;
  kiosks: KioskListEntry[];
}
