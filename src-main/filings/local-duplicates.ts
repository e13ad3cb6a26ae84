/**
 * Filings of this kiosk with the same applicant (by the applicant key), the same basis number
 * and at least one same respondent (ID number when both have one, else name).
 */
import type { Db } from '../db/open.js';
import type { FilingRecord, RespondentDraft } from '../../src-shared/domain/filing.js';

export interface EarlierFiling {
  filingId: string;
  number: string;
  filedAt: string;
}

const norm = (s: string | undefined) => (s ?? '').replace(/\s+/gu, '').toUpperCase();

export function sameRespondent(a: RespondentDraft, b: RespondentDraft): boolean {
  if (a.idNumber && b.idNumber) return norm(a.idNumber) === norm(b.idNumber);
  return norm(a.name) === norm(b.name);
}

export function localDuplicates(db: Db, applicantKey: string, basisNumber: string, respondents: RespondentDraft[]): EarlierFiling[] {
  const rows = db.prepare('SELECT id, provisional_no, official_no, submitted_at, record_json FROM filings WHERE applicant_key = ? ORDER BY submitted_at').all(applicantKey) as Array<{
    id: string;
    provisional_no: string;
    official_no: string | null;
    submitted_at: string;
    record_json: string;
  }>;
  const out: EarlierFiling[] = [];
  for (const r of rows) {
    const rec = JSON.parse(r.record_json) as FilingRecord;
    if (rec.basisNumber !== basisNumber) continue;
    if (!rec.respondents.some((x) => respondents.some((y) => sameRespondent(x, y)))) continue;
    out.push({ filingId: r.id, number: r.official_no ?? r.provisional_no, filedAt: r.submitted_at });
  }
  return out;
}
