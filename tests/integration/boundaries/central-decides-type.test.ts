/**
 * The central decides the type code (issue 13, point 2), tried against a real central process
 * as a compromised or buggy kiosk would: a signed push without facts, and pushes claiming
 * 执恢 and 执前督 for facts that make a first enforcement (执). Against the old code the first
 * was numbered 执恢1号 and another 执前督2号; here none is numbered and the kiosk gets a
 * reason it can show, while the honest claim is numbered.
 */
import { describe, expect, it } from 'vitest';
import type { PushResponse } from '../../../src-shared/sync/protocol.js';
import { filingRecord } from '../sync/support.js';
import { signingKioskAgainstCentral } from './signing-kiosk.js';

describe('the central decides the type code', () => {
  const k = signingKioskAgainstCentral('typeclaim');

  it('numbers none of a push without facts, a 执恢 claim and a 执前督 claim, and numbers the honest 执', async () => {
    const { facts: _none, ...withoutFacts } = filingRecord({ typeCode: '执恢' });
    const r = await k.client.request<PushResponse>('POST', '/v1/push', {
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
    await k.central.waitFor(/central\.type-claim-refused/);
  });
});
