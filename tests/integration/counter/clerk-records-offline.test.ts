/**
 * Clerk records made while the central is down: a real `yzt central serve` process is killed,
 * the clerk goes on working, the records wait in the outbox, and once the central is started
 * again on the same port the court sync's backoff delivers them and the other terminal shows them.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { join } from 'node:path';
import { spawnYzt, type YztProcess } from '../../../src-main/proc/spawn-yzt.js';
import { SqliteCentralStore } from '../../../src-main/central/sqlite-store.js';
import { hashCode, issueEnrolCode } from '../../../src-main/central/enrolment.js';
import { findCourt } from '../../../src-shared/courts/court-profile.js';
import { filingDraftSchema, type FilingRecord, type FilingView } from '../../../src-shared/domain/filing.js';
import { APPLICANT, draft } from '../../support/fixtures.js';
import { tempDir } from '../../support/tmp.js';
import { counterBench, type CounterBench } from './support.js';

const court = findCourt('jiaozuo-shanyang')!;
const ADMIN = 'admin-token-offline-test';

describe('clerk records while the central is down', () => {
  const dir = tempDir('yzt-records-offline-');
  const centralDb = join(dir.path, 'central.sqlite');
  let central: YztProcess | null = null;
  let url = '';
  let a: CounterBench;
  let b: CounterBench;
  let ta = '';
  let tb = '';
  let filing: FilingView;

  const serve = async (port: number) => {
    central = await spawnYzt(['central', 'serve', '--port', String(port), '--db', centralDb, '--admin-token', ADMIN], /listening on (http:\/\/\S+)/);
    url = central.ready[1]!;
  };
  const pending = () => (a.db.prepare('SELECT count(*) AS n FROM clerk_record_outbox WHERE sent_at IS NULL').get() as { n: number }).n;

  beforeAll(async () => {
    const endpoint = { centralUrl: () => url, token: () => ADMIN, baseDelayMs: 20, maxDelayMs: 150 };
    a = counterBench({ court, now: () => new Date(), deviceId: 'aaaaaaaa-0000-4000-8000-000000000000', sync: endpoint });
    b = counterBench({ court, now: () => new Date(), deviceId: 'bbbbbbbb-0000-4000-8000-000000000000', sync: endpoint });
    ta = await a.clerk('wang', 'reception');
    tb = await b.clerk('zhao', 'reception');
    filing = a.filings.submit(filingDraftSchema.parse(draft()), APPLICANT);
    // The filing is at the central before it starts, as A's kiosk sync would have pushed it.
    const store = new SqliteCentralStore(centralDb);
    const issued = await issueEnrolCode(store, court.id, new Date());
    if (!issued.ok) throw new Error('enrol code');
    await store.redeemEnrolCode(hashCode(issued.code), 'dev-a', 'secret', new Date());
    const record = JSON.parse((a.db.prepare('SELECT record_json FROM filings WHERE id = ?').get(filing.id) as { record_json: string }).record_json) as FilingRecord;
    await store.commitMutation({ deviceId: 'dev-a', courtCode: court.code, mutation: { mutationId: 1, kind: 'filing.create', filing: record }, rejection: null, now: new Date() });
    await store.close();
    await serve(0);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await central?.stop();
    dir.cleanup();
  });

  it('queues records while the central is killed and delivers them when it is back', { timeout: 60_000 }, async () => {
    a.counter.verify(ta, filing.id, 'amount', 'corrected', '9000.00 元', '以判决主文为准');
    await a.sync.flush();
    expect(pending()).toBe(0);

    const port = Number(new URL(url).port);
    await central!.stop('SIGKILL');
    central = null;
    a.counter.noReception(ta, filing.id, '申请人书面放弃当面接待');
    a.counter.verify(ta, filing.id, 'parties', 'verified');
    await a.sync.flush();
    expect(a.sync.lastError).toBe('unreachable');
    expect(pending()).toBe(2);
    expect(a.counter.detail(ta, filing.id).pendingSync).toBe(2);

    await serve(port);
    // No kick: the backoff timer that the failed pass left finds the central again.
    await vi.waitFor(() => expect([pending(), a.sync.lastError]).toEqual([0, null]), { timeout: 20_000, interval: 50 });

    await b.sync.flush();
    const seen = b.counter.detail(tb, filing.id);
    expect(seen.fields.amount).toBe('9,000.00 元');
    expect(seen.noReceptionReason).toBe('申请人书面放弃当面接待');
    expect(seen.verifications.map((v) => [v.field, v.verdict])).toEqual([
      ['amount', 'corrected'],
      ['parties', 'verified'],
    ]);
  });
});
