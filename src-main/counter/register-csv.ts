/**
 * The register of first receptions (seed 003 ch.3 §1(一)2): per case the reception time,
 * interviewer and interviewee, or the recorded reason why there was none. UTF-8 with a BOM so
 * spreadsheet programs on court PCs open the Chinese correctly.
 */
import { formatYuan } from '../../src-shared/domain/money.js';

type RegisterRow = { provisional_no: string; official_no: string | null; basis_number: string; amount_fen: number; at: string | null; interviewer: string | null; interviewee: string | null; no_reception_reason: string | null };

/** Quotes a cell, and defuses cells a spreadsheet would run as a formula. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function registerCsv(rows: readonly RegisterRow[], localTime: (iso: string) => string): string {
  const head = ['案号', '临时编号', '执行依据文号', '申请执行标的（元）', '接待时间', '谈话人', '被谈话人', '未接待原因'];
  const lines = rows.map((r) =>
    [r.official_no ?? '', r.provisional_no, r.basis_number, formatYuan(r.amount_fen), r.at ? localTime(r.at) : '', r.interviewer ?? '', r.interviewee ?? '', r.at ? '' : (r.no_reception_reason ?? '（尚未接待，未说明原因）')].map(csvCell).join(','),
  );
  return `\uFEFF${[head.join(','), ...lines].join('\r\n')}\r\n`;
}
