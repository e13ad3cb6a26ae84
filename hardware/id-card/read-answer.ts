/**
 * Payload of the `30 01` / `30 10` answer after SW1..SW3:
 *   textLen(2,BE) photoLen(2,BE) [fingerprintLen(2,BE)] text photo [fingerprint]
 */
import type { IdCardRaw } from '../../src-shared/domain/id-card.js';
import { TEXT_BLOCK_BYTES } from './text-block.js';

export const PHOTO_BYTES = 1024;
export const FINGERPRINT_MAX_BYTES = 1024;

export interface ReadAnswer {
  text: Uint8Array;
  raw: IdCardRaw;
}

export type ReadAnswerError = 'short' | 'bad-lengths';

const be16 = (b: Uint8Array, i: number): number => (b[i]! << 8) | b[i + 1]!;

export function parseReadAnswer(data: Uint8Array, withFingerprint: boolean): ReadAnswer | ReadAnswerError {
  const head = withFingerprint ? 6 : 4;
  if (data.length < head) return 'short';
  const textLen = be16(data, 0);
  const photoLen = be16(data, 2);
  const fpLen = withFingerprint ? be16(data, 4) : 0;
  if (textLen > TEXT_BLOCK_BYTES || photoLen > PHOTO_BYTES || fpLen > FINGERPRINT_MAX_BYTES) return 'bad-lengths';
  if (data.length < head + textLen + photoLen + fpLen) return 'short';
  const text = data.slice(head, head + textLen);
  const raw: IdCardRaw = { photoWlt: data.slice(head + textLen, head + textLen + photoLen) };
  if (withFingerprint) raw.fingerprint = data.slice(head + textLen + photoLen, head + textLen + photoLen + fpLen);
  return { text, raw };
}

export function encodeReadAnswer(text: Uint8Array, raw: IdCardRaw, withFingerprint: boolean): Uint8Array {
  const fp = withFingerprint ? (raw.fingerprint ?? new Uint8Array(0)) : undefined;
  const head = fp ? 6 : 4;
  const out = new Uint8Array(head + text.length + raw.photoWlt.length + (fp?.length ?? 0));
  out[0] = text.length >> 8;
  out[1] = text.length & 0xff;
  out[2] = raw.photoWlt.length >> 8;
  out[3] = raw.photoWlt.length & 0xff;
  if (fp) {
    out[4] = fp.length >> 8;
    out[5] = fp.length & 0xff;
  }
  out.set(text, head);
  out.set(raw.photoWlt, head + text.length);
  if (fp) out.set(fp, head + text.length + raw.photoWlt.length);
  return out;
}
