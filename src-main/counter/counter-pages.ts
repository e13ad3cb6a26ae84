/**
 * The pages a clerk checks the filing against (seed 002 art. 7(一)): the kiosk's photographs
 * and the signed reception scan. A page held here is shown from here; one photographed at
 * another kiosk or scanned at another counter is fetched from the central, checked against the
 * SHA-256 this terminal already knows (the filing record's page list, the reception.scan
 * record), and kept in this kiosk database, already uploaded, so the privacy purge frees it
 * with the rest of the filing. Offline the clerk reads a plain message where the page would be.
 */
import type { Db } from '../db/open.js';
import { AppError } from '../../src-shared/api/errors.js';
import type { CounterOutputs } from '../../src-shared/counter/contract.js';
import type { FilingRecord } from '../../src-shared/domain/filing.js';
import { fetchPage, type CentralEndpoint } from './court-documents.js';
import { cacheReceptionScan } from './counter-store.js';

export type PageResult = CounterOutputs['counter.document'];

export const PAGE_OFFLINE = { message_zh: '法院系统暂时无法连接，页面图像稍后可看', message_en: 'The court system cannot be reached; the page image can be seen later' };
const PAGE_MISSING = { message_zh: '这页材料尚未上传到法院系统（提交申请的终端联网后自动上传），稍后可看', message_en: 'The page has not reached the central yet; it is uploaded when the filing terminal is online' };
const NOT_FOUND = new AppError('counter.no-document', '没有找到这页材料', 'Document not found');

/** A page this terminal knows of but may not hold. */
interface Expected {
  filingId: string;
  kind: string;
  sha256: string;
  scan: boolean;
}

const dataUrl = (mime: string, bytes: Buffer) => `data:${mime};base64,${bytes.toString('base64')}`;

/** The filing's pages as its record lists them: what another terminal photographed. */
export function listedPages(db: Db, filingId: string): Array<{ id: string; kind: string; sha256: string; bytes: number }> {
  const row = db.prepare('SELECT record_json FROM filings WHERE id = ?').get(filingId) as { record_json: string } | undefined;
  return row ? ((JSON.parse(row.record_json) as FilingRecord).documents ?? []) : [];
}

function local(db: Db, id: string): { filingId: string; result: PageResult } | { expected: Expected } | null {
  const doc = db.prepare('SELECT filing_id, mime, bytes FROM documents WHERE id = ? AND filing_id IS NOT NULL').get(id) as { filing_id: string; mime: string; bytes: Buffer } | undefined;
  if (doc) return { filingId: doc.filing_id, result: { dataUrl: dataUrl(doc.mime, doc.bytes) } };
  // The current version's scan, or the scan of a version since replaced (it stays with the text it signed).
  const scan = db
    .prepare('SELECT filing_id, scan_mime, scan_bytes, scan_sha256 FROM counter_receptions WHERE scan_id = ? UNION ALL SELECT filing_id, scan_mime, scan_bytes, scan_sha256 FROM counter_reception_versions WHERE scan_id = ?')
    .get(id, id) as
    | { filing_id: string; scan_mime: string; scan_bytes: Buffer | null; scan_sha256: string }
    | undefined;
  if (scan?.scan_bytes) return { filingId: scan.filing_id, result: { dataUrl: dataUrl(scan.scan_mime, scan.scan_bytes) } };
  if (scan) return { expected: { filingId: scan.filing_id, kind: 'reception-scan', sha256: scan.scan_sha256, scan: true } };
  return null;
}

export async function showPage(db: Db, endpoint: CentralEndpoint | undefined, id: string, filingId: string | undefined, now: () => Date): Promise<{ filingId: string; result: PageResult; fetched: boolean }> {
  const here = local(db, id);
  if (here && 'result' in here) return { ...here, fetched: false };
  const listed = filingId ? listedPages(db, filingId).find((p) => p.id === id) : undefined;
  const expected = here?.expected ?? (listed && filingId ? { filingId, kind: listed.kind, sha256: listed.sha256, scan: false } : null);
  if (!expected) throw NOT_FOUND;
  const answer = (result: PageResult) => ({ filingId: expected.filingId, result, fetched: false });
  if (!endpoint) return answer({ dataUrl: null, ...PAGE_OFFLINE });
  const page = await fetchPage(endpoint, id);
  if (!page.ok) {
    if (page.kind === 'offline') return answer({ dataUrl: null, ...PAGE_OFFLINE });
    if (page.kind === 'missing') return answer({ dataUrl: null, ...PAGE_MISSING });
    return answer({ dataUrl: null, message_zh: `法院系统未能提供这页材料（${page.code}），请稍后重试`, message_en: `The central did not deliver the page (${page.code})` });
  }
  if (page.sha256 !== expected.sha256) {
    endpoint.log.warn('counter.document.mismatch', { documentId: id, filingId: expected.filingId, bytes: page.bytes.length });
    return answer({ dataUrl: null, message_zh: '法院系统提供的页面与申请记录不一致，未予显示，请联系技术人员', message_en: 'The page from the central differs from the filing record; not shown' });
  }
  const at = now().toISOString();
  if (expected.scan) cacheReceptionScan(db, expected.filingId, id, page.bytes, at);
  else {
    db.prepare('INSERT INTO documents (id, holder, filing_id, kind, mime, bytes, sha256, created_at, uploaded_at) VALUES (?, NULL, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING').run(
      id, expected.filingId, expected.kind, page.mime, page.bytes, page.sha256, at, at,
    );
  }
  endpoint.log.info('counter.document.fetched', { documentId: id, filingId: expected.filingId, bytes: page.bytes.length });
  return { filingId: expected.filingId, result: { dataUrl: dataUrl(page.mime, page.bytes) }, fetched: true };
}
