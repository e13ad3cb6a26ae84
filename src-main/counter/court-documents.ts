/**
 * Page images between a counter terminal and the central, with the court token: the signed
 * reception scan attached here goes up (PUT /v1/court/documents/<scan id>, bound to its filing),
 * and a page this terminal does not hold (photographed at another kiosk, or another counter's
 * scan) is fetched on demand (GET /v1/court/documents/<id>). The bytes are personal data: the
 * log gets ids, sizes and codes.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Db } from '../db/open.js';
import type { Logger } from '../log/logger.js';
import { HEADER_FILING, HEADER_SHA256 } from '../../src-shared/sync/protocol.js';
import type { LegOutcome, RecordSyncTarget } from './record-sync.js';

export type FetchedPage = { ok: true; mime: string; bytes: Buffer; sha256: string } | { ok: false; kind: 'offline' | 'missing' | 'refused'; code: string };

export interface CentralEndpoint {
  centralUrl: () => string | null;
  token: () => string | null;
  log: Logger;
}

const base = (url: string) => url.replace(/\/$/, '');

/** One page from the central; its bytes checked against the SHA-256 the central states. */
export async function fetchPage(e: CentralEndpoint, id: string): Promise<FetchedPage> {
  const url = e.centralUrl();
  const token = e.token();
  if (!url || !token) return { ok: false, kind: 'offline', code: 'no-central' };
  let res: Response;
  let bytes: Buffer;
  try {
    res = await fetch(`${base(url)}/v1/court/documents/${encodeURIComponent(id)}`, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(20_000) });
    bytes = Buffer.from(await res.arrayBuffer());
  } catch (err) {
    e.log.info('counter.document.offline', { documentId: id, error: err instanceof Error ? err.name : 'error' });
    return { ok: false, kind: 'offline', code: 'unreachable' };
  }
  if (res.status === 404) return { ok: false, kind: 'missing', code: 'document-not-found' };
  if (!res.ok) {
    e.log.warn('counter.document.refused', { documentId: id, status: res.status });
    return { ok: false, kind: 'refused', code: `http-${res.status}` };
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (res.headers.get(HEADER_SHA256) !== sha256) return { ok: false, kind: 'refused', code: 'sha256-mismatch' };
  return { ok: true, mime: (res.headers.get('content-type') ?? '').split(';')[0]!, bytes, sha256 };
}

interface PendingScan {
  filing_id: string;
  scan_id: string | null;
  scan_mime: string;
  scan_bytes: Buffer;
  scan_sha256: string;
}

/** Scans attached before migration 0009 have no id yet: the id of the reception.scan record that announced them, else a new one. */
function scanIdOf(db: Db, s: PendingScan): string {
  if (s.scan_id) return s.scan_id;
  const record = db.prepare("SELECT id FROM clerk_records WHERE filing_id = ? AND kind = 'reception.scan' AND origin = 'local' ORDER BY created_at DESC LIMIT 1").pluck().get(s.filing_id) as string | undefined;
  const id = record ?? randomUUID();
  db.prepare('UPDATE counter_receptions SET scan_id = ? WHERE filing_id = ?').run(id, s.filing_id);
  return id;
}

/**
 * The court sync's scan leg: every scan held here and not yet at the central goes up. A scan
 * whose case the central does not have yet (the filing is still being pushed) waits for a later
 * pass without failing this one; an unreachable central fails the pass (backoff).
 */
export async function uploadScans(t: RecordSyncTarget): Promise<LegOutcome> {
  const rows = t.db
    .prepare(
      `SELECT filing_id, scan_id, scan_mime, scan_bytes, scan_sha256, scan_at FROM counter_receptions WHERE scan_bytes IS NOT NULL AND scan_uploaded_at IS NULL
       UNION ALL SELECT filing_id, scan_id, scan_mime, scan_bytes, scan_sha256, scan_at FROM counter_reception_versions WHERE scan_bytes IS NOT NULL AND scan_uploaded_at IS NULL ORDER BY scan_at`,
    )
    .all() as PendingScan[];
  let moved = 0;
  for (const s of rows) {
    const id = scanIdOf(t.db, s);
    let res: Response;
    try {
      res = await fetch(`${base(t.url)}/v1/court/documents/${id}`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${t.token}`, 'content-type': s.scan_mime, [HEADER_SHA256]: s.scan_sha256, [HEADER_FILING]: s.filing_id },
        body: new Uint8Array(s.scan_bytes),
        signal: AbortSignal.timeout(30_000),
      });
    } catch {
      return { ok: false, kind: 'offline', code: 'unreachable' };
    }
    const body = (await res.json().catch(() => null)) as { error?: string } | null;
    if (res.ok) {
      // Only the scan that went up is marked: a newer one attached meanwhile has another sha256.
      for (const table of ['counter_receptions', 'counter_reception_versions']) {
        t.db.prepare(`UPDATE ${table} SET scan_uploaded_at = ? WHERE filing_id = ? AND scan_sha256 = ?`).run(t.now().toISOString(), s.filing_id, s.scan_sha256);
      }
      t.log.info('counter.scan.uploaded', { documentId: id, filingId: s.filing_id, bytes: s.scan_bytes.length });
      moved += 1;
      continue;
    }
    const code = body?.error ?? `http-${res.status}`;
    if (res.status >= 500 || code === 'forbidden') return { ok: false, kind: 'refused', code };
    // case-not-found waits for the filing's push; a refusal stays here, kept and reported (the purge keeps it).
    t.log.warn('counter.scan.waiting', { documentId: id, filingId: s.filing_id, bytes: s.scan_bytes.length, code });
  }
  return { ok: true, moved };
}
