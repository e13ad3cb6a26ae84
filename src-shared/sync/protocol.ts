/**
 * Wire protocol between a kiosk's sync engine and the central gateway (HTTP + JSON).
 * Idempotency key: (deviceId, mutationId). A replayed mutation gets the stored answer.
 */
import { z } from 'zod';
import type { FilingRecord } from '../domain/filing.js';

export const PROTOCOL_VERSION = 1;
export const HEADER_DEVICE = 'x-yzt-device';
export const HEADER_PROTOCOL = 'x-yzt-protocol';

export interface PushMutation {
  mutationId: number;
  kind: 'filing.create';
  filing: FilingRecord;
}

export interface PushRequest {
  protocol: number;
  deviceId: string;
  courtCode: string;
  mutations: PushMutation[];
}

export type MutationResult =
  | { mutationId: number; status: 'accepted'; officialNo: string; acceptedAt: string }
  | { mutationId: number; status: 'rejected'; code: string; reason_zh: string; reason_en: string };

export interface PushResponse {
  protocol: number;
  results: MutationResult[];
}

export interface ProtocolErrorBody {
  error: string;
  message_zh: string;
  message_en: string;
}


/** The envelope is checked strictly; each filing is checked on its own so one bad filing
 * becomes one rejection and the rest of the batch is still accepted. */
export const pushRequestSchema = z.strictObject({
  protocol: z.number().int(),
  deviceId: z.string().min(1).max(64),
  courtCode: z.string().min(2).max(8),
  mutations: z
    .array(z.strictObject({ mutationId: z.number().int().positive(), kind: z.literal('filing.create'), filing: z.unknown() }))
    .max(500),
});

export const MAX_PUSH_BYTES = 8 * 1024 * 1024;
