/**
 * The counter console's part of the API contract (methods prefixed `counter.`). Every method
 * but sign-in carries the clerk's session token: the same bridge also serves the applicant
 * kiosk's page, so the token, not the page, is what grants a clerk's powers.
 */
import { z } from 'zod';
import { text, type FilingView } from '../domain/filing.js';
import type { CheckView } from '../api/contract.js';
import { PRE_ENFORCEMENT_EVENTS, VERIFY_FIELDS } from '../sync/protocol.js';
import { CONVERSION_EVENTS } from '../courts/routing-types.js';
import { APPROVER_ROLES, type ApproverRole } from '../courts/stage-flow.js';
import type { StagePlan } from '../rules/routing.js';
import type { PayeeAccount, PropertyClue } from './property-clues.js';
import { routingTagsPayloadSchema, type RecordedTag } from './routing-tags-record.js';
import type { RoutingCriterion } from '../rules/routing-criteria.js';
import type { CounterDeadlineView } from './counter-deadlines.js';
import { accountInputs, type AccountOutputs } from './account-contract.js';

export { CLERK_ROLES, ROLE_LABEL_ZH, type ClerkRole } from './roles.js';
import type { ClerkRole } from './roles.js';

export { VERIFY_FIELDS };
export type VerifyField = (typeof VERIFY_FIELDS)[number];
export const VERIFY_FIELD_LABEL_ZH: Record<VerifyField, string> = {
  parties: '执行主体信息',
  'subject-kind': '执行标的种类',
  amount: '执行标的金额',
  'basis-number': '执行依据文号',
  'basis-content': '执行依据内容',
};

/** Structured reasons for returning a filing for correction; the text says what exactly. */
export const RETURN_REASONS = ['party-data', 'basis-number', 'basis-content', 'amount', 'documents', 'payee', 'other'] as const;
export type ReturnReason = (typeof RETURN_REASONS)[number];
export const RETURN_REASON_LABEL_ZH: Record<ReturnReason, string> = {
  'party-data': '当事人信息有误',
  'basis-number': '执行依据文号有误',
  'basis-content': '执行依据内容不明确',
  amount: '申请金额有误',
  documents: '材料不全或不清晰',
  payee: '收款账户有误',
  other: '其他',
};

/** Where a filing stands at the counter. */
export const COUNTER_STAGES = ['new', 'verifying', 'received', 'triaged', 'returned', 'done'] as const;
export type CounterStage = (typeof COUNTER_STAGES)[number];
export const STAGE_LABEL_ZH: Record<CounterStage, string> = {
  new: '待核对',
  verifying: '核对中',
  received: '已接待',
  triaged: '已分流',
  returned: '已退回补正',
  done: '已办结',
};

export const NOTICE_KINDS = ['acceptance', 'enforcement', 'property-report', 'supervision'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];
export const NOTICE_TITLE_ZH: Record<NoticeKind, string> = { acceptance: '受理通知书', enforcement: '执行通知书', 'property-report': '报告财产令', supervision: '督促履行通知书' };
export const NOTICE_TITLE_EN: Record<NoticeKind, string> = {
  acceptance: 'notice of acceptance',
  enforcement: 'enforcement notice',
  'property-report': 'order to report property',
  supervision: 'notice of supervised performance',
};

/** The most a signed scan may be (the counter's contract); the host shell's body limit for it follows. */
export const MAX_SCAN_BYTES = 6_000_000;
/** The scan as a data URL: base64 of MAX_SCAN_BYTES plus its `data:…;base64,` head. */
export const MAX_SCAN_DATA_URL = Math.ceil(MAX_SCAN_BYTES / 3) * 4 + 40;

const token = z.string().min(16).max(128);
const filingId = z.uuid();
const isoInstant = z.iso.datetime({ offset: true });
/** A scanned page: image or PDF as a data URL. */
const scanDataUrl = z
  .string()
  .max(MAX_SCAN_DATA_URL, { message: '扫描件太大（超过 6MB），请降低分辨率后重新扫描' })
  .regex(/^data:(image\/(jpeg|png|tiff)|application\/pdf);base64,[A-Za-z0-9+/=]+$/, { message: '请上传 JPG、PNG、TIFF 或 PDF 文件' });

export const receptionInputSchema = z.strictObject({
  at: isoInstant,
  interviewer: text(30, '谈话人').min(1, { message: '请填写谈话人' }),
  recorder: text(30, '记录人').min(1, { message: '请填写记录人' }),
  interviewee: text(60, '被谈话人').min(1, { message: '请填写被谈话人' }),
  place: text(60, '地点').default(''),
  /** (1) the applicant's service address and contact, as confirmed. */
  serviceAddress: text(120, '送达地址').min(1, { message: '请确认送达地址' }),
  contact: text(40, '联系方式').min(1, { message: '请确认联系方式' }),
  /** (2) verification of the filing data, in the clerk's words. */
  filingDataVerified: text(500, '核对立案信息').min(1, { message: '请填写核对立案信息的情况' }),
  /** (3) what the applicant knows of the respondent and its property. */
  respondentProperty: text(1000, '被执行人及财产情况').min(1, { message: '请填写被执行人及其财产情况' }),
  /** (4) the applicant's view on termination of this procedure (终本). */
  terminationView: text(500, '终本意见').min(1, { message: '请填写对终结本次执行程序的意见' }),
  notes: text(2000, '其他').default(''),
});
export type ReceptionInput = z.input<typeof receptionInputSchema>;
/** The record's answers as stored: each version of it holds the same items. */
export type ReceptionContent = z.output<typeof receptionInputSchema>;

export const counterInputs = {
  'counter.signIn': z.strictObject({ account: text(40, '账号').min(1, { message: '请输入账号' }), password: z.string().min(1, { message: '请输入密码' }).max(200) }),
  'counter.signOut': z.strictObject({ token }),
  'counter.queue': z.strictObject({
    token,
    query: text(60, '查询').default(''),
    filter: z.enum(['open', 'today', 'overdue', 'returned', 'done', 'all']).default('open'),
  }),
  'counter.case': z.strictObject({ token, filingId }),
  'counter.document': z.strictObject({ token, id: z.uuid(), filingId: filingId.optional() }),
  'counter.verify': z.strictObject({
    token,
    filingId,
    field: z.enum(VERIFY_FIELDS),
    verdict: z.enum(['verified', 'corrected']),
    correctedValue: text(500, '更正后的内容').optional(),
    /** Basis content: the effective date as corrected, YYYY-MM-DD (checked as a date). */
    effectiveDate: text(10, '生效日期').optional(),
    reason: text(200, '更正理由').optional(),
  }),
  /** `newVersion`: the clerk chose to change a printed (locked) record; the next version must be printed and signed again. */
  'counter.reception.save': z.strictObject({ token, filingId, record: receptionInputSchema, newVersion: z.boolean().optional() }),
  'counter.reception.print': z.strictObject({ token, filingId }),
  'counter.reception.attachScan': z.strictObject({ token, filingId, dataUrl: scanDataUrl }),
  'counter.noReception': z.strictObject({ token, filingId, reason: text(200, '未接待原因').min(2, { message: '请填写未进行初次接待的原因' }) }),
  'counter.triage.decide': z.strictObject({
    token,
    filingId,
    decision: z.enum(['accept', 'override']),
    team: text(40, '团队').optional(),
    reason: text(200, '改派理由').optional(),
  }),
  /** `approvals`: those the court's conversion needs (seed 002 art. 17: 局长审批), confirmed by the leader who records it. */
  'counter.triage.convert': z.strictObject({ token, filingId, event: z.enum(CONVERSION_EVENTS), reason: text(200, '转换说明').default(''), approvals: z.array(z.enum(APPROVER_ROLES)).max(5).default([]) }),
  /** The triage criteria the clerk answered, each tag with its source (issue 14 item 4): the whole set. */
  'counter.tags.set': z.strictObject({ token, filingId, tags: routingTagsPayloadSchema.shape.tags }),
  /** A stage-mode court (seed 004): the case leaves its stage by one of the exits the profile lists. */
  'counter.stage.move': z.strictObject({
    token,
    filingId,
    exit: z.string().min(1).max(40),
    approvals: z.array(z.enum(APPROVER_ROLES)).max(5).default([]),
    reason: text(200, '流转说明').default(''),
  }),
  'counter.return': z.strictObject({
    token,
    filingId,
    reasons: z.array(z.strictObject({ code: z.enum(RETURN_REASONS), detail: text(200, '退回说明').min(1, { message: '请写明需要补正的内容' }) })).min(1, { message: '至少写明一项退回理由' }).max(10),
  }),
  'counter.done': z.strictObject({ token, filingId }),
  'counter.register.csv': z.strictObject({ token, from: z.iso.date(), to: z.iso.date() }),
  /** 执前督 (seed 001 art. 25): hand-over, one outcome (履行完毕 with `paid` in yuan, 未履行, 拒绝履行), or `retry` of a refused 执 filing. */
  'counter.preEnforcement': z.strictObject({ token, filingId, event: z.enum([...PRE_ENFORCEMENT_EVENTS, 'retry']), paid: text(20, '到位金额').optional() }),
  'counter.notice.draft': z.strictObject({ token, filingId, kind: z.enum(NOTICE_KINDS) }),
  /** Issuing: refused while any placeholder of the draft is empty. */
  'counter.notice.issue': z.strictObject({ token, filingId, kind: z.enum(NOTICE_KINDS) }),
  'counter.related': z.strictObject({ token, filingId }),
  /** The 财产线索调查表 (seed 003 ch.3 七、2) filled from the applicant's clues, to print and sign. */
  'counter.propertyClueForm': z.strictObject({ token, filingId }),
  /** An unfinished application the applicant handed over at the kiosk, by the code they were given. */
  'counter.handover.open': z.strictObject({ token, code: z.string().trim().min(1, { message: '请输入暂存号码' }).max(20) }),
  'counter.handover.submit': z.strictObject({ token, code: z.string().trim().min(1, { message: '请输入暂存号码' }).max(20) }),
  ...accountInputs,
} as const;

export type CounterMethod = keyof typeof counterInputs;

export interface ClerkView {
  account: string;
  displayName: string;
  role: ClerkRole;
}

export interface SignInResult {
  token: string;
  clerk: ClerkView;
  expiresAt: string;
  /** An administrator reset the password: the clerk sets a new one before anything else. */
  mustChange: boolean;
}

export interface QueueRow {
  filingId: string;
  provisionalNo: string;
  officialNo: string | null;
  submittedAt: string;
  /** Full names: the counter is a staff screen, not the lobby. */
  applicantName: string;
  respondentNames: string[];
  amountFen: number;
  typeCode: string;
  stage: CounterStage;
  /** Court-side status as last pulled from the central, if any. */
  centralStatus: string | null;
  /** The counter node the case waits on, from the court profile (counter-deadlines.ts); null where the court sets none. */
  dueDate: string | null;
  /** Which counter node `dueDate` is (reception, triage, notices, query). */
  dueTask?: string | null;
  /** False when `dueDate` falls in a year without a holiday notice: shown with 以法院通知为准. */
  dueDateConfirmed?: boolean;
  overdue: boolean;
  /** 'local': filed at this kiosk; 'central': known only from the central's status feed. */
  source: 'local' | 'central';
}

export interface VerificationRow {
  field: VerifyField;
  verdict: 'verified' | 'corrected';
  originalValue: string;
  correctedValue: string | null;
  reason: string | null;
  clerk: string;
  at: string;
}

export interface ReceptionView extends ReceptionContent {
  printedAt: string | null;
  scanAttachedAt: string | null;
  scanSha256: string | null;
  /** The signed scan's id (`counter.document` shows it, fetching it from the central when another terminal scanned it). */
  scanId?: string | null;
  /** Version of the record (issue 14 item 3): printed, it is locked; a change makes the next version. */
  version?: number;
  /** The versions replaced, newest first, each with the print and signed scan that belong to it. */
  earlier?: ReceptionVersionView[];
}

export interface ReceptionVersionView extends ReceptionContent {
  version: number;
  savedAt: string;
  printedAt: string | null;
  scanId: string | null;
  scanSha256: string | null;
  scanAttachedAt: string | null;
  supersededAt: string;
}


export interface TriageSuggestion {
  team: string;
  team_zh: string;
  team_en?: string;
  label_en?: string;
  rule: string;
  label_zh: string;
  source: string;
}

/** The 执 case a failed 执前督 leads to, as the central answered: numbered, refused with its reason, or not yet asked. */
export type FollowUpView =
  | { status: 'pending'; filingId: string }
  | { status: 'numbered'; filingId: string; officialNo: string; acceptedAt: string | null }
  | { status: 'rejected'; filingId: string; code: string; message_zh: string; message_en: string };

export interface PreEnforcementView {
  handoverDue: string;
  handedOverAt: string | null;
  limitDue: string | null;
  outcome: 'performed' | 'failed' | 'refused' | null;
  /** Performed: the amount paid (fen). */
  paidFen: number | null;
  /** Failed or refused: the 3 working days for the 执 filing (seed 001 art. 25 ¶3). */
  filingDue: string | null;
  followUp: FollowUpView | null;
}

/** The 执前督 a 执 case came from: its materials and reception record are opened there. */
export interface OriginView {
  filingId: string;
  officialNo: string | null;
}

export interface CaseDetail {
  row: QueueRow;
  /** The values as filed, one per verification field, for the clerk to compare with the pages. */
  fields: Record<VerifyField, string>;
  applicant: { name: string; idNumber: string; address: string; phone: string | null };
  respondents: Array<{ kind: string; name: string; idNumber: string | null; address: string | null }>;
  /** What the applicant gave at the kiosk (synced with the filing record): item 三 and the 财产线索调查表. */
  propertyClues: PropertyClue[];
  payee: PayeeAccount | null;
  documents: Array<{ id: string; kind: string; bytes: number }>;
  verifications: VerificationRow[];
  reception: ReceptionView | null;
  noReceptionReason: string | null;
  suggestion: TriageSuggestion | null;
  triage: { team: string; decision: 'accept' | 'override'; reason: string | null; by: string; at: string } | null;
  conversion: { from: string; to: string; rule: string; label_zh: string; handoverDue: string; at: string; approval?: { steps: Array<{ role: string; label_zh: string }>; by: string; source: string } } | null;
  /** Approvals a conversion from the case's team needs (seed 002 art. 17), for the leader to confirm. */
  conversionApprovals?: Array<{ role: ApproverRole; label_zh: string; label_en: string }>;
  returnReasons: string[];
  preEnforcement: PreEnforcementView | null;
  /** A 执 case filed after a failed 执前督: the origin, whose materials it shares. */
  origin?: OriginView | null;
  /** Stage-mode courts: where the case may go from its stage, with the approvals each move needs. */
  stage?: StagePlan | null;
  /** Clerk actions still waiting to reach the central. */
  pendingSync: number;
  /** The notices this case may have (a 执前督 case gets the 督促履行通知书, never the 执行通知书). */
  noticeKinds?: NoticeKind[];
  /** The last related-case search, kept with the filing and shared with the court's terminals (seed 001 art. 9). */
  related?: RelatedCases | null;
  /** The court's teams, for the leader's override picker and for names wherever a team is shown. */
  teams?: Array<{ id: string; name_zh: string; name_en: string }>;
  /** The criteria of the court's triage table the clerk answers, and the tags recorded so far. */
  criteria?: RoutingCriterion[];
  tags?: { tags: RecordedTag[]; by: string; at: string } | null;
  /** The team now set was a leader's decision: only a leader may change it. */
  leaderDecided?: boolean;
  /** The counter's own time nodes from the court profile (reception, notices, query, triage). */
  deadlines?: CounterDeadlineView[];
}

export interface PdfResult {
  pdfBase64: string;
  fileName: string;
  /** The document printer's answer when the kiosk has one (setting counter.printer); else null. */
  printed?: { ok: boolean; message_zh: string; message_en: string } | null;
}

/** A draft notice: its text as filled, and the placeholders the case could not fill (issuing waits for them). */
export interface NoticeDraft extends PdfResult {
  text: string;
  empty: string[];
}

/**
 * Roles of a related case (seed 001 art. 9): `respondent`, this filing's respondent is the
 * obligor there; `applicant`, this filing's applicant is the respondent there; `creditor`, this
 * filing's respondent is the applying creditor there. `party` is the respondent's index in the
 * filing (respondent and creditor roles).
 */
export type RelatedRole = 'respondent' | 'applicant' | 'creditor';
export interface RelatedCase {
  number: string;
  role: RelatedRole;
  status: string;
  party?: number | undefined;
}

export interface RelatedCases {
  online: boolean;
  message_zh: string;
  message_en?: string;
  cases: RelatedCase[];
  /** What the search means for the case, per the court's profile (bankruptcy or the personal-insolvency pilot, telling the enforcement department). */
  advice?: RelatedAdvice[];
  /** When it was searched (the central's answer); kept with the filing. */
  searchedAt?: string;
  /** Who searched, as the central attests it (a kept search). */
  by?: string;
}

export interface RelatedAdvice {
  kind: 'bankruptcy' | 'personal-insolvency' | 'tell-enforcement';
  message_zh: string;
  message_en: string;
  source: string;
}

export interface CounterOutputs extends AccountOutputs {
  'counter.signIn': SignInResult;
  'counter.signOut': null;
  'counter.queue': QueueRow[];
  'counter.case': CaseDetail;
  /** `dataUrl` null: the page is not here and the central could not give it; the message says why. */
  'counter.document': { dataUrl: string | null; message_zh?: string; message_en?: string };
  'counter.verify': CaseDetail;
  'counter.reception.save': CaseDetail;
  'counter.reception.print': PdfResult;
  /** `scanCodes`: the codes read on the scan, each with the case number it holds, if any. */
  'counter.reception.attachScan': CaseDetail & { scanCodes?: Array<{ text: string; format: string; page: number; caseNumber?: string }> };
  'counter.noReception': CaseDetail;
  'counter.triage.decide': CaseDetail;
  'counter.triage.convert': CaseDetail;
  'counter.tags.set': CaseDetail;
  'counter.stage.move': CaseDetail;
  'counter.return': CaseDetail;
  'counter.done': CaseDetail;
  'counter.register.csv': { csv: string; rows: number };
  'counter.preEnforcement': CaseDetail;
  'counter.notice.draft': NoticeDraft;
  'counter.notice.issue': NoticeDraft;
  'counter.related': RelatedCases;
  'counter.propertyClueForm': PdfResult;
  'counter.handover.open': HandoverSummary;
  'counter.handover.submit': { filing: FilingView };
}

/** What the clerk sees of a handed-over application before filing it. */
export interface HandoverSummary {
  applicantName: string;
  applicantIdMasked: string;
  basisNumber: string;
  respondentNames: string[];
  documents: number;
  check: CheckView;
  createdAt: string;
  expiresAt: string;
}
