/** Test kit for page images: distinct real-looking pages, a filing carrying them, the central's stores. */
import { randomBytes } from 'node:crypto';
import { vi, expect } from 'vitest';
import type { Db } from '../../../src-main/db/open.js';
import { addDocument, type StoredDocument } from '../../../src-main/filings/document-store.js';
import type { FilingService } from '../../../src-main/filings/filing-service.js';
import { pendingUploads } from '../../../src-main/sync/document-upload.js';
import { CentralClient } from '../../../src-main/sync/central-client.js';
import { readCredential } from '../../../src-main/sync/sync-state.js';
import { schemaVersion } from '../../../src-main/db/migrate.js';
import { PROTOCOL_VERSION } from '../../../src-shared/sync/protocol.js';
import { filingDraftSchema, type FilingView } from '../../../src-shared/domain/filing.js';
import { APPLICANT, draft } from '../../support/fixtures.js';
import { STORES, freshSchema } from '../central/pg-support.js';

const MAGIC = { 'image/jpeg': [0xff, 0xd8, 0xff, 0xe0], 'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] } as const;

/** A page whose bytes no other page has (the decoder checks the magic number only). */
export function pageDataUrl(mime: keyof typeof MAGIC = 'image/jpeg', size = 3000): string {
  return `data:${mime};base64,${Buffer.concat([Buffer.from(MAGIC[mime]), randomBytes(size)]).toString('base64')}`;
}

/** Photographs two pages (a JPEG and a PNG) in a session and files them. */
export function fileWithPages(db: Db, filings: FilingService, now: Date): { filing: FilingView; pages: StoredDocument[] } {
  const holder = `session-${randomBytes(4).toString('hex')}`;
  const pages = [addDocument(db, holder, 'basis', pageDataUrl('image/jpeg'), now), addDocument(db, holder, 'attorney', pageDataUrl('image/png'), now)];
  const filing = filings.submit(filingDraftSchema.parse(draft({ documentIds: pages.map((p) => p.id) })), APPLICANT, holder);
  return { filing, pages };
}

export function localBytes(db: Db, id: string): Buffer {
  return (db.prepare('SELECT bytes FROM documents WHERE id = ?').get(id) as { bytes: Buffer }).bytes;
}

export function uploadedAt(db: Db, id: string): string | null {
  return (db.prepare('SELECT uploaded_at FROM documents WHERE id = ?').get(id) as { uploaded_at: string | null }).uploaded_at;
}

/** Waits until the kiosk has no page left to upload (and, given a filing, until it is numbered). */
export async function allUploaded(db: Db, filingId?: string, timeout = 10_000): Promise<void> {
  const numbered = () => (filingId ? Boolean(db.prepare('SELECT official_no FROM filings WHERE id = ?').pluck().get(filingId)) : true);
  await vi.waitFor(() => expect([numbered(), pendingUploads(db)]).toEqual([true, 0]), { timeout, interval: 20 });
}

/** The kiosk's own signed client, to send what a tampered kiosk would. */
export function signedClient(db: Db, centralUrl: string): CentralClient {
  const cred = readCredential(db);
  if (!cred) throw new Error('not enrolled');
  return new CentralClient({ ...cred, centralUrl }, { protocol: PROTOCOL_VERSION, schema: schemaVersion(db), now: () => new Date(), timeoutMs: 5_000 });
}

export { STORES, freshSchema };
