/**
 * Wire protocol between a kiosk's sync engine and the central gateway (HTTP + JSON).
 * Idempotency key: (deviceId, mutationId), plus the filing's UUID: a replayed mutation gets
 * the stored answer, and the same filing under another mutation id gets the same number.
 * See docs/sync-protocol.md.
 */
import { z } from 'zod';
import type { PreEnforcementState } from './pre-enforcement.js';
import { fieldCorrectionSchema, type CorrectedValues } from '../domain/field-correction.js';
import type { FilingRecord } from '../domain/filing.js';
import { routingTagsPayloadSchema } from '../counter/routing-tags-record.js';

/** What this build speaks, and the oldest peer it still understands (both ways). */
export const PROTOCOL_VERSION = 2;
export const MIN_PROTOCOL_VERSION = 2;

export const HEADER_DEVICE = 'x-yzt-device';
export const HEADER_PROTOCOL = 'x-yzt-protocol';
/** The kiosk database's schema version; the central refuses kiosks older than it supports. */
export const HEADER_SCHEMA = 'x-yzt-schema';
export const HEADER_TIME = 'x-yzt-time';
export const HEADER_SIGNATURE = 'x-yzt-signature';
/** The central's clock on every answer, so a kiosk with a wrong clock can still sign. */
export const HEADER_SERVER_TIME = 'x-yzt-server-time';

/** A signed request is accepted this far either side of the central's clock. */
export const SIGNATURE_WINDOW_MS = 5 * 60_000;

/** 'filing.correct': the whole record again, corrected by the applicant after a return (issue 12 item 6). */
export const MUTATION_KINDS = ['filing.create', 'filing.correct'] as const;

export interface PushMutation {
  mutationId: number;
  kind: (typeof MUTATION_KINDS)[number];
  filing: FilingRecord;
}

export interface PushRequest {
  mutations: PushMutation[];
}

export type MutationResult =
  | {
      mutationId: number;
      status: 'accepted';
      officialNo: string;
      acceptedAt: string;
      /** Earlier cases of the court with the same applicant, basis and respondent (flagged on push, issue 12 item 4). */
      duplicateOf?: string[];
    }
  | { mutationId: number; status: 'rejected'; code: string; reason_zh: string; reason_en: string };

export interface PushResponse {
  protocol: number;
  results: MutationResult[];
}

/** Court-side state of a case: 'filed' when numbered, then as the clerks move it. */
export const CASE_STATUSES = ['filed', 'accepted', 'returned', 'triaged', 'assigned', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** One status change of one case; `version` is the court's cursor, increasing by commit order. */
export interface CaseChange {
  version: number;
  filingId: string;
  officialNo: string;
  provisionalNo: string;
  status: CaseStatus;
  reasons_zh: string[];
  team: string | null;
  at: string;
  /** The case's values as corrected by a clerk (issue 14 item 1), over the record as filed. */
  corrected?: CorrectedValues;
  /** A 执前督 case's state as the central derived it (issue 14 item 2). */
  preEnforcement?: PreEnforcementState;
}

export interface PullResponse {
  protocol: number;
  changes: CaseChange[];
  /** Cursor to send next time (the last change's version, or the one sent when none). */
  cursor: number;
}

export interface HelloResponse {
  protocol: number;
  minProtocol: number;
  minKioskSchema: number;
  serverTime: string;
  device: { deviceId: string; courtCode: string; courtId: string; lastMutationId: number };
  /** Digest of the holiday years loaded at the central; absent when it has none (docs/calendar.md). */
  calendarDigest?: string;
}

/** `GET /v1/calendar`: the holiday years loaded at the central, for the kiosks to take over. */
export interface CalendarResponse {
  years: unknown[];
  digest: string;
}

export interface EnrolRequest {
  code: string;
  deviceId: string;
  protocol: number;
}

export interface EnrolResponse {
  deviceId: string;
  secret: string;
  courtId: string;
  courtCode: string;
}

export interface ProtocolErrorBody {
  error: string;
  message_zh: string;
  message_en: string;
  /** On 'mutation-conflict': the highest mutation id the central holds for this device. */
  lastMutationId?: number;
}

/** The text a request signature covers: method, path with query, time, body hash. */
export function signingText(method: string, pathWithQuery: string, time: string, bodySha256Hex: string): string {
  return `${method.toUpperCase()}\n${pathWithQuery}\n${time}\n${bodySha256Hex}`;
}

/** The envelope is checked strictly; each filing is checked on its own so one bad filing
 * becomes one rejection and the rest of the batch is still accepted. */
export const pushRequestSchema = z.strictObject({
  mutations: z
    .array(z.strictObject({ mutationId: z.number().int().positive(), kind: z.enum(MUTATION_KINDS), filing: z.unknown() }))
    .max(500),
});

/** A kiosk asks whether the court already holds this filing (issue 12 item 4): keyed tags only, no ID or name. */
export const duplicatesRequestSchema = z.strictObject({
  basisNumber: z.string().min(1).max(64),
  applicant: z.string().min(16).max(64),
  respondents: z.array(z.string().min(16).max(64)).min(1).max(40),
});
export type DuplicatesRequest = z.output<typeof duplicatesRequestSchema>;

export interface DuplicatesResponse {
  protocol: number;
  /** The court's earlier cases with the same applicant, basis and respondent; numbers masked. */
  cases: Array<{ filingId: string; numberMasked: string; filedAt: string }>;
}

export const enrolRequestSchema = z.strictObject({
  code: z.string().min(4).max(64),
  deviceId: z.string().min(1).max(64),
  protocol: z.number().int(),
});

export const caseActionSchema = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('accept'), number: z.string().min(1).max(64) }),
  z.strictObject({ action: z.literal('return'), number: z.string().min(1).max(64), reasons_zh: z.array(z.string().min(1).max(200)).min(1).max(20) }),
  z.strictObject({ action: z.literal('triage'), number: z.string().min(1).max(64), team: z.string().min(1).max(40) }),
  z.strictObject({ action: z.literal('assign'), number: z.string().min(1).max(64), team: z.string().min(1).max(40) }),
  z.strictObject({ action: z.literal('close'), number: z.string().min(1).max(64) }),
]);
export type CaseAction = z.output<typeof caseActionSchema>;

export const MAX_PUSH_BYTES = 8 * 1024 * 1024;
export const MAX_PULL_CHANGES = 500;
export const MAX_LONG_POLL_MS = 30_000;

/**
 * `POST /v1/heartbeat`: what a kiosk tells the court about itself every minute or so. Check
 * names and statuses only (the health messages can carry paths), no personal data. The audit
 * head lets the court notice later that a kiosk's audit log was cut short.
 */
export const heartbeatRequestSchema = z.strictObject({
  appVersion: z.string().min(1).max(40),
  checks: z.array(z.strictObject({ name: z.string().regex(/^[a-z][a-z-]{0,39}$/), status: z.enum(['ok', 'warn', 'fail']) })).max(20),
  queueDepth: z.number().int().min(0),
  /** Age of the oldest unsent filing in seconds; null when nothing waits. */
  oldestPendingSeconds: z.number().int().min(0).nullable(),
  /** Hash of the last audit entry when the chain verifies; null when it is broken. */
  auditHead: z.string().regex(/^[0-9a-f]{1,128}$/).nullable(),
  auditEntries: z.number().int().min(0),
  /** The kiosk's own hash at the entry count the central last stored, so the central can tell growth from a fork. */
  auditAnchor: z.strictObject({ entries: z.number().int().min(0), hash: z.string().regex(/^[0-9a-f]{1,128}$/) }).optional(),
});
export type HeartbeatRequest = z.output<typeof heartbeatRequestSchema>;

export interface HeartbeatResponse {
  protocol: number;
  /** The central's clock at receipt: the time the court lists as this kiosk's last heartbeat. */
  receivedAt: string;
  /** The central's view of this kiosk's audit chain (heads compared beat by beat). */
  audit?: AuditContinuity;
}

/**
 * What the central concluded from the audit heads a kiosk has sent: `rewind` (fewer entries than
 * before, or the file rolled back) and `fork` (a head that does not descend from the stored one)
 * stay reported until the court clears them; `anchorWanted` asks for the kiosk's hash at that count.
 */
export interface AuditContinuity {
  entries: number;
  head: string;
  problem: 'rewind' | 'fork' | null;
  problemAt: string | null;
  problemDetail: string | null;
  anchorWanted?: number;
}

/** `GET /v1/court/kiosks`: every enrolled kiosk as the court sees it. */
export interface KioskListEntry {
  deviceId: string;
  courtId: string;
  courtCode: string;
  enrolledAt: string | null;
  revokedAt: string | null;
  lastHeartbeatAt: string | null;
  lastPushAt: string | null;
  health: HeartbeatRequest | null;
  /** The stored audit head and any rewind or fork seen; null before the first heartbeat with a head. */
  audit: AuditContinuity | null;
  /** Not revoked, and no heartbeat within the stale time. */
  down: boolean;
}

export interface KioskListResponse {
  at: string;
  staleMinutes: number;
  kiosks: KioskListEntry[];
}

/** A signed reception scan may be a PDF; a kiosk page is an image (the
 * page upload below and the clerk's reception.scan record take the same list). */
export const KIOSK_DOCUMENT_MIMES = ['image/jpeg', 'image/png'] as const;
export const SCAN_DOCUMENT_MIMES = ['image/jpeg', 'image/png', 'application/pdf'] as const;

/**
 * Clerk records: what a counter clerk does to a case (verification, first reception, reasons,
 * conversions, 执前督), as append-only facts the counter terminals of one court share through
 * the central (`POST /v1/court/records`, `GET /v1/court/records?since=`). The id is a UUID made
 * on the terminal, so a resent record is stored once. The central stores each record as it
 * vouches for it: author the court token's name, createdAt its own acceptance time (in seq
 * order), the terminal's claims under `stated`. A terminal shows, per field, the latest record
 * in the central's order; its own records not yet back from the central count as the latest
 * until they are. Payloads carry personal data (corrected ID numbers, addresses): stored at the
 * court's central, never logged.
 */
const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);
const shortText = (max: number) => z.string().max(max).regex(/^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/u);
const iso = z.iso.datetime();
const receptionVersion = z.number().int().positive().max(1000).optional();

export const CLERK_RECORD_KINDS = [
  'verification', 'reception', 'reception.printed', 'reception.scan', 'no-reception', 'triage', 'conversion', 'return', 'done', 'pre-enforcement', 'related', 'routing-tags',
] as const;
export type ClerkRecordKind = (typeof CLERK_RECORD_KINDS)[number];

/** What a clerk checks at verification (seed 002 art. 7(一)); the counter's verify method takes the same list. */
export const VERIFY_FIELDS = ['parties', 'subject-kind', 'amount', 'basis-number', 'basis-content'] as const;

const clerkRecordBase = {
  id: z.uuid(),
  filingId: z.uuid(),
  provisionalNo: shortText(40).min(1),
  officialNo: shortText(64).min(1).nullable(),
  /** Court code (法院代字), e.g. 豫0811: the court whose terminals see the record. */
  court: shortText(8).min(2),
  author: shortText(64).min(1),
  terminal: shortText(64).min(1),
  createdAt: iso,
  /**
   * Set by the central, never by a terminal: what the sending terminal claimed. The stored
   * record's `author` and `terminal` are the court token's name and `createdAt` the central's
   * clock (`attestRecord`), so no terminal can write as another or date a record at will.
   */
  stated: z.strictObject({ author: shortText(64), terminal: shortText(64), createdAt: iso }).optional(),
};

/** What a clerk records of a 执前督 (seed 001 art. 25): hand-over, then one outcome. */
export const PRE_ENFORCEMENT_EVENTS = ['handed-over', 'performed', 'failed', 'refused'] as const;

export const clerkRecordSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    ...clerkRecordBase,
    kind: z.literal('verification'),
    payload: z.strictObject({
      field: z.enum(VERIFY_FIELDS),
      verdict: z.enum(['verified', 'corrected']),
      originalValue: shortText(4000),
      correctedValue: shortText(4000).nullable(),
      reason: shortText(500).nullable(),
      /** The typed value of a correction (issue 14 item 1): the other terminals apply it to the record they hold. */
      correction: fieldCorrectionSchema.optional(),
    }).refine((p) => p.verdict === 'verified' || (p.correctedValue !== null && p.reason !== null), { message: 'a correction needs the corrected value and a reason' }),
  }),
  z.strictObject({
    ...clerkRecordBase,
    kind: z.literal('reception'),
    payload: z.strictObject({
      at: z.iso.datetime({ offset: true }), interviewer: shortText(30).min(1), recorder: shortText(30).min(1), interviewee: shortText(60).min(1), place: shortText(60),
      serviceAddress: shortText(120).min(1), contact: shortText(40).min(1), filingDataVerified: shortText(500).min(1),
      respondentProperty: shortText(1000).min(1), terminationView: shortText(500).min(1), notes: shortText(2000),
      /** The record's version (issue 14 item 3); absent from terminals before versions: 1. */
      version: receptionVersion,
    }),
  }),
  z.strictObject({ ...clerkRecordBase, kind: z.literal('reception.printed'), payload: z.strictObject({ sha256: sha256Hex, version: receptionVersion }) }),
  /** The signed page's reference only; the image stays on the terminal that scanned it. */
  z.strictObject({
    ...clerkRecordBase,
    kind: z.literal('reception.scan'),
    payload: z.strictObject({ sha256: sha256Hex, mime: z.enum(SCAN_DOCUMENT_MIMES), bytes: z.number().int().positive(), version: receptionVersion }),
  }),
  z.strictObject({ ...clerkRecordBase, kind: z.literal('no-reception'), payload: z.strictObject({ reason: shortText(500).min(1) }) }),
  z.strictObject({
    ...clerkRecordBase,
    kind: z.literal('triage'),
    payload: z.strictObject({
      team: shortText(40).min(1), decision: z.enum(['accept', 'override']), suggestedTeam: shortText(40).min(1), rule: shortText(80), reason: shortText(500).nullable(),
      /** The deciding clerk's role: a leader's decision binds, and the central refuses a lower role's record over it. */
      role: z.enum(['reception', 'leader', 'admin']).optional(),
    }),
  }),
  /** The triage criteria the clerk answered (issue 14 item 4): the whole set, each tag with where the clerk learned it. */
  z.strictObject({ ...clerkRecordBase, kind: z.literal('routing-tags'), payload: routingTagsPayloadSchema }),
  z.strictObject({
    ...clerkRecordBase,
    kind: z.literal('conversion'),
    payload: z.strictObject({
      from: shortText(40).min(1), to: shortText(40).min(1), rule: shortText(80), label_zh: shortText(120), handoverDue: shortText(10), at: iso, reason: shortText(500),
      /** The approvals the conversion needed (seed 002 art. 17: 报经局长审批), as the leader who recorded it confirmed them. */
      approval: z.strictObject({ steps: z.array(z.strictObject({ role: shortText(40).min(1), label_zh: shortText(60) })).min(1).max(5), by: shortText(64).min(1), source: shortText(120) }).optional(),
    }),
  }),
  z.strictObject({ ...clerkRecordBase, kind: z.literal('return'), payload: z.strictObject({ reasons_zh: z.array(shortText(600).min(1)).min(1).max(20) }) }),
  z.strictObject({ ...clerkRecordBase, kind: z.literal('done'), payload: z.strictObject({}) }),
  /** 执前督 (seed 001 art. 25): the tracked state after the event. */
  z.strictObject({
    ...clerkRecordBase,
    kind: z.literal('pre-enforcement'),
    payload: z.strictObject({
      event: z.enum(PRE_ENFORCEMENT_EVENTS),
      handedOverAt: iso.nullable(),
      limitDue: shortText(10).nullable(),
      /** 'refused': the party refused to go on (art. 25 ¶3); like 'failed', it leads to the 执 filing. */
      outcome: z.enum(['performed', 'failed', 'refused']).nullable(),
      /** The id the counter chose for the follow-up 执 case (`POST /v1/court/follow-up`). */
      convertedFilingId: z.uuid().nullable(),
      filingDue: shortText(10).nullable(),
      /** Performed: the amount paid (integer fen), counted as enforced (art. 25 ¶2). */
      paidFen: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).nullable().optional(),
    }),
  }),
  /** Related-case search at filing (seed 001 art. 9): kept with the filing, it travels with it to the enforcement department. */
  z.strictObject({
    ...clerkRecordBase,
    kind: z.literal('related'),
    payload: z.strictObject({
      searchedAt: iso,
      message_zh: shortText(400),
      message_en: shortText(600),
      cases: z.array(z.strictObject({ number: shortText(64).min(1), role: z.enum(['respondent', 'applicant', 'creditor']), status: shortText(20), party: z.number().int().min(0).max(19).optional() })).max(500),
      advice: z.array(z.strictObject({ kind: z.enum(['bankruptcy', 'personal-insolvency', 'tell-enforcement']), message_zh: shortText(400), message_en: shortText(600), source: shortText(120) })).max(10),
    }),
  }),
]);
export type ClerkRecord = z.output<typeof clerkRecordSchema>;

export const MAX_CLERK_RECORDS_PUSH = 200;
export const MAX_CLERK_RECORDS_PULL = 500;

/** The envelope is strict; each record is checked on its own so one bad record is one rejection. */
export const clerkRecordsPushSchema = z.strictObject({ records: z.array(z.unknown()).min(1).max(MAX_CLERK_RECORDS_PUSH) });

export type ClerkRecordResult =
  | { id: string; status: 'stored'; seq: number }
  | { id: string | null; status: 'rejected'; code: string; reason_zh: string; reason_en: string };

export interface ClerkRecordsPushResponse {
  protocol: number;
  results: ClerkRecordResult[];
}

/** A stored record with the central's per-court sequence (the pull cursor) and receipt time. */
export interface StoredClerkRecord {
  seq: number;
  receivedAt: string;
  record: ClerkRecord;
}

export interface ClerkRecordsPullResponse {
  protocol: number;
  records: StoredClerkRecord[];
  cursor: number;
}

/** `GET /v1/court/filings?since=V`: the court's filings as numbered, for the counter terminals. */
export interface CourtFiling {
  version: number;
  officialNo: string;
  acceptedAt: string;
  filing: FilingRecord;
}

export interface CourtFilingsResponse {
  protocol: number;
  filings: CourtFiling[];
  cursor: number;
}

/**
 * Page images: `PUT /v1/filings/<filingId>/documents/<docId>` (kiosk, signed; raw bytes) and
 * `PUT|GET /v1/court/documents/<docId>` (counter, court token). The body is the image itself;
 * its SHA-256 (hex) travels in HEADER_SHA256 and the central checks both.
 */
export const HEADER_SHA256 = 'x-yzt-sha256';
/** The page's kind and filing on a court upload and a court fetch. */
export const HEADER_DOCUMENT_KIND = 'x-yzt-document-kind';
export const HEADER_FILING = 'x-yzt-filing';
/** The kind of the signed first-reception scan at the central. */
export const RECEPTION_SCAN_KIND = 'reception-scan';
/** Above the kiosk's 1.4 MB page and the counter's 6 MB scan limit. */
export const MAX_DOCUMENT_BYTES = 7 * 1024 * 1024;

/** The answer to a document upload: `stored` the first time, `unchanged` for a resend. */
export interface DocumentUploadResponse {
  protocol: number;
  id: string;
  status: 'stored' | 'unchanged';
  sha256: string;
  bytes: number;
}
