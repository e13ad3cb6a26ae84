/**
 * The central store on PostgreSQL (a city's courts sharing one gateway). One transaction per
 * mutation: the device row is locked first (FOR UPDATE), so the same batch pushed twice at
 * once is answered from the idempotency record the first push wrote; the sequence and the
 * court's version rows are bumped with INSERT ... ON CONFLICT DO UPDATE ... RETURNING, which
 * holds their row locks until commit, so numbers are gapless and versions commit in order.
 * Serialization failures and deadlocks are retried.
 */
import pg from 'pg';
import { AUDIT_FORGET_SQL, AUDIT_CLEAR_SQL, AUDIT_CLEARED_EVENT_SQL, AUDIT_HEAD_SQL, AUDIT_HEAD_UPSERT_SQL, judgeAuditHead, toContinuity, type AuditHeadRow, type AuditJudgement } from './audit-anchor.js';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MIGRATIONS_DIR } from '../paths.js';
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
import { correctionRefusal } from './correction.js';
import { BatchAnswers, type BatchInput, type BatchOutcome } from './batch-commit.js';
import { commitCreates } from './batch-numbering.js';
import { worthRetrying } from './pg-retry.js';
import type { BasisCase, CaseActionOutcome, CentralStore, CommitInput, DeviceRecord, MutationConflict, NumberedCase, RelatedCase, RelatedQuery } from './store.js';
import { BUMP_SEQUENCE_SQL, BUMP_VERSION_SQL, chinaYear, officialNumber } from './numbering.js';
import { DEVICE_EVENTS_SQL, DEVICE_SQL, ENROL_CODE_SQL, ENROL_NEW_DEVICE_SQL, INSERT_DEVICE_EVENT_SQL, INSERT_ENROL_CODE_SQL, REENROL_DEVICE_SQL, INSERT_EVENT_SQL, INSERT_MUTATION_SQL, NUMBERED_CASES_SQL, REVOKE_DEVICE_SQL, USE_ENROL_CODE_SQL, toDevice, toNumberedCase, type DeviceRow, type EnrolCodeRow, type NumberedCaseRow } from './device-sql.js';
import type { FilingRecord } from '../../src-shared/domain/filing.js';
import type { HelpCallStore } from './help-call-sql.js';
import { PgSmsOutbox } from './sms/outbox-pg.js';
import { PgHelpCalls } from './help-calls-pg.js';
import { PgClerkAccounts } from './accounts/accounts-pg.js';
import type { ClerkAccountStore } from './accounts/account-sql.js';
import { decideEnrolment, type EnrolRedemption } from './enrol-decision.js';
import type { CourtTokenHolder, DeviceEvent } from './store.js';
import { CASE_NOT_FOUND, nextStatus, reasonsOf, teamOf } from './case-transitions.js';
import { CASE_RECORD_SQL, CHANGES_SQL, FIND_CASE_SQL, UPDATE_CASE_SQL, changeOf, toChange, type CaseRow, RESPONDENTS_SQL, APPLYING_SQL, matchRelated, type RespondentRow, BASIS_CASES_SQL, casesByBasisOf, fewestCases, type BasisCaseRow, type BasisCasesOf } from './case-sql.js';
import { CORRECTION_BY_ID_SQL, CORRECTION_CASE_SQL, CORRECTIONS_OF_CASE_SQL, INSERT_CORRECTION_SQL, SAVE_CORRECTED_SQL, correctedOf, correctionParams, decideCorrection, toEntry, type CorrectionCaseRow, type CorrectionOutcome, type CorrectionRow } from './correction-sql.js';
import type { CaseCorrectionInput } from '../../src-shared/sync/case-correction.js';
import { PRE_CASE_SQL, SAVE_PRE_SQL, followUpDeadlines, preRecordEffect, transferEffect, type PreCaseRow, type PreEffect } from './pre-enforcement-state.js';


export class CentralSchemaFromFutureError extends Error {
  readonly message_zh: string;
  constructor(dbVersion: number, appVersion: number) {
    super(`central database is at schema version ${dbVersion}, newer than this gateway supports (${appVersion})`);
    this.message_zh = `中心数据库版本（${dbVersion}）高于本程序支持的版本（${appVersion}），请升级网关程序`;
  }
}

type Tx = pg.PoolClient;

export class PgCentralStore implements CentralStore {
  readonly kind = 'postgres';
  readonly helpCalls: HelpCallStore;
  readonly sms: PgSmsOutbox;
  readonly clerkAccounts: ClerkAccountStore;
  private constructor(readonly pool: pg.Pool) {
    this.helpCalls = new PgHelpCalls(pool, (fn) => this.tx(fn));
    this.sms = new PgSmsOutbox(pool, (fn) => this.tx(fn));
    this.clerkAccounts = new PgClerkAccounts(pool, (fn) => this.tx(fn));
  }

  /** `schema` (tests): a separate PostgreSQL schema, created if missing, as search_path. */
  static async open(url: string, opts: { schema?: string; max?: number } = {}): Promise<PgCentralStore> {
    const pool = new pg.Pool({ connectionString: url, max: opts.max ?? 10, ...(opts.schema ? { options: `-c search_path=${opts.schema}` } : {}) });
    pool.on('error', () => {}); // an idle client dropped by the server; the next query reconnects
    const store = new PgCentralStore(pool);
    try {
      if (opts.schema) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${opts.schema}`);
      await store.migrate();
    } catch (e) {
      await pool.end();
      throw e;
    }
    return store;
  }

  private async migrate(): Promise<void> {
    const dir = join(MIGRATIONS_DIR, 'central', 'pg');
    const files = readdirSync(dir).filter((f) => f.endsWith('.sql')).sort();
    await this.tx(async (c) => {
      // One gateway at a time migrates; the others wait here.
      await c.query('SELECT pg_advisory_xact_lock(7341)');
      await c.query('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
      const r = await c.query<{ version: number }>('SELECT version FROM schema_version');
      let current = r.rows[0]?.version ?? 0;
      if (r.rows.length === 0) await c.query('INSERT INTO schema_version (version) VALUES (0)');
      if (current > files.length) throw new CentralSchemaFromFutureError(current, files.length);
      for (const f of files) {
        const v = Number(f.slice(0, 4));
        if (v <= current) continue;
        await c.query(readFileSync(join(dir, f), 'utf8'));
        await c.query('UPDATE schema_version SET version = $1', [v]);
        current = v;
      }
    });
  }

  /** Runs `fn` in one READ COMMITTED transaction, again on a serialization failure. */
  private async tx<T>(fn: (c: Tx) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const c = await this.pool.connect();
      try {
        await c.query('BEGIN');
        const out = await fn(c);
        await c.query('COMMIT');
        return out;
      } catch (e) {
        await c.query('ROLLBACK').catch(() => {});
        if (!worthRetrying(e, attempt)) throw e;
      } finally {
        c.release();
      }
    }
  }

  private async addEvent(c: Tx, courtCode: string, filingId: string, status: CaseStatus, reasons: string[], team: string | null, at: string): Promise<number> {
    const v = await c.query<{ last_version: string }>(BUMP_VERSION_SQL, [courtCode]);
    const version = Number(v.rows[0]!.last_version);
    await c.query(INSERT_EVENT_SQL, [courtCode, version, filingId, status, JSON.stringify(reasons), team, at]);
    return version;
  }

  /** A 执前督 case's new state (pre-enforcement-state.ts), its status and its event for the kiosks. */
  private async savePre(c: Tx, filingId: string, effect: (c: PreCaseRow) => PreEffect | null, at: string): Promise<void> {
    const row = (await c.query<PreCaseRow>(PRE_CASE_SQL, [filingId])).rows[0];
    const e = row && effect(row);
    if (!row || !e) return;
    await c.query(SAVE_PRE_SQL, [JSON.stringify(e.state), e.status, at, row.filing_id]);
    await this.addEvent(c, row.court_code, row.filing_id, e.status, e.reasons, row.team, at);
  }

  private async recordMutation(c: Tx, deviceId: string, mutationId: number, filingId: string | null, result: MutationResult, at: string): Promise<void> {
    await c.query(INSERT_MUTATION_SQL, [deviceId, mutationId, JSON.stringify(result), at, filingId]);
    await c.query('UPDATE devices SET last_mutation_id = GREATEST(last_mutation_id, $1), last_seen_at = $2 WHERE device_id = $3', [mutationId, at, deviceId]);
  }

  /** One round trip: locks the device row and reads the stored answer (and, given a filing
   * id, that filing's case) with it. */
  private async prior(c: Tx, deviceId: string, mutationId: number, filingId: string | null = null) {
    const r = await c.query<{ last_mutation_id: string; result_json: string | null; filing_id: string | null; official_no: string | null; accepted_at: string | null }>(
      `SELECT d.last_mutation_id, m.result_json, m.filing_id, k.official_no, k.accepted_at FROM devices d
         LEFT JOIN mutations m ON m.device_id = d.device_id AND m.mutation_id = $2
         LEFT JOIN cases k ON k.filing_id = $3
       WHERE d.device_id = $1 FOR UPDATE OF d`,
      [deviceId, mutationId, filingId],
    );
    return r.rows[0];
  }

  commitMutation({ deviceId, courtCode, mutation: m, rejection, now }: CommitInput): Promise<MutationResult | MutationConflict> {
    const at = now.toISOString();
    return this.tx(async (c): Promise<MutationResult | MutationConflict> => {
      const row = await this.prior(c, deviceId, m.mutationId, m.filing.id);
      if (row?.result_json) {
        if (row.filing_id !== null && row.filing_id !== m.filing.id) return { conflict: true, lastMutationId: Number(row.last_mutation_id) };
        return JSON.parse(row.result_json) as MutationResult;
      }
      let result: MutationResult;
      if (row?.official_no && m.kind === 'filing.correct') {
        const k = (await c.query<{ status: string; record_json: string }>('SELECT status, record_json FROM cases WHERE filing_id = $1 FOR UPDATE', [m.filing.id])).rows[0]!;
        const refusal = rejection ?? correctionRefusal(m.mutationId, k.status, k.record_json, m.filing);
        if (refusal) result = refusal;
        else {
          await c.query(
            `WITH v AS (${BUMP_VERSION_SQL.replace('$1', '$3')}),
                  u AS (UPDATE cases SET record_json = $2, status = 'filed', updated_at = $4 WHERE filing_id = $1)
             INSERT INTO case_events (court_code, version, filing_id, status, reasons_json, team, at) SELECT $3, last_version, $1, 'filed', '[]', NULL, $4 FROM v`,
            [m.filing.id, JSON.stringify(m.filing), courtCode, at],
          );
          result = { mutationId: m.mutationId, status: 'accepted', officialNo: row.official_no, acceptedAt: row.accepted_at! };
        }
      } else if (m.kind === 'filing.correct' && !row?.official_no) {
        result = { mutationId: m.mutationId, status: 'rejected', code: 'case-not-found', reason_zh: '法院系统中没有这个案件', reason_en: 'No such case at the court' };
      } else if (row?.official_no) {
        result = { mutationId: m.mutationId, status: 'accepted', officialNo: row.official_no, acceptedAt: row.accepted_at! };
      } else if (rejection) {
        result = rejection;
      } else {
        // Everything but the bump is read before it or written in one statement after it, so
        // the sequence row (the one lock all filings of a court and type queue on) is held
        // for two round trips and the commit.
        const year = chinaYear(now);
        const s = await c.query<{ last_seq: number }>(BUMP_SEQUENCE_SQL, [courtCode, m.filing.typeCode, year]);
        const seq = Number(s.rows[0]!.last_seq);
        const officialNo = officialNumber(courtCode, m.filing.typeCode, year, seq);
        const accepted: MutationResult = { mutationId: m.mutationId, status: 'accepted', officialNo, acceptedAt: at };
        await c.query(
          `WITH v AS (${BUMP_VERSION_SQL.replace('$1', '$5')}),
                k AS (INSERT INTO cases (filing_id, device_id, mutation_id, provisional_no, court_code, type_code, year, seq, official_no, status, submitted_at, accepted_at, record_json, updated_at, basis_number)
                      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'filed', $10, $11, $12, $11, $14)),
                e AS (INSERT INTO case_events (court_code, version, filing_id, status, reasons_json, team, at) SELECT $5, last_version, $1, 'filed', '[]', NULL, $11 FROM v),
                d AS (UPDATE devices SET last_mutation_id = GREATEST(last_mutation_id, $3), last_seen_at = $11 WHERE device_id = $2)
           INSERT INTO mutations (device_id, mutation_id, result_json, received_at, filing_id) VALUES ($2, $3, $13, $11, $1)`,
          [m.filing.id, deviceId, m.mutationId, m.filing.provisionalNo, courtCode, m.filing.typeCode, year, seq, officialNo, m.filing.submittedAt, at, JSON.stringify(m.filing), JSON.stringify(accepted), m.filing.basisNumber],
        );
        return accepted;
      }
      await this.recordMutation(c, deviceId, m.mutationId, m.filing.id, result, at);
      return result;
    });
  }

  /** Runs of new filings go through batch numbering, each run one transaction; a correction is committed on its own, in order. */
  async commitBatch(input: BatchInput): Promise<BatchOutcome> {
    const answers = new BatchAnswers();
    for (let i = 0; i < input.items.length && !answers.conflict; ) {
      let j = i;
      while (j < input.items.length && input.items[j]!.mutation.kind === 'filing.create') j++;
      if (j > i) {
        // One statement, no open transaction (batch-numbering.ts says why); it retries itself.
        await commitCreates(this.pool, { ...input, items: input.items.slice(i, j) }, answers);
        i = j;
      } else {
        const item = input.items[i++]!;
        if (!answers.repeated(item.mutation)) answers.add(item.mutation, await this.commitMutation({ deviceId: input.deviceId, courtCode: input.courtCode, mutation: item.mutation, rejection: item.rejection, now: input.now }));
      }
    }
    return answers.outcome();
  }

  recordMalformed(deviceId: string, result: MutationResult, now: Date): Promise<MutationResult> {
    return this.tx(async (c) => {
      const prior = await this.prior(c, deviceId, result.mutationId);
      if (prior?.result_json) return JSON.parse(prior.result_json) as MutationResult;
      await this.recordMutation(c, deviceId, result.mutationId, null, result, now.toISOString());
      return result;
    });
  }

  async createEnrolCode(codeHash: string, courtId: string, courtCode: string, now: Date, expiresAt: Date, forDevice: string | null = null): Promise<void> {
    await this.tx(async (c) => {
      await c.query(INSERT_ENROL_CODE_SQL, [codeHash, courtId, courtCode, now.toISOString(), expiresAt.toISOString(), forDevice]);
      if (forDevice) await c.query(INSERT_DEVICE_EVENT_SQL, [forDevice, courtCode, 're-enrol-code', now.toISOString()]);
    });
  }

  redeemEnrolCode(codeHash: string, deviceId: string, secret: string, now: Date): Promise<EnrolRedemption> {
    const at = now.toISOString();
    return this.tx(async (c): Promise<EnrolRedemption> => {
      const code = (await c.query<EnrolCodeRow>(`${ENROL_CODE_SQL} FOR UPDATE`, [codeHash])).rows[0];
      const device = toDevice((await c.query<DeviceRow>(`${DEVICE_SQL} FOR UPDATE`, [deviceId])).rows[0]);
      const decision = decideEnrolment(code, deviceId, device, at);
      if (!decision.ok) {
        if (decision.reason === 'device-bound' && device) await c.query(INSERT_DEVICE_EVENT_SQL, [deviceId, device.courtCode, 'takeover-refused', at]);
        return decision;
      }
      const row = code!;
      if (decision.kind === 'new') {
        // Two first enrolments of one id at once: the second finds the row taken and is refused.
        const r = await c.query(ENROL_NEW_DEVICE_SQL, [deviceId, row.court_code, row.court_id, at, at, secret, at]);
        if (r.rowCount !== 1) return { ok: false, reason: 'device-bound' };
      } else {
        await c.query(REENROL_DEVICE_SQL, [secret, at, deviceId, row.court_id]);
        await c.query(AUDIT_FORGET_SQL, [deviceId]);
      }
      await c.query(USE_ENROL_CODE_SQL, [at, deviceId, codeHash]);
      await c.query(INSERT_DEVICE_EVENT_SQL, [deviceId, row.court_code, decision.kind === 'new' ? 'enrolled' : 're-enrolled', at]);
      return { ok: true, courtId: row.court_id, courtCode: row.court_code, kind: decision.kind };
    });
  }

  async device(deviceId: string): Promise<DeviceRecord | null> {
    return toDevice((await this.pool.query<DeviceRow>(DEVICE_SQL, [deviceId])).rows[0]);
  }

  revokeDevice(deviceId: string, now: Date): Promise<boolean> {
    return this.tx(async (c) => {
      const r = await c.query<{ court_code: string }>(`${REVOKE_DEVICE_SQL} RETURNING court_code`, [now.toISOString(), deviceId]);
      const row = r.rows[0];
      if (row) await c.query(INSERT_DEVICE_EVENT_SQL, [deviceId, row.court_code, 'revoked', now.toISOString()]);
      return row !== undefined;
    });
  }

  async deviceEvents(deviceId: string): Promise<DeviceEvent[]> {
    const rows = (await this.pool.query<{ device_id: string; court_code: string; action: DeviceEvent['action']; at: string }>(DEVICE_EVENTS_SQL, [deviceId])).rows;
    return rows.map((r) => ({ deviceId: r.device_id, courtCode: r.court_code, action: r.action, at: r.at }));
  }

  applyCaseAction(action: CaseAction, now: Date, courtCode?: string): Promise<CaseActionOutcome> {
    const at = now.toISOString();
    return this.tx(async (c): Promise<CaseActionOutcome> => {
      const r = await c.query<CaseRow>(`${FIND_CASE_SQL} FOR UPDATE`, [action.number, action.number, action.number]);
      const cs = r.rows[0];
      if (!cs || (courtCode !== undefined && cs.court_code !== courtCode)) return CASE_NOT_FOUND;
      const next = nextStatus(cs.status, action, { courtCode: cs.court_code, team: cs.team });
      if (!next.ok) return next;
      const reasons = reasonsOf(action);
      const team = teamOf(action) ?? cs.team;
      await c.query(UPDATE_CASE_SQL, [next.status, JSON.stringify(reasons), team, at, cs.filing_id]);
      const version = await this.addEvent(c, cs.court_code, cs.filing_id, next.status, reasons, team, at);
      await this.sms.enqueue(c, cs.filing_id, next.status, reasons, team, version, at);
      return { ok: true, change: changeOf(cs, version, next.status, reasons, team, at), courtCode: cs.court_code };
    });
  }

  correctCase(input: CaseCorrectionInput, now: Date, courtCode?: string): Promise<CorrectionOutcome> {
    return this.tx(async (c): Promise<CorrectionOutcome> => {
      const cs = (await c.query<CorrectionCaseRow>(`${CORRECTION_CASE_SQL} FOR UPDATE`, [input.number, input.number, input.number])).rows[0];
      const d = decideCorrection(cs, (await c.query<CorrectionRow>(CORRECTION_BY_ID_SQL, [input.id])).rows[0], input, courtCode, now.toISOString());
      if (d.kind === 'answer') return d.outcome;
      await c.query(SAVE_CORRECTED_SQL, [d.recordJson, d.correctedJson, d.row.at, d.row.filing_id]);
      await c.query(INSERT_CORRECTION_SQL, correctionParams(d.row, d.event.court));
      return d.answer(await this.addEvent(c, d.event.court, d.row.filing_id, d.event.status, d.event.reasons, d.event.team, d.row.at));
    });
  }

  async caseCorrections(number: string, courtCode?: string) {
    const cs = (await this.pool.query<CorrectionCaseRow>(CORRECTION_CASE_SQL, [number, number, number])).rows[0];
    if (!cs || (courtCode !== undefined && cs.court_code !== courtCode)) return null;
    const history = (await this.pool.query<CorrectionRow>(CORRECTIONS_OF_CASE_SQL, [cs.filing_id])).rows.map(toEntry);
    return { officialNo: cs.official_no, filingId: cs.filing_id, corrected: correctedOf(cs.corrected_json), history };
  }

  async changesSince(courtCode: string, cursor: number, limit: number): Promise<CaseChange[]> {
    const r = await this.pool.query(CHANGES_SQL, [courtCode, cursor, limit]);
    return r.rows.map(toChange);
  }

  async numberedCases(): Promise<NumberedCase[]> {
    return (await this.pool.query<NumberedCaseRow>(NUMBERED_CASES_SQL)).rows.map(toNumberedCase);
  }

  async casesByBasis(courtCode: string, basisNumbers: readonly string[], which: BasisCasesOf = 'all'): Promise<Map<string, BasisCase[]>> {
    return casesByBasisOf((await this.pool.query<BasisCaseRow>(BASIS_CASES_SQL.postgres, [courtCode, basisNumbers, fewestCases(which)])).rows, basisNumbers);
  }

  async relatedCases(q: RelatedQuery): Promise<RelatedCase[]> {
    return matchRelated((await this.pool.query<RespondentRow>(RESPONDENTS_SQL.postgres)).rows, (await this.pool.query<RespondentRow>(APPLYING_SQL.postgres)).rows, q);
  }

  async caseRecord(filingId: string): Promise<{ courtCode: string; record: FilingRecord } | null> {
    const r = (await this.pool.query<{ court_code: string; record_json: string }>(CASE_RECORD_SQL, [filingId])).rows[0];
    return r ? { courtCode: r.court_code, record: JSON.parse(r.record_json) as FilingRecord } : null;
  }

  async recordHeartbeat(deviceId: string, summary: HeartbeatRequest, now: Date): Promise<AuditJudgement> {
    return this.tx(async (c) => {
      await c.query(HEARTBEAT_UPSERT_SQL, [deviceId, now.toISOString(), JSON.stringify(summary)]);
      const row = (await c.query<AuditHeadRow>(`${AUDIT_HEAD_SQL} FOR UPDATE`, [deviceId])).rows[0];
      const j = judgeAuditHead(row ? toContinuity(row) : null, summary, now);
      if (j.store) await c.query(AUDIT_HEAD_UPSERT_SQL, [deviceId, j.store.entries, j.store.head, now.toISOString(), j.store.problem, j.store.problemAt, j.store.problemDetail]);
      return j;
    });
  }

  async clearAuditProblem(deviceId: string, now: Date): Promise<boolean> {
    return this.tx(async (c) => {
      if (((await c.query(AUDIT_CLEAR_SQL, [deviceId])).rowCount ?? 0) === 0) return false;
      await c.query(AUDIT_CLEARED_EVENT_SQL, [deviceId, now.toISOString(), deviceId]);
      return true;
    });
  }

  async kiosks(): Promise<StoredKiosk[]> {
    return (await this.pool.query<KioskRow>(KIOSKS_SQL)).rows.map(toStoredKiosk);
  }

  async putClerkRecords(records: ClerkRecord[], now: Date, author: string, clerk: string | null = null): Promise<ClerkRecordResult[]> {
    const out: ClerkRecordResult[] = [];
    for (const r of records) {
      // A concurrent resend of the same id hits the UNIQUE index (23505) and is retried: the
      // retry finds the stored record and answers its seq.
      out.push(
        await this.tx(async (c) => {
          const prior = (await c.query<PriorRow>(PRIOR_RECORD_SQL, [r.id])).rows[0];
          const caseCourt = (await c.query<{ court_code: string }>(CASE_COURT_SQL, [r.filingId])).rows[0]?.court_code;
          const answer = precheck(r, prior, caseCourt) ?? triageAuthority(r, (await c.query<{ record_json: string }>(LAST_TRIAGE_SQL, [r.filingId])).rows[0]?.record_json);
          if (answer) return answer;
          const seq = Number((await c.query<{ last_seq: string }>(BUMP_RECORD_SEQ_SQL, [r.court])).rows[0]!.last_seq);
          const previous = (await c.query<{ received_at: string }>(PREVIOUS_RECEIVED_SQL, [r.court, seq - 1])).rows[0]?.received_at;
          const attested = attestRecord(r, author, acceptanceTime(now, previous), clerk);
          await c.query(INSERT_RECORD_SQL, recordParams(attested, seq));
          if (r.kind === 'pre-enforcement') await this.savePre(c, r.filingId, (p) => preRecordEffect(p, attested), attested.createdAt);
          return { id: r.id, status: 'stored', seq } as ClerkRecordResult;
        }),
      );
    }
    return out;
  }

  /** A concurrent request for the same origin and event hits the unique index (23505) and is retried: the retry answers the case made. */
  async createFollowUp(req: FollowUpRequest, by: { court: string | null; name: string }, now: Date): Promise<FollowUpOutcome> {
    const at = now.toISOString();
    return this.tx(async (c): Promise<FollowUpOutcome> => {
      const origin = (await c.query<OriginRow>(FOLLOW_UP_ORIGIN_SQL, [req.origin, req.origin])).rows[0];
      if (!origin || (by.court !== null && origin.court_code !== by.court)) return ORIGIN_NOT_FOUND;
      const earlier = earlierFollowUp((await c.query<FollowUpRow>(EXISTING_FOLLOW_UP_SQL, [origin.filing_id, req.event, req.id])).rows[0], origin, req);
      if (earlier) return earlier;
      const decided = decideFollowUp(origin, req.event, preEnforcementFailed((await c.query<{ record_json: string }>(PRE_RECORDS_SQL, [origin.filing_id])).rows));
      if (!decided.ok) return decided;
      const record = { ...followUpRecord(origin, req, decided.typeCode, at), deadlines: followUpDeadlines(origin.court_code, decided.typeCode, now, (JSON.parse(origin.record_json) as FilingRecord).facts) };
      const year = chinaYear(now);
      const seq = Number((await c.query<{ last_seq: string }>(BUMP_SEQUENCE_SQL, [origin.court_code, decided.typeCode, year])).rows[0]!.last_seq);
      const officialNo = officialNumber(origin.court_code, decided.typeCode, year, seq);
      await c.query(INSERT_FOLLOW_UP_SQL, [req.id, followUpMaker(by.name), record.provisionalNo, origin.court_code, decided.typeCode, year, seq, officialNo, at, at, JSON.stringify(record), at, origin.filing_id, req.event, record.basisNumber]);
      await this.addEvent(c, origin.court_code, req.id, 'filed', [], null, at);
      await this.savePre(c, origin.filing_id, (p) => (req.event === 'pre-enforcement-failed' ? transferEffect(p, { filingId: req.id, officialNo, typeCode: decided.typeCode, acceptedAt: at }, record.deadlines ?? []) : null), at);
      return { ok: true, created: true, courtCode: origin.court_code, filingId: req.id, officialNo, typeCode: decided.typeCode, acceptedAt: at, follows: origin.official_no, event: req.event };
    });
  }

  async clerkRecordsSince(courtCode: string, cursor: number, limit: number): Promise<StoredClerkRecord[]> {
    return (await this.pool.query(RECORDS_SINCE_SQL, [courtCode, cursor, limit])).rows.map(toStoredRecord);
  }

  async courtFilingsSince(courtCode: string, cursor: number, limit: number): Promise<CourtFiling[]> {
    return (await this.pool.query(FILINGS_SINCE_SQL, [courtCode, cursor, limit])).rows.map(toCourtFiling);
  }

  async createCourtToken(tokenHash: string, courtId: string, courtCode: string, now: Date, name: string | null = null): Promise<void> {
    await this.pool.query(INSERT_TOKEN_SQL, [tokenHash, courtId, courtCode, now.toISOString(), name]);
  }

  async courtOfToken(tokenHash: string): Promise<CourtTokenHolder | null> {
    const r = (await this.pool.query<TokenRow>(TOKEN_COURT_SQL, [tokenHash])).rows[0];
    return r ? tokenHolder(r, tokenHash) : null;
  }

  async revokeCourtToken(tokenHash: string, now: Date): Promise<boolean> {
    return ((await this.pool.query(REVOKE_TOKEN_SQL, [now.toISOString(), tokenHash])).rowCount ?? 0) > 0;
  }

  async documentCase(filingId: string): Promise<DocumentCase | null> {
    return toDocumentCase((await this.pool.query<{ court_code: string; device_id: string; record_json: string }>(DOCUMENT_CASE_SQL, [filingId])).rows[0]);
  }

  /** A concurrent upload of the same id hits the primary key (23505) and is retried: the retry
   * finds the stored page and compares its SHA-256. */
  putDocument(doc: DocumentBlob, now: Date): Promise<PutDocumentOutcome> {
    return this.tx(async (c) => {
      const prior = priorOutcome((await c.query<{ sha256: string }>(PRIOR_DOCUMENT_SQL, [doc.id])).rows[0], doc.sha256);
      if (prior) return prior;
      await c.query(INSERT_DOCUMENT_SQL, documentParams(doc, now.toISOString()));
      return 'stored' as const;
    });
  }

  async getDocument(id: string): Promise<DocumentBlob | null> {
    const r = (await this.pool.query<DocumentRow>(GET_DOCUMENT_SQL, [id])).rows[0];
    return r ? toDocumentBlob(r) : null;
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}
