/**
 * A second application on the same basis against the same respondent (issue 12 item 4). It
 * can be lawful (seed 000 art. 14: instalments fallen due, debtors each liable for a definite
 * share, creditors each with their own claim, maintenance accrued since), so the kiosk warns
 * and asks why; the reason travels with the filing to the clerk. Never a refusal.
 */
import { z } from 'zod';

export const DUPLICATE_REASONS = ['instalments', 'separate-debtors', 'separate-creditors', 'maintenance', 'other'] as const;
export type DuplicateReason = (typeof DUPLICATE_REASONS)[number];

export const DUPLICATE_REASON_TEXT: Record<DuplicateReason, { zh: string; en: string }> = {
  instalments: { zh: '分期履行，又有一期到期未还', en: 'Paid in instalments: another instalment fell due unpaid' },
  'separate-debtors': { zh: '几个被执行人各自承担明确的债务，这次申请另一人', en: 'Several debtors each owe a definite share: this time against another' },
  'separate-creditors': { zh: '几个申请人各自享有明确的债权，这次为自己的部分', en: 'Several creditors each hold a definite claim: this time my own share' },
  maintenance: { zh: '赡养费、扶养费、抚养费：上次申请后又新欠的', en: 'Maintenance: amounts owed since the last application' },
  other: { zh: '其他原因（请到窗口说明）', en: 'Another reason (explain at the counter)' },
};

/** What the applicant answered to the warning; the numbers are those the kiosk showed. */
export const duplicateAnswerSchema = z.strictObject({
  reason: z.enum(DUPLICATE_REASONS),
  /** The earlier filings shown (masked numbers), so the clerk can find them. */
  of: z.array(z.string().trim().max(64)).max(10).default([]),
});
export type DuplicateAnswer = z.output<typeof duplicateAnswerSchema>;

/**
 * A case number with four of its digits hidden, those just before the last one
 * (（2026）豫＊＊＊＊执1号, （2026）豫08＊＊执＊＊3号): the applicant recognises it with the date shown
 * beside it; someone looking on cannot take the number away.
 */
export function maskCaseNumber(n: string): string {
  const chars = [...n];
  const digits = chars.flatMap((c, i) => (/\d/u.test(c) ? [i] : []));
  for (const i of digits.slice(-5, -1)) chars[i] = '＊';
  return chars.join('');
}
