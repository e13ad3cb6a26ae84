/** The contract's handlers for the kiosk: each one a thin call into a service. */
import type { CounterMethod } from '../../src-shared/counter/contract.js';
import type { HelpMethod } from '../../src-shared/api/help.js';
import type { ApiHandlers, DeviceMethod, KioskInfo, ReaderStateView, ReceiptResult } from '../../src-shared/api/contract.js';
import { AppError } from '../../src-shared/api/errors.js';
import type { FilingService } from '../filings/filing-service.js';
import { getFilingView } from '../filings/filing-store.js';
import { addDocument, decodeImageDataUrl, removeDocument } from '../filings/document-store.js';
import { discardDraft, draftKeys, resumeDraft, saveDraft } from '../filings/draft-store.js';
import { saveHandover } from '../filings/handover-store.js';
import type { KioskSession } from '../kiosk/session.js';
import { toApplicant, toCardView } from '../kiosk/card-view.js';
import type { SyncEngine } from '../sync/sync-engine.js';
import type { Db } from '../db/open.js';
import type { FilingView } from '../../src-shared/domain/filing.js';
import { ownFilingByNumber } from '../filings/status-by-number.js';
import { findDuplicates } from '../filings/duplicate-service.js';
import { correctFiling } from '../filings/correct-filing.js';
import type { StoredClient } from '../sync/stored-client.js';
import type { Logger } from '../log/logger.js';
import type { BarcodeDecoder } from '../../hardware/barcode/decoder.js';
import { readScanCodes } from '../devices/scan-reader.js';

export interface ReceiptPort {
  issue(filing: FilingView, receiptCode: string, to: 'printer' | 'pdf'): Promise<ReceiptResult>;
}

export interface HandlerDeps {
  db: Db;
  info: KioskInfo;
  session: KioskSession;
  filings: FilingService;
  sync: SyncEngine;
  readerState: () => ReaderStateView;
  now: () => Date;
  applicantKeySecret: string;
  /** How long a saved draft may be resumed (kiosk setting draft.keepMinutes). */
  draftKeepMinutes: number;
  receipts: ReceiptPort;
  /** The signed client to the central, for the duplicate check. */
  central: StoredClient;
  log: Logger;
  /** Reads the codes on document camera pages (src-main/devices/scan-reader.ts). */
  scans: BarcodeDecoder;
}

const NO_CARD = new AppError('no-card', '请先将本人身份证放在读卡区', 'Place your ID card on the reader first');

/** Without the counter's methods: src-main/counter/counter-handlers.ts answers those. */
export function kioskHandlers(d: HandlerDeps): Omit<ApiHandlers, CounterMethod | `counter.sms.${string}` | DeviceMethod | `admin.${string}` | `speech.${string}` | HelpMethod | `handwriting.${string}`> {
  const card = () => {
    const c = d.session.currentCard;
    if (!c) throw NO_CARD;
    return c;
  };
  const keys = () => {
    const c = card();
    return draftKeys(d.applicantKeySecret, c.idNumber, d.filings.applicantKey(c.idNumber));
  };
  const dupDeps = { db: d.db, client: d.central, applicantKey: (id: string) => d.filings.applicantKey(id), log: d.log };
  /** A receipt is only for the card holder who filed it, in this session. */
  const ownFiling = (id: string) => {
    const c = card();
    const v = d.filings.findForApplicant(c.idNumber, id);
    if (!v) throw new AppError('not-found', '没有找到这份申请', 'Filing not found');
    return v;
  };
  // What this session filed: its page may follow those filings (the result screen) even once
  // the card is lifted, and nobody else may. A new session starts with nothing.
  let filedHere = { sessionId: '', ids: new Set<string>() };
  const rememberFiled = (id: string) => {
    if (filedHere.sessionId !== d.session.sessionId) filedHere = { sessionId: d.session.sessionId, ids: new Set() };
    filedHere.ids.add(id);
  };
  const readable = (id: string): FilingView | undefined => {
    if (filedHere.sessionId === d.session.sessionId && filedHere.ids.has(id)) return getFilingView(d.db, id);
    const c = d.session.currentCard;
    return c ? d.filings.findForApplicant(c.idNumber, id) : undefined;
  };
  return {
    'kiosk.info': () => d.info,
    'session.current': () => {
      const c = d.session.currentCard;
      return { sessionId: d.session.sessionId, card: c ? toCardView(c) : null, reader: d.readerState() };
    },
    'session.revealId': () => ({ idNumber: card().idNumber }),
    'session.end': ({ reason }) => {
      d.session.end(reason);
      return null;
    },
    'filing.check': (draft) => d.filings.check(draft, toApplicant(card())),
    'filing.submit': async (draft) => {
      const c = card();
      // Filing again on the same basis against the same respondent needs a reason (a warning, never a refusal).
      if (!draft.duplicate) {
        const earlier = await findDuplicates(dupDeps, draft, toApplicant(c));
        if (earlier.length > 0) {
          throw new AppError('duplicate.reason-needed', '您已经就同一份文书、对同一被执行人申请过。如确需再次申请，请选择原因后再提交。', 'You already applied on this document against this respondent. To apply again, choose why, then submit.');
        }
      }
      if (d.session.currentCard !== c) throw NO_CARD; // the card was lifted while the court was asked
      const filing = d.filings.submit(draft, toApplicant(c), d.session.sessionId);
      rememberFiled(filing.id);
      discardDraft(d.db, d.filings.applicantKey(c.idNumber));
      return { filing, receiptCode: d.filings.receiptCode(filing.id) };
    },
    // Only the card holder on the reader, or the session that filed it (issue 13): an id alone is not enough.
    'filing.get': ({ id }) => {
      const v = readable(id);
      if (!v) throw new AppError('not-found', '没有找到这份申请', 'Filing not found');
      return v;
    },
    'filing.mine': (input) => d.filings.listForApplicant(card().idNumber, input?.before),
    'draft.save': (input) => ({ expiresAt: saveDraft(d.db, keys(), d.session.sessionId, input, d.now(), d.draftKeepMinutes) }),
    'draft.resume': () => resumeDraft(d.db, keys(), d.session.sessionId, d.now()),
    'draft.discard': () => {
      discardDraft(d.db, keys().ownerKey);
      return null;
    },
    // The applicant record comes from the card in this session, never from the page.
    'draft.handover': (draft) => {
      const c = card();
      const r = saveHandover(d.db, d.applicantKeySecret, { draft, applicant: toApplicant(c) }, d.session.sessionId, d.now(), d.draftKeepMinutes);
      discardDraft(d.db, d.filings.applicantKey(c.idNumber));
      return r;
    },
    // Read before it is kept: a photo that is no image is refused, and a basis number on the
    // page is offered to the applicant to confirm (never filled in unasked).
    'document.add': async ({ kind, dataUrl }) => {
      const reading = await readScanCodes(d.scans, decodeImageDataUrl(dataUrl).bytes, d.log, `document.${kind}`, d.now()).catch((e: unknown) => {
        // The log has the precise reason; the applicant is asked for a new photo.
        if (e instanceof AppError && e.code === 'scan.bad-file') throw new AppError('document.bad-image', '照片没有拍好，请重新拍摄', 'The photo could not be read; please take it again');
        throw e;
      });
      const doc = addDocument(d.db, d.session.sessionId, kind, dataUrl, d.now());
      return { id: doc.id, bytes: doc.bytes, ...(reading.caseNumber ? { basisNumber: reading.caseNumber } : {}) };
    },
    'document.remove': ({ id }) => {
      removeDocument(d.db, d.session.sessionId, id);
      return null;
    },
    'receipt.print': async ({ id, to }) => d.receipts.issue(ownFiling(id), d.filings.receiptCode(id), to),
    'status.byReceipt': ({ code }) => {
      const v = d.filings.byReceiptCode(code);
      if (!v) throw new AppError('receipt.unknown', '没有识别出回执上的二维码，请再扫一次，或放置身份证查询', 'The receipt code was not recognised; scan again or place your ID card');
      return [v];
    },
    'status.byNumber': ({ number }) => {
      const c = d.session.currentCard;
      if (!c) throw new AppError('status.need-card', '按编号查询需要先把本人身份证放在读卡区，或扫描回执上的二维码', 'To look up by number, place your ID card on the reader first, or scan the QR code on your receipt');
      return [ownFilingByNumber(d.db, number, d.filings.applicantKey(c.idNumber))];
    },
    'filing.correct': (input) => {
      const v = correctFiling(d.db, input, d.filings.applicantKey(card().idNumber), d.now());
      d.sync.kick('queued');
      return v;
    },
    'filing.duplicates': (draft) => findDuplicates(dupDeps, draft, toApplicant(card())),
    'sync.status': () => d.sync.status(),
    'sync.now': () => {
      d.sync.kick();
      return d.sync.status();
    },
  };
}
