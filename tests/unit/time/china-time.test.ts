/**
 * China time whatever the machine's zone. The instants are chosen where China's date differs
 * from UTC's (07:30 in Beijing is 23:30 UTC the day before), and the guard below keeps the
 * machine-zone date APIs out of the product code, where a UTC or Los Angeles kiosk would
 * silently number and date by the wrong day.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { chinaDate, chinaDateCompact, chinaDateTime, chinaYear } from '../../../src-shared/time/china-time.js';
import { toView } from '../../../src-main/filings/filing-store.js';
import { APP_ROOT } from '../../../src-main/paths.js';

describe('China time', () => {
  it('dates 07:30 in Beijing with Beijing’s day, not UTC’s day before', () => {
    const t = new Date('2026-11-22T07:30:00+08:00');
    expect(t.toISOString().slice(0, 10)).toBe('2026-11-21');
    expect(chinaDate(t)).toBe('2026-11-22');
    expect(chinaDateCompact(t)).toBe('20261122');
    expect(chinaDateTime(t)).toBe('2026-11-22 07:30');
  });

  it('turns the day at Beijing midnight', () => {
    expect(chinaDate(new Date('2026-11-22T23:59:59.999+08:00'))).toBe('2026-11-22');
    expect(chinaDate(new Date('2026-11-23T00:00:00+08:00'))).toBe('2026-11-23');
  });

  it('starts the year at Beijing’s New Year, eight hours before London’s', () => {
    expect(chinaYear(new Date('2026-12-31T16:00:00Z'))).toBe(2027);
    expect(chinaYear(new Date('2026-12-31T15:59:59Z'))).toBe(2026);
  });
});

describe('a filing’s next deadline', () => {
  const row = (deadlines: { dueDate: string }[]) => ({
    id: 'f1',
    provisional_no: '临-ABCDEF-20261122-0001',
    official_no: null,
    status: 'pending' as const,
    status_reason_zh: null,
    submitted_at: '2026-11-20T01:00:00.000Z',
    accepted_at: null,
    record_json: JSON.stringify({
      applicant: { name: '张三' },
      respondents: [],
      basisNumber: '（2024）豫0811民初123号',
      amountFen: 100,
      typeCode: '执',
      deadlines: deadlines.map((d, i) => ({ rule: `r${i}`, label_zh: `节点${i}`, label_en: `node ${i}`, ...d })),
    }),
  });

  it('counts from Beijing’s today: yesterday’s deadline is past at 07:30 Beijing time', () => {
    const v = toView(row([{ dueDate: '2026-11-21' }, { dueDate: '2026-11-25' }]), new Date('2026-11-22T07:30:00+08:00'));
    expect(v.nextDeadline?.dueDate).toBe('2026-11-25');
  });

  it('still shows a deadline that falls due today until Beijing midnight', () => {
    const v = toView(row([{ dueDate: '2026-11-22' }, { dueDate: '2026-11-25' }]), new Date('2026-11-22T23:30:00+08:00'));
    expect(v.nextDeadline?.dueDate).toBe('2026-11-22');
  });
});

/** Date APIs that read the machine's zone. Each match is a date shown or stored in the wrong zone. */
const MACHINE_ZONE = [
  { re: /\.(get|set)(FullYear|Month|Date|Day|Hours|Minutes)\(/, why: 'local calendar fields; use src-shared/time/china-time.ts' },
  { re: /\.toLocale(Date|Time)?String\((?![^)]*timeZone)[^)]*\)/, why: 'formats in the machine zone; use chinaDateTime or pass timeZone' },
  { re: /\.to(Date|Time)String\(/, why: 'formats in the machine zone' },
  { re: /getTimezoneOffset\(/, why: 'the machine zone' },
  { re: /new Date\(\s*(?!Date\.UTC)[\w.]+\s*,/, why: 'new Date(y, m, d) is local midnight' },
];
/** Where a match is not a date at all. */
const NOT_DATES = [{ file: 'src-renderer/admin/CourtProfileEditor.tsx', text: '(fen / 100).toLocaleString' }];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : sourceFiles(p);
    return /\.(ts|tsx|mts|js|mjs|jsx)$/.test(e.name) ? [p] : [];
  });
}

describe('product code', () => {
  it('never dates by the machine’s time zone', () => {
    const found: string[] = [];
    for (const folder of ['src-shared', 'src-main', 'src-renderer', 'hardware', 'bin']) {
      for (const file of sourceFiles(join(APP_ROOT, folder))) {
        const rel = relative(APP_ROOT, file);
        readFileSync(file, 'utf8')
          .split('\n')
          .forEach((line, i) => {
            if (line.trim().startsWith('//') || line.trim().startsWith('*')) return;
            if (NOT_DATES.some((n) => n.file === rel && line.includes(n.text))) return;
            for (const { re, why } of MACHINE_ZONE) if (re.test(line)) found.push(`${rel}:${i + 1}: ${why}: ${line.trim()}`);
          });
      }
    }
    expect(found).toEqual([]);
  });
});
