/**
 * Pages photographed at the kiosk. Held by the session that took them, moved to a saved draft
 * or bound to the filing at submit; anything still held when a session ends is deleted, so the
 * next person at the kiosk finds nothing of the last one. Bytes never go to a log.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Db } from '../db/open.js';
import { AppError } from '../../src-shared/api/errors.js';
import type { DocumentKind } from '../../src-shared/domain/filing.js';

const MAX_BYTES = 1_400_000;

export interface StoredDocument {
  id: string;
  kind: DocumentKind;
  sha256: string;
  bytes: number;
}

export function decodeImageDataUrl(dataUrl: string): { mime: string; bytes: Buffer } {
  const m = /^data:(image\/(?:jpeg|png));base64,([A-Za-z0-9+/=]+)$/.exec(dataUrl);
  const bytes = m ? Buffer.from(m[2] ?? '', 'base64') : Buffer.alloc(0);
  const jpeg = bytes[0] === 0xff && bytes[1] === 0xd8;
  const png = bytes.subarray(0, 4).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  if (!m || !(jpeg || png) || bytes.length === 0) {
    throw new AppError('document.bad-image', '照片没有拍好，请重新拍摄', 'The photo could not be read; please take it again');
  }
  if (bytes.length > MAX_BYTES) throw new AppError('document.too-large', '照片太大，请重新拍摄', 'The photo is too large; please take it again');
  return { mime: jpeg ? 'image/jpeg' : 'image/png', bytes };
}

export function addDocument(db: Db, holder: string, kind: DocumentKind, dataUrl: string, now: Date): StoredDocument {
  const { mime, bytes } = decodeImageDataUrl(dataUrl);
  const id = randomUUID();
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  db.prepare('INSERT INTO documents (id, holder, kind, mime, bytes, sha256, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(id, holder, kind, mime, bytes, sha256, now.toISOString());
  return { id, kind, sha256, bytes: bytes.length };
}

export function removeDocument(db: Db, holder: string, id: string): void {
  db.prepare('DELETE FROM documents WHERE id = ? AND holder = ? AND filing_id IS NULL').run(id, holder);
}

/** Documents of `holder` among `ids`, in the order given; unknown ids are left out. */
export function heldDocuments(db: Db, holder: string, ids: readonly string[]): StoredDocument[] {
  const get = db.prepare('SELECT id, kind, sha256, length(bytes) AS bytes FROM documents WHERE id = ? AND holder = ? AND filing_id IS NULL');
  return ids.flatMap((id) => {
    const row = get.get(id, holder) as StoredDocument | undefined;
    return row ? [row] : [];
  });
}

/** Must run inside the filing's transaction. */
export function bindDocuments(db: Db, holder: string, ids: readonly string[], filingId: string): void {
  const upd = db.prepare('UPDATE documents SET filing_id = ?, holder = NULL WHERE id = ? AND holder = ? AND filing_id IS NULL');
  for (const id of ids) upd.run(filingId, id, holder);
}

export function moveDocuments(db: Db, from: string, to: string): void {
  db.prepare('UPDATE documents SET holder = ? WHERE holder = ? AND filing_id IS NULL').run(to, from);
}

export function dropHeldDocuments(db: Db, holder: string): number {
  return db.prepare('DELETE FROM documents WHERE holder = ? AND filing_id IS NULL').run(holder).changes;
}

/**
 * Photographs left behind by a session that never ended cleanly (the page crashed, power
 * failed): anything not filed, not waiting with a draft, not of the current session and older
 * than `before` is deleted.
 */
export function dropStaleDocuments(db: Db, currentHolder: string, before: Date): number {
  return db
    .prepare("DELETE FROM documents WHERE filing_id IS NULL AND holder IS NOT NULL AND holder NOT LIKE 'draft:%' AND holder <> ? AND created_at < ?")
    .run(currentHolder, before.toISOString()).changes;
}
