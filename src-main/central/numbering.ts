/**
 * Official case numbers. One gapless sequence per (court, type code, year) in order of
 * acceptance (seed 000 art. 12, 15). Each store bumps the sequence row inside the transaction
 * that also inserts the case, so the bump and the case commit or roll back together.
 */
import { formatCaseNumber } from '../../src-shared/casenum/case-number.js';

/** 收案年度 is the year in China (UTC+8), whatever the server's own time zone. */
export { chinaYear } from '../../src-shared/time/china-time.js';

export function officialNumber(courtCode: string, typeCode: string, year: number, seq: number): string {
  return formatCaseNumber({ year, courtCode, typeCode, seq });
}

/**
 * The official number's text around its sequence, for SQL that numbers a whole run at once:
 * `before + seq + after` is `officialNumber(courtCode, typeCode, year, seq)` for every seq.
 */
export function officialNumberParts(courtCode: string, typeCode: string, year: number): { before: string; after: string } {
  const marker = 1_234_567;
  const whole = officialNumber(courtCode, typeCode, year, marker);
  const at = whole.lastIndexOf(String(marker));
  return { before: whole.slice(0, at), after: whole.slice(at + String(marker).length) };
}

/** Bumps the row or creates it at 1; the same statement on SQLite and PostgreSQL. */
export const BUMP_SEQUENCE_SQL = `INSERT INTO sequences (court_code, type_code, year, last_seq) VALUES ($1, $2, $3, 1)
  ON CONFLICT (court_code, type_code, year) DO UPDATE SET last_seq = sequences.last_seq + 1 RETURNING last_seq`;

export const BUMP_VERSION_SQL = `INSERT INTO court_versions (court_code, last_version) VALUES ($1, 1)
  ON CONFLICT (court_code) DO UPDATE SET last_version = court_versions.last_version + 1 RETURNING last_version`;
