/**
 * The filing (执行申请) as the renderer drafts it and as the kiosk stores and syncs it.
 * Input schemas are strict: an unknown key, an overlong string or a control character is a
 * validation error with a Chinese message, never an exception deeper in.
 */
import { preEnforcementStateSchema, type PreEnforcementState } from '../sync/pre-enforcement.js';
import { z } from 'zod';
import type { IdCardKind } from './id-card.js';
import { BASIS_KINDS } from '../courts/routing-types.js';
import { isIsoDate } from '../calendar/work-calendar.js';
import { duplicateAnswerSchema } from './duplicates.js';

const NO_CONTROL = /^[^\u0000-\u001f\u007f]*$/u;

export function text(max: number, label_zh: string) {
  return z
    .string()
    .trim()
    .max(max, { message: `${label_zh}不能超过${max}个字` })
    .regex(NO_CONTROL, { message: `${label_zh}含有不可见字符` });
}

const isoDate = (label_zh: string) => z.string().refine(isIsoDate, { message: `${label_zh}请按“年-月-日”填写` });

export const respondentDraftSchema = z.strictObject({
  kind: z.enum(['person', 'company']),
  name: text(60, '被执行人名称').min(1, { message: '请填写被执行人姓名或名称' }),
  /** Person: ID number; company: unified social credit code. Optional at filing. */
  idNumber: text(18, '证件号码').optional(),
  address: text(120, '地址').optional(),
  phone: text(20, '联系电话').optional(),
  /** Company: its legal representative. */
  legalRep: text(30, '法定代表人').optional(),
});

/** A party typed at the kiosk: the principal an agent files for, or the filing company. */
export const partyDraftSchema = z.strictObject({
  kind: z.enum(['person', 'company']),
  name: text(60, '名称').min(1, { message: '请填写姓名或名称' }),
  /** Person: ID number; company: unified social credit code (统一社会信用代码). */
  idNumber: text(18, '证件号码').min(1, { message: '请填写证件号码' }),
  legalRep: text(30, '法定代表人').optional(),
  address: text(120, '地址').min(1, { message: '请填写送达地址' }),
  phone: text(20, '联系电话').min(1, { message: '请填写联系电话' }),
});

export const APPLICATION_KINDS_AT_KIOSK = ['first', 'resumed', 'objection'] as const;
export const MATTERS = ['enforcement', 'fee-refund', 'entrusted-assistance', 'lift-preservation', 'no-case-needed'] as const;
export const PROPERTY_CLUE_KINDS = ['bank', 'real-estate', 'vehicle', 'shares', 'receivable', 'other'] as const;
export const DOCUMENT_KINDS = ['basis', 'attorney', 'licence', 'evidence', 'signature', 'other'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

const yuan = (label_zh: string) => text(20, label_zh);

export const filingDraftSchema = z.strictObject({
  /** 执行依据文号 as typed or scanned; canonicalised by the service. */
  basisNumber: text(64, '执行依据文号').min(1, { message: '请填写执行依据文号' }),
  respondents: z.array(respondentDraftSchema).min(1, { message: '至少填写一个被执行人' }).max(20),
  /** Principal claimed, as typed in yuan ("12345.67"). */
  amountYuan: text(20, '金额').min(1, { message: '请填写申请执行金额' }),
  applicantPhone: text(20, '联系电话').optional(),
  /** Service address when it differs from the card's address (seed 001 art. 6). */
  applicantAddress: text(120, '送达地址').optional(),
  /** Who files: the card holder for themself, as agent (委托代理人), or for their company. */
  filer: z.enum(['self', 'agent', 'company']).default('self'),
  /** Agent filings: the principal's own data, never the agent's (seed 001 art. 6). */
  principal: partyDraftSchema.optional(),
  /** Company filings: the company; the card holder is its legal representative or staff. */
  company: partyDraftSchema.optional(),
  matter: z.enum(MATTERS).default('enforcement'),
  application: z
    .strictObject({
      kind: z.enum(APPLICATION_KINDS_AT_KIOSK),
      grounds: z.array(text(60, '事由')).max(10).default([]),
      priorCaseNumber: text(64, '原执行案号').optional(),
    })
    .default({ kind: 'first', grounds: [] }),
  basis: z
    .strictObject({
      kind: z.enum(BASIS_KINDS),
      effectiveDate: isoDate('生效日期').optional(),
      /** "不清楚": the applicant does not know the date; the clerk verifies the certificate of effect. */
      effectiveDateUnknown: z.boolean().optional(),
      /** 判项 / operative content as the applicant restates it. */
      content: text(500, '判决主文').optional(),
      hasPaymentContent: z.boolean(),
      conditionAttached: z.boolean().default(false),
      conditionMet: z.boolean().default(false),
      performanceDue: isoDate('履行期限').optional(),
    })
    .optional(),
  /** Other effective documents the applicant also wants enforced (seed 001 art. 11). */
  additionalBasisNumbers: z.array(text(64, '其他文书案号')).max(10).default([]),
  /** Several respondents: each one's share is definite and separate (seed 000 art. 14(2)). */
  sharesDefinite: z.boolean().optional(),
  /** `untilPaid`: 至实际清偿之日止, counted to today and still running; otherwise up to `to`. */
  interest: z
    .strictObject({ baseYuan: yuan('计息本金'), ratePercent: text(10, '年利率'), from: isoDate('起算日'), to: isoDate('截止日').optional(), untilPaid: z.boolean().optional() })
    .refine((i) => i.untilPaid === true || i.to !== undefined, { message: '请选择利息计算到哪一天，或选“至实际清偿之日止”', path: ['to'] })
    .optional(),
  costsYuan: yuan('费用').optional(),
  performed: z.strictObject({ fully: z.boolean(), amountYuan: yuan('已履行金额').optional() }).optional(),
  payee: z.strictObject({ accountName: text(60, '户名'), bank: text(60, '开户行'), accountNumber: text(32, '账号') }).optional(),
  propertyClues: z.array(z.strictObject({ kind: z.enum(PROPERTY_CLUE_KINDS), description: text(200, '财产线索') })).max(20).default([]),
  documentIds: z.array(z.uuid()).max(40).default([]),
  riskAcknowledged: z.boolean().default(false),
  /** 执前督 facts and the applicant's own choice (seed 001 art. 25); never forced. */
  preEnforcement: z.strictObject({ servedByPublicNotice: z.boolean(), urgent: z.boolean(), applicantRefuses: z.boolean() }).optional(),
  /** `progressSms`: the applicant agreed to progress SMS at the phone given (issue 14 point 6). */
  consent: z.strictObject({ kioskFiling: z.boolean(), personalData: z.boolean(), progressSms: z.boolean().optional() }).optional(),
  /** Why this is filed again on a basis already filed against the same respondent (issue 12 item 4). */
  duplicate: duplicateAnswerSchema.optional(),
});

/**
 * "交给窗口办理" takes the answers as far as they go: an applicant who cannot finish (no case
 * number, no amount, a party half given) is exactly who hands over, and the clerk completes
 * the filing. Same shape as a draft, without the "must be filled" minimums.
 */
const lenientParty = partyDraftSchema.extend({ name: text(60, '名称'), idNumber: text(18, '证件号码'), address: text(120, '地址'), phone: text(20, '联系电话') });
export const handoverDraftSchema = filingDraftSchema.extend({
  basisNumber: text(64, '执行依据文号'),
  amountYuan: text(20, '金额'),
  respondents: z.array(respondentDraftSchema.extend({ name: text(60, '被执行人名称') })).max(20),
  principal: lenientParty.optional(),
  company: lenientParty.optional(),
  // An interest answer half given is left to the clerk rather than refusing the hand-over.
  interest: z.unknown().optional().transform((v) => {
    const r = filingDraftSchema.shape.interest.safeParse(v);
    return r.success ? r.data : undefined;
  }),
});

export type FilingDraft = z.input<typeof filingDraftSchema>;
export type ParsedFilingDraft = z.output<typeof filingDraftSchema>;
export type PartyDraft = z.input<typeof partyDraftSchema>;
export type RespondentDraft = z.input<typeof respondentDraftSchema>;

export type FilingStatus = 'pending' | 'accepted' | 'rejected';

/** Applicant data as captured from the ID card in the main process (000:7). */
export const applicantRecordSchema = z.strictObject({
  cardKind: z.enum(['resident', 'foreign-permanent', 'hmt-residence', 'foreign-2023']),
  name: text(60, '姓名').min(1),
  idNumber: text(32, '证件号码').min(1),
  genderCode: text(1, '性别'),
  birthDate: text(8, '出生日期'),
  address: text(120, '住址'),
  phone: text(20, '联系电话').optional(),
});
export type ApplicantRecord = z.output<typeof applicantRecordSchema>;
const _cardKindsMatch: IdCardKind extends ApplicantRecord['cardKind'] ? true : false = true;
void _cardKindsMatch;

const fen = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

/** What the kiosk stores and pushes: the full record, personal data included. The central
 * parses it with this schema, since a kiosk can be tampered with. */
export const filingRecordSchema = z.strictObject({
  id: z.uuid(),
  provisionalNo: text(40, '临时编号').min(1),
  courtId: text(40, '法院'),
  courtCode: text(8, '法院代字').min(2),
  typeCode: text(4, '类型代字').min(1),
  submittedAt: z.iso.datetime(),
  applicant: applicantRecordSchema,
  respondents: z.array(respondentDraftSchema).min(1).max(20),
  basisNumber: text(64, '执行依据文号').min(1),
  /** The basis number as the applicant wrote it, when that differs from `basisNumber`'s canonical form (other brackets, 字第): never rewritten silently. */
  basisNumberAsWritten: text(64, '执行依据文号').optional(),
  /** 判项 / operative content as the applicant restated it: the counter verifies it against the document (seed 002 art. 7(一)). */
  basisContent: text(500, '判决主文').optional(),
  amountFen: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  // Added by the applicant kiosk (issue 6); optional because earlier records lack them.
  /** `applicant` is always the card holder at the kiosk; with filer agent or company the party
   * applying is `principal` or `company`, and the card holder is its agent or representative. */
  filer: z.enum(['self', 'agent', 'company']).optional(),
  principal: partyDraftSchema.optional(),
  company: partyDraftSchema.optional(),
  /** Every fact the rules engine read, so the central can run checkFiling again. */
  facts: z.record(z.string(), z.unknown()).optional(),
  money: z
    .strictObject({ principalFen: fen, interestFen: fen, costsFen: fen, performedFen: fen, totalFen: fen })
    .optional(),
  payee: z.strictObject({ accountName: text(60, '户名'), bank: text(60, '开户行'), accountNumber: text(32, '账号') }).optional(),
  propertyClues: z.array(z.strictObject({ kind: z.enum(PROPERTY_CLUE_KINDS), description: text(200, '财产线索') })).max(20).optional(),
  documents: z.array(z.strictObject({ id: z.uuid(), kind: z.enum(DOCUMENT_KINDS), sha256: z.string().regex(/^[0-9a-f]{64}$/), bytes: z.number().int().positive() })).max(40).optional(),
  riskAcknowledgedAt: z.iso.datetime().optional(),
  consentAt: z.iso.datetime().optional(),
  /** When the applicant agreed to progress SMS at `applicant.phone`; absent: no SMS (the central re-checks it). */
  smsConsentAt: z.iso.datetime().optional(),
  /** Time nodes from the rules engine at filing, for the status query. */
  deadlines: z
    .array(
      z.strictObject({
        rule: text(60, '节点'),
        label_zh: text(60, '节点'),
        label_en: text(120, 'node'),
        dueDate: z.string().refine(isIsoDate),
        /** False when the date falls in a year without a State Council holiday notice: shown with 「以法院通知为准」. Absent on older records = confirmed. */
        calendarConfirmed: z.boolean().optional(),
      }),
    )
    .max(20)
    .optional(),
  /** The applicant's reason for filing again on the same basis against the same respondent, for the clerk. */
  duplicate: duplicateAnswerSchema.optional(),
  /** Set by the central on push: earlier cases of the court with the same applicant, basis and respondent. */
  duplicateOf: z.array(text(64, '案号')).max(10).optional(),
  /** Set on the kiosk from the central's case changes (a 执前督's state); the central publishes its own and never reads this. */
  preEnforcement: preEnforcementStateSchema.optional(),
});
export type FilingRecord = z.output<typeof filingRecordSchema>;

/** What a screen may show: personal data masked. */
export interface FilingView {
  id: string;
  provisionalNo: string;
  officialNo: string | null;
  status: FilingStatus;
  statusReason_zh: string | null;
  submittedAt: string;
  acceptedAt: string | null;
  applicantNameMasked: string;
  respondentNames: string[];
  basisNumber: string;
  amountFen: number;
  typeCode?: string;
  /** Interest 至实际清偿之日止: the amount counts it to `countedTo`, and it keeps running. */
  interestUntilPaid?: { from: string; ratePercent: string; countedTo: string } | null;
  /** The next time node still ahead, for the status query (seed 000 art. 7). */
  nextDeadline?: { label_zh: string; label_en: string; dueDate: string; calendarConfirmed: boolean } | null;
  /** A 执前督's state as the court last published it (issue 14 item 2): the 执 number once transferred. */
  preEnforcement?: PreEnforcementState | null;
}
