/**
 * Unfinished applications, resumable by the same ID card within a configured time.
 * The body is AES-256-GCM under a key derived from the card's ID number and the kiosk
 * secret: the database alone (a stolen disk, a backup) cannot open it, and nobody without
 * the card can find or read it. Expired drafts and their photographs are deleted.
 */
import { createHmac } from 'node:crypto';
import type { Db } from '../db/open.js';
import type { SavedDraft } from '../../src-shared/api/contract.js';
import { dropHeldDocuments, moveDocuments } from './document-store.js';
import { openJson, sealJson } from './sealed-json.js';

export interface DraftKeys {
  /** Keyed hash of the ID number (finds the row). */
  ownerKey: string;
  /** AES key derived from the ID number (opens the row). */
  aesKey: Buffer;
}

export function draftKeys(secret: string, idNumber: string, ownerKey: string): DraftKeys {
  return { ownerKey, aesKey: createHmac('sha256', secret).update(`draft-key:${idNumber.trim().toUpperCase()}`).digest() };
}

export const draftHolder = (ownerKey: string) => `draft:${ownerKey}`;

export function saveDraft(db: Db, keys: DraftKeys, sessionHolder: string, draft: { step: string; data: string }, now: Date, keepMinutes: number): string {
  const { iv, tag, body } = sealJson(keys.aesKey, keys.ownerKey, draft);
  const expiresAt = new Date(now.getTime() + keepMinutes * 60_000).toISOString();
  db.transaction(() => {
    db.prepare(
      `INSERT INTO drafts (owner_key, iv, tag, body, saved_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (owner_key) DO UPDATE SET iv = excluded.iv, tag = excluded.tag, body = excluded.body, saved_at = excluded.saved_at, expires_at = excluded.expires_at`,
    ).run(keys.ownerKey, iv, tag, body, now.toISOString(), expiresAt);
    // The photographs wait with the draft instead of being wiped with the session.
    moveDocuments(db, sessionHolder, draftHolder(keys.ownerKey));
  })();
  return expiresAt;
}

/** Opens the draft and hands its photographs to the session; null if none or unreadable. */
export function resumeDraft(db: Db, keys: DraftKeys, sessionHolder: string, now: Date): SavedDraft | null {
  purgeExpiredDrafts(db, now);
  const row = db.prepare('SELECT iv, tag, body, saved_at, expires_at FROM drafts WHERE owner_key = ?').get(keys.ownerKey) as
    | { iv: Buffer; tag: Buffer; body: Buffer; saved_at: string; expires_at: string }
    | undefined;
  if (!row) return null;
  try {
    const json = openJson<{ step: string; data: string }>(keys.aesKey, keys.ownerKey, row);
    moveDocuments(db, draftHolder(keys.ownerKey), sessionHolder);
    return { step: json.step, data: json.data, savedAt: row.saved_at, expiresAt: row.expires_at };
  } catch {
    // A changed kiosk secret or a damaged row: nobody can open it any more.
    discardDraft(db, keys.ownerKey);
    return null;
  }
}

export function discardDraft(db: Db, ownerKey: string): void {
  db.transaction(() => {
    db.prepare('DELETE FROM drafts WHERE owner_key = ?').run(ownerKey);
    dropHeldDocuments(db, draftHolder(ownerKey));
  })();
}

export function purgeExpiredDrafts(db: Db, now: Date): number {
  const expired = db.prepare('SELECT owner_key FROM drafts WHERE expires_at <= ?').all(now.toISOString()) as Array<{ owner_key: string }>;
  for (const r of expired) discardDraft(db, r.owner_key);
  return expired.length;
}
