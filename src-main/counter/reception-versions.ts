/**
 * The first-reception record as a document with versions (issue 14 item 3). The current
 * version lives in counter_receptions; once printed it is locked, and a change archives it whole
 * (its print and the signed scan that belongs to it) into counter_reception_versions before the
 * next version is written, to be printed and signed again.
 */
import type { Db } from '../db/open.js';
import type { ReceptionVersionView, ReceptionView } from '../../src-shared/counter/contract.js';
import { getReception } from './counter-store.js';

export function currentReceptionVersion(db: Db, filingId: string): number | null {
  return (db.prepare('SELECT version FROM counter_receptions WHERE filing_id = ?').pluck().get(filingId) as number | undefined) ?? null;
}

/** Moves the current version, print and scan included, to the archive; call inside the save's transaction. */
export function archiveReception(db: Db, filingId: string, at: string): void {
  const r = getReception(db, filingId);
  if (!r) return;
  const { printedAt: _p, scanAttachedAt: _s, scanSha256: _h, scanId: _i, version: _v, earlier: _e, ...content } = r;
  void [_p, _s, _h, _i, _v, _e];
  db.prepare(
    `INSERT INTO counter_reception_versions (filing_id, version, content_json, clerk, saved_at, printed_at, scan_id, scan_mime, scan_bytes, scan_sha256, scan_at, scan_uploaded_at, superseded_at)
     SELECT filing_id, version, ?, clerk, saved_at, printed_at, scan_id, scan_mime, scan_bytes, scan_sha256, scan_at, scan_uploaded_at, ? FROM counter_receptions WHERE filing_id = ?
     ON CONFLICT (filing_id, version) DO NOTHING`,
  ).run(JSON.stringify(content), at, filingId);
}

/** A print or a scan that arrived for a version already replaced here is kept with that version. */
export function markArchivedPrint(db: Db, filingId: string, version: number, at: string): void {
  db.prepare('UPDATE counter_reception_versions SET printed_at = ? WHERE filing_id = ? AND version = ? AND printed_at IS NULL').run(at, filingId, version);
}

export function markArchivedScan(db: Db, filingId: string, version: number, scan: { id: string; mime: string; sha256: string }, at: string): void {
  db.prepare('UPDATE counter_reception_versions SET scan_id = ?, scan_mime = ?, scan_sha256 = ?, scan_at = ? WHERE filing_id = ? AND version = ? AND scan_at IS NULL').run(
    scan.id, scan.mime, scan.sha256, at, filingId, version,
  );
}

/** The versions replaced, newest first, each with its own print and signed scan. */
export function earlierReceptions(db: Db, filingId: string): ReceptionVersionView[] {
  const rows = db
    .prepare('SELECT version, content_json, saved_at, printed_at, scan_id, scan_sha256, scan_at, superseded_at FROM counter_reception_versions WHERE filing_id = ? ORDER BY version DESC')
    .all(filingId) as Array<{ version: number; content_json: string; saved_at: string; printed_at: string | null; scan_id: string | null; scan_sha256: string | null; scan_at: string | null; superseded_at: string }>;
  return rows.map((r) => ({
    ...(JSON.parse(r.content_json) as Omit<ReceptionView, 'printedAt' | 'scanAttachedAt' | 'scanSha256' | 'scanId' | 'version' | 'earlier'>),
    version: r.version, savedAt: r.saved_at, printedAt: r.printed_at, scanId: r.scan_id, scanSha256: r.scan_sha256, scanAttachedAt: r.scan_at, supersededAt: r.superseded_at,
  }));
}
