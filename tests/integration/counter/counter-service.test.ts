/**
 * The counter console's services on a real kiosk database: sign-in with lockout, verification
 * with corrections that keep the original, the first-reception record printed as a PDF whose
 * text is read back with pdftotext, the signed scan, "done" refused without reception or a
 * reason, the reception register, search by ID number through the keyed hash, and the audit
 * log free of personal data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../../../src-main/db/open.js';
import type { CounterService } from '../../../src-main/counter/counter-service.js';
import { addClerk, MAX_FAILURES } from '../../../src-main/counter/accounts.js';
import { verifyAudit } from '../../../src-main/audit/audit-log.js';
import { command as usersCommand, registerCommand } from '../../../src-main/cli/commands/counter-users.js';
import { findCourt } from '../../../src-shared/courts/court-profile.js';
import { createLogger } from '../../../src-main/log/logger.js';
import { filingDraftSchema, type FilingView } from '../../../src-shared/domain/filing.js';
import { AppError } from '../../../src-shared/api/errors.js';
import { APPLICANT, draft, makeIdNumber } from '../../support/fixtures.js';
import { fixedClock } from '../../support/tmp.js';
import { counterBench, FAST, PNG_1PX, RECEPTION, refused, type CounterBench, verifyAll } from './support.js';

describe('counter service', () => {
  const clock = fixedClock('2026-11-23T09:30:00+08:00');
  const logLines: string[] = [];
  let bench: CounterBench;
  let db: Db;
  let counter: CounterService;
  let dir: { path: string };
  let filing: FilingView;
  let other: FilingView;
  let token: string;

  beforeAll(async () => {
    bench = counterBench({ court: findCourt('jiaozuo-shanyang')!, now: clock.now, log: createLogger({ sink: logLines }) });
    ({ db, counter } = bench);
    dir = { path: bench.dir };
    filing = bench.filings.submit(filingDraftSchema.parse(draft()), APPLICANT);
    other = bench.filings.submit(filingDraftSchema.parse(draft({ respondents: [{ kind: 'person', name: '王五', address: '河南省焦作市示例路3号', phone: '13700000000' }] })), { ...APPLICANT, name: '赵六', idNumber: makeIdNumber('19850505', '456') });
    // The one account with the real hashing parameters: its stored hash is checked below.
    await addClerk(db, { account: 'wang', displayName: '王接待', role: 'reception', password: 'counter-pass-1' }, clock.now());
  });
  afterAll(() => bench.close());

  it('refuses weak passwords and wrong ones, and locks the account after repeated failures', async () => {
    expect((await refused(addClerk(db, { account: 'weak', role: 'reception', password: 'short1' }, clock.now()))).code).toBe('counter.weak-password');
    await addClerk(db, { account: 'lockme', role: 'reception', password: 'counter-pass-2', scrypt: FAST }, clock.now());
    for (let i = 1; i < MAX_FAILURES; i++) expect((await refused(counter.sessions.signIn('lockme', 'wrong-pass-99'))).code).toBe('counter.bad-login');
    expect((await refused(counter.sessions.signIn('lockme', 'wrong-pass-99'))).code).toBe('counter.locked');
    // Locked: even the right password is refused until the lock ends.
    expect((await refused(counter.sessions.signIn('lockme', 'counter-pass-2'))).code).toBe('counter.locked');
    clock.advance(16 * 60_000);
    expect((await counter.sessions.signIn('lockme', 'counter-pass-2')).clerk.account).toBe('lockme');
    expect((await refused(counter.sessions.signIn('nobody', 'whatever-123'))).code).toBe('counter.bad-login');
    const stored = db.prepare("SELECT password_hash FROM counter_users WHERE account = 'wang'").get() as { password_hash: string };
    expect(stored.password_hash).toMatch(/^scrypt\$131072\$8\$1\$/);
  });

  it('signs in and refuses every action without a valid token', async () => {
    token = (await counter.sessions.signIn('wang', 'counter-pass-1')).token;
    expect((await refused(() => counter.queue('not-a-token-at-all', '', 'all'))).code).toBe('counter.signed-out');
    // Override needs a team leader.
    expect((await refused(() => counter.triage(token, filing.id, 'override', 'enforcement', 'x'))).code).toBe('counter.forbidden');
  });

  it("lists the queue with the court's counter node and finds filings by number, name and ID number", async () => {
    const rows = counter.queue(token, '', 'open');
    expect(rows.map((r) => r.filingId).sort()).toEqual([filing.id, other.id].sort());
    // 山阳 sets no reception or triage period; its related-case search is made at filing (seed 001 art. 9): Monday 2026-11-23 itself.
    expect(rows[0]).toMatchObject({ dueDate: '2026-11-23', dueTask: 'query' });
    expect(counter.queue(token, APPLICANT.idNumber, 'all').map((r) => r.filingId)).toEqual([filing.id]);
    expect(counter.queue(token, '王五', 'all').map((r) => r.filingId)).toEqual([other.id]);
    expect(counter.queue(token, other.provisionalNo, 'all').map((r) => r.filingId)).toEqual([other.id]);
    expect(counter.queue(token, '', 'overdue')).toHaveLength(0);
    // A week later both are overdue; the 10-hour session has ended by then.
    clock.set('2026-12-01T09:00:00+08:00');
    expect((await refused(() => counter.queue(token, '', 'overdue'))).code).toBe('counter.signed-out');
    const later = (await counter.sessions.signIn('wang', 'counter-pass-1')).token;
    expect(counter.queue(later, '', 'overdue')).toHaveLength(2);
    clock.set('2026-11-23T10:00:00+08:00');
    token = (await counter.sessions.signIn('wang', 'counter-pass-1')).token;
  });

  it('verifies and corrects fields, keeping the original value and the reason', () => {
    counter.verify(token, filing.id, 'parties', 'verified');
    const d = counter.verify(token, filing.id, 'amount', 'corrected', '12,000.00 元', '申请书金额与判决主文不符');
    expect(d.fields.amount).toBe('12,000.00 元');
    const c = d.verifications.find((v) => v.verdict === 'corrected')!;
    expect(c).toMatchObject({ field: 'amount', originalValue: '12,345.67 元', correctedValue: '12,000.00 元', reason: '申请书金额与判决主文不符', clerk: 'wang' });
    expect(d.row.stage).toBe('verifying');
  });

  it('refuses "done" without a reception or a reason, and accepts it with a reason', () => {
    const e = (() => {
      try {
        counter.done(token, other.id);
      } catch (x) {
        return x as AppError;
      }
      return null;
    })();
    expect(e?.code).toBe('counter.reception-missing');
    expect(e?.message_zh).toMatch(/初次接待/);
    counter.noReception(token, other.id, '申请人委托代理人到场，本人未到');
    verifyAll(counter, token, other.id);
    expect(counter.done(token, other.id).row.stage).toBe('done');
  });

  it('prints the first-reception record with every required field and takes the signed scan', async () => {
    expect((await refused(counter.printReception(token, filing.id))).code).toBe('counter.no-reception');
    counter.saveReception(token, filing.id, RECEPTION);
    expect((await refused(() => counter.attachScan(token, filing.id, PNG_1PX))).code).toBe('counter.not-printed');
    const pdf = await counter.printReception(token, filing.id);
    const file = join(dir.path, 'record.pdf');
    writeFileSync(file, Buffer.from(pdf.pdfBase64, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    for (const s of ['初次接待笔录', filing.provisionalNo, '2026年11月23日 10:10', '王接待', '李记录', '张三', '送达地址', '13800000000', '核对执行立案信息', '被执行人及其财产情况', '车辆一辆', '终结本次执行程序', '谈话人（签名）', '记录人（签名）', '被谈话人（签名）']) {
      expect(text).toContain(s);
    }
    expect((await refused(() => counter.attachScan(token, filing.id, 'data:image/png;base64,AAAA'))).code).toBe('counter.bad-scan');
    const d = await counter.attachScan(token, filing.id, PNG_1PX);
    expect(d.reception?.scanAttachedAt).toBeTruthy();
    expect(d.reception?.scanSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(d.row.stage).toBe('received');
  });

  it('exports the reception register as CSV', () => {
    const { csv, rows } = counter.register(token, '2026-11-23', '2026-11-23');
    expect(rows).toBe(2);
    const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('案号,临时编号,执行依据文号,申请执行标的（元）,接待时间,谈话人,被谈话人,未接待原因');
    expect(lines.find((l) => l.includes(filing.provisionalNo))).toContain('2026年11月23日 10:10,王接待,张三,');
    expect(lines.find((l) => l.includes(other.provisionalNo))).toContain('申请人委托代理人到场，本人未到');
  });

  it('triages by the rules engine and queues the actions for the central', () => {
    const d = counter.triage(token, filing.id, 'accept');
    expect(d.triage).toMatchObject({ decision: 'accept', team: d.suggestion!.team, by: 'wang' });
    expect(d.suggestion?.rule).toBeTruthy();
    // Two case actions for the central's case API (after the correction made earlier), and every clerk record of the case so far.
    const records = (db.prepare("SELECT count(*) AS n FROM clerk_record_outbox o JOIN clerk_records r ON r.id = o.record_id WHERE r.filing_id = ? AND o.sent_at IS NULL").get(filing.id) as { n: number }).n;
    expect(records).toBeGreaterThanOrEqual(5);
    expect(d.pendingSync).toBe(3 + records);
    const actions = (db.prepare('SELECT action_json FROM counter_outbox WHERE filing_id = ? ORDER BY id').all(filing.id) as Array<{ action_json: string }>).map((r) => JSON.parse(r.action_json).action);
    expect(actions).toEqual(['correct', 'accept', 'triage']);
  });

  it('keeps personal data out of the audit log and the log, and the chain intact', () => {
    const audit = (db.prepare('SELECT actor, action, subject, details FROM audit_log').all() as Array<Record<string, string>>).map((r) => JSON.stringify(r)).join('\n');
    expect(audit).toContain('counter.reception.printed');
    expect(audit).toContain('clerk:wang');
    for (const secret of [APPLICANT.idNumber, APPLICANT.name, '13800000000', '车辆一辆', 'counter-pass-1']) {
      expect(audit).not.toContain(secret);
      expect(logLines.join('\n')).not.toContain(secret);
    }
    expect(verifyAudit(db).ok).toBe(true);
  });

  it('lets an administrator list, unlock and disable accounts, and export the register, from the CLI', async () => {
    const run = async (cmd: typeof usersCommand, values: Record<string, string>) => {
      const out: string[] = [];
      const err: string[] = [];
      const code = await cmd.run({ values: { data: dir.path, ...values }, positionals: [] }, { out: (l) => out.push(l), err: (l) => err.push(l) });
      return { code, out: out.join('\n'), err: err.join('\n') };
    };
    clock.set('2026-11-23T11:00:00+08:00');
    for (let i = 0; i < MAX_FAILURES; i++) await refused(counter.sessions.signIn('lockme', 'wrong-pass-99'));
    // The CLI reads the real clock; the lock set by the test clock lies in its past, so check the row.
    expect((db.prepare("SELECT locked_until FROM counter_users WHERE account = 'lockme'").get() as { locked_until: string | null }).locked_until).not.toBeNull();
    expect((await run(usersCommand, { unlock: 'lockme' })).code).toBe(0);
    expect((await counter.sessions.signIn('lockme', 'counter-pass-2')).clerk.account).toBe('lockme');
    expect((await run(usersCommand, { disable: 'lockme' })).code).toBe(0);
    expect((await refused(counter.sessions.signIn('lockme', 'counter-pass-2'))).code).toBe('counter.bad-login');
    expect((await run(usersCommand, {})).out).toMatch(/lockme\tlockme\t接待人员\t已停用/);
    expect((await run(usersCommand, { unlock: 'ghost' })).err).toContain('没有这个账号');
    const reg = await run(registerCommand, { from: '2026-11-23', to: '2026-11-23' });
    expect(reg.out.split('\n')).toHaveLength(3);
    expect((await run(registerCommand, { from: '2026-11-24', to: '2026-11-23' })).err).toContain('结束日期不能早于开始日期');
  });
});
