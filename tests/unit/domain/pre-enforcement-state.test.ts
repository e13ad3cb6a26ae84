/**
 * What the central makes of a 执前督's clerk records (issue 14 item 2), as pure decisions: the
 * dates are the court's, counted from the central's acceptance time on the court calendar; a
 * performed case closes with the amount in its history; a late record after the outcome
 * changes nothing; a case of another type is left alone.
 */
import { describe, expect, it } from 'vitest';
import { preRecordEffect, transferEffect, type PreCaseRow } from '../../../src-main/central/pre-enforcement-state.js';
import { preEnforcementFailed } from '../../../src-main/central/follow-up.js';
import type { ClerkRecord } from '../../../src-shared/sync/protocol.js';

const row = (over: Partial<PreCaseRow> = {}): PreCaseRow => ({
  filing_id: '11111111-1111-4111-8111-111111111111', court_code: '豫0811', type_code: '执前督', status: 'accepted', official_no: '（2026）豫0811执前督1号', team: null, pre_json: null, ...over,
});
const record = (payload: Partial<Extract<ClerkRecord, { kind: 'pre-enforcement' }>['payload']>, createdAt: string): ClerkRecord => ({
  id: '22222222-2222-4222-8222-222222222222', kind: 'pre-enforcement', filingId: row().filing_id, provisionalNo: '临-1', officialNo: row().official_no, court: '豫0811', author: '窗口1', terminal: 't', createdAt,
  payload: { event: 'handed-over', handedOverAt: null, limitDue: '2099-01-01', outcome: null, convertedFilingId: null, filingDue: null, ...payload },
});

describe('the central’s 执前督 state', () => {
  it('counts the supervision period and the 3 working days itself, whatever dates the counter sent', () => {
    // Handed over Friday 2026-11-27 (China time): 30 days, Sunday 12-27 rolls to Monday 12-28.
    const handed = preRecordEffect(row(), record({ event: 'handed-over' }, '2026-11-27T02:00:00.000Z'))!;
    expect(handed.status).toBe('accepted');
    expect(handed.state).toMatchObject({ state: 'supervising', deadlines: [{ rule: 'pre-enforcement-limit', dueDate: '2026-12-28' }] });
    // Failed Friday 2026-12-04: 3 working days is Wednesday 12-09.
    const failed = preRecordEffect(row({ pre_json: JSON.stringify(handed.state) }), record({ event: 'refused', outcome: 'refused' }, '2026-12-04T02:00:00.000Z'))!;
    expect(failed.state).toMatchObject({ state: 'failed', outcome: 'refused', deadlines: [{ rule: 'pre-enforcement-hand-back', dueDate: '2026-12-09' }] });
    const moved = transferEffect(row({ pre_json: JSON.stringify(failed.state) }), { filingId: '33333333-3333-4333-8333-333333333333', officialNo: '（2026）豫0811执9号', typeCode: '执', acceptedAt: '2026-12-04T03:00:00.000Z' }, [])!;
    expect(moved.status).toBe('closed');
    expect(moved.state).toMatchObject({ state: 'transferred', outcome: 'refused', filingDue: '2026-12-09', followUp: { officialNo: '（2026）豫0811执9号' } });
    // Nothing after the transfer moves it again.
    expect(preRecordEffect(row({ status: 'closed', pre_json: JSON.stringify(moved.state) }), record({ event: 'performed', outcome: 'performed', paidFen: 1 }, '2026-12-05T02:00:00.000Z'))).toBeNull();
  });

  it('closes a performed 执前督 with the amount paid in its history; leaves other types alone', () => {
    const done = preRecordEffect(row(), record({ event: 'performed', outcome: 'performed', paidFen: 750_000 }, '2026-12-04T02:00:00.000Z'))!;
    expect(done.status).toBe('closed');
    expect(done.reasons).toEqual(['执前督促履行完毕，到位金额 7,500.00 元，不再立首次执行案件']);
    expect(done.state).toMatchObject({ state: 'performed', paidFen: 750_000, deadlines: [] });
    expect(preRecordEffect(row({ type_code: '执' }), record({ event: 'failed', outcome: 'failed' }, '2026-12-04T02:00:00.000Z'))).toBeNull();
  });

  it('lets the last outcome in the central’s order decide whether a 执 may follow', () => {
    const rec = (outcome: string | null) => ({ record_json: JSON.stringify({ payload: { outcome } }) });
    expect(preEnforcementFailed([rec(null)])).toBe(false);
    expect(preEnforcementFailed([rec(null), rec('failed')])).toBe(true);
    expect(preEnforcementFailed([rec('refused')])).toBe(true);
    expect(preEnforcementFailed([rec('failed'), rec('performed'), rec(null)])).toBe(false);
  });
});
