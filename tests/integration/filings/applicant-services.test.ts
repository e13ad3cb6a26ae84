/**
 * The applicant kiosk's services on a real SQLite file: the rules engine decides the type and
 * blocks at submit as it did at check; photographs are held by the session, bound at submit and
 * wiped otherwise; drafts open only with the same card and vanish when expired; receipt codes
 * cannot be forged.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../../src-main/db/open.js';
import { FilingService } from '../../../src-main/filings/filing-service.js';
import { addDocument, dropHeldDocuments, dropStaleDocuments } from '../../../src-main/filings/document-store.js';
import { discardDraft, draftKeys, purgeExpiredDrafts, resumeDraft, saveDraft } from '../../../src-main/filings/draft-store.js';
import { findCourt } from '../../../src-shared/courts/court-profile.js';
import { AppError } from '../../../src-shared/api/errors.js';
import { createLogger } from '../../../src-main/log/logger.js';
import { filingDraftSchema, filingRecordSchema, type FilingDraft } from '../../../src-shared/domain/filing.js';
import { usccCheckChar } from '../../../src-shared/identity/uscc.js';
import { APPLICANT, draft, makeIdNumber } from '../../support/fixtures.js';
import { fixedClock, tempDir } from '../../support/tmp.js';

// 1x1 JPEG (smallest valid baseline header is enough for the magic-number check).
const JPEG = `data:image/jpeg;base64,${Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1]).toString('base64')}`;

describe('applicant services', () => {
  let dir: ReturnType<typeof tempDir>;
  let db: Db;
  let service: FilingService;
  const clock = fixedClock('2026-11-22T09:30:00+08:00');
  const logLines: string[] = [];
  const parse = (d: FilingDraft) => filingDraftSchema.parse(d);

  beforeEach(() => {
    dir = tempDir();
    db = openDatabase(join(dir.path, 'kiosk.sqlite'), 'kiosk');
    service = new FilingService({ db, deviceId: 'abcdef12-0000-4000-8000-000000000000', court: findCourt('jiaozuo-shanyang')!, applicantKeySecret: 'secret', now: clock.now, log: createLogger({ sink: logLines }) });
  });
  afterEach(() => {
    db.close();
    dir.cleanup();
  });

  it('decides the type from the answers: 执, 执前督 when accepted, 执恢 with ground and prior case', () => {
    expect(service.check(parse(draft()), APPLICANT).typeCode).toBe('执');
    const pre = service.check(parse(draft({ preEnforcement: { servedByPublicNotice: false, urgent: false, applicantRefuses: false } })), APPLICANT);
    expect(pre.typeCode).toBe('执前督');
    expect(pre.preEnforcementOffered).toBe(true);
    const urgent = service.check(parse(draft({ preEnforcement: { servedByPublicNotice: false, urgent: true, applicantRefuses: false } })), APPLICANT);
    expect(urgent.typeCode).toBe('执');
    const resumed = service.check(parse(draft({ application: { kind: 'resumed', grounds: ['terminated-property-found'], priorCaseNumber: '（2025）豫0811执456号' } })), APPLICANT);
    expect(resumed).toMatchObject({ ok: true, typeCode: '执恢', typeLabel_zh: '恢复执行' });
    const noGround = service.check(parse(draft({ application: { kind: 'resumed', grounds: [], priorCaseNumber: '（2025）豫0811执456号' } })), APPLICANT);
    expect(noGround.ok).toBe(false);
    expect(noGround.findings.some((f) => f.rule === 'grounds.missing')).toBe(true);
  });

  it('computes interest in fen and subtracts what was performed', () => {
    const c = service.check(parse(draft({ amountYuan: '50000', interest: { baseYuan: '50000', ratePercent: '3.65', from: '2026-06-12', to: '2026-11-22' }, costsYuan: '1050', performed: { fully: false, amountYuan: '1000.5' } })), APPLICANT);
    expect(c.money).toEqual({ principalFen: 5_000_000, interestFen: 81_500, costsFen: 105_000, performedFen: 100_050, totalFen: 5_086_450 });
  });

  it('refuses at submit what the rules block, whatever the page claims', () => {
    const err = (() => {
      try {
        service.submit(parse(draft({ performed: { fully: true } })), APPLICANT);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('rules.blocked');
    expect((err as AppError).message_zh).toContain('不立执行案件');
    expect(() => service.submit(parse(draft({ riskAcknowledged: false })), APPLICANT)).toThrow(/Please correct/);
    expect(() => service.submit(parse(draft({ matter: 'fee-refund' })), APPLICANT)).toThrow(AppError);
  });

  it('stores an agent filing for a company with the principal, money breakdown and facts the central can parse', () => {
    const uscc = '91410811MA3X00001';
    const principal = { kind: 'company' as const, name: '焦作示例商贸有限公司', idNumber: uscc + usccCheckChar(uscc), legalRep: '王五', address: '焦作市商贸路8号', phone: '03913000000' };
    const v = service.submit(parse(draft({ filer: 'agent', principal, payee: { accountName: '焦作示例商贸有限公司', bank: '工行', accountNumber: '1709000000000000001' } })), APPLICANT);
    const row = db.prepare('SELECT record_json FROM filings WHERE id = ?').get(v.id) as { record_json: string };
    const record = filingRecordSchema.parse(JSON.parse(row.record_json));
    expect(record.filer).toBe('agent');
    expect(record.principal?.name).toBe('焦作示例商贸有限公司');
    expect(record.applicant.idNumber).toBe(APPLICANT.idNumber);
    expect((record.facts as { agent?: { name: string } }).agent?.name).toBe(APPLICANT.name);
    expect(record.money?.principalFen).toBe(1_234_567);
    expect(v.typeCode).toBe('执');
    expect(logLines.join('\n')).not.toContain('焦作示例商贸');
    expect(logLines.join('\n')).not.toContain(APPLICANT.idNumber);
  });

  it('binds only the session’s own photographs at submit and wipes the rest with the session', () => {
    const mine = addDocument(db, 'session-a', 'basis', JPEG, clock.now());
    const theirs = addDocument(db, 'session-b', 'basis', JPEG, clock.now());
    const v = service.submit(parse(draft({ documentIds: [mine.id, theirs.id] })), APPLICANT, 'session-a');
    const bound = db.prepare('SELECT id FROM documents WHERE filing_id = ?').all(v.id) as Array<{ id: string }>;
    expect(bound.map((r) => r.id)).toEqual([mine.id]);
    expect(dropHeldDocuments(db, 'session-b')).toBe(1);
    expect(dropHeldDocuments(db, 'session-a')).toBe(0);
    expect(() => addDocument(db, 's', 'basis', 'data:image/jpeg;base64,AAAA', clock.now())).toThrow(/照片没有拍好|photo/);
    // A crashed page's photographs go after an hour; the current session's and drafts' stay.
    addDocument(db, 'crashed', 'basis', JPEG, clock.now());
    addDocument(db, 'current', 'basis', JPEG, clock.now());
    addDocument(db, 'draft:abc', 'basis', JPEG, clock.now());
    expect(dropStaleDocuments(db, 'current', new Date(clock.now().getTime() - 1))).toBe(0);
    clock.advance(61 * 60_000);
    expect(dropStaleDocuments(db, 'current', new Date(clock.now().getTime() - 60 * 60_000))).toBe(1);
  });

  it('keeps a draft encrypted, opens it only for the same card, and drops it when expired', () => {
    const keysOf = (id: string) => draftKeys('secret', id, service.applicantKey(id));
    addDocument(db, 'session-1', 'basis', JPEG, clock.now());
    saveDraft(db, keysOf(APPLICANT.idNumber), 'session-1', { step: 'money', data: JSON.stringify({ respondentName: '钱七' }) }, clock.now(), 60);
    const raw = db.prepare('SELECT body FROM drafts').get() as { body: Buffer };
    expect(raw.body.toString('utf8')).not.toContain('钱七');
    expect(resumeDraft(db, keysOf(makeIdNumber('19900101')), 'session-2', clock.now())).toBeNull();
    const back = resumeDraft(db, keysOf(APPLICANT.idNumber), 'session-2', clock.now());
    expect(back?.step).toBe('money');
    expect(JSON.parse(back!.data)).toEqual({ respondentName: '钱七' });
    expect((db.prepare("SELECT count(*) AS n FROM documents WHERE holder = 'session-2'").get() as { n: number }).n).toBe(1);

    saveDraft(db, keysOf(APPLICANT.idNumber), 'session-2', { step: 'money', data: '{}' }, clock.now(), 60);
    clock.advance(61 * 60_000);
    expect(purgeExpiredDrafts(db, clock.now())).toBe(1);
    expect(resumeDraft(db, keysOf(APPLICANT.idNumber), 'session-3', clock.now())).toBeNull();
    expect((db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n).toBe(0);
    discardDraft(db, 'nobody');
  });

  it('finds a filing by its receipt code and refuses a forged or altered one', () => {
    const v = service.submit(parse(draft()), APPLICANT);
    const code = service.receiptCode(v.id);
    expect(service.byReceiptCode(code)?.id).toBe(v.id);
    expect(service.byReceiptCode(code.slice(0, -1) + (code.endsWith('0') ? '1' : '0'))).toBeUndefined();
    expect(service.byReceiptCode(`YZT1:${v.id}:0000000000000000`)).toBeUndefined();
    expect(service.byReceiptCode('hello')).toBeUndefined();
  });
});
