/**
 * The purge on a real kiosk database file with a fixed clock: filings the central confirmed
 * more than privacy.purgeAfterDays ago lose their personal data everywhere (tables and the raw
 * file), keep numbers and status, and are still found by the ID-card status query; younger,
 * unconfirmed or still-in-work filings are kept.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Db } from '../../../src-main/db/open.js';
import { loadMigrations, migrate } from '../../../src-main/db/migrate.js';
import { MIGRATIONS_DIR } from '../../../src-main/paths.js';
import { FilingService } from '../../../src-main/filings/filing-service.js';
import { addDocument } from '../../../src-main/filings/document-store.js';
import { draftKeys, saveDraft } from '../../../src-main/filings/draft-store.js';
import { saveHandover } from '../../../src-main/filings/handover-store.js';
import { applyMutationResults, pendingMutations } from '../../../src-main/sync/outbox-store.js';
import { verifyAudit } from '../../../src-main/audit/audit-log.js';
import { runPurge } from '../../../src-main/privacy/run-purge.js';
import { readPrivacyView, writePurgeAfterDays } from '../../../src-main/privacy/purge-settings.js';
import { countPurgeable } from '../../../src-main/privacy/purge.js';
import { COURT_PRESETS } from '../../../src-shared/courts/court-profile.js';
import { filingDraftSchema, type ApplicantRecord, type FilingView } from '../../../src-shared/domain/filing.js';
import { createLogger } from '../../../src-main/log/logger.js';
import { APPLICANT, draft, makeIdNumber } from '../../support/fixtures.js';
import { fixedClock, tempDir } from '../../support/tmp.js';

const DAY = 86_400_000;
const T0 = '2026-09-01T02:00:00.000Z';

/** The person whose filing is purged: every string below must leave the kiosk. */
const GONE = {
  id: makeIdNumber('19750505', '377'),
  name: '王五福',
  address: '河南省焦作市山阳区清除路99号',
  respondentId: makeIdNumber('19660606', '488'),
  respondent: '赵六安',
  respondentAddress: '河南省焦作市解放区被执行路7号',
  account: '6217000000000099999',
  photo: 'PHOTO-OF-WANG-WUFU',
  scan: 'SCAN-OF-RECEPTION',
};
const applicant = (name: string, seq: string, address: string): ApplicantRecord => ({ ...APPLICANT, name, idNumber: makeIdNumber('19800101', seq), address });
const WANG: ApplicantRecord = { ...APPLICANT, name: GONE.name, idNumber: GONE.id, address: GONE.address };
const jpeg = (marker: string) => `data:image/jpeg;base64,${Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from(marker.repeat(40))]).toString('base64')}`;

/** A clerk record as the counter stores it (only what the purge reads matters here). */
function addClerkRecord(db: Db, filingId: string, id: string, kind: string, payload: object, appliedAt: string, sentAt: string | null): void {
  db.prepare("INSERT INTO clerk_records (id, filing_id, kind, created_at, origin, record_json, applied_at) VALUES (?, ?, ?, ?, 'local', ?, ?)").run(id, filingId, kind, appliedAt, JSON.stringify({ id, filingId, kind, payload }), appliedAt);
  db.prepare('INSERT INTO clerk_record_outbox (record_id, sent_at) VALUES (?, ?)').run(id, sentAt);
}

function allText(db: Db): string {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
  return tables
    .flatMap((t) => db.prepare(`SELECT * FROM "${t}"`).all() as Array<Record<string, unknown>>)
    .map((row) => Object.values(row).map((v) => (Buffer.isBuffer(v) ? v.toString('latin1') : String(v))).join('\u0001'))
    .join('\n');
}

describe('purge of confirmed filings', () => {
  const dir = tempDir();
  const file = join(dir.path, 'kiosk.sqlite');
  const clock = fixedClock(T0);
  let db: Db;
  let service: FilingService;
  const ids: Record<'gone' | 'young' | 'unconfirmed' | 'inWork' | 'recordPending' | 'pagePending', FilingView> = {} as never;

  const confirm = (v: FilingView, officialNo: string) => {
    const m = pendingMutations(db, 100, 1e9).find((r) => r.filing_id === v.id)!;
    applyMutationResults(db, [{ mutationId: m.mutation_id, status: 'accepted', officialNo, acceptedAt: clock.now().toISOString() }], clock.now());
  };

  beforeAll(() => {
    // Opened without encryption, so the file shows what SQLite leaves on disk; secure_delete as
    // the opener sets it (a row rewritten before it was on leaves a copy only VACUUM removes).
    db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('secure_delete = ON');
    db.pragma('foreign_keys = ON');
    migrate(db, loadMigrations(join(MIGRATIONS_DIR, 'kiosk')));
    service = new FilingService({ db, deviceId: 'abcdef12-0000-4000-8000-000000000000', court: COURT_PRESETS[1]!, applicantKeySecret: 'secret', now: clock.now, log: createLogger({ sink: [] }) });
    const submit = (a: ApplicantRecord, d = draft(), holder = '') => service.submit(filingDraftSchema.parse(d), a, holder);

    const photo = addDocument(db, 'session-w', 'basis', jpeg(GONE.photo), clock.now());
    ids.gone = submit(
      WANG,
      draft({
        respondents: [{ kind: 'person', name: GONE.respondent, idNumber: GONE.respondentId, address: GONE.respondentAddress, phone: '13911112222' }],
        basis: { kind: 'judgment', effectiveDate: '2026-06-01', hasPaymentContent: true, content: `被告${GONE.respondent}偿还原告借款`, performanceDue: '2026-06-11' },
        payee: { accountName: GONE.name, bank: '中国银行焦作分行', accountNumber: GONE.account },
        applicantAddress: GONE.address,
        documentIds: [photo.id],
      }),
      'session-w',
    );
    confirm(ids.gone, '（2026）豫0811执100号');
    // The central holds its page (sync uploads it once numbered, migration 0009).
    db.prepare('UPDATE documents SET uploaded_at = ? WHERE filing_id = ?').run(T0, ids.gone.id);
    // The counter received it and finished: its notes and the signed scan are personal data too.
    db.prepare("INSERT INTO counter_cases (filing_id, stage, updated_at) VALUES (?, 'done', ?)").run(ids.gone.id, T0);
    db.prepare(
      `INSERT INTO counter_receptions (filing_id, at, interviewer, recorder, interviewee, place, service_address, contact, filing_data, respondent_property, termination_view, notes, clerk, saved_at, scan_mime, scan_bytes, scan_sha256, scan_at, scan_uploaded_at)
       VALUES (?, ?, '李法官', '书记员', ?, '立案窗口', ?, '13800001111', ?, '房产一套', '无', '无', 'clerk-li', ?, 'image/jpeg', ?, 'x', ?, ?)`,
    ).run(ids.gone.id, T0, GONE.name, GONE.address, `身份证 ${GONE.id}`, T0, Buffer.from(GONE.scan.repeat(20)), T0, T0);
    db.prepare("INSERT INTO counter_verifications (filing_id, field, verdict, original_value, corrected_value, reason, clerk, at) VALUES (?, 'applicant.address', 'corrected', ?, ?, '核对户籍', 'clerk-li', ?)").run(
      ids.gone.id,
      GONE.address,
      `${GONE.address}东`,
      T0,
    );

    addClerkRecord(db, ids.gone.id, 'rec-v', 'verification', { field: 'applicant.address', verdict: 'corrected', originalValue: GONE.address, correctedValue: `${GONE.address}东`, reason: '核对户籍' }, T0, T0);
    addClerkRecord(db, ids.gone.id, 'rec-r', 'reception', { interviewee: GONE.name, serviceAddress: GONE.address, contact: '13800001111', filingDataVerified: `身份证 ${GONE.id}`, respondentProperty: '房产', terminationView: '无', notes: GONE.respondent }, T0, T0);
    addClerkRecord(db, ids.gone.id, 'rec-t', 'triage', { team: '速执团队' }, T0, T0);

    ids.unconfirmed = submit(applicant('孙七', '311', '未确认路1号'));
    ids.inWork = submit(applicant('周八', '322', '窗口路2号'));
    confirm(ids.inWork, '（2026）豫0811执101号');
    ids.recordPending = submit(applicant('钱三', '388', '记录路4号'));
    confirm(ids.recordPending, '（2026）豫0811执103号');
    addClerkRecord(db, ids.recordPending.id, 'rec-p', 'verification', { field: 'applicant.name', verdict: 'verified', originalValue: '钱三', correctedValue: null, reason: null }, T0, null);
    // Confirmed and old, but its page has not reached the central yet: the kiosk holds the only copy.
    const pending = addDocument(db, 'session-p', 'basis', jpeg('PENDING-PAGE'), clock.now());
    ids.pagePending = submit(applicant('卫四', '399', '页面路6号'), draft({ documentIds: [pending.id] }), 'session-p');
    confirm(ids.pagePending, '（2026）豫0811执104号');
    db.prepare("INSERT INTO counter_outbox (filing_id, action_json, created_at) VALUES (?, '{\"action\":\"triage\"}', ?)").run(ids.inWork.id, T0);
    // A draft nobody came back for (it would keep for a year).
    saveDraft(db, draftKeys('secret', applicant('吴九', '333', '').idNumber, 'owner-old'), 'session-d', { step: 'x', data: '吴九的草稿' }, clock.now(), 365 * 24 * 60);
    // A hand-over the counter never opened, with its photograph.
    addDocument(db, 'session-h', 'basis', jpeg('HANDOVER-PHOTO'), clock.now());
    saveHandover(db, 'secret', { draft: filingDraftSchema.parse(draft()), applicant: applicant('陈二', '366', '交接路5号') }, 'session-h', clock.now(), 365 * 24 * 60);

    clock.advance(20 * DAY);
    ids.young = submit(applicant('郑十', '344', '年轻路3号'));
    confirm(ids.young, '（2026）豫0811执102号');
    saveDraft(db, draftKeys('secret', applicant('冯一', '355', '').idNumber, 'owner-new'), 'session-e', { step: 'x', data: '新草稿' }, clock.now(), 365 * 24 * 60);
    clock.set(new Date(Date.parse(T0) + 31 * DAY).toISOString());
  });
  afterAll(() => {
    db.close();
    dir.cleanup();
  });

  it('counts on a dry run without changing anything', () => {
    db.pragma('wal_checkpoint(TRUNCATE)');
    expect(readFileSync(file).includes(GONE.id)).toBe(true); // the check below could fail
    const before = allText(db);
    const r = runPurge(db, { now: clock.now(), dryRun: true });
    expect(r).toMatchObject({ dryRun: true, afterDays: 30, counts: { filings: 1, documents: 2, drafts: 1, handovers: 1, counterRecords: 4 } });
    expect(allText(db)).toBe(before);
  });

  it('purges the confirmed filing older than the setting from every table and from the file', () => {
    const r = runPurge(db, { now: clock.now(), log: createLogger({ sink: [] }) });
    expect(r.counts).toEqual({ filings: 1, documents: 2, drafts: 1, handovers: 1, counterRecords: 4 });
    expect(db.prepare('SELECT count(*) FROM handovers').pluck().get()).toBe(0);
    const text = allText(db);
    for (const s of Object.values(GONE)) expect(text).not.toContain(s);
    const raw = Buffer.concat([readFileSync(file), existsSync(`${file}-wal`) ? readFileSync(`${file}-wal`) : Buffer.alloc(0)]);
    for (const s of [GONE.id, GONE.respondentId, GONE.account, GONE.photo, GONE.scan, GONE.name, GONE.address]) expect({ s, at: raw.indexOf(Buffer.from(s)) }).toEqual({ s, at: -1 });
    db.exec('VACUUM');
    db.pragma('wal_checkpoint(TRUNCATE)');
    expect(readFileSync(file).includes(GONE.id)).toBe(false);
    expect(readFileSync(file).includes(ids.unconfirmed.provisionalNo)).toBe(true); // the file is readable, not encrypted
  });

  it('keeps numbers and status, and the status query by ID card still finds it', () => {
    const mine = service.listForApplicant(GONE.id).items;
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      id: ids.gone.id,
      provisionalNo: ids.gone.provisionalNo,
      officialNo: '（2026）豫0811执100号',
      status: 'accepted',
      applicantNameMasked: '王**',
      respondentNames: ['赵**'],
      basisNumber: ids.gone.basisNumber,
      amountFen: ids.gone.amountFen,
    });
    expect(db.prepare('SELECT purged_at FROM filings WHERE id = ?').pluck().get(ids.gone.id)).toBe(clock.now().toISOString());
    expect(db.prepare('SELECT interviewee FROM counter_receptions WHERE filing_id = ?').pluck().get(ids.gone.id)).toBe('王**');
    const triage = db.prepare("SELECT record_json FROM clerk_records WHERE id = 'rec-t'").pluck().get() as string;
    expect(JSON.parse(triage).payload).toEqual({ team: '速执团队' });
    expect(JSON.parse(db.prepare("SELECT record_json FROM clerk_records WHERE id = 'rec-v'").pluck().get() as string).payload).toMatchObject({ originalValue: '', verdict: 'corrected' });
  });

  it('keeps the younger confirmed, the unconfirmed, the one the counter still sends and the one whose page the central lacks, however old', () => {
    for (const v of [ids.young, ids.unconfirmed, ids.inWork, ids.recordPending, ids.pagePending]) {
      const row = db.prepare('SELECT purged_at, record_json FROM filings WHERE id = ?').get(v.id) as { purged_at: string | null; record_json: string };
      expect(row.purged_at).toBeNull();
      expect(JSON.parse(row.record_json).applicant.idNumber).toMatch(/^\d{17}[\dX]$/);
    }
    expect(db.prepare('SELECT count(*) FROM documents WHERE filing_id = ?').pluck().get(ids.pagePending.id)).toBe(1);
    expect(db.prepare('SELECT owner_key FROM drafts').pluck().all()).toEqual(['owner-new']);
    // Years later the unconfirmed filing is still whole: the kiosk may hold its only copy.
    expect(countPurgeable(db, { now: new Date(Date.parse(T0) + 3000 * DAY), afterDays: 1 }).filings).toBe(1); // the younger one only
  });

  it('is idempotent, and the audit entry holds counts only', () => {
    const auditBefore = db.prepare('SELECT count(*) FROM audit_log').pluck().get();
    const again = runPurge(db, { now: clock.now() });
    expect(again.counts).toEqual({ filings: 0, documents: 0, drafts: 0, handovers: 0, counterRecords: 0 });
    expect(db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(auditBefore);
    const entries = db.prepare("SELECT actor, subject, details FROM audit_log WHERE action = 'privacy.purged'").all() as Array<{ actor: string; subject: string | null; details: string }>;
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actor: 'system', subject: null });
    expect(JSON.parse(entries[0]!.details)).toEqual({ filings: 1, documents: 2, drafts: 1, handovers: 1, counterRecords: 4, afterDays: 30 });
    expect(verifyAudit(db).ok).toBe(true);
    expect(readPrivacyView(db).lastPurge).toMatchObject({ at: clock.now().toISOString(), afterDays: 30 });
  });

  it('purges again what a clerk record from another terminal brings to a purged filing', () => {
    clock.advance(3_600_000);
    addClerkRecord(db, ids.gone.id, 'rec-late', 'verification', { field: 'applicant.phone', verdict: 'verified', originalValue: GONE.account, correctedValue: null, reason: null }, clock.now().toISOString(), clock.now().toISOString());
    db.prepare("INSERT INTO counter_verifications (filing_id, field, verdict, original_value, clerk, at, record_id) VALUES (?, 'applicant.phone', 'verified', ?, 'clerk-wang', ?, 'rec-late')").run(ids.gone.id, GONE.account, clock.now().toISOString());
    clock.advance(1000);
    expect(runPurge(db, { now: clock.now() }).counts.counterRecords).toBeGreaterThan(0);
    expect(allText(db)).not.toContain(GONE.account);
    expect(runPurge(db, { now: clock.now() }).counts.counterRecords).toBe(0);
  });

  it('follows the setting: a shorter period purges the younger filing too', () => {
    writePurgeAfterDays(db, 10);
    expect(runPurge(db, { now: clock.now() }).counts.filings).toBe(1);
    expect(service.listForApplicant(applicant('郑十', '344', '').idNumber).items[0]).toMatchObject({ officialNo: '（2026）豫0811执102号', applicantNameMasked: '郑*' });
    expect(() => writePurgeAfterDays(db, 0)).toThrow();
    expect(() => runPurge(db, { now: clock.now(), afterDays: 3651 })).toThrow(/3650/);
  });
});
