/**
 * Triage in a court with rules (Shangqiu, seed 002 art. 11): the suggestion names the rule
 * that matched; a reception clerk may accept it but only a team leader may override or convert
 * simple -> ordinary (art. 17, hand-over within 3 days). Also: cases the central reports from
 * other kiosks join the queue, and an idle clerk is signed out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDLE_MINUTES } from '../../../src-main/counter/accounts.js';
import { applyCaseChanges } from '../../../src-main/sync/case-status-store.js';
import { findCourt } from '../../../src-shared/courts/court-profile.js';
import { filingDraftSchema, type FilingView } from '../../../src-shared/domain/filing.js';
import { APPLICANT, draft } from '../../support/fixtures.js';
import { fixedClock } from '../../support/tmp.js';
import { counterBench, type CounterBench } from './support.js';

describe('triage and conversion in a court with rules', () => {
  const clock = fixedClock('2026-11-23T09:00:00+08:00');
  let bench: CounterBench;
  let clerk: string;
  let leader: string;
  let filing: FilingView;

  beforeAll(async () => {
    bench = counterBench({ court: findCourt('shangqiu-zy')!, now: clock.now });
    filing = bench.filings.submit(
      filingDraftSchema.parse(draft({ basisNumber: '商仲裁字〔2026〕第12号', basis: { kind: 'arbitration-award', effectiveDate: '2026-06-01', hasPaymentContent: true, performanceDue: '2026-06-11' } })),
      APPLICANT,
    );
    clerk = await bench.clerk('clerk', 'reception');
    leader = await bench.clerk('lead', 'leader');
  });
  afterAll(() => bench.close());

  it('suggests the team by the rule that matched and lets the clerk accept it', () => {
    const d = bench.counter.detail(clerk, filing.id);
    expect(d.suggestion).toMatchObject({ team: 'simple', rule: 'sq-simple-1', source: 'seed 002 art. 11(一)1' });
    expect(bench.counter.triage(clerk, filing.id, 'accept').triage).toMatchObject({ team: 'simple', decision: 'accept' });
  });

  it('lets only a team leader convert simple to ordinary, with the hand-over date', () => {
    expect(() => bench.counter.convert(clerk, filing.id, 'auction-needed', '需拍卖房产', ['team-leader', 'bureau-chief'])).toThrow(/counter.forbidden/);
    // Seed 002 art. 17: 速执团队负责人报经局长审批. The leader confirms both; without the chief's approval it is refused.
    expect(bench.counter.detail(leader, filing.id).conversionApprovals?.map((a) => a.role)).toEqual(['team-leader', 'bureau-chief']);
    expect(() => bench.counter.convert(leader, filing.id, 'auction-needed', '需拍卖房产', ['team-leader'])).toThrow(/counter.conversion.approval-missing/);
    const d = bench.counter.convert(leader, filing.id, 'auction-needed', '需拍卖房产', ['team-leader', 'bureau-chief']);
    expect(d.conversion).toMatchObject({ from: 'simple', to: 'ordinary', rule: 'sq-conv-2', handoverDue: '2026-11-26' });
    // The approval is on the record that travels to the central and the court's other terminals.
    expect(d.conversion?.approval).toEqual({ steps: [{ role: 'team-leader', label_zh: '速执团队负责人报请' }, { role: 'bureau-chief', label_zh: '局长审批' }], by: 'lead', source: 'seed 002 art. 17' });
    const rec = JSON.parse((bench.db.prepare("SELECT record_json FROM clerk_records WHERE filing_id = ? AND kind = 'conversion'").get(filing.id) as { record_json: string }).record_json) as { payload: { approval?: unknown } };
    expect(rec.payload.approval).toEqual(d.conversion?.approval);
    expect(d.triage?.team).toBe('ordinary');
    // No conversion out of the ordinary team.
    expect(() => bench.counter.convert(leader, filing.id, 'objection-raised', '', ['team-leader', 'bureau-chief'])).toThrow(/counter.no-conversion/);
  });

  it('shows cases the central reports from other kiosks in the queue, numbers and status only', () => {
    applyCaseChanges(bench.db, [{ version: 7, filingId: '0b0c0d0e-0000-4000-8000-000000000001', officialNo: '（2026）豫14执88号', provisionalNo: '临-ABCDEF-20261123-0009', status: 'filed', reasons_zh: [], team: null, at: '2026-11-23T01:00:00.000Z' }], 7, clock.now());
    const rows = bench.counter.queue(clerk, '', 'all');
    const remote = rows.find((r) => r.source === 'central');
    expect(remote).toMatchObject({ officialNo: '（2026）豫14执88号', centralStatus: 'filed', applicantName: '', dueDate: '2026-11-30' });
    expect(bench.counter.queue(clerk, '豫14执88', 'all').map((r) => r.officialNo)).toEqual(['（2026）豫14执88号']);
    expect(bench.counter.queue(clerk, '张三', 'all').every((r) => r.source === 'local')).toBe(true);
  });

  it('signs out a clerk idle for longer than the limit', () => {
    clock.advance((IDLE_MINUTES + 1) * 60_000);
    expect(() => bench.counter.queue(clerk, '', 'all')).toThrow(/counter.signed-out/);
  });
});
