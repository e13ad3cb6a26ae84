/**
 * The counter against a real central gateway over HTTP: clerk actions queued while the central
 * is down reach it once it is up (in order, the case named by its number), a refused
 * transition is recorded and does not wedge the queue, and the related-case search answers
 * from the central, or says plainly that it could not search.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { relatedSearch } from '../../../src-main/counter/related-search.js';
import { startCentral, type CentralHandle } from '../../../src-main/central/central-server.js';
import { hashCode, issueEnrolCode } from '../../../src-main/central/enrolment.js';
import { findCourt } from '../../../src-shared/courts/court-profile.js';
import { silentLogger } from '../../../src-main/log/logger.js';
import { filingDraftSchema, type FilingRecord, type FilingView } from '../../../src-shared/domain/filing.js';
import { APPLICANT, draft } from '../../support/fixtures.js';
import { counterBench, type CounterBench, verifyAll } from './support.js';

const TOKEN = 'court-token-for-counter-tests';
const court = findCourt('jiaozuo-shanyang')!;

describe('counter actions through the central case API', () => {
  let bench: CounterBench;
  let central: CentralHandle | null = null;
  let centralUrl = 'http://127.0.0.1:9';
  let token: string;
  const views: FilingView[] = [];

  const up = async (port = 0) => {
    central = await startCentral({ dbFile: join(bench.dir, 'central.sqlite'), port, log: silentLogger, adminToken: TOKEN });
    centralUrl = central.url;
  };

  beforeAll(async () => {
    const endpoint = { centralUrl: () => centralUrl, token: () => TOKEN };
    bench = counterBench({ court, now: () => new Date(), deviceId: 'dev-counter', sync: { ...endpoint, baseDelayMs: 20, maxDelayMs: 100 }, related: relatedSearch({ ...endpoint, log: silentLogger }) });
    for (let i = 0; i < 2; i++) views.push(bench.filings.submit(filingDraftSchema.parse(draft()), APPLICANT));
    token = await bench.clerk('li', 'leader');
  });
  afterAll(async () => {
    await central?.close();
    await bench.close();
  });

  it('says plainly that no related search was made while the central is down', async () => {
    const r = await bench.counter.related(token, views[0]!.id);
    expect(r.online).toBe(false);
    expect(r.message_zh).toMatch(/暂不可达.*未能进行关联案件检索/);
  });

  it('delivers actions queued offline once the central is up, in order', async () => {
    bench.counter.triage(token, views[0]!.id, 'accept');
    bench.counter.returnFiling(token, views[1]!.id, [{ code: 'amount', detail: '金额与判决不符' }]);
    await bench.sync.flush();
    expect(bench.sync.lastError).toBe('unreachable');
    await up();
    // The filings reach the central as the kiosk's sync would push them.
    const issued = await issueEnrolCode(central!.store, court.id, new Date());
    if (!issued.ok) throw new Error('enrol code');
    await central!.store.redeemEnrolCode(hashCode(issued.code), 'dev-counter', 'secret', new Date());
    for (const [i, v] of views.entries()) {
      const filing = JSON.parse((bench.db.prepare('SELECT record_json FROM filings WHERE id = ?').get(v.id) as { record_json: string }).record_json) as FilingRecord;
      await central!.store.commitMutation({ deviceId: 'dev-counter', courtCode: court.code, mutation: { mutationId: i + 1, kind: 'filing.create', filing }, rejection: null, now: new Date() });
    }
    await bench.sync.flush();
    const rows = bench.db.prepare('SELECT action_json, done_at, last_error FROM counter_outbox ORDER BY id').all() as Array<{ action_json: string; done_at: string | null; last_error: string | null }>;
    expect(rows.map((r) => [JSON.parse(r.action_json).action, r.done_at !== null, r.last_error])).toEqual([
      ['accept', true, null],
      ['triage', true, null],
      ['return', true, null],
    ]);
    const changes = await central!.store.changesSince(court.code, 0, 100);
    const returned = changes.find((c) => c.filingId === views[1]!.id && c.status === 'returned');
    expect(returned?.reasons_zh).toEqual(['申请金额有误：金额与判决不符']);
    expect(changes.find((c) => c.filingId === views[0]!.id && c.status === 'triaged')?.team).toBeTruthy();
  });

  it('records a refused transition and goes on with the next action', async () => {
    // Returned filings cannot be assigned: the central refuses, the queue moves on.
    bench.db.prepare('INSERT INTO counter_outbox (filing_id, action_json, created_at) VALUES (?, ?, ?)').run(views[1]!.id, JSON.stringify({ action: 'assign', team: 'x' }), new Date().toISOString());
    bench.counter.noReception(token, views[0]!.id, '申请人书面放弃当面接待');
    verifyAll(bench.counter, token, views[0]!.id);
    bench.counter.done(token, views[0]!.id);
    await bench.sync.flush();
    const rows = bench.db.prepare('SELECT action_json, last_error, done_at FROM counter_outbox ORDER BY id DESC LIMIT 2').all() as Array<{ action_json: string; last_error: string | null; done_at: string | null }>;
    expect(rows.map((r) => [JSON.parse(r.action_json).action, r.last_error])).toEqual([
      ['assign', null],
      ['assign', 'bad-transition'],
    ]);
  }, 15_000);

  it('searches related cases at the central, leaving the filing itself out', async () => {
    const r = await bench.counter.related(token, views[0]!.id);
    expect(r.online).toBe(true);
    // Same applicant and respondent on the other filing: it is found, this one is not.
    expect(r.cases.map((c) => c.number)).not.toContain(views[0]!.provisionalNo);
    expect(r.cases.length).toBeGreaterThan(0);
    expect(r.message_zh).toMatch(/关联案件/);
  });

  it('accepts a returned filing again once corrected, under the same numbers', async () => {
    const before = (await central!.store.changesSince(court.code, 0, 100)).find((c) => c.filingId === views[1]!.id)!;
    bench.counter.triage(token, views[1]!.id, 'accept');
    await bench.sync.flush();
    const after = (await central!.store.changesSince(court.code, 0, 100)).filter((c) => c.filingId === views[1]!.id);
    expect(after.map((c) => c.status)).toEqual(['filed', 'returned', 'accepted', 'triaged']);
    expect(new Set(after.map((c) => `${c.officialNo}|${c.provisionalNo}`))).toEqual(new Set([`${before.officialNo}|${before.provisionalNo}`]));
  });
});
