/**
 * Issue 14 item 1 on a real central over HTTP, on SQLite and on PostgreSQL: a correction is
 * typed by field ("abc" is not an amount, a bad case number and a bad date are refused); a
 * correction of 8,000 → 7,500 made on counter A changes the case at the central through the
 * court-side corrections route (history: old value, reason, clerk, central time; official
 * number unchanged), reaches counter B (queue, detail, register, notice) and a kiosk's status
 * pull; 办结 waits until all five items are verified or corrected. The clerks here are local
 * accounts (the central holds none for the court), so no clerk session vouches for them: the
 * central records the terminal's name, never the name in the body (central-accounts.test.ts has
 * the clerk's own account).
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCentral, type CentralHandle } from '../../../src-main/central/central-server.js';
import { issueCourtToken } from '../../../src-main/central/court-auth.js';
import { hashCode, issueEnrolCode } from '../../../src-main/central/enrolment.js';
import { createLogger } from '../../../src-main/log/logger.js';
import { applyCaseChanges } from '../../../src-main/sync/case-status-store.js';
import { getFilingView } from '../../../src-main/filings/filing-store.js';
import { findCourt } from '../../../src-shared/courts/court-profile.js';
import { filingDraftSchema, type FilingRecord, type FilingView } from '../../../src-shared/domain/filing.js';
import type { CaseCorrectionsResponse } from '../../../src-shared/sync/case-correction.js';
import { VERIFY_FIELDS } from '../../../src-shared/sync/protocol.js';
import { APPLICANT, draft } from '../../support/fixtures.js';
import { fixedClock, tempDir } from '../../support/tmp.js';
import { STORES, freshSchema } from '../central/pg-support.js';
import { counterBench, refused, RECEPTION, type CounterBench } from './support.js';

const court = findCourt('jiaozuo-shanyang')!;
for (const kind of STORES) {
  describe.skipIf(kind.skip)(`verification corrections reach the central and every terminal (${kind.name})`, () => {
    const dir = tempDir('yzt-corrections-');
    const schema = freshSchema();
    let central: CentralHandle;
    let courtToken = '';
    let a: CounterBench;
    let b: CounterBench;
    let ta = '';
    let tb = '';
    let filing: FilingView;
    const clock = fixedClock(new Date(Date.now() - 60_000).toISOString());
    const logged: string[] = [];
    const log = createLogger({ level: 'debug', sink: logged });
    const history = async (number: string) => (await (await fetch(`${central.url}/v1/court/corrections?filing=${encodeURIComponent(number)}`, { headers: { authorization: `Bearer ${courtToken}` } })).json()) as CaseCorrectionsResponse;

    beforeAll(async () => {
      central = await startCentral({ ...kind.choice(dir.path, schema), port: 0, log, adminToken: 'admin-token' });
      const t = await issueCourtToken(central.store, court.id, new Date(), '窗口1');
      if (!t.ok) throw new Error('court token');
      courtToken = t.token;
      const endpoint = { centralUrl: () => central.url, token: () => courtToken, baseDelayMs: 20, maxDelayMs: 100 };
      a = counterBench({ court, now: clock.now, log, deviceId: 'aaaaaaaa-0000-4000-8000-000000000001', sync: endpoint });
      b = counterBench({ court, now: clock.now, log, deviceId: 'bbbbbbbb-0000-4000-8000-000000000001', sync: endpoint });
      ta = await a.clerk('wang', 'reception');
      tb = await b.clerk('zhao', 'reception');
      const issued = await issueEnrolCode(central.store, court.id, new Date());
      if (!issued.ok) throw new Error('enrol code');
      await central.store.redeemEnrolCode(hashCode(issued.code), 'dev-a', 'secret', new Date());
      filing = a.filings.submit(filingDraftSchema.parse(draft({ amountYuan: '8000' })), APPLICANT);
      const record = JSON.parse((a.db.prepare('SELECT record_json FROM filings WHERE id = ?').get(filing.id) as { record_json: string }).record_json) as FilingRecord;
      const r = await central.store.commitMutation({ deviceId: 'dev-a', courtCode: court.code, mutation: { mutationId: 1, kind: 'filing.create', filing: record }, rejection: null, now: new Date() });
      if (!('officialNo' in r)) throw new Error('not numbered');
      a.db.prepare("UPDATE filings SET official_no = ?, status = 'accepted' WHERE id = ?").run(r.officialNo, filing.id);
    });
    afterAll(async () => {
      await a?.close();
      await b?.close();
      await central?.close();
      await kind.done(schema);
      dir.cleanup();
    });

    it('refuses a correction that is not of the field’s type, with a plain message', async () => {
      for (const [field, value, says] of [
        ['amount', 'abc', '金额'],
        ['amount', '-5', '金额'],
        ['basis-number', '豫0811民初123', '文号'],
        ['subject-kind', '房子', '标的种类'],
      ] as const) {
        const e = await refused(() => a.counter.verify(ta, filing.id, field, 'corrected', value, '核对判决书'));
        expect(e.code).toBe('validation');
        expect(e.message_zh).toContain(says);
      }
      const d = await refused(() => a.counter.verify(ta, filing.id, 'basis-content', 'corrected', '被告偿还借款', '核对判决书', '2026-02-30'));
      expect(d.message_zh).toContain('日期');
      expect(a.counter.detail(ta, filing.id).verifications).toEqual([]);
      // The central refuses the same: its route checks the typed value again.
      const res = await fetch(`${central.url}/v1/court/corrections`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${courtToken}` },
        body: JSON.stringify({ id: '00000000-0000-4000-8000-00000000abcd', number: filing.id, clerk: 'x', terminal: 't', reason: 'r', correction: { field: 'amount', amountFen: 'abc' } }),
      });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: string }).error).toBe('bad-correction');
    });

    it('applies 8,000 → 7,500 at the central and on every terminal, keeping 8,000 and the reason in the history', async () => {
      const officialNo = (a.db.prepare('SELECT official_no FROM filings WHERE id = ?').get(filing.id) as { official_no: string }).official_no;
      const shown = a.counter.verify(ta, filing.id, 'amount', 'corrected', '7500', '判决主文金额为七千五百元');
      expect(shown.fields.amount).toBe('7,500.00 元');
      expect(shown.row.amountFen).toBe(750_000);
      await a.sync.flush();
      expect(a.sync.lastError).toBeNull();
      expect(a.db.prepare('SELECT count(*) AS n FROM counter_outbox WHERE done_at IS NULL OR last_error IS NOT NULL').get()).toEqual({ n: 0 });

      const held = await central.store.caseRecord(filing.id);
      expect(held!.record.amountFen).toBe(750_000);
      const h = await history(officialNo);
      expect(h.officialNo).toBe(officialNo);
      expect(h.corrected).toEqual({ amountFen: 750_000 });
      expect(h.history).toEqual([
        expect.objectContaining({ field: 'amount', oldValue: '8,000.00 元', newValue: '7,500.00 元', reason: '判决主文金额为七千五百元', clerk: '窗口1', terminal: 'aaaaaaaa-0000-4000-8000-000000000001', correction: { field: 'amount', amountFen: 750_000 } }),
      ]);
      // The central's own clock, not the counter's (which runs a minute behind here).
      expect(Date.parse(h.history[0]!.at)).toBeGreaterThan(Date.parse(clock.now().toISOString()));
      expect((await central.store.numberedCases()).find((c) => c.filingId === filing.id)?.officialNo).toBe(officialNo);

      // A kiosk learns the corrected values with the case change it pulls.
      const changes = await central.store.changesSince(court.code, 0, 100);
      const last = changes.filter((c) => c.filingId === filing.id).at(-1)!;
      expect(last.corrected).toEqual({ amountFen: 750_000 });
      expect(last.officialNo).toBe(officialNo);
      const kiosk = counterBench({ court, now: clock.now, log });
      try {
        kiosk.filings.submit(filingDraftSchema.parse(draft({ amountYuan: '8000' })), APPLICANT);
        const record = JSON.parse((a.db.prepare('SELECT record_json FROM filings WHERE id = ?').get(filing.id) as { record_json: string }).record_json) as FilingRecord;
        kiosk.db.prepare("INSERT INTO filings (id, provisional_no, court_id, court_code, type_code, status, applicant_key, submitted_at, record_json, updated_at) VALUES (?, ?, ?, ?, ?, 'pending', 'k', ?, ?, ?)").run(
          filing.id, record.provisionalNo, record.courtId, record.courtCode, record.typeCode, record.submittedAt, JSON.stringify({ ...record, amountFen: 800_000 }), record.submittedAt,
        );
        applyCaseChanges(kiosk.db, changes, last.version, new Date());
        expect(getFilingView(kiosk.db, filing.id)).toMatchObject({ amountFen: 750_000, officialNo });
      } finally {
        await kiosk.close();
      }

      // Counter B: the queue, the case, the register and the 执行通知书 all say 7,500.
      await b.sync.flush();
      expect(b.sync.lastError).toBeNull();
      const onB = b.counter.detail(tb, filing.id);
      expect(onB.row.officialNo).toBe(officialNo);
      expect(onB.row.amountFen).toBe(750_000);
      expect(onB.fields.amount).toBe('7,500.00 元');
      expect(onB.verifications[0]).toMatchObject({ field: 'amount', verdict: 'corrected', originalValue: '8,000.00 元', correctedValue: '7,500.00 元', reason: '判决主文金额为七千五百元', clerk: expect.stringMatching(/（wang）$|^wang$/) });
      expect(b.counter.queue(tb, '', 'all').find((r) => r.filingId === filing.id)?.amountFen).toBe(750_000);
      const day = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
      const prev = new Date(Date.now() - 16 * 3_600_000).toISOString().slice(0, 10);
      expect(b.counter.register(tb, prev, day).csv).toContain('"7,500.00"');
      const notice = await b.counter.notice(tb, filing.id, 'enforcement');
      const file = join(b.dir, 'notice.pdf');
      writeFileSync(file, Buffer.from(notice.pdfBase64, 'base64'));
      const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
      expect(text).toContain('7,500.00');
      expect(text).not.toContain('8,000.00');
      // Corrected values are personal data at the central: never in a log.
      expect(logged.join('\n')).not.toContain('判决主文金额为七千五百元');
    });

    it('applies a resent correction once', async () => {
      const row = a.db.prepare("SELECT action_json FROM counter_outbox WHERE action_json LIKE '%\"correct\"%'").get() as { action_json: string };
      const { action: _a, ...body } = JSON.parse(row.action_json) as { action: string };
      const res = await fetch(`${central.url}/v1/court/corrections`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${courtToken}` },
        body: JSON.stringify({ ...body, number: filing.id }),
      });
      expect(((await res.json()) as { status: string }).status).toBe('unchanged');
      expect((await history(filing.id)).history).toHaveLength(1);
    });

    it('finishes first reception only when each of the five items is verified or corrected', async () => {
      b.counter.saveReception(tb, filing.id, RECEPTION);
      const e = await refused(() => b.counter.done(tb, filing.id));
      expect(e.code).toBe('counter.not-verified');
      expect(e.message_zh).toContain('执行主体信息');
      expect(e.message_zh).not.toContain('执行标的金额');
      for (const f of VERIFY_FIELDS.filter((x) => x !== 'amount')) b.counter.verify(tb, filing.id, f, 'verified');
      expect(b.counter.done(tb, filing.id).row.stage).toBe('done');
    });
  });
}
