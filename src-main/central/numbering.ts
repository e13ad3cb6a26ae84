/**
 * Official case numbers. One gapless sequence per (court, type code, year) in order of
 * acceptance (seed 000 art. 12, 15). The caller runs this inside the transaction that also
 * inserts the case, so the sequence bump and the case commit or roll back together.
 */
import type { Db } from '../db/open.js';
import { formatCaseNumber } from '../../src-shared/casenum/case-number.js';

/** 收案年度 is the year in China (UTC+8), whatever the server's own time zone. */
export function chinaYear(d: Date): number {
  return new Date(d.getTime() + 8 * 3600_000).getUTCFullYear();
}

export function assignOfficialNumber(db: Db, courtCode: string, typeCode: string, at: Date): { year: number; seq: number; officialNo: string } {
  const year = chinaYear(at);
  const row = db
    .prepare(
      `INSERT INTO sequences (court_code, type_code, year, last_seq) VALUES (?, ?, ?, 1)
       ON CONFLICT (court_code, type_code, year) DO UPDATE SET last_seq = last_seq + 1 RETURNING last_seq`,
    )
    .get(courtCode, typeCode, year) as { last_seq: number };
  const seq = row.last_seq;
  return { year, seq, officialNo: formatCaseNumber({ year, courtCode, typeCode, seq }) };
}
