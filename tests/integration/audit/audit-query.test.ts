/**
 * The audit log as an administrator reads it (issue 14 item 8): China dates bound the range
 * whatever the machine's zone, filters combine, pages are newest first, and people's data in the
 * details is masked before it is shown.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-main/db/open.js';
import { appendAudit } from '../../../src-main/audit/audit-log.js';
import { maskDetails, queryAudit } from '../../../src-main/audit/audit-query.js';
import { tempDir } from '../../support/tmp.js';

const dir = tempDir('yzt-audit-query-');
afterAll(() => dir.cleanup());
const base = { actor: '', action: '', caseNo: '', page: 1, pageSize: 20 };

describe('audit log reading', () => {
  const db = openDatabase(join(dir.path, 'kiosk.sqlite'), 'kiosk');
  // 23:59:59 and 00:00:00 in Beijing on either side of 3 December.
  appendAudit(db, { at: '2026-12-02T15:59:59.000Z', actor: 'clerk:wang', action: 'counter.case.viewed', subject: 'f-1', details: {} });
  appendAudit(db, { at: '2026-12-02T16:00:00.000Z', actor: 'clerk:wang', action: 'counter.field.corrected', subject: 'f-1', details: { field: 'amount' } });
  appendAudit(db, { at: '2026-12-03T15:59:59.000Z', actor: 'clerk:admin1', action: 'counter.user.disable', subject: 'zhao', details: {} });
  appendAudit(db, { at: '2026-12-03T16:00:00.000Z', actor: 'clerk:zhao', action: 'counter.signin', subject: 'zhao', details: {} });

  it('bounds a China date from 00:00 to 24:00 Beijing time', () => {
    const day = queryAudit(db, { ...base, from: '2026-12-03', to: '2026-12-03' });
    expect(day.rows.map((r) => r.at)).toEqual(['2026-12-03T15:59:59.000Z', '2026-12-02T16:00:00.000Z']);
    expect(day.rows.map((r) => r.atChina)).toEqual(['2026-12-03 23:59:59', '2026-12-03 00:00:00']);
  });

  it('combines actor, action prefix and case, and pages newest first', () => {
    expect(queryAudit(db, { ...base, actor: 'wang', action: 'counter.field' }).rows.map((r) => r.action)).toEqual(['counter.field.corrected']);
    expect(queryAudit(db, { ...base, caseNo: 'f-1' }).total).toBe(2);
    // `%` and `_` are taken literally, not as patterns.
    expect(queryAudit(db, { ...base, action: '%' }).total).toBe(0);
    const p1 = queryAudit(db, { ...base, pageSize: 3 });
    const p2 = queryAudit(db, { ...base, pageSize: 3, page: 2 });
    expect(p1.total).toBe(4);
    expect(p1.rows).toHaveLength(3);
    expect(p2.rows.map((r) => r.at)).toEqual(['2026-12-02T15:59:59.000Z']);
  });

  it('masks people’s data in details, keeping ids, codes and hashes', () => {
    const masked = maskDetails({ field: 'amount', name: '张三丰', idNumber: '410802199001011234', note: '电话13800138000 账号6222020200112233445', sha256: 'a'.repeat(64), filingId: '00000000-0000-4000-8000-000000000001' }) as Record<string, string>;
    expect(masked).toMatchObject({ field: 'amount', name: '张**', sha256: 'a'.repeat(64), filingId: '00000000-0000-4000-8000-000000000001' });
    expect(masked.idNumber).toBe('**************1234');
    expect(masked.note).not.toMatch(/13800138000|6222020200112233445/);
    expect(masked.note).toContain('8000');
  });
});
