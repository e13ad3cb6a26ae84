/**
 * The applicant corrects a returned filing at the kiosk (issue 12 item 6): what can be given
 * there — their own phone and address for service, the respondents' addresses and phones. The
 * corrected record goes to the central as a 'filing.correct' mutation in the same transaction;
 * the central takes it only for a returned case and files it again for the clerk.
 */
import type { Db } from '../db/open.js';
import type { FilingRecord, FilingView } from '../../src-shared/domain/filing.js';
import type { ApiParsedInput } from '../../src-shared/api/contract.js';
import { AppError } from '../../src-shared/api/errors.js';
import { getFilingView } from './filing-store.js';
import { NOT_YOURS } from './status-by-number.js';

const PHONE = /^(1[3-9]\d{9}|0\d{9,11}|\+?\d{6,15})$/;

export function correctFiling(db: Db, input: ApiParsedInput<'filing.correct'>, applicantKey: string, now: Date): FilingView {
  const fields: Record<string, string> = {};
  const phones: Array<[string, string | undefined]> = [['applicantPhone', input.applicantPhone], ...(input.respondents ?? []).map((r, i): [string, string | undefined] => [`respondents.${i}.phone`, r.phone])];
  for (const [k, v] of phones) if (v && !PHONE.test(v.replace(/[\s-]/g, ''))) fields[k] = '电话号码不像有效号码，请核对';
  if (Object.keys(fields).length) throw new AppError('validation', '请按提示修改标出的内容', 'Please correct the marked fields', fields);
  return db.transaction(() => {
    const row = db.prepare('SELECT applicant_key, record_json, status_reason_zh, official_no FROM filings WHERE id = ?').get(input.id) as
      | { applicant_key: string; record_json: string; status_reason_zh: string | null; official_no: string | null }
      | undefined;
    if (!row || row.applicant_key !== applicantKey) throw NOT_YOURS;
    if (!row.official_no || !row.status_reason_zh) throw new AppError('correction.not-returned', '这份申请目前不需要补正', 'This filing does not need a correction now');
    const rec = JSON.parse(row.record_json) as FilingRecord;
    const corrected: FilingRecord = {
      ...rec,
      applicant: { ...rec.applicant, ...(input.applicantPhone ? { phone: input.applicantPhone } : {}), ...(input.applicantAddress ? { address: input.applicantAddress } : {}) },
      respondents: rec.respondents.map((r, i) => {
        const c = input.respondents?.[i];
        return { ...r, ...(c?.address ? { address: c.address } : {}), ...(c?.phone ? { phone: c.phone } : {}) };
      }),
    };
    const json = JSON.stringify(corrected);
    const at = now.toISOString();
    db.prepare('UPDATE filings SET record_json = ?, status_reason_zh = NULL, updated_at = ? WHERE id = ?').run(json, at, input.id);
    db.prepare(`INSERT INTO outbox (filing_id, kind, body_json, created_at) VALUES (?, 'filing.correct', ?, ?)`).run(input.id, json, at);
    return getFilingView(db, input.id)!;
  }).immediate();
}
