/**
 * Uploads the pages photographed at this kiosk to the central, each once, after its filing is
 * numbered (the central then has the case to bind them to): `PUT /v1/filings/<filing>/documents/<doc>`.
 * One page at a time, read and marked outside any long transaction; a failure backs off
 * exponentially and the queue stays in the database (`documents.uploaded_at` NULL), so a
 * killed central or a restarted kiosk loses nothing. A refusal the central would repeat
 * (the bytes differ from the filing record, say) is noted on the page and never resent; the
 * page stays here, and the privacy purge keeps every page not uploaded. Bytes never go to a log.
 */
import type { Db } from '../db/open.js';
import type { Logger } from '../log/logger.js';
import { HEADER_SHA256, type DocumentUploadResponse } from '../../src-shared/sync/protocol.js';
import { backoffDelay } from './backoff.js';
import { SyncFailure, type CentralClient } from './central-client.js';
import { PassRunner } from './pass-runner.js';

/** Answers that will not change on a resend. */
const PERMANENT = new Set(['document-mismatch', 'unknown-document', 'not-owner', 'document-conflict', 'bad-type', 'bad-image', 'too-large', 'sha256-mismatch', 'empty-document', 'bad-request']);

export interface DocumentUploaderOptions {
  db: Db;
  log: Logger;
  client: () => CentralClient | null;
  now: () => Date;
  baseDelayMs: number;
  maxDelayMs: number;
  random?: () => number;
  /** After each page the central confirmed. */
  onUploaded?: (doc: { id: string; filingId: string }) => void;
  /** After an attempt that must be retried (the central unreachable or failing). */
  onWaiting?: (doc: { id: string; filingId: string; code: string }) => void;
}

interface PendingPage {
  id: string;
  filing_id: string;
  mime: string;
  sha256: string;
  bytes: Buffer;
}

/** Pages of numbered filings not yet at the central (oldest first), the bytes excluded. */
const PENDING_SQL = `FROM documents d JOIN filings f ON f.id = d.filing_id
  WHERE d.filing_id IS NOT NULL AND d.uploaded_at IS NULL AND d.upload_error IS NULL AND f.official_no IS NOT NULL`;

export function pendingUploads(db: Db): number {
  return (db.prepare(`SELECT count(*) AS n ${PENDING_SQL}`).get() as { n: number }).n;
}

/** `kick()` uploads now (a filing was numbered, the central answers again), cancelling a backoff wait. */
export class DocumentUploader extends PassRunner {
  private failures = 0;

  constructor(private readonly o: DocumentUploaderOptions) {
    super();
  }

  /** Pages until none is left (no next pass) or one must wait (the backoff delay). */
  protected async pass(): Promise<number | undefined> {
    for (;;) {
      if (this.stopped) return undefined;
      const client = this.o.client();
      if (!client) return undefined; // not enrolled: enrolment kicks the engine, which kicks us
      const page = this.o.db.prepare(`SELECT d.id, d.filing_id, d.mime, d.sha256, d.bytes ${PENDING_SQL} ORDER BY d.created_at, d.id LIMIT 1`).get() as PendingPage | undefined;
      if (!page) {
        this.failures = 0;
        return undefined;
      }
      if (!(await this.upload(client, page))) return backoffDelay(this.failures, this.o.baseDelayMs, this.o.maxDelayMs, this.o.random);
    }
  }

  /** True when the page is done with (stored, or refused for good); false to back off. */
  private async upload(client: CentralClient, page: PendingPage): Promise<boolean> {
    const path = `/v1/filings/${page.filing_id}/documents/${page.id}`;
    try {
      const answer = await client.put<DocumentUploadResponse>(path, page.bytes, page.mime, { [HEADER_SHA256]: page.sha256 });
      this.o.db.prepare('UPDATE documents SET uploaded_at = ? WHERE id = ?').run(this.o.now().toISOString(), page.id);
      this.failures = 0;
      this.o.log.info('sync.document.uploaded', { documentId: page.id, filingId: page.filing_id, bytes: page.bytes.length, status: answer.status });
      this.o.onUploaded?.({ id: page.id, filingId: page.filing_id });
      return true;
    } catch (e) {
      const code = e instanceof SyncFailure ? e.problem.code : 'internal';
      if (PERMANENT.has(code)) {
        this.o.db.prepare('UPDATE documents SET upload_error = ? WHERE id = ?').run(code, page.id);
        this.o.log.warn('sync.document.refused', { documentId: page.id, filingId: page.filing_id, bytes: page.bytes.length, code });
        return true;
      }
      this.failures += 1;
      this.o.log.warn('sync.document.failed', { documentId: page.id, filingId: page.filing_id, code, failures: this.failures });
      this.o.onWaiting?.({ id: page.id, filingId: page.filing_id, code });
      return false;
    }
  }
}
