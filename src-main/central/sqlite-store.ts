/**
 * The central store on SQLite (one court's gateway). Transactions are synchronous
 * (better-sqlite3, BEGIN IMMEDIATE): nothing is awaited inside one, so a mutation's
 * replay check, number, case row, status event and idempotency record commit together.
 */
import type { Statement } from 'better-sqlite3';
import { statementCache } from './sqlite-statements.js';
import type { Db } from '../db/open.js';
import { openDatabase } from '../db/open.js';
import { walCheckpoints, type WalRegistration } from '../db/wal-checkpointer.js';
import type { Logger } from '../log/logger.js';
import type { CaseAction, CaseChange, CaseStatus, ClerkRecord, ClerkRecordResult, CourtFiling, HeartbeatRequest, MutationResult, StoredClerkRecord } from '../../src-shared/sync/protocol.js';
import {
  BUMP_RECORD_SEQ_SQL, CASE_COURT_SQL, FILINGS_SINCE_SQL, INSERT_RECORD_SQL, INSERT_TOKEN_SQL, PRIOR_RECORD_SQL, RECORDS_SINCE_SQL, TOKEN_COURT_SQL, REVOKE_TOKEN_SQL,
  PREVIOUS_RECEIVED_SQL, precheck, recordParams, toCourtFiling, toStoredRecord, tokenHolder, type PriorRow, type TokenRow,
} from './clerk-record-sql.js';
import { LAST_TRIAGE_SQL, triageAuthority } from './triage-authority.js';
import { acceptanceTime, attestRecord } from './attest-record.js';
import { EXISTING_FOLLOW_UP_SQL, FOLLOW_UP_ORIGIN_SQL, INSERT_FOLLOW_UP_SQL, ORIGIN_NOT_FOUND, PRE_RECORDS_SQL, decideFollowUp, preEnforcementFailed, earlierFollowUp, followUpMaker, followUpRecord, type FollowUpOutcome, type FollowUpRow, type OriginRow } from './follow-up.js';
import type { FollowUpRequest } from '../../src-shared/sync/follow-up.js';
import { DOCUMENT_CASE_SQL, GET_DOCUMENT_SQL, INSERT_DOCUMENT_SQL, PRIOR_DOCUMENT_SQL, documentParams, priorOutcome, toDocumentBlob, toDocumentCase, type DocumentBlob, type DocumentCase, type DocumentRow, type PutDocumentOutcome } from './document-sql.js';
import { HEARTBEAT_UPSERT_SQL, KIOSKS_SQL, toStoredKiosk, type KioskRow, type StoredKiosk } from './kiosk-list.js';
import { AUDIT_FORGET_SQL, AUDIT_CLEAR_SQL, AUDIT_CLEARED_EVENT_SQL, AUDIT_HEAD_SQL, AUDIT_HEAD_UPSERT_SQL, judgeAuditHead, toContinuity, type AuditHeadRow, type AuditJudgement } from './audit-anchor.js';
import { correctionRefusal } from './correction.js';
import { commitInOrder, type BatchInput, type BatchOutcome } from './batch-commit.js';
import type { BasisCase, CaseActionOutcome, CentralStore, CommitInput, DeviceRecord, MutationConflict, NumberedCase, RelatedCase, RelatedQuery } from './store.js';
import { BUMP_SEQUENCE_SQL, BUMP_VERSION_SQL, chinaYear, officialNumber } from './numbering.js';
import { DEVICE_EVENTS_SQL, DEVICE_SQL, ENROL_CODE_SQL, ENROL_NEW_DEVICE_SQL, INSERT_DEVICE_EVENT_SQL, INSERT_ENROL_CODE_SQL, REENROL_DEVICE_SQL, INSERT_EVENT_SQL, INSERT_MUTATION_SQL, NUMBERED_CASES_SQL, REVOKE_DEVICE_SQL, USE_ENROL_CODE_SQL, toDevice, toNumberedCase, type DeviceRow, type EnrolCodeRow, type NumberedCaseRow } from './device-sql.js';
import type { FilingRecord } from '../../src-shared/domain/filing.js';
import type { HelpCallStore } from './help-call-sql.js';
import { SqliteHelpCalls } from './help-calls-sqlite.js';
import { SqliteSmsOutbox } from './sms/outbox-sqlite.js';
import { SqliteClerkAccounts } from './accounts/accounts-sqlite.js';
import type { ClerkAccountStore } from './accounts/account-sql.js';
import { decideEnrolment, type EnrolRedemption } from './enrol-decision.js';
import type { CourtTokenHolder, DeviceEvent } from './store.js';
import { CASE_NOT_FOUND, nextStatus, reasonsOf, teamOf } from './case-transitions.js';
import { CASE_RECORD_SQL, CHANGES_SQL, FIND_CASE_SQL, UPDATE_CASE_SQL, changeOf, toChange, type CaseRow, type EventRow, RESPONDENTS_SQL, APPLYING_SQL, matchRelated, type RespondentRow, BASIS_CASES_SQL, casesByBasisOf, fewestCases, type BasisCaseRow, type BasisCasesOf } from './case-sql.js';
import { CORRECTION_BY_ID_SQL, CORRECTION_CASE_SQL, CORRECTIONS_OF_CASE_SQL, INSERT_CORRECTION_SQL, SAVE_CORRECTED_SQL, correctedOf, correctionParams, decideCorrection, toEntry, type CorrectionCaseRow, type CorrectionOutcome, type CorrectionRow } from './correction-sql.js';
import type { CaseCorrectionInput } from '../../src-shared/sync/case-correction.js';
import { PRE_CASE_SQL, SAVE_PRE_SQL, followUpDeadlines, preRecordEffect, transferEffect, type PreCaseRow, type PreEffect } from './pre-enforcement-state.js';

export class SqliteCentralStore implements CentralStore {
  readonly kind = 'sqlite';
  readonly db: Db;
  readonly helpCalls: HelpCallStore;
  readonly sms: SqliteSmsOutbox;
  readonly clerkAccounts: ClerkAccountStore;
  private readonly st: (sql: string) => Statement;
  private readonly wal: WalRegistration | null;

  /** With the gateway's log, a worker checkpoints the database (db/wal-checkpointer.ts); short-lived commands leave it to SQLite. */
  constructor(file: string, opts: { log?: Logger | undefined } = {}) {
    this.db = openDatabase(file, 'central');
    this.wal = opts.log ? walCheckpoints.register(this.db, { file, schema: 'central', log: opts.log }) : null;
    this.st = statementCache(this.db);
    this.helpCalls = new SqliteHelpCalls(this.db);
    this.sms = new SqliteSmsOutbox(this.db);
    this.clerkAccounts = new SqliteClerkAccounts(this.db);
  }

  private addEvent(courtCode: string, filingId: string, status: CaseStatus, reasons: string[], team: string | null, at: string): number {
    const { last_version } = this.st(BUMP_VERSION_SQL).get(courtCode) as { last_version: number };
    this.st(INSERT_EVENT_SQL).run(courtCode, last_version, filingId, status, JSON.stringify(reasons), team, at);
    return last_version;
  }

  /** A 执前督 case's new state (pre-enforcement-state.ts), its status and its event for the kiosks. */
  private savePre(c: PreCaseRow | undefined, effect: (c: PreCaseRow) => PreEffect | null, at: string): void {
    const e = c && effect(c);
    if (!c || !e) return;
    this.st(SAVE_PRE_SQL).run(JSON.stringify(e.state), e.status, at, c.filing_id);
    this.addEvent(c.court_code, c.filing_id, e.status, e.reasons, c.team, at);
  }

  private recordMutation(deviceId: string, mutationId: number, filingId: string | null, result: MutationResult, at: string): void {
    this.st(INSERT_MUTATION_SQL).run(deviceId, mutationId, JSON.stringify(result), at, filingId);
    this.st('UPDATE devices SET last_mutation_id = max(last_mutation_id, ?), last_seen_at = ? WHERE device_id = ?').run(mutationId, at, deviceId);
  }

  commitMutation(input: CommitInput): Promise<MutationResult | MutationConflict> {
    return Promise.resolve(this.db.transaction(() => this.commitOne(input)).immediate());
  }

  /** One transaction (one fsync) for the whole batch; each mutation is decided as commitMutation decides it. */
  commitBatch(input: BatchInput): Promise<BatchOutcome> {
    return Promise.resolve(this.db.transaction(() => commitInOrder(input, (one) => this.commitOne(one))).immediate());
  }

  private commitOne({ deviceId, courtCode, mutation: m, rejection, now }: CommitInput): MutationResult | MutationConflict {
    const at = now.toISOString();
    const prior = this.st('SELECT result_json, filing_id FROM mutations WHERE device_id = ? AND mutation_id = ?').get(deviceId, m.mutationId) as
      | { result_json: string; filing_id: string | null }
      | undefined;
    if (prior) {
      if (prior.filing_id !== null && prior.filing_id !== m.filing.id) {
        const d = this.st('SELECT last_mutation_id FROM devices WHERE device_id = ?').get(deviceId) as { last_mutation_id: number };
        return { conflict: true, lastMutationId: d.last_mutation_id };
      }
      return JSON.parse(prior.result_json) as MutationResult;
    }
    let result: MutationResult;
    const existing = this.st('SELECT official_no, accepted_at FROM cases WHERE filing_id = ?').get(m.filing.id) as { official_no: string; accepted_at: string } | undefined;
    if (existing && m.kind === 'filing.correct') {
      const c = this.st('SELECT status, record_json FROM cases WHERE filing_id = ?').get(m.filing.id) as { status: string; record_json: string };
      const refusal = rejection ?? correctionRefusal(m.mutationId, c.status, c.record_json, m.filing);
      if (refusal) result = refusal;
      else {
        this.st("UPDATE cases SET record_json = ?, status = 'filed', updated_at = ? WHERE filing_id = ?").run(JSON.stringify(m.filing), at, m.filing.id);
        this.addEvent(courtCode, m.filing.id, 'filed', [], null, at);
        result = { mutationId: m.mutationId, status: 'accepted', officialNo: existing.official_no, acceptedAt: existing.accepted_at };
      }
    } else if (existing) {
      // Same filing under a new mutation id (a kiosk restored from backup): never a second number.
      result = { mutationId: m.mutationId, status: 'accepted', officialNo: existing.official_no, acceptedAt: existing.accepted_at };
    } else if (m.kind === 'filing.correct') {
      result = { mutationId: m.mutationId, status: 'rejected', code: 'case-not-found', reason_zh: '法院系统中没有这个案件', reason_en: 'No such case at the court' };
    } else if (rejection) {
      result = rejection;
    } else {
      const year = chinaYear(now);
      const { last_seq: seq } = this.st(BUMP_SEQUENCE_SQL).get(courtCode, m.filing.typeCode, year) as { last_seq: number };
      const officialNo = officialNumber(courtCode, m.filing.typeCode, year, seq);
      this.st(
        `INSERT INTO cases (filing_id, device_id, mutation_id, provisional_no, court_code, type_code, year, seq, official_no, status, submitted_at, accepted_at, record_json, updated_at, basis_number)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'filed', ?, ?, ?, ?, ?)`,
      ).run(m.filing.id, deviceId, m.mutationId, m.filing.provisionalNo, courtCode, m.filing.typeCode, year, seq, officialNo, m.filing.submittedAt, at, JSON.stringify(m.filing), at, m.filing.basisNumber);
      this.addEvent(courtCode, m.filing.id, 'filed', [], null, at);
      result = { mutationId: m.mutationId, status: 'accepted', officialNo, acceptedAt: at };
    }
    this.recordMutation(deviceId, m.mutationId, m.filing.id, result, at);
    return result;
  }

  recordMalformed(deviceId: string, result: MutationResult, now: Date): Promise<MutationResult> {
    const db = this.db;
    return Promise.resolve(
      db.transaction((): MutationResult => {
        const prior = this.st('SELECT result_json FROM mutations WHERE device_id = ? AND mutation_id = ?').get(deviceId, result.mutationId) as { result_json: string } | undefined;
        if (prior) return JSON.parse(prior.result_json) as MutationResult;
        this.recordMutation(deviceId, result.mutationId, null, result, now.toISOString());
        return result;
      }).immediate(),
    );
  }

  createEnrolCode(codeHash: string, courtId: string, courtCode: string, now: Date, expiresAt: Date, forDevice: string | null = null): Promise<void> {
    this.db.transaction(() => {
      this.st(INSERT_ENROL_CODE_SQL).run(codeHash, courtId, courtCode, now.toISOString(), expiresAt.toISOString(), forDevice);
      if (forDevice) this.st(INSERT_DEVICE_EVENT_SQL).run(forDevice, courtCode, 're-enrol-code', now.toISOString());
    })();
    return Promise.resolve();
  }

  redeemEnrolCode(codeHash: string, deviceId: string, secret: string, now: Date): Promise<EnrolRedemption> {
    const at = now.toISOString();
    return Promise.resolve(
      this.db.transaction((): EnrolRedemption => {
        const code = this.st(ENROL_CODE_SQL).get(codeHash) as EnrolCodeRow | undefined;
        const device = toDevice(this.st(DEVICE_SQL).get(deviceId) as DeviceRow | undefined);
        const decision = decideEnrolment(code, deviceId, device, at);
        if (!decision.ok) {
          if (decision.reason === 'device-bound' && device) this.st(INSERT_DEVICE_EVENT_SQL).run(deviceId, device.courtCode, 'takeover-refused', at);
          return decision;
        }
        const c = code!;
        this.st(USE_ENROL_CODE_SQL).run(at, deviceId, codeHash);
        if (decision.kind === 'new') this.st(ENROL_NEW_DEVICE_SQL).run(deviceId, c.court_code, c.court_id, at, at, secret, at);
        else {
          this.st(REENROL_DEVICE_SQL).run(secret, at, deviceId, c.court_id);
          this.st(AUDIT_FORGET_SQL).run(deviceId);
        }
        this.st(INSERT_DEVICE_EVENT_SQL).run(deviceId, c.court_code, decision.kind === 'new' ? 'enrolled' : 're-enrolled', at);
        return { ok: true, courtId: c.court_id, courtCode: c.court_code, kind: decision.kind };
      }).immediate(),
    );
  }

  device(deviceId: string): Promise<DeviceRecord | null> {
    return Promise.resolve(toDevice(this.st(DEVICE_SQL).get(deviceId) as DeviceRow | undefined));
  }

  revokeDevice(deviceId: string, now: Date): Promise<boolean> {
    return Promise.resolve(
      this.db.transaction(() => {
        const device = toDevice(this.st(DEVICE_SQL).get(deviceId) as DeviceRow | undefined);
        const done = this.st(REVOKE_DEVICE_SQL).run(now.toISOString(), deviceId).changes === 1;
        if (done && device) this.st(INSERT_DEVICE_EVENT_SQL).run(deviceId, device.courtCode, 'revoked', now.toISOString());
        return done;
      })(),
    );
  }

  deviceEvents(deviceId: string): Promise<DeviceEvent[]> {
    const rows = this.st(DEVICE_EVENTS_SQL).all(deviceId) as Array<{ device_id: string; court_code: string; action: DeviceEvent['action']; at: string }>;
    return Promise.resolve(rows.map((r) => ({ deviceId: r.device_id, courtCode: r.court_code, action: r.action, at: r.at })));
  }

  applyCaseAction(action: CaseAction, now: Date, courtCode?: string): Promise<CaseActionOutcome> {
    const db = this.db;
    const at = now.toISOString();
    return Promise.resolve(
      db.transaction((): CaseActionOutcome => {
        const c = this.st(FIND_CASE_SQL).get(action.number, action.number, action.number) as CaseRow | undefined;
        if (!c || (courtCode !== undefined && c.court_code !== courtCode)) return CASE_NOT_FOUND;
        const next = nextStatus(c.status, action, { courtCode: c.court_code, team: c.team });
        if (!next.ok) return next;
        const reasons = reasonsOf(action);
        const team = teamOf(action) ?? c.team;
        this.st(UPDATE_CASE_SQL).run(next.status, JSON.stringify(reasons), team, at, c.filing_id);
        const version = this.addEvent(c.court_code, c.filing_id, next.status, reasons, team, at);
        this.sms.enqueue(c.filing_id, next.status, reasons, team, version, at);
        return { ok: true, change: changeOf(c, version, next.status, reasons, team, at), courtCode: c.court_code };
      }).immediate(),
    );
  }

  correctCase(input: CaseCorrectionInput, now: Date, courtCode?: string): Promise<CorrectionOutcome> {
    return Promise.resolve(
      this.db.transaction((): CorrectionOutcome => {
        const c = this.st(CORRECTION_CASE_SQL).get(input.number, input.number, input.number) as CorrectionCaseRow | undefined;
        const d = decideCorrection(c, this.st(CORRECTION_BY_ID_SQL).get(input.id) as CorrectionRow | undefined, input, courtCode, now.toISOString());
        if (d.kind === 'answer') return d.outcome;
        this.st(SAVE_CORRECTED_SQL).run(d.recordJson, d.correctedJson, d.row.at, d.row.filing_id);
        this.st(INSERT_CORRECTION_SQL).run(...correctionParams(d.row, d.event.court));
        return d.answer(this.addEvent(d.event.court, d.row.filing_id, d.event.status, d.event.reasons, d.event.team, d.row.at));
      }).immediate(),
    );
  }

  caseCorrections(number: string, courtCode?: string) {
    const c = this.st(CORRECTION_CASE_SQL).get(number, number, number) as CorrectionCaseRow | undefined;
    if (!c || (courtCode !== undefined && c.court_code !== courtCode)) return Promise.resolve(null);
    const history = (this.st(CORRECTIONS_OF_CASE_SQL).all(c.filing_id) as CorrectionRow[]).map(toEntry);
    return Promise.resolve({ officialNo: c.official_no, filingId: c.filing_id, corrected: correctedOf(c.corrected_json), history });
  }

  changesSince(courtCode: string, cursor: number, limit: number): Promise<CaseChange[]> {
    return Promise.resolve((this.st(CHANGES_SQL).all(courtCode, cursor, limit) as EventRow[]).map(toChange));
  }

  numberedCases(): Promise<NumberedCase[]> {
    return Promise.resolve((this.st(NUMBERED_CASES_SQL).all() as NumberedCaseRow[]).map(toNumberedCase));
  }

  casesByBasis(courtCode: string, basisNumbers: readonly string[], which: BasisCasesOf = 'all'): Promise<Map<string, BasisCase[]>> {
    return Promise.resolve(casesByBasisOf(this.st(BASIS_CASES_SQL.sqlite).all(courtCode, JSON.stringify(basisNumbers), fewestCases(which)) as BasisCaseRow[], basisNumbers));
  }

  relatedCases(q: RelatedQuery): Promise<RelatedCase[]> {
    return Promise.resolve(matchRelated(this.st(RESPONDENTS_SQL.sqlite).all() as RespondentRow[], this.st(APPLYING_SQL.sqlite).all() as RespondentRow[], q));
  }

  caseRecord(filingId: string): Promise<{ courtCode: string; record: FilingRecord } | null> {
    const r = this.st(CASE_RECORD_SQL).get(filingId) as { court_code: string; record_json: string } | undefined;
    return Promise.resolve(r ? { courtCode: r.court_code, record: JSON.parse(r.record_json) as FilingRecord } : null);
  }

  recordHeartbeat(deviceId: string, summary: HeartbeatRequest, now: Date): Promise<AuditJudgement> {
    return Promise.resolve(
      this.db
        .transaction(() => {
          this.st(HEARTBEAT_UPSERT_SQL).run(deviceId, now.toISOString(), JSON.stringify(summary));
          const row = this.st(AUDIT_HEAD_SQL).get(deviceId) as AuditHeadRow | undefined;
          const j = judgeAuditHead(row ? toContinuity(row) : null, summary, now);
          if (j.store) this.st(AUDIT_HEAD_UPSERT_SQL).run(deviceId, j.store.entries, j.store.head, now.toISOString(), j.store.problem, j.store.problemAt, j.store.problemDetail);
          return j;
        })
        .immediate(),
    );
  }

  clearAuditProblem(deviceId: string, now: Date): Promise<boolean> {
    return Promise.resolve(
      this.db.transaction(() => {
        if (this.st(AUDIT_CLEAR_SQL).run(deviceId).changes === 0) return false;
        this.st(AUDIT_CLEARED_EVENT_SQL).run(deviceId, now.toISOString(), deviceId);
        return true;
      }).immediate(),
    );
  }

  kiosks(): Promise<StoredKiosk[]> {
    return Promise.resolve((this.st(KIOSKS_SQL).all() as KioskRow[]).map(toStoredKiosk));
  }

  putClerkRecords(records: ClerkRecord[], now: Date, author: string, clerk: string | null = null): Promise<ClerkRecordResult[]> {
    const db = this.db;
    const one = db.transaction((r: ClerkRecord): ClerkRecordResult => {
      const prior = this.st(PRIOR_RECORD_SQL).get(r.id) as PriorRow | undefined;
      const caseCourt = (this.st(CASE_COURT_SQL).get(r.filingId) as { court_code: string } | undefined)?.court_code;
      const answer = precheck(r, prior, caseCourt) ?? triageAuthority(r, (this.st(LAST_TRIAGE_SQL).get(r.filingId) as { record_json: string } | undefined)?.record_json);
      if (answer) return answer;
      const { last_seq: seq } = this.st(BUMP_RECORD_SEQ_SQL).get(r.court) as { last_seq: number };
      const previous = (this.st(PREVIOUS_RECEIVED_SQL).get(r.court, seq - 1) as { received_at: string } | undefined)?.received_at;
      const attested = attestRecord(r, author, acceptanceTime(now, previous), clerk);
      this.st(INSERT_RECORD_SQL).run(...recordParams(attested, seq));
      if (r.kind === 'pre-enforcement') this.savePre(this.st(PRE_CASE_SQL).get(r.filingId) as PreCaseRow | undefined, (c) => preRecordEffect(c, attested), attested.createdAt);
      return { id: r.id, status: 'stored', seq };
    });
    return Promise.resolve(records.map((r) => one.immediate(r)));
  }

  createFollowUp(req: FollowUpRequest, by: { court: string | null; name: string }, now: Date): Promise<FollowUpOutcome> {
    const at = now.toISOString();
    return Promise.resolve(
      this.db.transaction((): FollowUpOutcome => {
        const origin = this.st(FOLLOW_UP_ORIGIN_SQL).get(req.origin, req.origin) as OriginRow | undefined;
        if (!origin || (by.court !== null && origin.court_code !== by.court)) return ORIGIN_NOT_FOUND;
        const earlier = earlierFollowUp(this.st(EXISTING_FOLLOW_UP_SQL).get(origin.filing_id, req.event, req.id) as FollowUpRow | undefined, origin, req);
        if (earlier) return earlier;
        const decided = decideFollowUp(origin, req.event, preEnforcementFailed(this.st(PRE_RECORDS_SQL).all(origin.filing_id) as { record_json: string }[]));
        if (!decided.ok) return decided;
        const record = { ...followUpRecord(origin, req, decided.typeCode, at), deadlines: followUpDeadlines(origin.court_code, decided.typeCode, now, (JSON.parse(origin.record_json) as FilingRecord).facts) };
        const year = chinaYear(now);
        const { last_seq: seq } = this.st(BUMP_SEQUENCE_SQL).get(origin.court_code, decided.typeCode, year) as { last_seq: number };
        const officialNo = officialNumber(origin.court_code, decided.typeCode, year, seq);
        this.st(INSERT_FOLLOW_UP_SQL).run(req.id, followUpMaker(by.name), record.provisionalNo, origin.court_code, decided.typeCode, year, seq, officialNo, at, at, JSON.stringify(record), at, origin.filing_id, req.event, record.basisNumber);
        this.addEvent(origin.court_code, req.id, 'filed', [], null, at);
        this.savePre(this.st(PRE_CASE_SQL).get(origin.filing_id) as PreCaseRow | undefined, (c) => (req.event === 'pre-enforcement-failed' ? transferEffect(c, { filingId: req.id, officialNo, typeCode: decided.typeCode, acceptedAt: at }, record.deadlines ?? []) : null), at);
        return { ok: true, created: true, courtCode: origin.court_code, filingId: req.id, officialNo, typeCode: decided.typeCode, acceptedAt: at, follows: origin.official_no, event: req.event };
      }).immediate(),
    );
  }

  clerkRecordsSince(courtCode: string, cursor: number, limit: number): Promise<StoredClerkRecord[]> {
    return Promise.resolve((this.st(RECORDS_SINCE_SQL).all(courtCode, cursor, limit) as Parameters<typeof toStoredRecord>[0][]).map(toStoredRecord));
  }

  courtFilingsSince(courtCode: string, cursor: number, limit: number): Promise<CourtFiling[]> {
    return Promise.resolve((this.st(FILINGS_SINCE_SQL).all(courtCode, cursor, limit) as Parameters<typeof toCourtFiling>[0][]).map(toCourtFiling));
  }

  createCourtToken(tokenHash: string, courtId: string, courtCode: string, now: Date, name: string | null = null): Promise<void> {
    this.st(INSERT_TOKEN_SQL).run(tokenHash, courtId, courtCode, now.toISOString(), name);
    return Promise.resolve();
  }

  courtOfToken(tokenHash: string): Promise<CourtTokenHolder | null> {
    const r = this.st(TOKEN_COURT_SQL).get(tokenHash) as TokenRow | undefined;
    return Promise.resolve(r ? tokenHolder(r, tokenHash) : null);
  }

  revokeCourtToken(tokenHash: string, now: Date): Promise<boolean> {
    return Promise.resolve(this.st(REVOKE_TOKEN_SQL).run(now.toISOString(), tokenHash).changes > 0);
  }

  documentCase(filingId: string): Promise<DocumentCase | null> {
    return Promise.resolve(toDocumentCase(this.st(DOCUMENT_CASE_SQL).get(filingId) as Parameters<typeof toDocumentCase>[0]));
  }

  putDocument(doc: DocumentBlob, now: Date): Promise<PutDocumentOutcome> {
    const db = this.db;
    return Promise.resolve(
      db.transaction((): PutDocumentOutcome => {
        const prior = priorOutcome(this.st(PRIOR_DOCUMENT_SQL).get(doc.id) as { sha256: string } | undefined, doc.sha256);
        if (prior) return prior;
        this.st(INSERT_DOCUMENT_SQL).run(...documentParams(doc, now.toISOString()));
        return 'stored';
      }).immediate(),
    );
  }

  getDocument(id: string): Promise<DocumentBlob | null> {
    const r = this.st(GET_DOCUMENT_SQL).get(id) as DocumentRow | undefined;
    return Promise.resolve(r ? toDocumentBlob(r) : null);
  }

  async close(): Promise<void> {
    await this.wal?.unregister();
    this.db.close();
  }
}
