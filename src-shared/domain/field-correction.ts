/**
 * A clerk's correction of one verified item (seed 002 art. 7(一)) as a typed value: an amount
 * is fen, a basis number passes the case-number parser, a date is a calendar date. The counter
 * parses what the clerk typed with it, the central checks the same shape again and applies it
 * to the case record, and kiosks and counters overlay the central's corrected values on the
 * record they hold, so every screen, notice and register shows the corrected value.
 */
import { z } from 'zod';
import { parseCaseNumber } from '../casenum/case-number.js';
import { isIsoDate } from '../calendar/work-calendar.js';
import { formatYuan, parseYuan } from './money.js';
import type { FilingRecord } from './filing.js';

export const CLAIM_KINDS = ['money', 'non-money', 'mixed'] as const;
export type ClaimKind = (typeof CLAIM_KINDS)[number];
export const CLAIM_KIND_ZH: Record<ClaimKind, string> = { money: '金钱给付', 'non-money': '非金钱给付（行为、交付财产等）', mixed: '金钱给付及非金钱给付' };

const plain = (max: number) => z.string().trim().min(1).max(max).regex(/^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/u);
const caseNumber = z.string().max(64).refine((s) => parseCaseNumber(s).ok, { message: 'not a case number' });
const date = z.string().refine(isIsoDate, { message: 'not a date' });

export const fieldCorrectionSchema = z.discriminatedUnion('field', [
  z.strictObject({ field: z.literal('amount'), amountFen: z.number().int().positive().max(Number.MAX_SAFE_INTEGER) }),
  z.strictObject({ field: z.literal('basis-number'), basisNumber: caseNumber }),
  z.strictObject({ field: z.literal('subject-kind'), claimKind: z.enum(CLAIM_KINDS) }),
  z.strictObject({ field: z.literal('basis-content'), content: plain(500), effectiveDate: date.nullable() }),
  z.strictObject({ field: z.literal('parties'), text: plain(2000) }),
]);
export type FieldCorrection = z.output<typeof fieldCorrectionSchema>;
export type CorrectableField = FieldCorrection['field'];

/** The case's values as corrected so far (the central's `corrected_json`); absent: as filed. */
export const correctedValuesSchema = z.strictObject({
  amountFen: z.number().int().positive().optional(),
  basisNumber: z.string().max(64).optional(),
  claimKind: z.enum(CLAIM_KINDS).optional(),
  basisContent: z.string().max(500).optional(),
  effectiveDate: date.optional(),
  parties: z.string().max(2000).optional(),
});
export type CorrectedValues = z.output<typeof correctedValuesSchema>;

export type CorrectionParse = { ok: true; correction: FieldCorrection } | { ok: false; message_zh: string; message_en: string };

const refuse = (message_zh: string, message_en: string): CorrectionParse => ({ ok: false, message_zh, message_en });

/** What the clerk typed for `field`, as a typed correction or a message saying what is wrong. */
export function parseFieldCorrection(field: CorrectableField, value: string, effectiveDate?: string | null): CorrectionParse {
  const v = value.trim();
  switch (field) {
    case 'amount': {
      const m = parseYuan(v);
      return m.ok ? { ok: true, correction: { field, amountFen: m.fen } } : refuse(`更正后的金额不对：${m.message_zh}`, `The corrected amount is wrong: ${m.message_en}`);
    }
    case 'basis-number': {
      const n = parseCaseNumber(v);
      return n.ok ? { ok: true, correction: { field, basisNumber: n.canonical } } : refuse(`更正后的执行依据文号不对：${n.message_zh}`, `The corrected basis number is wrong: ${n.message_en}`);
    }
    case 'subject-kind': {
      const kind = CLAIM_KINDS.find((k) => k === v || CLAIM_KIND_ZH[k] === v);
      return kind ? { ok: true, correction: { field, claimKind: kind } } : refuse('请选择执行标的种类：金钱给付、非金钱给付或两者兼有', 'Choose the kind of claim: money, non-money or both');
    }
    case 'basis-content': {
      if (!v) return refuse('请填写更正后的执行依据内容', 'Enter the corrected content of the basis');
      if (v.length > 500) return refuse('执行依据内容最多 500 字', 'The content of the basis is at most 500 characters');
      const d = effectiveDate?.trim() || null;
      if (d !== null && !isIsoDate(d)) return refuse('生效日期不是有效的日期，请按“年-月-日”填写', 'The effective date is not a valid date (year-month-day)');
      return { ok: true, correction: { field, content: v, effectiveDate: d } };
    }
    case 'parties': {
      if (!v) return refuse('请填写更正后的执行主体信息', 'Enter the corrected parties');
      if (v.length > 2000) return refuse('执行主体信息最多 2000 字', 'The parties are at most 2000 characters');
      return { ok: true, correction: { field, text: v } };
    }
  }
}

/** The correction as the clerk and the history read it. */
export function correctionText(c: FieldCorrection): string {
  switch (c.field) {
    case 'amount':
      return `${formatYuan(c.amountFen)} 元`;
    case 'basis-number':
      return c.basisNumber;
    case 'subject-kind':
      return CLAIM_KIND_ZH[c.claimKind];
    case 'basis-content':
      return [c.effectiveDate ? `${c.effectiveDate} 生效` : '', `判决主文：${c.content}`].filter(Boolean).join('\n');
    case 'parties':
      return c.text;
  }
}

export function mergeCorrection(prev: CorrectedValues, c: FieldCorrection): CorrectedValues {
  switch (c.field) {
    case 'amount':
      return { ...prev, amountFen: c.amountFen };
    case 'basis-number':
      return { ...prev, basisNumber: c.basisNumber };
    case 'subject-kind':
      return { ...prev, claimKind: c.claimKind };
    case 'basis-content':
      return { ...prev, basisContent: c.content, ...(c.effectiveDate ? { effectiveDate: c.effectiveDate } : {}) };
    case 'parties':
      return { ...prev, parties: c.text };
  }
}

/** The record with the corrected values in place (the parties' correction stays as the clerk's text). */
export function applyCorrected(record: FilingRecord, v: CorrectedValues): FilingRecord {
  const facts = { ...(record.facts ?? {}) } as Record<string, unknown> & { claim?: Record<string, unknown>; basis?: Record<string, unknown> };
  if (v.amountFen !== undefined && facts.claim && typeof facts.claim.amountFen === 'number') facts.claim = { ...facts.claim, amountFen: v.amountFen };
  if (v.claimKind !== undefined) facts.claim = { ...(facts.claim ?? {}), kind: v.claimKind };
  if (v.effectiveDate !== undefined) facts.basis = { ...(facts.basis ?? {}), effectiveDate: v.effectiveDate };
  if (v.basisContent !== undefined && facts.basis) facts.basis = { ...facts.basis, content: v.basisContent };
  return {
    ...record,
    ...(v.amountFen !== undefined ? { amountFen: v.amountFen } : {}),
    ...(v.basisNumber !== undefined ? { basisNumber: v.basisNumber } : {}),
    ...(v.basisContent !== undefined ? { basisContent: v.basisContent } : {}),
    ...(record.facts !== undefined || v.claimKind !== undefined || v.effectiveDate !== undefined ? { facts } : {}),
  };
}

/** The item's current value as text, from the record (corrected values already applied) and the corrections so far. */
export function currentValueText(record: FilingRecord, corrected: CorrectedValues, field: CorrectableField): string {
  const facts = (record.facts ?? {}) as { claim?: { kind?: string }; basis?: { effectiveDate?: string; content?: string } };
  switch (field) {
    case 'amount':
      return `${formatYuan(record.amountFen)} 元`;
    case 'basis-number':
      return record.basisNumber;
    case 'subject-kind':
      return CLAIM_KIND_ZH[(CLAIM_KINDS as readonly string[]).includes(facts.claim?.kind ?? '') ? (facts.claim!.kind as ClaimKind) : 'money'];
    case 'basis-content':
      return [facts.basis?.effectiveDate ? `${facts.basis.effectiveDate} 生效` : '', record.basisContent ? `判决主文：${record.basisContent}` : ''].filter(Boolean).join('\n') || '（申请时未录入）';
    case 'parties':
      return corrected.parties ?? [record.applicant.name, ...record.respondents.map((r) => r.name)].join('、');
  }
}
