/**
 * The central decides the type code (issue 13, point 2), tried against a real central process
 * as a compromised or buggy kiosk would: a signed push without facts, and pushes claiming
 * 执恢 and 执前督 for facts that make a first enforcement (执). Against the old code the first
 * was numbered 执恢1号 and another 执前督2号; here none is numbered and the kiosk gets a
 * reason it can show, while the honest claim is numbered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { spawnYzt, type YztProcess } from '../../../src-main/proc/spawn-yzt.js';
import { SqliteCentralStore } from '../../../src-main/central/sqlite-store.js';
import { CentralClient } from '../../../src-main/sync/central-client.js';
import { readCredential } from '../../../src-main/sync/sync-state.js';
import type { PushResponse } from '../../../src-shared/sync/protocol.js';
import { tempDir } from '../../support/tmp.js';
import { enrol, filingRecord, openKiosk, type TestKiosk } from '../sync/support.js';

describe('the central decides the type code', () => {
  const dir = tempDir();
  let central: YztProcess;
  let kiosk: TestKiosk;
  let client: CentralClient;

  beforeAll(async () => {
    central = await spawnYzt(['central', 'serve', '--port', '0', '--db', join(dir.path, 'central.sqlite')], /listening on (http:\/\/\S+)/);
    const url = central.ready[1] ?? '';
    kiosk = openKiosk(dir.path, 'typeclaim', null);
    const store = new SqliteCentralStore(join(dir.path, 'central.sqlite'));
    await enrol(kiosk, store, url);
    await store.close();
    client = new CentralClient(readCredential(kiosk.db)!, { protocol: 2, schema: 4, now: () => new Date(), timeoutMs: 5000 });
  });
  afterAll(async () => {
    await kiosk?.close();
    await central?.stop();
    dir.cleanup();
  });

  it('numbers none of a push without facts, a 执恢 claim and a 执前督 claim, and numbers the honest 执', async () => {
    const { facts: _none, ...withoutFacts } = filingRecord({ typeCode: '执恢' });
    const r = await client.request<PushResponse>('POST', '/v1/push', {
      mutations: [
        { mutationId: 1, kind: 'filing.create', filing: withoutFacts },
        { mutationId: 2, kind: 'filing.create', filing: filingRecord({ typeCode: '执恢' }) },
        { mutationId: 3, kind: 'filing.create', filing: filingRecord({ typeCode: '执前督' }) },
        { mutationId: 4, kind: 'filing.create', filing: filingRecord({ typeCode: '执' }) },
      ],
    });
    expect(r.results[0]).toMatchObject({ status: 'rejected', code: 'facts-missing' });
    expect(r.results[1]).toMatchObject({ status: 'rejected', code: 'type-mismatch' });
    expect(r.results[2]).toMatchObject({ status: 'rejected', code: 'type-mismatch' });
    expect((r.results[1] as { reason_zh: string }).reason_zh).toContain('请到窗口办理');
    expect(r.results[3]).toMatchObject({ status: 'accepted' });
    // The first number of the year for 执 went to the honest filing: nothing was minted for the claims.
    expect((r.results[3] as { officialNo: string }).officialNo).toMatch(/豫0811执1号$/);
    await central.waitFor(/central\.type-claim-refused/);
  });
});
