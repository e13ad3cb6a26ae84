/**
 * The filing (执行申请) as the renderer drafts it and as the kiosk stores and syncs it.
 * Input schemas are strict: an unknown key, an overlong string or a control character is a
 * validation error with a Chinese message, never an exception deeper in.
 */
import { z } from 'zod';
import type { IdCardKind } from './id-card.js';

const NO_CONTROL = /^[^\u0000-\u001f\u007f]*$/u;

export function text(max: number, label_zh: string) {
  return z
    .string()
    .trim()
    .max(max, { message: `${label_zh}不能超过${max}个字` })
    .regex(NO_CONTROL, { message: `${label_zh}含有不可见字符` });
}

export const respondentDraftSchema = z.strictObject({
  kind: z.enum(['person', 'company']),
  name: text(60, '被执行人名称').min(1, { message: '请填写被执行人姓名或名称' }),
  /** Person: ID number; company: unified social credit code. Optional at filing. */
  idNumber: text(18, '证件号码').optional(),
  address: text(120, '地址').optional(),
  phone: text(20, '联系电话').optional(),
});

export const filingDraftSchema = z.strictObject({
  /** 执行依据文号 as typed or scanned; canonicalised by the service. */
  basisNumber: text(64, '执行依据文号').min(1, { message: '请填写执行依据文号' }),
  respondents: z.array(respondentDraftSchema).min(1, { message: '至少填写一个被执行人' }).max(20),
  /** Amount claimed, as typed in yuan ("12345.67"). */
  amountYuan: text(20, '金额').min(1, { message: '请填写申请执行金额' }),
  applicantPhone: text(20, '联系电话').optional(),
});

export type FilingDraft = z.input<typeof filingDraftSchema>;
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
  amountFen: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
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
}
