/**
 * Triage by the court's criteria between two counter terminals of 武陟 on one real central
 * (SQLite and PostgreSQL), issue 14 item 4: a reception clerk on A records the tags that apply,
 * each with its source; they reach the central as A's record and B's suggestion follows them
 * (涉金融 → 金融案件执行团队). A leader's override binds: a reception clerk on B cannot undo it
 * through the counter service, and a terminal that pushes such a record straight to the
 * central's records route is refused there too; a leader may still change it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { startCentral, type CentralHandle } from '../../../src-main/central/central-server.js';
import { issueCourtToken } from '../../../src-main/central/court-auth.js';
import { hashCode, issueEnrolCode } from '../../../src-main/central/enrolment.js';
import { createLogger } from '../../../src-main/log/logger.js';
import { AppError } from '../../../src-shared/api/errors.js';
import { findCourt } from '../../../src-shared/courts/court-profile.js';
import { filingDraftSchema, type FilingRecord, type FilingView } from '../../../src-shared/domain/filing.js';
import type { ClerkRecord, ClerkRecordsPullResponse, ClerkRecordsPushResponse } from '../../../src-shared/sync/protocol.js';
import { APPLICANT, draft } from '../../support/fixtures.js';
import { fixedClock, tempDir } from '../../support/tmp.js';
import { STORES, freshSchema } from '../central/pg-support.js';
import { counterBench, type CounterBench } from './support.js';

const court = findCourt('wuzhi')!;

async function refusal(fn: () => unknown): Promise<AppError> {
  try {
    await fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

for (const kind of STORES) {
  describe.skipIf(kind.skip)(`triage criteria and a leader's decision across terminals (${kind.name})`, () => {
    const dir = tempDir('yzt-triage-tags-');
    const schema = freshSchema();
    let central: CentralHandle;
    let tokenA = '';
    let tokenB = '';
    let a: CounterBench;
    let b: CounterBench;
    let leaderA = '';
    let receptionA = '';
    let receptionB = '';
    let filing: FilingView;
    const clock = fixedClock(new Date(Date.now() - 60_000).toISOString());
    const log = createLogger({ level: 'warn', sink: [] });

    const pull = async (token: string): Promise<ClerkRecord[]> => {
      const r = await fetch(`${central.url}/v1/court/records?since=0`, { headers: { authorization: `Bearer ${token}` } });
      return ((await r.json()) as ClerkRecordsPullResponse).records.map((s) => s.record);
    };

    beforeAll(async () => {
      central = await startCentral({ ...kind.choice(dir.path, schema), port: 0, log, adminToken: 'admin-token' });
      const ta = await issueCourtToken(central.store, court.id, new Date(), '窗口1');
      const tb = await issueCourtToken(central.store, court.id, new Date(), '窗口2');
      if (!ta.ok || !tb.ok) throw new Error('court token');
      tokenA = ta.token;
      tokenB = tb.token;
      const endpoint = { centralUrl: () => central.url, baseDelayMs: 20, maxDelayMs: 100 };
      a = counterBench({ court, now: clock.now, log, deviceId: 'aaaaaaaa-0000-4000-8000-00000000000a', sync: { ...endpoint, token: () => tokenA } });
      b = counterBench({ court, now: clock.now, log, deviceId: 'bbbbbbbb-0000-4000-8000-00000000000b', sync: { ...endpoint, token: () => tokenB } });
      leaderA = await a.clerk('wang', 'leader');
      receptionA = await a.clerk('li', 'reception');
      receptionB = await b.clerk('zhao', 'reception');
      const issued = await issueEnrolCode(central.store, court.id, new Date());
      if (!issued.ok) throw new Error('enrol code');
      await central.store.redeemEnrolCode(hashCode(issued.code), 'dev-a', 'secret', new Date());
      filing = a.filings.submit(filingDraftSchema.parse(draft({ basisNumber: '(2025)豫0823民初321号' })), APPLICANT);
      const record = JSON.parse((a.db.prepare('SELECT record_json FROM filings WHERE id = ?').get(filing.id) as { record_json: string }).record_json) as FilingRecord;
      await central.store.commitMutation({ deviceId: 'dev-a', courtCode: court.code, mutation: { mutationId: 1, kind: 'filing.create', filing: record }, rejection: null, now: new Date() });
    });
    afterAll(async () => {
      await a?.close();
      await b?.close();
      await central?.close();
      await kind.done(schema);
      dir.cleanup();
    });

    it("lists the court's criteria and routes by the tags a clerk records, on both terminals", async () => {
      const before = a.counter.detail(receptionA, filing.id);
      // 12,345.67 yuan, no tags: under 30,000 yuan and not simple (seed 003 ch.3 五).
      expect(before.suggestion).toMatchObject({ team: 'emergency', team_zh: '应急团队' });
      expect(before.criteria!.map((c) => c.tag)).toEqual(expect.arrayContaining(['finance', 'funds-cover', 'party-organ', 'asset-disposal']));
      expect(before.criteria!.find((c) => c.tag === 'finance')!.rules).toEqual([expect.objectContaining({ team_zh: '金融案件执行团队', source: 'seed 003 ch.3 §6' })]);

      const after = a.counter.setTags(receptionA, filing.id, [
        { tag: 'finance', source: 'basis-document', note: '金融借款合同纠纷，申请人为银行' },
        { tag: 'asset-disposal', source: 'applicant-statement', note: '' },
      ]);
      expect(after.suggestion).toMatchObject({ team: 'finance', team_zh: '金融案件执行团队', rule: 'wz-finance' });
      expect(after.tags!.tags).toHaveLength(2);
      // A tag the court's table does not test is refused; so is "other" without a note.
      expect((await refusal(() => a.counter.setTags(receptionA, filing.id, [{ tag: 'fee-recovery', source: 'counter-check', note: '' }]))).code).toBe('validation');

      await a.sync.flush();
      expect(a.sync.lastError).toBeNull();
      const atCentral = (await pull(tokenA)).filter((r) => r.kind === 'routing-tags');
      expect(atCentral).toHaveLength(1);
      expect(atCentral[0]).toMatchObject({ author: '窗口1', stated: { author: 'li' }, payload: { tags: [{ tag: 'finance', source: 'basis-document' }, { tag: 'asset-disposal', source: 'applicant-statement' }] } });

      await b.sync.flush();
      expect(b.sync.lastError).toBeNull();
      const onB = b.counter.detail(receptionB, filing.id);
      expect(onB.tags!.tags.map((t) => t.tag)).toEqual(['finance', 'asset-disposal']);
      expect(onB.tags!.by).toBe('窗口1（li）');
      expect(onB.suggestion).toMatchObject({ team: 'finance', team_zh: '金融案件执行团队' });
    });

    it("binds a leader's override: a reception clerk cannot undo it at the counter, nor through the central's records route", async () => {
      const overridden = a.counter.triage(leaderA, filing.id, 'override', 'large', '被执行人名下多处房产，需评估拍卖');
      expect(overridden.triage).toMatchObject({ team: 'large', decision: 'override' });
      expect(overridden.leaderDecided).toBe(true);
      // A reception clerk on the same terminal cannot accept the suggestion over it.
      expect((await refusal(() => a.counter.triage(receptionA, filing.id, 'accept'))).code).toBe('counter.leader-decision');
      await a.sync.flush();
      expect(a.sync.lastError).toBeNull();

      await b.sync.flush();
      const onB = b.counter.detail(receptionB, filing.id);
      expect(onB.triage).toMatchObject({ team: 'large', decision: 'override' });
      expect(onB.leaderDecided).toBe(true);
      // On the other terminal neither: not by accepting, not by overriding (a leader's power).
      expect((await refusal(() => b.counter.triage(receptionB, filing.id, 'accept'))).code).toBe('counter.leader-decision');
      expect((await refusal(() => b.counter.triage(receptionB, filing.id, 'override', 'fast', '简单'))).code).toBe('counter.forbidden');
      expect(b.counter.detail(receptionB, filing.id).triage).toMatchObject({ team: 'large' });

      // A terminal that skips its own check and pushes the record straight to the central is refused there.
      const numbers = b.db.prepare('SELECT provisional_no, official_no FROM filings WHERE id = ?').get(filing.id) as { provisional_no: string; official_no: string | null };
      const base = { filingId: filing.id, provisionalNo: numbers.provisional_no, officialNo: numbers.official_no, court: court.code, author: 'zhao', terminal: 'bbbbbbbb-0000-4000-8000-00000000000b', createdAt: new Date().toISOString() };
      const push = async (payload: Record<string, unknown>) => {
        const r = await fetch(`${central.url}/v1/court/records`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${tokenB}` },
          body: JSON.stringify({ records: [{ ...base, id: randomUUID(), kind: 'triage', payload }] }),
        });
        expect(r.status).toBe(200);
        return ((await r.json()) as ClerkRecordsPushResponse).results[0]!;
      };
      const undo = await push({ team: 'finance', decision: 'accept', suggestedTeam: 'finance', rule: 'wz-finance', reason: null, role: 'reception' });
      expect(undo).toMatchObject({ status: 'rejected', code: 'leader-decision' });
      // An older terminal that states no role counts as a reception clerk.
      expect(await push({ team: 'finance', decision: 'accept', suggestedTeam: 'finance', rule: 'wz-finance', reason: null })).toMatchObject({ status: 'rejected', code: 'leader-decision' });
      // An override claimed by a reception clerk is refused whatever came before.
      expect(await push({ team: 'fast', decision: 'override', suggestedTeam: 'finance', rule: 'wz-finance', reason: '简单', role: 'reception' })).toMatchObject({ status: 'rejected', code: 'leader-decision' });
      const triages = (await pull(tokenB)).filter((r) => r.kind === 'triage');
      expect(triages.map((r) => r.kind === 'triage' && r.payload.team)).toEqual(['large']);

      // A leader may change a leader's decision.
      const leaderB = await b.clerk('zhou', 'leader');
      expect(b.counter.triage(leaderB, filing.id, 'override', 'finance', '经合议，仍由金融团队办理').triage).toMatchObject({ team: 'finance' });
      await b.sync.flush();
      expect(b.sync.lastError).toBeNull();
      expect((await pull(tokenA)).filter((r) => r.kind === 'triage').map((r) => r.kind === 'triage' && r.payload.team)).toEqual(['large', 'finance']);
    });

    it("refuses at the central a reception clerk's accept made before the leader's override reached her terminal, which then shows the override", async () => {
      const second = a.filings.submit(filingDraftSchema.parse(draft({ basisNumber: '(2025)豫0823民初322号' })), APPLICANT);
      const record = JSON.parse((a.db.prepare('SELECT record_json FROM filings WHERE id = ?').get(second.id) as { record_json: string }).record_json) as FilingRecord;
      await central.store.commitMutation({ deviceId: 'dev-a', courtCode: court.code, mutation: { mutationId: 2, kind: 'filing.create', filing: record }, rejection: null, now: new Date() });
      await b.sync.flush();
      a.counter.triage(leaderA, second.id, 'override', 'large', '涉及多处不动产');
      await a.sync.flush();
      // B has not pulled the override yet: its own check has nothing to go on.
      expect(b.counter.triage(receptionB, second.id, 'accept').triage).toMatchObject({ team: 'emergency', decision: 'accept' });
      await b.sync.flush();
      const refused = b.db.prepare("SELECT o.last_error FROM clerk_record_outbox o JOIN clerk_records r ON r.id = o.record_id WHERE r.filing_id = ? AND r.kind = 'triage'").get(second.id) as { last_error: string | null };
      expect(refused.last_error).toBe('leader-decision');
      const onB = b.counter.detail(receptionB, second.id);
      expect(onB.triage).toMatchObject({ team: 'large', decision: 'override' });
      expect(onB.leaderDecided).toBe(true);
    });
  });
}
