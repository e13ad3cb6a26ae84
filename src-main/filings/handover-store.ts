/**
 * Unfinished applications handed from the kiosk to the counter. The applicant leaves with a
 * short code; the package (the draft and the applicant record read from the card) is
 * AES-256-GCM under a key derived with scrypt from that code and the kiosk secret, so the
 * database alone (a stolen disk, a backup) cannot open it and the row is found only by a keyed
 * hash of the code. Expires like drafts (draft.keepMinutes); the photographs wait with it.
 */
import { createHmac, randomInt, scryptSync } from 'node:crypto';
import type { Db } from '../db/open.js';
import type { ApplicantRecord, ParsedFilingDraft } from '../../src-shared/domain/filing.js';
import { dropHeldDocuments, moveDocuments } from './document-store.js';
import { openJson, sealJson } from './sealed-json.js';

/** No 0/O, 1/I/L: read aloud or copied by hand without mistakes. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 8;
/** Cost of one guess: ~30 ms of scrypt on top of the counter's lockout. */
const SCRYPT = { N: 2 ** 14, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

export interface HandoverPackage {
  draft: ParsedFilingDraft;
  applicant: ApplicantRecord;
}

export interface OpenedHandover {
  codeHash: string;
  /** The documents' holder, for FilingService.submit. */
  holder: string;
  pkg: HandoverPackage;
  createdAt: string;
  expiresAt: string;
}

/** Upper case, without the dash or spaces a clerk may type; null when it cannot be a code. */
export function normaliseHandoverCode(input: string): string | null {
  const c = input.toUpperCase().replace(/[\s-]/g, '');
  return c.length === CODE_LENGTH && [...c].every((ch) => ALPHABET.includes(ch)) ? c : null;
}

export const formatHandoverCode = (code: string) => `${code.slice(0, 4)}-${code.slice(4)}`;

const codeHash = (secret: string, code: string) => createHmac('sha256', secret).update(`handover-id:${code}`).digest('hex');
const codeKey = (secret: string, code: string) => scryptSync(code, createHmac('sha256', secret).update('handover-salt').digest(), 32, SCRYPT);
// The 'draft:' prefix keeps the photographs out of dropStaleDocuments' reach, as for drafts.
export const handoverHolder = (hash: string) => `draft:handover:${hash}`;

/** Stores the package and returns the code to show (XXXX-XXXX); the session's photographs move with it. */
export function saveHandover(db: Db, secret: string, pkg: HandoverPackage, sessionHolder: string, now: Date, keepMinutes: number): { code: string; expiresAt: string } {
  purgeExpiredHandovers(db, now);
  let code = '';
  let hash = '';
  do {
    code = Array.from({ length: CODE_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
    hash = codeHash(secret, code);
  } while (db.prepare('SELECT 1 FROM handovers WHERE code_hash = ?').get(hash));
  const { iv, tag, body } = sealJson(codeKey(secret, code), hash, pkg);
  const expiresAt = new Date(now.getTime() + keepMinutes * 60_000).toISOString();
  db.transaction(() => {
    db.prepare('INSERT INTO handovers (code_hash, iv, tag, body, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)').run(hash, iv, tag, body, now.toISOString(), expiresAt);
    moveDocuments(db, sessionHolder, handoverHolder(hash));
  })();
  return { code: formatHandoverCode(code), expiresAt };
}

/** Null when the code is malformed, unknown, expired or the row cannot be opened. */
export function openHandover(db: Db, secret: string, input: string, now: Date): OpenedHandover | null {
  purgeExpiredHandovers(db, now);
  const code = normaliseHandoverCode(input);
  if (!code) return null;
  const hash = codeHash(secret, code);
  const row = db.prepare('SELECT iv, tag, body, created_at, expires_at FROM handovers WHERE code_hash = ?').get(hash) as
    | { iv: Buffer; tag: Buffer; body: Buffer; created_at: string; expires_at: string }
    | undefined;
  if (!row) return null;
  try {
    const pkg = openJson<HandoverPackage>(codeKey(secret, code), hash, row);
    return { codeHash: hash, holder: handoverHolder(hash), pkg, createdAt: row.created_at, expiresAt: row.expires_at };
  } catch {
    // A changed kiosk secret or a damaged row: nobody can open it any more.
    discardHandover(db, hash);
    return null;
  }
}

export function discardHandover(db: Db, hash: string): void {
  db.transaction(() => {
    db.prepare('DELETE FROM handovers WHERE code_hash = ?').run(hash);
    dropHeldDocuments(db, handoverHolder(hash));
  })();
}

export function purgeExpiredHandovers(db: Db, now: Date): number {
  const expired = db.prepare('SELECT code_hash FROM handovers WHERE expires_at <= ?').all(now.toISOString()) as Array<{ code_hash: string }>;
  for (const r of expired) discardHandover(db, r.code_hash);
  return expired.length;
}
