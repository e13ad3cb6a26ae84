/**
 * Clerk records carry the central's view (issue 13, point 4), tried against a real central
 * process. A counter PC's court token, issued with the CLI under the name 窗口2, posts a
 * correction that claims to be clerk "zhao"'s and dated years before the filing. Against the
 * old code it was stored as zhao's, at that date, and the court's other terminals showed
 * "已更正… zhao". Now it is stored under the token's name at the central's time, with "zhao" and
 * the date kept only as stated, and another terminal shows who the central authenticated.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { spawnYzt, type YztProcess } from '../../../src-main/proc/spawn-yzt.js';
import { SqliteCentralStore } from '../../../src-main/central/sqlite-store.js';
import { issueCourtToken } from '../../../src-main/central/court-auth.js';
import { hashCode, issueEnrolCode } from '../../../src-main/central/enrolment.js';
import { findCourt } from '../../../src-shared/courts/court-profile.js';
import type { ClerkRecord, ClerkRecordsPullResponse, ClerkRecordsPushResponse, MutationResult } from '../../../src-shared/sync/protocol.js';
import { tempDir } from '../../support/tmp.js';
import { filingRecord } from '../sync/support.js';
import { spawnYztRaw } from '../../fault/support/processes.js';
import { counterBench, type CounterBench } from '../counter/support.js';

const court = findCourt('jiaozuo-shanyang')!;

describe('clerk records as the central vouches for them', () => {
  const dir = tempDir();
  const db = join(dir.path, 'central.sqlite');
  let central: YztProcess;
  let url = '';
  let forger = '';
  let honest = '';
  let acceptedAt = '';
  const filing = filingRecord();
  let other: CounterBench;

  beforeAll(async () => {
    const store = new SqliteCentralStore(db);
    const issued = await issueEnrolCode(store, court.id, new Date());
    if (!issued.ok) throw new Error(issued.message_en);
    await store.redeemEnrolCode(hashCode(issued.code), 'dev-attest', 'secret', new Date());
    const r = (await store.commitMutation({ deviceId: 'dev-attest', courtCode: court.code, mutation: { mutationId: 1, kind: 'filing.create', filing }, rejection: null, now: new Date() })) as MutationResult;
    if (r.status !== 'accepted') throw new Error('filing');
    acceptedAt = r.acceptedAt;
    const h = await issueCourtToken(store, court.id, new Date(), '窗口1');
    if (!h.ok) throw new Error(h.message_en);
    honest = h.token;
    await store.close();
    const cli = spawnYztRaw(['central', 'court-token', '--court', court.id, '--name', '窗口2', '--db', db, '--json']);
    if ((await cli.exited) !== 0) throw new Error(cli.lines.join('\n'));
    forger = (JSON.parse(cli.lines.join('\n')) as { token: string }).token;
    central = await spawnYzt(['central', 'serve', '--port', '0', '--db', db], /listening on (http:\/\/\S+)/);
    url = central.ready[1]!;
    other = counterBench({ court, now: () => new Date(), sync: { centralUrl: () => url, token: () => honest, baseDelayMs: 20, maxDelayMs: 100 } });
  });
  afterAll(async () => {
    await other?.close();
    await central?.stop();
    dir.cleanup();
  });

  it("stores a record claiming clerk zhao and a date before the filing under the token's name at the central's time, the claims kept as stated", async () => {
    const claimed = '2020-01-01T00:00:00.000Z';
    const forged = {
      id: crypto.randomUUID(), kind: 'verification', filingId: filing.id, provisionalNo: filing.provisionalNo, officialNo: null, court: court.code,
      author: 'zhao', terminal: 'counter-zhao', createdAt: claimed,
      // A terminal cannot set what the central states on its behalf either.
      stated: { author: 'wang', terminal: 'x', createdAt: claimed },
      payload: { field: 'amount', verdict: 'corrected', originalValue: '12345.67 元', correctedValue: '99.00 元', reason: '更正' },
    };
    const before = Date.now();
    const res = await fetch(`${url}/v1/court/records`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${forger}` }, body: JSON.stringify({ records: [forged] }) });
    expect(((await res.json()) as ClerkRecordsPushResponse).results[0]).toMatchObject({ status: 'stored' });

    const feed = (await (await fetch(`${url}/v1/court/records?since=0`, { headers: { authorization: `Bearer ${honest}` } })).json()) as ClerkRecordsPullResponse;
    const stored = feed.records.find((s) => s.record.id === forged.id)!.record as ClerkRecord;
    expect(stored.author).toBe('窗口2');
    expect(stored.terminal).toBe('窗口2');
    expect(stored.stated).toEqual({ author: 'zhao', terminal: 'counter-zhao', createdAt: claimed });
    expect(stored.createdAt > acceptedAt).toBe(true);
    expect(Date.parse(stored.createdAt)).toBeGreaterThanOrEqual(before - 1000);

    // Another terminal of the court shows the authenticated author, at the central's time.
    const clerk = await other.clerk('li', 'leader');
    await other.sync.flush();
    expect(other.sync.lastError).toBeNull();
    const shown = other.counter.detail(clerk, filing.id).verifications.find((v) => v.reason === '更正')!;
    expect(shown.clerk).toBe('窗口2（zhao）');
    expect(shown.at).toBe(stored.createdAt);
  });
});
