/**
 * Issue 14 item 8 on a real central over HTTP (SQLite and PostgreSQL) with two counter PCs of
 * one court: PC A's local accounts are imported at first contact; an administrator's role
 * change, reset and disabling made on A reach B (the disabled clerk's open session on B ends at
 * its next request, and B refuses the sign-in); a reset forces a new password; a correction and
 * a record carry the clerk's account as the central's own session vouches for it, not a name in
 * the body. Boundaries: a clerk cannot promote themselves, another court's token cannot manage
 * or read this court's accounts. Offline sign-in works only from a verifier the central confirmed.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCentral, type CentralHandle } from '../../../src-main/central/central-server.js';
import { issueCourtToken } from '../../../src-main/central/court-auth.js';
import { hashCode, issueEnrolCode } from '../../../src-main/central/enrolment.js';
import { addClerk } from '../../../src-main/counter/accounts.js';
import { createLogger } from '../../../src-main/log/logger.js';
import { findCourt } from '../../../src-shared/courts/court-profile.js';
import { filingDraftSchema, type FilingRecord, type FilingView } from '../../../src-shared/domain/filing.js';
import type { CaseCorrectionsResponse } from '../../../src-shared/sync/case-correction.js';
import { CLERKS_PATH, HEADER_CLERK_SESSION, type ClerkSignInResponse } from '../../../src-shared/sync/clerk-accounts.js';
import { APPLICANT, draft } from '../../support/fixtures.js';
import { tempDir } from '../../support/tmp.js';
import { STORES, freshSchema } from '../central/pg-support.js';
import { counterBench, FAST, refused, type CounterBench } from './support.js';

const court = findCourt('jiaozuo-shanyang')!;
const other = findCourt('wuzhi')!;
const pass = (account: string) => `${account}-pass-1234`;

for (const kind of STORES) {
  describe.skipIf(kind.skip)(`clerk accounts held at the central reach every counter PC (${kind.name})`, () => {
    const dir = tempDir('yzt-accounts-');
    const schema = freshSchema();
    let central: CentralHandle;
    let tokenA = '';
    let tokenB = '';
    let otherToken = '';
    let a: CounterBench;
    let b: CounterBench;
    let offlineA = false;
    let filing: FilingView;
    const logged: string[] = [];
    const log = createLogger({ level: 'debug', sink: logged });
    const now = () => new Date();

    const post = async (path: string, body: unknown, token: string, session?: string) => {
      const res = await fetch(`${central.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...(session ? { [HEADER_CLERK_SESSION]: session } : {}) },
        body: JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    const centralSignIn = async (account: string, password = pass(account), token = tokenA) => (await post(`${CLERKS_PATH}/sign-in`, { account, password }, token)).body as unknown as ClerkSignInResponse;

    beforeAll(async () => {
      central = await startCentral({ ...kind.choice(dir.path, schema), port: 0, log, adminToken: 'admin-token', clerkScrypt: FAST });
      const issue = async (c: typeof court, name: string) => {
        const t = await issueCourtToken(central.store, c.id, new Date(), name);
        if (!t.ok) throw new Error('court token');
        return t.token;
      };
      tokenA = await issue(court, '窗口1');
      tokenB = await issue(court, '窗口2');
      otherToken = await issue(other, '武陟窗口1');
      a = counterBench({ court, now, log, deviceId: 'aaaaaaaa-0000-4000-8000-0000000000a1', sync: { centralUrl: () => (offlineA ? 'http://127.0.0.1:9' : central.url), token: () => tokenA, baseDelayMs: 20, maxDelayMs: 100 } });
      b = counterBench({ court, now, log, deviceId: 'bbbbbbbb-0000-4000-8000-0000000000b1', sync: { centralUrl: () => central.url, token: () => tokenB, baseDelayMs: 20, maxDelayMs: 100 } });
      for (const [account, role] of [['admin1', 'admin'], ['wang', 'reception'], ['zhao', 'reception'], ['li', 'reception'], ['qian', 'reception']] as const) {
        await addClerk(a.db, { account, role, password: pass(account), scrypt: FAST }, now());
      }
      const issued = await issueEnrolCode(central.store, court.id, new Date());
      if (!issued.ok) throw new Error('enrol code');
      await central.store.redeemEnrolCode(hashCode(issued.code), 'dev-a', 'secret', new Date());
      filing = a.filings.submit(filingDraftSchema.parse(draft({ amountYuan: '8000' })), APPLICANT);
      const record = JSON.parse((a.db.prepare('SELECT record_json FROM filings WHERE id = ?').get(filing.id) as { record_json: string }).record_json) as FilingRecord;
      const r = await central.store.commitMutation({ deviceId: 'dev-a', courtCode: court.code, mutation: { mutationId: 1, kind: 'filing.create', filing: record }, rejection: null, now: new Date() });
      if (!('officialNo' in r)) throw new Error('not numbered');
      a.db.prepare("UPDATE filings SET official_no = ?, status = 'accepted' WHERE id = ?").run(r.officialNo, filing.id);
      // First contact: the central holds no accounts for the court, so the PC's own accounts sign
      // in as before, and A's administrator imports them (B has none and cannot sign anyone in).
      const local = await a.counter.sessions.signIn('admin1', pass('admin1'));
      if (a.counter.accounts.list(local.token).importable !== 5) throw new Error('A should offer its 5 accounts');
      if ((await refused(b.counter.sessions.signIn('wang', pass('wang')))).code !== 'counter.bad-login') throw new Error('B signed in before the import');
      if ((await a.counter.accounts.importLocal(local.token)).imported !== 5) throw new Error('import');
    });
    afterAll(async () => {
      await a?.close();
      await b?.close();
      await central?.close();
      await kind.done(schema);
      dir.cleanup();
    });

    it('holds the imported accounts at the central: clerks sign in there on any PC, and no PC imports again', async () => {
      const admin = await a.counter.sessions.signIn('admin1', pass('admin1'));
      expect(a.counter.accounts.list(admin.token).accounts.every((x) => x.central)).toBe(true);
      // Once held, a PC cannot add to them by import.
      expect((await refused(a.counter.accounts.importLocal(admin.token))).code).toMatch(/counter\.(accounts-held|nothing-to-import)/);
      await addClerk(b.db, { account: 'stray', role: 'admin', password: pass('stray'), scrypt: FAST }, now());
      const stray = await post(`${CLERKS_PATH}/import`, { accounts: [{ account: 'stray', displayName: 'stray', role: 'admin', passwordHash: 'scrypt$16384$8$1$AAAA$AAAA', disabled: false }] }, tokenB);
      expect(stray).toMatchObject({ status: 409, body: { error: 'accounts-held' } });
      expect((await refused(b.counter.sessions.signIn('stray', pass('stray')))).code).toBe('counter.bad-login');
      const onB = await b.counter.sessions.signIn('wang', pass('wang'));
      expect(onB).toMatchObject({ clerk: { account: 'wang', role: 'reception' }, mustChange: false });
      await b.sync.flush();
      expect(b.sync.lastError).toBeNull();
      expect(b.counter.queue(onB.token, '', 'all').length).toBeGreaterThanOrEqual(0);
    });

    it('binds a correction and a record to the signed-in account as the central verified it', async () => {
      const wang = await a.counter.sessions.signIn('wang', pass('wang'));
      a.counter.verify(wang.token, filing.id, 'amount', 'corrected', '7500', '判决主文金额为七千五百元');
      await a.sync.flush();
      expect(a.sync.lastError).toBeNull();
      const h = (await (await fetch(`${central.url}/v1/court/corrections?filing=${filing.id}`, { headers: { authorization: `Bearer ${tokenA}` } })).json()) as CaseCorrectionsResponse;
      expect(h.history.at(-1)).toMatchObject({ clerk: 'wang', reason: '判决主文金额为七千五百元' });
      const records = await central.store.clerkRecordsSince(court.code, 0, 100);
      expect(records.find((r) => r.record.filingId === filing.id && r.record.kind === 'verification')?.record).toMatchObject({ author: 'wang', terminal: '窗口1', stated: { author: 'wang' } });
      // A name in the body is only what the terminal states: without a session the terminal's name is recorded.
      const forged = await post('/v1/court/corrections', { id: '00000000-0000-4000-8000-00000000f0f0', number: filing.id, clerk: 'admin1', terminal: 't', reason: '冒名更正', correction: { field: 'amount', amountFen: 700_000 } }, tokenA);
      expect(forged.status).toBe(200);
      expect(forged.body.entry).toMatchObject({ clerk: '窗口1' });
    });

    it('takes a triage record’s role from the clerk session the central issued, not from what the terminal claims', async () => {
      const numbers = a.db.prepare('SELECT provisional_no, official_no FROM filings WHERE id = ?').get(filing.id) as { provisional_no: string; official_no: string | null };
      const override = (id: string) => ({
        records: [{ id, kind: 'triage', filingId: filing.id, provisionalNo: numbers.provisional_no, officialNo: numbers.official_no, court: court.code, author: 'admin1', terminal: 'aaaaaaaa-0000-4000-8000-0000000000a1', createdAt: new Date().toISOString(), payload: { team: 'large', decision: 'override', suggestedTeam: 'fast', rule: 'r', reason: '冒充负责人改派', role: 'leader' } }],
      });
      const result = (r: { body: Record<string, unknown> }) => (r.body.results as Array<Record<string, unknown>>)[0];
      // No session: the court keeps its accounts here, so an unvouched claim is the lowest role.
      expect(result(await post('/v1/court/records', override(randomUUID()), tokenA))).toMatchObject({ status: 'rejected', code: 'leader-decision' });
      // A reception clerk's own session, claiming to be a leader.
      const wang = await centralSignIn('wang');
      expect(result(await post('/v1/court/records', override(randomUUID()), tokenA, wang.session))).toMatchObject({ status: 'rejected', code: 'leader-decision' });
      // The administrator's session: stored, with the role the central knows.
      const admin = await centralSignIn('admin1');
      const id = randomUUID();
      expect(result(await post('/v1/court/records', override(id), tokenA, admin.session))).toMatchObject({ status: 'stored' });
      const stored = (await central.store.clerkRecordsSince(court.code, 0, 500)).find((r) => r.record.id === id)?.record;
      expect(stored).toMatchObject({ author: 'admin1', payload: { role: 'admin' } });
    });

    it('a role change and a disabling made on A reach B: the open session ends at the next request, the sign-in is refused', async () => {
      const admin = await a.counter.sessions.signIn('admin1', pass('admin1'));
      const zhaoB = await b.counter.sessions.signIn('zhao', pass('zhao'));
      const wangB = await b.counter.sessions.signIn('wang', pass('wang'));
      expect(b.counter.sessions.require(zhaoB.token).role).toBe('reception');

      const after = await a.counter.accounts.manage(admin.token, { op: 'role', account: 'zhao', role: 'leader' });
      expect(after.accounts.find((x) => x.account === 'zhao')).toMatchObject({ role: 'leader', central: true });
      await a.counter.accounts.manage(admin.token, { op: 'disable', account: 'wang' });
      await b.sync.flush();
      expect(b.sync.lastError).toBeNull();
      expect(b.counter.sessions.require(zhaoB.token).role).toBe('leader');
      expect((await refused(() => b.counter.queue(wangB.token, '', 'all'))).code).toBe('counter.signed-out');
      const e = await refused(b.counter.sessions.signIn('wang', pass('wang')));
      expect(e.code).toBe('counter.account-disabled');
      expect(e.message_zh).toContain('停用');
      // The central says the same to any PC of the court.
      expect((await post(`${CLERKS_PATH}/sign-in`, { account: 'wang', password: pass('wang') }, tokenB)).status).toBe(403);
      // Enabled again, wang signs in again.
      await a.counter.accounts.manage(admin.token, { op: 'enable', account: 'wang' });
      expect((await b.counter.sessions.signIn('wang', pass('wang'))).clerk.account).toBe('wang');
    });

    it('a reset password ends the clerk’s sessions and must be changed at the next sign-in', async () => {
      const admin = await a.counter.sessions.signIn('admin1', pass('admin1'));
      const liB = await b.counter.sessions.signIn('li', pass('li'));
      const liCentral = await centralSignIn('li');
      await a.counter.accounts.manage(admin.token, { op: 'reset', account: 'li', password: 'Temp-2026-reset' });
      // The central ended li's sessions itself: the old one no longer acts, whatever a PC holds.
      expect(await post(`${CLERKS_PATH}/password`, { current: 'Temp-2026-reset', next: 'li-sneaky-pass-99' }, tokenA, liCentral.session)).toMatchObject({ status: 401, body: { error: 'clerk-signed-out' } });
      await b.sync.flush();
      expect((await refused(() => b.counter.queue(liB.token, '', 'all'))).code).toBe('counter.signed-out');
      expect((await refused(b.counter.sessions.signIn('li', pass('li')))).code).toBe('counter.bad-login');
      const temp = await b.counter.sessions.signIn('li', 'Temp-2026-reset');
      expect(temp.mustChange).toBe(true);
      expect((await refused(() => b.counter.queue(temp.token, '', 'all'))).code).toBe('counter.must-change');
      expect((await refused(b.counter.sessions.changePassword(temp.token, 'Temp-2026-reset', 'short'))).code).toBe('counter.weak-password');
      const changed = await b.counter.sessions.changePassword(temp.token, 'Temp-2026-reset', 'li-new-pass-5678');
      expect(changed.mustChange).toBe(false);
      expect(Array.isArray(b.counter.queue(temp.token, '', 'all'))).toBe(true);
      expect((await a.counter.sessions.signIn('li', 'li-new-pass-5678')).mustChange).toBe(false);
      // The password never goes to a log.
      expect(logged.join('\n')).not.toContain('Temp-2026-reset');
      expect(logged.join('\n')).not.toContain('li-new-pass-5678');
    });

    it('refuses a clerk promoting themselves, and another court managing or reading this court’s accounts', async () => {
      const qian = await a.counter.sessions.signIn('qian', pass('qian'));
      expect((await refused(a.counter.accounts.manage(qian.token, { op: 'role', account: 'qian', role: 'admin' }))).code).toBe('counter.forbidden');
      // Straight to the central with the clerk's own central session: the central checks the role itself.
      const qianCentral = await centralSignIn('qian');
      const self = await post(`${CLERKS_PATH}/manage`, { op: 'role', account: 'qian', role: 'admin' }, tokenA, qianCentral.session);
      expect(self).toMatchObject({ status: 403, body: { error: 'clerk-forbidden' } });
      // An administrator's session presented with another court's token is no session there.
      const adminCentral = await centralSignIn('admin1');
      const foreign = await post(`${CLERKS_PATH}/manage`, { op: 'disable', account: 'zhao' }, otherToken, adminCentral.session);
      expect(foreign).toMatchObject({ status: 401, body: { error: 'clerk-signed-out' } });
      const feed = await fetch(`${central.url}${CLERKS_PATH}?court=${encodeURIComponent(court.code)}`, { headers: { authorization: `Bearer ${otherToken}` } });
      expect(feed.status).toBe(403);
      // Nor can another court's token sign this court's clerks in, or import into it.
      expect((await post(`${CLERKS_PATH}/sign-in`, { account: 'admin1', password: pass('admin1') }, otherToken)).status).toBe(409);
      expect((await central.store.clerkAccounts.account(court.code, 'qian'))?.role).toBe('reception');
      expect((await central.store.clerkAccounts.account(court.code, 'zhao'))?.disabled).toBe(0);
    });

    it('adds an account that must choose its password, and locks it at the central after five wrong passwords on any PC', async () => {
      const admin = await a.counter.sessions.signIn('admin1', pass('admin1'));
      const added = await a.counter.accounts.manage(admin.token, { op: 'create', account: 'sun', displayName: '孙立', role: 'reception', password: 'Sun-first-2026' });
      expect(added.accounts.find((x) => x.account === 'sun')).toMatchObject({ mustChange: true, central: true });
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await post(`${CLERKS_PATH}/sign-in`, { account: 'sun', password: `wrong-${i}` }, i % 2 ? tokenA : tokenB)).status);
      expect(statuses).toEqual([401, 401, 401, 401, 423]);
      const lockedOut = await post(`${CLERKS_PATH}/sign-in`, { account: 'sun', password: 'Sun-first-2026' }, tokenA);
      expect(lockedOut).toMatchObject({ status: 423, body: { error: 'locked' } });
      expect(String(lockedOut.body.message_zh)).toContain('北京时间');
    });

    it('signs in offline only from a verifier the central confirmed on this PC', async () => {
      await a.counter.sessions.signIn('admin1', pass('admin1'));
      await a.sync.flush();
      offlineA = true;
      try {
        // admin1 signed in on A through the central: cached; zhao never did on A (imported only).
        const admin = await a.counter.sessions.signIn('admin1', pass('admin1'));
        expect(admin.clerk.role).toBe('admin');
        expect((await refused(a.counter.sessions.signIn('zhao', pass('zhao')))).code).toBe('counter.central-unreachable');
        expect((await refused(a.counter.accounts.manage(admin.token, { op: 'disable', account: 'zhao' }))).code).toBe('counter.central-needed');
      } finally {
        offlineA = false;
      }
    });

    it('lets an administrator read and filter the audit log by China date, actor, action and case, paged', async () => {
      const admin = await a.counter.sessions.signIn('admin1', pass('admin1'));
      for (let i = 0; i < 6; i++) await a.counter.sessions.signIn('qian', pass('qian'));
      const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
      // Sign-ins for paging: reading the log adds an entry of its own (counter.audit.read).
      const all = a.counter.accounts.audit(admin.token, { from: today, to: today, actor: '', action: 'counter.signin', caseNo: '', page: 1, pageSize: 5 });
      expect(all.rows).toHaveLength(5);
      expect(all.total).toBeGreaterThan(5);
      expect(all.rows[0]!.atChina.slice(0, 10)).toBe(today);
      expect(all.rows.every((r) => r.action.startsWith('counter.signin'))).toBe(true);
      const page2 = a.counter.accounts.audit(admin.token, { from: today, to: today, actor: '', action: 'counter.signin', caseNo: '', page: 2, pageSize: 5 });
      expect(page2.rows[0]!.seq).toBeLessThan(all.rows[4]!.seq);
      const yesterday = new Date(Date.now() - 16 * 3_600_000).toISOString().slice(0, 10);
      expect(a.counter.accounts.audit(admin.token, { from: '2020-01-01', to: yesterday < today ? yesterday : '2020-01-02', actor: '', action: 'counter.field', caseNo: '', page: 1, pageSize: 20 }).total).toBe(0);
      const officialNo = (a.db.prepare('SELECT official_no FROM filings WHERE id = ?').get(filing.id) as { official_no: string }).official_no;
      const wang = await a.counter.sessions.signIn('wang', pass('wang'));
      a.counter.verify(wang.token, filing.id, 'subject-kind', 'verified');
      const byCase = a.counter.accounts.audit(admin.token, { actor: 'wang', action: 'counter.field', caseNo: officialNo, page: 1, pageSize: 20 });
      expect(byCase.rows.length).toBeGreaterThan(0);
      expect(byCase.rows.every((r) => r.actor === 'clerk:wang' && r.action.startsWith('counter.field.') && r.caseNumber === officialNo)).toBe(true);
      await a.counter.accounts.manage(admin.token, { op: 'role', account: 'qian', role: 'reception' });
      const managed = a.counter.accounts.audit(admin.token, { actor: 'admin1', action: 'counter.user.', caseNo: '', page: 1, pageSize: 20 });
      expect(managed.rows.map((r) => r.action)).toContain('counter.user.role');
      expect(managed.rows.every((r) => r.action.startsWith('counter.user.'))).toBe(true);
      const qian = await a.counter.sessions.signIn('qian', pass('qian'));
      expect((await refused(() => a.counter.accounts.audit(qian.token, { actor: '', action: '', caseNo: '', page: 1, pageSize: 20 }))).code).toBe('counter.forbidden');
    });
  });
}
