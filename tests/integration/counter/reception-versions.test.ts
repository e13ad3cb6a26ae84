/**
 * Issue 14 item 3 on two counter terminals and a real central, on SQLite and on PostgreSQL: the
 * first-reception record is locked once printed; a change is the next version, to be printed and
 * signed again; the signed scan stays with the version that was signed, on both terminals; the
 * applicant's property clues and payee account reach the clerk with the synced filing and fill
 * item 三 and the 财产线索调查表.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCentral, type CentralHandle } from '../../../src-main/central/central-server.js';
import { issueCourtToken } from '../../../src-main/central/court-auth.js';
import { hashCode, issueEnrolCode } from '../../../src-main/central/enrolment.js';
import { silentLogger } from '../../../src-main/log/logger.js';
import { findCourt } from '../../../src-shared/courts/court-profile.js';
import { filingDraftSchema, type FilingRecord, type FilingView } from '../../../src-shared/domain/filing.js';
import { propertySummary } from '../../../src-shared/counter/property-clues.js';
import { APPLICANT, draft } from '../../support/fixtures.js';
import { fixedClock, tempDir } from '../../support/tmp.js';
import { STORES, freshSchema } from '../central/pg-support.js';
import { counterBench, PNG_1PX, RECEPTION, refused, verifyAll, type CounterBench } from './support.js';

const court = findCourt('jiaozuo-shanyang')!;
const CLUES = [
  { kind: 'vehicle' as const, description: '豫H12345 小型轿车一辆' },
  { kind: 'bank' as const, description: '中国工商银行焦作分行账户' },
];

for (const kind of STORES) {
  describe.skipIf(kind.skip)(`the reception record has versions (${kind.name})`, () => {
    const dir = tempDir('yzt-reception-');
    const schema = freshSchema();
    let central: CentralHandle;
    let a: CounterBench;
    let b: CounterBench;
    let ta = '';
    let tb = '';
    let filing: FilingView;
    const clock = fixedClock(new Date(Date.now() - 60_000).toISOString());

    beforeAll(async () => {
      central = await startCentral({ ...kind.choice(dir.path, schema), port: 0, log: silentLogger, adminToken: 'admin-token' });
      const t = await issueCourtToken(central.store, court.id, new Date());
      if (!t.ok) throw new Error('court token');
      const endpoint = { centralUrl: () => central.url, token: () => t.token, baseDelayMs: 20, maxDelayMs: 100 };
      a = counterBench({ court, now: clock.now, deviceId: 'aaaaaaaa-0000-4000-8000-000000000002', sync: endpoint });
      b = counterBench({ court, now: clock.now, deviceId: 'bbbbbbbb-0000-4000-8000-000000000002', sync: endpoint });
      ta = await a.clerk('wang', 'reception');
      tb = await b.clerk('zhao', 'reception');
      const issued = await issueEnrolCode(central.store, court.id, new Date());
      if (!issued.ok) throw new Error('enrol code');
      await central.store.redeemEnrolCode(hashCode(issued.code), 'dev-k', 'secret', new Date());
      // Filed at a kiosk (here: A's database) with clues and a payee; B only gets it through the central.
      filing = a.filings.submit(filingDraftSchema.parse(draft({ propertyClues: CLUES })), APPLICANT);
      const record = JSON.parse((a.db.prepare('SELECT record_json FROM filings WHERE id = ?').get(filing.id) as { record_json: string }).record_json) as FilingRecord;
      await central.store.commitMutation({ deviceId: 'dev-k', courtCode: court.code, mutation: { mutationId: 1, kind: 'filing.create', filing: record }, rejection: null, now: new Date() });
      await b.sync.flush();
    });
    afterAll(async () => {
      await a?.close();
      await b?.close();
      await central?.close();
      await kind.done(schema);
      dir.cleanup();
    });

    it('brings the kiosk\'s property clues and payee to the clerk, for item 三 and the 财产线索调查表', async () => {
      const d = b.counter.detail(tb, filing.id);
      expect(d.propertyClues).toEqual(CLUES);
      expect(d.payee).toEqual({ accountName: '张三', bank: '中国银行焦作分行', accountNumber: '6217000000000000018' });
      const item3 = propertySummary(d.propertyClues, d.payee);
      expect(item3).toContain('车辆：豫H12345 小型轿车一辆');
      expect(item3).toContain('6217000000000000018');
      const pdf = await b.counter.propertyClueForm(tb, filing.id);
      const file = join(b.dir, 'clues.pdf');
      writeFileSync(file, Buffer.from(pdf.pdfBase64, 'base64'));
      const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
      expect(text).toContain('财产线索调查表');
      expect(text).toContain('豫H12345小型轿车一辆');
      expect(text).toContain('中国工商银行焦作分行账户');
      expect(text).toContain('6217000000000000018');
    });

    it('locks a printed record; a change is version 2, and version 1 keeps its print and signed scan on both terminals', async () => {
      b.counter.saveReception(tb, filing.id, RECEPTION);
      // Before printing, saving again stays version 1.
      expect(b.counter.saveReception(tb, filing.id, { ...RECEPTION, notes: '草稿修改' }).reception?.version).toBe(1);
      await b.counter.printReception(tb, filing.id);
      const signed = (await b.counter.attachScan(tb, filing.id, PNG_1PX)).reception!;
      expect(signed).toMatchObject({ version: 1, printedAt: expect.any(String), scanSha256: expect.stringMatching(/^[0-9a-f]{64}$/) });

      const locked = await refused(() => b.counter.saveReception(tb, filing.id, { ...RECEPTION, notes: '补充说明' }));
      expect(locked.code).toBe('counter.reception-locked');
      expect(b.counter.detail(tb, filing.id).reception).toMatchObject({ version: 1, printedAt: signed.printedAt, scanSha256: signed.scanSha256 });

      clock.advance(1000);
      const v2 = b.counter.saveReception(tb, filing.id, { ...RECEPTION, notes: '补充说明' }, true).reception!;
      expect(v2).toMatchObject({ version: 2, notes: '补充说明', printedAt: null, scanSha256: null });
      expect(v2.earlier).toEqual([expect.objectContaining({ version: 1, notes: '草稿修改', printedAt: signed.printedAt, scanSha256: signed.scanSha256, scanId: signed.scanId })]);
      // Version 2 is not signed yet: no scan before its print.
      expect((await refused(() => b.counter.attachScan(tb, filing.id, PNG_1PX))).code).toBe('counter.not-printed');
      // The old scan still opens, as version 1's.
      expect((await b.counter.document(tb, signed.scanId!, filing.id)).dataUrl).toBe(PNG_1PX);

      await b.sync.flush();
      expect(b.sync.lastError).toBeNull();
      await a.sync.flush();
      const onA = a.counter.detail(ta, filing.id).reception!;
      expect(onA).toMatchObject({ version: 2, notes: '补充说明', printedAt: null, scanSha256: null });
      // Another terminal's print carries the central's time (clerk records are attested), not B's clock.
      expect(onA.earlier).toEqual([expect.objectContaining({ version: 1, printedAt: expect.any(String), scanSha256: signed.scanSha256, scanId: signed.scanId })]);
      // A fetches version 1's scan from the central.
      expect((await a.counter.document(ta, signed.scanId!, filing.id)).dataUrl).toBe(PNG_1PX);

      // Version 2 printed on A: B shows it printed, version 1 untouched.
      clock.advance(1000);
      await a.counter.printReception(ta, filing.id);
      await a.sync.flush();
      await b.sync.flush();
      const onB = b.counter.detail(tb, filing.id).reception!;
      expect(onB).toMatchObject({ version: 2, printedAt: expect.any(String), scanSha256: null });
      expect(onB.earlier?.[0]).toMatchObject({ version: 1, scanSha256: signed.scanSha256 });
    });

    it('keeps a finished case\'s record as it was', async () => {
      verifyAll(b.counter, tb, filing.id);
      b.counter.done(tb, filing.id);
      const e = await refused(() => b.counter.saveReception(tb, filing.id, { ...RECEPTION, notes: '办结后修改' }, true));
      expect(e.code).toBe('counter.reception-locked');
    });
  });
}
