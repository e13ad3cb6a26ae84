/**
 * A court token sees only its own court's cases and parties (issue 13, point 5), tried against
 * real central processes. Against the old code, one court's token searched another court's
 * cases for any ID number or name given in the query. Here the search starts from one of the
 * asking court's own filings, whose parties the central takes from its own record; another
 * court's filing is not found, and other courts' cases appear only where IT configured sharing,
 * which is logged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { spawnYzt, type YztProcess } from '../../../src-main/proc/spawn-yzt.js';
import { SqliteCentralStore } from '../../../src-main/central/sqlite-store.js';
import { issueCourtToken } from '../../../src-main/central/court-auth.js';
import { hashCode, issueEnrolCode } from '../../../src-main/central/enrolment.js';
import { findCourt } from '../../../src-shared/courts/court-profile.js';
import type { MutationResult } from '../../../src-shared/sync/protocol.js';
import { tempDir } from '../../support/tmp.js';
import { filingRecord } from '../sync/support.js';

const SHANYANG = findCourt('jiaozuo-shanyang')!;
const WUZHI = findCourt('wuzhi')!;
const DEBTOR = '410811199001011234';

describe('related-case search stays within the court', () => {
  const dir = tempDir();
  const dbFile = join(dir.path, 'central.sqlite');
  let store: SqliteCentralStore;
  let shanyangToken = '';
  let wuzhiToken = '';
  let shanyangFiling = '';
  let wuzhiFiling = '';
  let creditorNo = '';

  /** Files one case for the court straight into the store, as its kiosk's push would. */
  const fileFor = async (court: typeof SHANYANG, deviceId: string) => {
    const issued = await issueEnrolCode(store, court.id, new Date());
    if (!issued.ok) throw new Error(issued.message_en);
    await store.redeemEnrolCode(hashCode(issued.code), deviceId, 'secret', new Date());
    const f = filingRecord({ courtId: court.id, courtCode: court.code, respondents: [{ kind: 'person', name: '王关联', idNumber: DEBTOR }] });
    const r = (await store.commitMutation({ deviceId, courtCode: court.code, mutation: { mutationId: 1, kind: 'filing.create', filing: f }, rejection: null, now: new Date() })) as MutationResult;
    expect(r.status).toBe('accepted');
    return f.id;
  };
  const related = async (central: YztProcess, token: string, query: string) => {
    const res = await fetch(`${central.ready[1]}/v1/court/related?${query}`, { headers: { authorization: `Bearer ${token}` } });
    return { status: res.status, body: (await res.json()) as { cases?: { number: string }[] } };
  };
  const serve = (extra: string[] = []) => spawnYzt(['central', 'serve', '--port', '0', '--db', dbFile, ...extra], /listening on (http:\/\/\S+)/);

  beforeAll(async () => {
    store = new SqliteCentralStore(dbFile);
    shanyangFiling = await fileFor(SHANYANG, 'dev-shanyang');
    wuzhiFiling = await fileFor(WUZHI, 'dev-wuzhi');
    // At Shanyang the debtor is also a creditor: it applies (through an agent) against someone else.
    const asCreditor = filingRecord({
      courtId: SHANYANG.id,
      courtCode: SHANYANG.code,
      filer: 'agent',
      principal: { kind: 'person', name: '王关联', idNumber: DEBTOR, address: '焦作市示例路3号', phone: '13900000001' },
      respondents: [{ kind: 'person', name: '另一人' }],
    });
    const r = (await store.commitMutation({ deviceId: 'dev-shanyang', courtCode: SHANYANG.code, mutation: { mutationId: 2, kind: 'filing.create', filing: asCreditor }, rejection: null, now: new Date() })) as MutationResult;
    if (r.status !== 'accepted') throw new Error('not numbered');
    creditorNo = r.officialNo;
    const a = await issueCourtToken(store, SHANYANG.id, new Date());
    const b = await issueCourtToken(store, WUZHI.id, new Date());
    if (!a.ok || !b.ok) throw new Error('token');
    shanyangToken = a.token;
    wuzhiToken = b.token;
  });
  afterAll(async () => {
    await store?.close();
    dir.cleanup();
  });

  it("refuses parties given in the query, another court's filing, and finds no other court's case by default", async () => {
    const central = await serve();
    try {
      // The old query form named anyone; it is no longer a search.
      expect((await related(central, shanyangToken, `respondent=${DEBTOR}`)).status).toBe(400);
      expect((await related(central, shanyangToken, `filing=${wuzhiFiling}`)).status).toBe(404);
      expect((await related(central, shanyangToken, `court=${WUZHI.code}&filing=${wuzhiFiling}`)).status).toBe(403);
      // Within its own court the search finds the respondent as a creditor there.
      const own = await related(central, shanyangToken, `filing=${shanyangFiling}`);
      expect(own.status).toBe(200);
      expect(own.body.cases).toEqual([{ number: creditorNo, role: 'creditor', status: 'filed', party: 0 }]);
      // Another court's token cannot search this court's parties: Wuzhi's search for the same person finds nothing of Shanyang's.
      const other = await related(central, wuzhiToken, `filing=${wuzhiFiling}`);
      expect(other).toMatchObject({ status: 200, body: { cases: [] } });
      expect((await related(central, wuzhiToken, `filing=${shanyangFiling}`)).status).toBe(404);
    } finally {
      await central.stop();
    }
  });

  it("finds the other court's case only where sharing is configured, and logs that it crossed courts", async () => {
    const central = await serve(['--share-related', `${SHANYANG.code},${WUZHI.code}`]);
    try {
      const shared = await related(central, wuzhiToken, `filing=${wuzhiFiling}`);
      expect(shared.status).toBe(200);
      expect(shared.body.cases).toHaveLength(2);
      expect(shared.body.cases!.every((c) => c.number.includes(SHANYANG.code))).toBe(true);
      await central.waitFor(/central\.related\.shared/);
      expect(central.output.join('\n')).not.toContain(DEBTOR);
    } finally {
      await central.stop();
    }
  });
});
