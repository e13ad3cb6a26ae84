/**
 * One interface over the central's database, implemented on SQLite (one court) and on
 * PostgreSQL (a city's courts sharing one gateway), so the server and the tests run the same
 * behaviour on both. Every method is one transaction.
 */
import type { EnrolRedemption } from './enrol-decision.js';
import type { BatchInput, BatchOutcome } from './batch-commit.js';
import type { FilingRecord } from '../../src-shared/domain/filing.js';
import type { AuditJudgement } from './audit-anchor.js';
import type { CaseAction, CaseChange, ClerkRecord, ClerkRecordResult, CourtFiling, HeartbeatRequest, MutationResult, PushMutation, StoredClerkRecord } from '../../src-shared/sync/protocol.js';
import type { StoredKiosk } from './kiosk-list.js';
import type { DocumentBlob, DocumentCase, PutDocumentOutcome } from './document-sql.js';
import type { HelpCallStore } from './help-call-sql.js';
import type { ClerkAccountStore } from './accounts/account-sql.js';
import type { FollowUpOutcome } from './follow-up.js';
import type { FollowUpRequest } from '../../src-shared/sync/follow-up.js';
import type { CorrectionOutcome } from './correction-sql.js';
import type { CaseCorrectionEntry, CaseCorrectionInput } from '../../src-shared/sync/case-correction.js';
import type { CorrectedValues } from '../../src-shared/domain/field-correction.js';
import type { SmsOutboxStore } from './sms/outbox-types.js';
import type { BasisCasesOf } from './case-sql.js';

export interface DeviceRecord {
  deviceId: string;
  courtId: string;
  courtCode: string;
  secret: string | null;
  revokedAt: string | null;
  lastMutationId: number;
}

export interface CommitInput {
  deviceId: string;
  courtCode: string;
  mutation: PushMutation;
  /** The answer when the filing fails validation; stored like an acceptance so replays match. */
  rejection: MutationResult | null;
  now: Date;
}

/** The mutation id was used before by this device for another filing (a kiosk restored from
 * an old backup): the kiosk must renumber above `lastMutationId`. */
export interface MutationConflict {
  conflict: true;
  lastMutationId: number;
}

export type CaseActionOutcome = { ok: true; change: CaseChange; courtCode: string } | { ok: false; code: string; message_zh: string; message_en: string };

export interface NumberedCase {
  filingId: string;
  courtCode: string;
  typeCode: string;
  year: number;
  seq: number;
  officialNo: string;
}

/** A case found by party: `role` says which searched party is its respondent (obligor). */
/** See src-shared/counter/contract.ts RelatedCase: `party` is the respondent's index in the searched filing. */
export interface RelatedCase {
  number: string;
  role: 'respondent' | 'applicant' | 'creditor';
  status: string;
  party?: number;
}

export interface RelatedQuery {
  /** Respondents of the filing at the counter, by ID number or name. */
  respondents: string[];
  /** The applying party's ID number (the principal or company where an agent or staff filed): is it a respondent elsewhere? */
  applicant: string | null;
  /** The filing being checked (its id, official or provisional number), left out. */
  exclude: string | null;
  /** Court codes searched: the asking court's own, plus any configured sharing. */
  courts: readonly string[];
}

export interface DeviceEvent {
  deviceId: string;
  courtCode: string;
  action: 'enrolled' | 're-enrolled' | 'takeover-refused' | 'revoked' | 're-enrol-code';
  at: string;
}

/** A case of the court on one basis number, with its record, for the duplicate check. */
export interface BasisCase {
  filingId: string;
  officialNo: string;
  submittedAt: string;
  record: string;
}

/** The counter terminal a court token was issued to: its court and its name (窗口1…). */
export interface CourtTokenHolder {
  courtId: string;
  courtCode: string;
  name: string;
}

export interface CentralStore {
  readonly kind: 'sqlite' | 'postgres';
  /** Calls for staff (呼叫工作人员), kept across restarts. */
  readonly helpCalls: HelpCallStore;
  /** Progress SMS: templates and the outbox that case changes fill in their own transaction. */
  readonly sms: SmsOutboxStore;
  /** Counter clerks' accounts and sessions, held for each court (accounts/). */
  readonly clerkAccounts: ClerkAccountStore;
  commitMutation(input: CommitInput): Promise<MutationResult | MutationConflict>;
  /** A push's mutations in as few transactions as the store needs (batch-commit.ts says what a batch keeps). */
  commitBatch(input: BatchInput): Promise<BatchOutcome>;
  /** A rejection of a filing that could not even be parsed (no filing id to key on). */
  recordMalformed(deviceId: string, result: MutationResult, now: Date): Promise<MutationResult>;
  /** `forDevice`: a re-enrolment code for that (revoked) device only. */
  createEnrolCode(codeHash: string, courtId: string, courtCode: string, now: Date, expiresAt: Date, forDevice?: string | null): Promise<void>;
  /** Uses the code once, by the rules of `decideEnrolment`; the code stays unused when refused. */
  redeemEnrolCode(codeHash: string, deviceId: string, secret: string, now: Date): Promise<EnrolRedemption>;
  device(deviceId: string): Promise<DeviceRecord | null>;
  revokeDevice(deviceId: string, now: Date): Promise<boolean>;
  /** A device's enrolments, re-enrolments, revocations and refused take-overs, oldest first. */
  deviceEvents(deviceId: string): Promise<DeviceEvent[]>;
  /** `courtCode`: a court token's court; a case of another court is not found. */
  applyCaseAction(action: CaseAction, now: Date, courtCode?: string): Promise<CaseActionOutcome>;
  changesSince(courtCode: string, cursor: number, limit: number): Promise<CaseChange[]>;
  numberedCases(): Promise<NumberedCase[]>;
  /** Unclosed cases whose respondents include a searched party (seed 001 art. 9). */
  relatedCases(q: RelatedQuery): Promise<RelatedCase[]>;
  /** A numbered filing's record as the central holds it; null when unknown. */
  caseRecord(filingId: string): Promise<{ courtCode: string; record: FilingRecord } | null>;
  /**
   * The court's cases whose record names these basis numbers (issue 12 item 4); 'shared': only
   * the numbers more than one case names (after a push, the ones with an earlier case).
   */
  casesByBasis(courtCode: string, basisNumbers: readonly string[], which?: BasisCasesOf): Promise<Map<string, BasisCase[]>>;
  /**
   * Keeps the device's latest heartbeat only, stamped with the central's clock, and compares its
   * audit head with the stored one (audit-anchor.ts): the answer is the central's view of the chain.
   */
  recordHeartbeat(deviceId: string, summary: HeartbeatRequest, now: Date): Promise<AuditJudgement>;
  /** Clears a reported audit rewind or fork once the court has looked into it (a device event records it); false when none. */
  clearAuditProblem(deviceId: string, now: Date): Promise<boolean>;
  /** Every enrolled device with its last heartbeat and last push, by court then id. */
  kiosks(): Promise<StoredKiosk[]>;
  /**
   * Stores each record once (by id), in its own transaction; a case of another court refuses it.
   * `author`: who the central authenticated (the court token's name). Each record is stored as
   * attested (`attestRecord`): that author, the acceptance time (after the court's previous
   * record), and the terminal's own claims kept as `stated`. `clerk`: the account of the clerk
   * session sent with them, which authors the records it states as its own.
   */
  putClerkRecords(records: ClerkRecord[], now: Date, author: string, clerk?: string | null): Promise<ClerkRecordResult[]>;
  clerkRecordsSince(courtCode: string, cursor: number, limit: number): Promise<StoredClerkRecord[]>;
  /**
   * A follow-up filing of one of the court's cases, its type decided from the origin and the
   * event (`decideFollowUp`), numbered in the filings' sequence; `court` null: the admin token.
   */
  createFollowUp(req: FollowUpRequest, by: { court: string | null; name: string }, now: Date): Promise<FollowUpOutcome>;
  /** The court's filings with their records, in numbering order after the `filed` version cursor. */
  courtFilingsSince(courtCode: string, cursor: number, limit: number): Promise<CourtFiling[]>;
  createCourtToken(tokenHash: string, courtId: string, courtCode: string, now: Date, name?: string | null): Promise<void>;
  /** The court of an unrevoked court token; null when unknown. */
  courtOfToken(tokenHash: string): Promise<CourtTokenHolder | null>;
  /** Revokes a court token (a counter PC lost or retired); false when it was unknown or revoked already. */
  revokeCourtToken(tokenHash: string, now: Date): Promise<boolean>;
  /** The case a page is uploaded for (its court, the device that filed it, its record); null when unknown. */
  documentCase(filingId: string): Promise<DocumentCase | null>;
  /** Stores a page once by id: `unchanged` for the same bytes again, `conflict` for other bytes. */
  putDocument(doc: DocumentBlob, now: Date): Promise<PutDocumentOutcome>;
  getDocument(id: string): Promise<DocumentBlob | null>;
  /** A clerk's correction applied to the case record, with its history entry and a case change (correction-sql.ts). */
  correctCase(input: CaseCorrectionInput, now: Date, courtCode?: string): Promise<CorrectionOutcome>;
  /** The case's corrected values and correction history; null when the case is unknown (or of another court). */
  caseCorrections(number: string, courtCode?: string): Promise<{ officialNo: string; filingId: string; corrected: CorrectedValues; history: CaseCorrectionEntry[] } | null>;
  close(): Promise<void>;
}

export function isConflict(r: MutationResult | MutationConflict): r is MutationConflict {
  return 'conflict' in r;
}
