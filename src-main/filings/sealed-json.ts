/**
 * AES-256-GCM for the small JSON packages the kiosk keeps for a person (saved drafts,
 * hand-overs to the counter). The row's lookup key is bound in as associated data, so a body
 * moved to another row does not open.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export interface Sealed {
  iv: Buffer;
  tag: Buffer;
  body: Buffer;
}

export function sealJson(key: Buffer, aad: string, value: unknown): Sealed {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad));
  const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return { iv, tag: cipher.getAuthTag(), body };
}

/** Throws when the key, the associated data or the bytes are wrong. */
export function openJson<T>(key: Buffer, aad: string, sealed: Sealed): T {
  const d = createDecipheriv('aes-256-gcm', key, sealed.iv);
  d.setAAD(Buffer.from(aad));
  d.setAuthTag(sealed.tag);
  return JSON.parse(Buffer.concat([d.update(sealed.body), d.final()]).toString('utf8')) as T;
}
