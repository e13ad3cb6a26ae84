/**
 * Page images at the central: SQL and row mapping shared by the SQLite and PostgreSQL stores.
 * A document is stored once per id; a resend with the same SHA-256 is answered `unchanged`, a
 * resend with other bytes is refused, so a page the court has seen never changes under it.
 */
export interface DocumentBlob {
  id: string;
  filingId: string;
  courtCode: string;
  kind: string;
  mime: string;
  sha256: string;
  bytes: number;
  data: Buffer;
  /** Device id, or `court:<code>` for a counter's scan. */
  uploadedBy: string;
}

export type PutDocumentOutcome = 'stored' | 'unchanged' | 'conflict';

/** What the central knows of the case a page belongs to. */
export interface DocumentCase {
  courtCode: string;
  deviceId: string;
  recordJson: string;
}

export const DOCUMENT_CASE_SQL = 'SELECT court_code, device_id, record_json FROM cases WHERE filing_id = $1';
export const PRIOR_DOCUMENT_SQL = 'SELECT sha256 FROM documents WHERE id = $1';
export const INSERT_DOCUMENT_SQL = `INSERT INTO documents (id, filing_id, court_code, kind, mime, sha256, bytes, data, uploaded_by, uploaded_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`;
export const GET_DOCUMENT_SQL = 'SELECT id, filing_id, court_code, kind, mime, sha256, bytes, data, uploaded_by FROM documents WHERE id = $1';

export interface DocumentRow {
  id: string;
  filing_id: string;
  court_code: string;
  kind: string;
  mime: string;
  sha256: string;
  bytes: number | string;
  data: Buffer;
  uploaded_by: string;
}

export function documentParams(d: DocumentBlob, at: string): unknown[] {
  return [d.id, d.filingId, d.courtCode, d.kind, d.mime, d.sha256, d.bytes, d.data, d.uploadedBy, at];
}

export function toDocumentBlob(r: DocumentRow): DocumentBlob {
  return { id: r.id, filingId: r.filing_id, courtCode: r.court_code, kind: r.kind, mime: r.mime, sha256: r.sha256, bytes: Number(r.bytes), data: r.data, uploadedBy: r.uploaded_by };
}

export function toDocumentCase(r: { court_code: string; device_id: string; record_json: string } | undefined): DocumentCase | null {
  return r ? { courtCode: r.court_code, deviceId: r.device_id, recordJson: r.record_json } : null;
}

/** The answer for an id already stored, or null to store it. */
export function priorOutcome(prior: { sha256: string } | undefined, sha256: string): PutDocumentOutcome | null {
  if (!prior) return null;
  return prior.sha256 === sha256 ? 'unchanged' : 'conflict';
}
