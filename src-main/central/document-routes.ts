/**
 * The central's page-image endpoints. A kiosk uploads the pages of a filing it made once the
 * filing is numbered (signed like every kiosk request: the signature covers the bytes' hash);
 * a counter uploads the signed reception scan and fetches pages with its court token. Every
 * page is checked against the SHA-256 the uploader states and, for a kiosk page, against the
 * filing record's own list (id, kind, SHA-256, size), so altered bytes are refused. The bytes
 * are personal data: the log gets ids, kinds, sizes and codes.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../log/logger.js';
import type { FilingRecord } from '../../src-shared/domain/filing.js';
import {
  HEADER_DOCUMENT_KIND, HEADER_FILING, HEADER_SHA256, KIOSK_DOCUMENT_MIMES, MAX_DOCUMENT_BYTES, RECEPTION_SCAN_KIND, SCAN_DOCUMENT_MIMES,
  type DocumentUploadResponse,
} from '../../src-shared/sync/protocol.js';
import { HttpError } from '../http/http-util.js';
import type { CentralStore, DeviceRecord } from './store.js';
import type { CourtScope } from './court-auth.js';
import type { DocumentBlob, DocumentCase } from './document-sql.js';

export const KIOSK_DOCUMENT_PATH = /^\/v1\/filings\/([^/]+)\/documents\/([^/]+)$/;
export const COURT_DOCUMENT_PATH = /^\/v1\/court\/documents\/([^/]+)$/;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAGIC: Record<string, number[]> = { 'image/jpeg': [0xff, 0xd8], 'image/png': [0x89, 0x50, 0x4e, 0x47], 'application/pdf': [0x25, 0x50, 0x44, 0x46] };

export interface DocumentDeps {
  store: CentralStore;
  log: Logger;
  now: () => Date;
  protocol: number;
}

const refuse = (status: number, code: string, zh: string, en: string) => new HttpError(status, code, zh, en);
const NOT_FOUND = refuse(404, 'document-not-found', '法院系统中没有这页材料（可能尚未上传）', 'No such document at the central (not uploaded yet?)');

function header(req: IncomingMessage, name: string): string {
  const v = req.headers[name];
  return typeof v === 'string' ? v.trim() : '';
}

/** The bytes as stated: type, size, magic number and SHA-256. */
function checkBytes(req: IncomingMessage, body: Buffer, mimes: readonly string[]): { mime: string; sha256: string } {
  const mime = header(req, 'content-type').split(';')[0]!.trim().toLowerCase();
  if (!mimes.includes(mime)) throw refuse(415, 'bad-type', `材料格式不受支持（${mimes.join('、')}）`, `Content type must be one of ${mimes.join(', ')}`);
  if (body.length === 0) throw refuse(400, 'empty-document', '材料内容为空', 'Empty document');
  if (body.length > MAX_DOCUMENT_BYTES) throw refuse(413, 'too-large', '材料文件过大', `Document larger than ${MAX_DOCUMENT_BYTES} bytes`);
  if (!MAGIC[mime]!.every((b, i) => body[i] === b)) throw refuse(422, 'bad-image', '材料内容与声明的格式不符', `Bytes are not ${mime}`);
  const sha256 = createHash('sha256').update(body).digest('hex');
  if (header(req, HEADER_SHA256).toLowerCase() !== sha256) throw refuse(422, 'sha256-mismatch', '材料校验值不符，文件可能在传输中损坏或被改动', 'SHA-256 of the body does not match the stated one');
  return { mime, sha256 };
}

function ids(...xs: string[]): void {
  if (!xs.every((x) => UUID.test(x))) throw refuse(400, 'bad-request', '材料编号格式错误', 'Filing and document ids must be UUIDs');
}

export function documentRoutes(d: DocumentDeps) {
  const store = async (doc: DocumentBlob, by: string): Promise<DocumentUploadResponse> => {
    const outcome = await d.store.putDocument(doc, d.now());
    d.log.info('central.document.upload', { id: doc.id, filingId: doc.filingId, kind: doc.kind, bytes: doc.bytes, court: doc.courtCode, by, outcome });
    if (outcome === 'conflict') throw refuse(409, 'document-conflict', '该材料编号已上传过不同的内容', 'This document id was uploaded before with other bytes');
    return { protocol: d.protocol, id: doc.id, status: outcome, sha256: doc.sha256, bytes: doc.bytes };
  };

  const caseOf = async (filingId: string): Promise<DocumentCase> => {
    const c = await d.store.documentCase(filingId);
    if (!c) throw refuse(404, 'case-not-found', '法院系统尚未收到这份申请，稍后自动重试', 'The filing is not at the central yet');
    return c;
  };

  return {
    /** `PUT /v1/filings/<filingId>/documents/<docId>`: a page of a filing this device made. */
    async putFromKiosk(device: DeviceRecord, filingId: string, docId: string, req: IncomingMessage, body: Buffer): Promise<DocumentUploadResponse> {
      ids(filingId, docId);
      const { mime, sha256 } = checkBytes(req, body, KIOSK_DOCUMENT_MIMES);
      const c = await caseOf(filingId);
      if (c.deviceId !== device.deviceId || c.courtCode !== device.courtCode) {
        d.log.warn('central.document.not-owner', { id: docId, filingId, deviceId: device.deviceId });
        throw refuse(403, 'not-owner', '这份申请不是本终端提交的，不能上传其材料', 'The filing was not made by this device');
      }
      const listed = ((JSON.parse(c.recordJson) as FilingRecord).documents ?? []).find((x) => x.id === docId);
      if (!listed) throw refuse(422, 'unknown-document', '申请记录中没有这页材料', 'The filing record does not list this document');
      if (listed.sha256 !== sha256 || listed.bytes !== body.length) {
        d.log.warn('central.document.mismatch', { id: docId, filingId, bytes: body.length });
        throw refuse(422, 'document-mismatch', '材料内容与申请时登记的不一致', 'The bytes differ from the document the filing record lists');
      }
      return store({ id: docId, filingId, courtCode: c.courtCode, kind: listed.kind, mime, sha256, bytes: body.length, data: body, uploadedBy: device.deviceId }, device.deviceId);
    },

    /** `PUT /v1/court/documents/<docId>` (header x-yzt-filing): the signed reception scan of one of the court's cases. */
    async putFromCourt(scope: CourtScope, docId: string, req: IncomingMessage, body: Buffer): Promise<DocumentUploadResponse> {
      const filingId = header(req, HEADER_FILING);
      ids(filingId, docId);
      const { mime, sha256 } = checkBytes(req, body, SCAN_DOCUMENT_MIMES);
      const c = await caseOf(filingId);
      if (scope.court !== null && c.courtCode !== scope.court) {
        d.log.warn('central.document.wrong-court', { id: docId, filingId, tokenCourt: scope.court });
        throw refuse(403, 'wrong-court', '该案件不属于本院', 'The case belongs to another court');
      }
      const by = `court:${scope.court ?? 'admin'}`;
      return store({ id: docId, filingId, courtCode: c.courtCode, kind: RECEPTION_SCAN_KIND, mime, sha256, bytes: body.length, data: body, uploadedBy: by }, by);
    },

    /** `GET /v1/court/documents/<docId>`: the bytes, for the court's own terminals only (another court's page is not found). */
    async getForCourt(scope: CourtScope, docId: string, res: ServerResponse): Promise<void> {
      ids(docId);
      const doc = await d.store.getDocument(docId);
      if (!doc || (scope.court !== null && doc.courtCode !== scope.court)) {
        d.log.info('central.document.not-found', { id: docId, tokenCourt: scope.court });
        throw NOT_FOUND;
      }
      d.log.info('central.document.fetched', { id: docId, filingId: doc.filingId, kind: doc.kind, bytes: doc.bytes, court: doc.courtCode });
      res.writeHead(200, {
        'content-type': doc.mime,
        'content-length': doc.data.length,
        'cache-control': 'no-store',
        [HEADER_SHA256]: doc.sha256,
        [HEADER_FILING]: doc.filingId,
        [HEADER_DOCUMENT_KIND]: doc.kind,
      });
      res.end(doc.data);
    },
  };
}
