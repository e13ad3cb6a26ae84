/**
 * Jianli's stage flow at the counter and the central (seed 004): a case leaves its group only
 * by an exit of the court's flow, every move between groups carries the monitoring group's
 * transfer approval (group 7 §1), which only a leader records, and the central, as the
 * authority, refuses a move the flow does not have.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { startCentral, type CentralHandle } from '../../../src-main/central/central-server.js';
import { hashCode, issueEnrolCode } from '../../../src-main/central/enrolment.js';
import { findCourt } from '../../../src-shared/courts/court-profile.js';
import { silentLogger } from '../../../src-main/log/logger.js';
import { filingDraftSchema, type FilingRecord, type FilingView } from '../../../src-shared/domain/filing.js';
import { APPLICANT, draft } from '../../support/fixtures.js';
import { counterBench, type CounterBench, verifyAll } from './support.js';

const TOKEN = 'court-token-for-stage-tests';
const court = findCourt('jianli')!;

describe('stage moves at a stage-mode court (Jianli)', () => {
  let bench: CounterBench;
  let central: CentralHandle;
  let clerk: string;
  let leader: string;
  let filing: FilingView;
  const outbox = () =>
    (bench.db.prepare('SELECT action_json, last_error FROM counter_outbox ORDER BY id').all() as Array<{ action_json: string; last_error: string | null }>).map((r) => {
      const a = JSON.parse(r.action_json) as { action: string; team?: string };
      return [a.action, a.team ?? null, r.last_error];
    });

  beforeAll(async () => {
    bench = counterBench({ court, now: () => new Date(), deviceId: 'dev-stage', sync: { centralUrl: () => central.url, token: () => TOKEN, baseDelayMs: 20, maxDelayMs: 100 } });
    central = await startCentral({ dbFile: join(bench.dir, 'central.sqlite'), port: 0, log: silentLogger, adminToken: TOKEN });
    const issued = await issueEnrolCode(central.store, court.id, new Date());
    if (!issued.ok) throw new Error('enrol code');
    await central.store.redeemEnrolCode(hashCode(issued.code), 'dev-stage', 'secret', new Date());
    filing = bench.filings.submit(filingDraftSchema.parse(draft()), APPLICANT);
    const record = JSON.parse((bench.db.prepare('SELECT record_json FROM filings WHERE id = ?').get(filing.id) as { record_json: string }).record_json) as FilingRecord;
    await central.store.commitMutation({ deviceId: 'dev-stage', courtCode: court.code, mutation: { mutationId: 1, kind: 'filing.create', filing: record }, rejection: null, now: new Date() });
    clerk = await bench.clerk('wang', 'reception');
    leader = await bench.clerk('wu', 'leader');
  });
  afterAll(async () => {
    await central.close();
    await bench.close();
  });

  it('starts at the online query group and shows its exits and the supervisor', () => {
    bench.counter.triage(clerk, filing.id, 'accept');
    bench.counter.noReception(clerk, filing.id, '申请人书面放弃当面接待');
    verifyAll(bench.counter, clerk, filing.id);
    const d = bench.counter.done(clerk, filing.id);
    expect(d.triage?.team).toBe('online-query');
    expect(d.stage?.exits.map((e) => [e.id, e.to])).toEqual([['closed', 'closed'], ['handed-on', 'offline-query']]);
    expect(d.stage?.supervisors.map((s) => s.team)).toEqual(['monitoring']);
  });

  it('refuses a move without the monitoring group’s approval, and an approval from a reception clerk', () => {
    expect(() => bench.counter.moveStage(clerk, filing.id, 'handed-on')).toThrow(/counter.stage.approval-missing/);
    expect(() => bench.counter.moveStage(clerk, filing.id, 'handed-on', ['monitoring-group'])).toThrow(/counter.forbidden/);
    expect(() => bench.counter.moveStage(leader, filing.id, 'property-to-auction', ['monitoring-group'])).toThrow(/counter.stage.no-such-exit/);
  });

  it('moves along the flow with the approval, and the central follows', async () => {
    bench.counter.moveStage(leader, filing.id, 'handed-on', ['monitoring-group'], '总对总查控无足额存款');
    const d = bench.counter.moveStage(leader, filing.id, 'handed-on', ['monitoring-group']);
    expect(d.triage?.team).toBe('clue-query');
    expect(d.conversion).toMatchObject({ from: 'offline-query', to: 'clue-query', rule: 'handed-on' });
    await bench.sync.flush();
    expect(outbox()).toEqual([
      ['accept', null, null],
      ['triage', 'online-query', null],
      ['assign', 'online-query', null],
      ['assign', 'offline-query', null],
      ['assign', 'clue-query', null],
    ]);
    const teams = (await central.store.changesSince(court.code, 0, 100)).filter((c) => c.filingId === filing.id).map((c) => c.team);
    expect(teams.slice(-3)).toEqual(['online-query', 'offline-query', 'clue-query']);
  });

  it('the central refuses a move the flow does not have (clue group straight to 终本)', async () => {
    bench.db.prepare('INSERT INTO counter_outbox (filing_id, action_json, created_at) VALUES (?, ?, ?)').run(filing.id, JSON.stringify({ action: 'assign', team: 'termination' }), new Date().toISOString());
    await bench.sync.flush();
    expect(outbox().at(-1)).toEqual(['assign', 'termination', 'bad-stage-move']);
    // A failed auction returns the case to the clue group: the central accepts that return.
    bench.counter.moveStage(leader, filing.id, 'property-to-auction', ['monitoring-group']);
    bench.counter.moveStage(leader, filing.id, 'auction-failed', ['monitoring-group']);
    await bench.sync.flush();
    expect(outbox().slice(-2)).toEqual([
      ['assign', 'disposal', null],
      ['assign', 'clue-query', null],
    ]);
  }, 15_000);

  it('closes from a stage without the transfer approval (group 3 §12), and nothing moves after', async () => {
    const d = bench.counter.moveStage(clerk, filing.id, 'closed');
    expect(d.stage).toBeNull();
    expect(() => bench.counter.moveStage(leader, filing.id, 'unresolved', ['monitoring-group'])).toThrow(/counter.bad-stage/);
    await bench.sync.flush();
    expect(outbox().at(-1)).toEqual(['close', null, null]);
    const last = (await central.store.changesSince(court.code, 0, 100)).filter((c) => c.filingId === filing.id).at(-1);
    expect(last).toMatchObject({ status: 'closed', team: 'clue-query' });
  }, 15_000);

  it('a 终本 resumption passes its gate only through a leader (group 1 §1: 组长初审、局长审核)', () => {
    const resumed = bench.filings.submit(
      filingDraftSchema.parse(draft({ application: { kind: 'resumed', grounds: ['terminated-property-found'], priorCaseNumber: '（2024）鄂1023执100号' } })),
      APPLICANT,
    );
    expect(() => bench.counter.triage(clerk, resumed.id, 'accept')).toThrow(/counter.gate/);
    expect(bench.counter.triage(leader, resumed.id, 'accept').triage).toMatchObject({ team: 'online-query', by: 'wu' });
    const audit = bench.db.prepare("SELECT details FROM audit_log WHERE action = 'counter.triage.accept' AND subject = ?").get(resumed.id) as { details: string };
    expect(JSON.parse(audit.details)).toMatchObject({ gates: ['resume-approval'] });
  });
});
