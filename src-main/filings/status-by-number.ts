/**
 * Status by the number printed on the receipt (issue 12 item 6): the official 案号 in any
 * typing (half-width brackets, spaces) or the provisional number. Answered only for the card
 * on the reader: a number of someone else's filing is "not found", exactly as an unknown one,
 * so nobody can learn by trying numbers which ones exist.
 */
import type { Db } from '../db/open.js';
import type { FilingView } from '../../src-shared/domain/filing.js';
import { parseCaseNumber } from '../../src-shared/casenum/case-number.js';
import { AppError } from '../../src-shared/api/errors.js';
import { toView } from './filing-store.js';

export const NOT_YOURS = new AppError(
  'status.not-found',
  '没有找到与您身份证对应的这个编号。请核对编号，或扫描回执上的二维码。',
  'No filing with this number for the card on the reader. Check the number, or scan the QR code on your receipt.',
);

/** The forms a typed number may take in the filings table. */
export function numberForms(typed: string): string[] {
  const squashed = typed.replace(/\s+/gu, '');
  const forms = new Set([squashed, squashed.toUpperCase()]);
  const parsed = parseCaseNumber(squashed);
  if (parsed.ok) forms.add(parsed.canonical);
  return [...forms];
}

export function ownFilingByNumber(db: Db, typed: string, applicantKey: string): FilingView {
  for (const n of numberForms(typed)) {
    const row = db
      .prepare('SELECT id, provisional_no, official_no, status, status_reason_zh, submitted_at, accepted_at, record_json, applicant_key FROM filings WHERE official_no = ? OR provisional_no = ?')
      .get(n, n) as (Parameters<typeof toView>[0] & { applicant_key: string }) | undefined;
    if (row && row.applicant_key === applicantKey) return toView(row);
  }
  throw NOT_YOURS;
}
