/**
 * Issue 14 item 2, 执前督 end to end on a real central process (`yzt central serve`), on SQLite
 * and on PostgreSQL. Counter A records the hand-over and 未履行: the record goes up, the
 * central numbers the 执 case at once (within the 3 working days of seed 001 art. 25, which it
 * keeps), closes the 执前督 as transferred, and the counter shows the number; counter B pulls
 * the 执 case with the origin's pages, property clues and a link to the origin (its reception
 * record); the applicant's kiosk sees the 执 number and the 执 case's own deadline. A failure
 * whose case the central does not hold is refused with the central's Chinese reason, and once
 * fixed a retry numbers it (the same id: one case). 履行完毕 with the amount closes the 执前督
 * at the central without a 执 number, the amount in its history.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { spawnYzt, type YztProcess } from '../../../src-main/proc/spawn-yzt.js';
import { SqliteCentralStore } from '../../../src-main/central/sqlite-store.js';
import { PgCentralStore } from '../../../src-main/central/pg-store.js';
import type { CentralStore } from '../../../src-main/central/store.js';
import { issueCourtToken } from '../../../src-main/central/court-auth.js';
import { hashCode, issueEnrolCode } from '../../../src-main/central/enrolment.js';
import { addDocument } from '../../../src-main/filings/document-store.js';
import { applyCaseChanges } from '../../../src-main/sync/case-status-store.js';
import { getFilingView } from '../../../src-main/filings/filing-store.js';
import { createLogger } from '../../../src-main/log/logger.js';
import { findCourt, resolveCourt } from '../../../src-shared/courts/court-profile.js';
import { calendarFor } from '../../../src-shared/rules/context.js';
import { computeDeadline } from '../../../src-shared/calendar/deadlines.js';
import { PRE_HAND_BACK } from '../../../src-main/counter/case-nodes.js';
import { filingDraftSchema, type FilingRecord, type FilingView } from '../../../src-shared/domain/filing.js';
import type { MutationResult } from '../../../src-shared/sync/protocol.js';
import { APPLICANT, draft } from '../../support/fixtures.js';
import { PG_URL, freshDatabase } from '../central/pg-support.js';
import { tempDir } from '../../support/tmp.js';
import { counterBench, PNG_1PX, type CounterBench } from './support.js';

const court = findCourt('jiaozuo-shanyang')!;
const cal = calendarFor(resolveCourt(court));

const KINDS = [
  { name: 'sqlite', skip: false },
  { name: 'postgres', skip: !PG_URL },
] as const;

for (const kind of KINDS) {
  describe.skipIf(kind.skip)(`执前督 to a 执 number, or closed as performed, on a real central (${kind.name})`, () => {
    const dir = tempDir('yzt-pre-follow-');
    let pgDb: Awaited<ReturnType<typeof freshDatabase>> | null = null;
    let central: YztProcess;
    let url = '';
    let courtToken = '';
    let a: CounterBench;
    let b: CounterBench;
    let ta = '';
    let tb = '';
    let mutation = 0;
    const logged: string[] = [];
    const log = createLogger({ level: 'debug', sink: logged });
    const now = () => new Date();
    const store = async <T>(use: (s: CentralStore) => Promise<T>): Promise<T> => {
      const s = pgDb ? await PgCentralStore.open(pgDb.url, { max: 2 }) : new SqliteCentralStore(join(dir.path, 'central.sqlite'));
      try {
        return await use(s);
      } finally {
        await s.close();
      }
    };
    /** A 执前督 filed at A (with a photographed page and a property clue); `atCentral`: pushed and numbered there as the kiosk's sync would. */
    const filePre = async (atCentral: boolean): Promise<FilingView> => {
      const holder = `holder-${mutation}`;
      const page = addDocument(a.db, holder, 'basis', PNG_1PX, now());
      const v = a.filings.submit(filingDraftSchema.parse(draft({ documentIds: [page.id], preEnforcement: { servedByPublicNotice: false, urgent: false, applicantRefuses: false }, propertyClues: [{ kind: 'vehicle', description: '豫H12345 轿车' }] })), APPLICANT, holder);
      if (atCentral) await pushToCentral(v.id);
      return v;
    };
    const pushToCentral = async (filingId: string) => {
      const record = JSON.parse((a.db.prepare('SELECT record_json FROM filings WHERE id = ?').get(filingId) as { record_json: string }).record_json) as FilingRecord;
      const r = (await store((s) => s.commitMutation({ deviceId: 'dev-pre', courtCode: court.code, mutation: { mutationId: ++mutation, kind: 'filing.create', filing: record }, rejection: null, now: now() }))) as MutationResult;
      if (r.status !== 'accepted') throw new Error('not filed');
      const doc = a.db.prepare('SELECT id, kind, mime, sha256, bytes FROM documents WHERE filing_id = ?').get(filingId) as { id: string; kind: string; mime: string; sha256: string; bytes: Buffer };
      await store((s) => s.putDocument({ id: doc.id, filingId, courtCode: court.code, kind: doc.kind, mime: doc.mime, sha256: doc.sha256, bytes: doc.bytes.length, data: doc.bytes, uploadedBy: 'dev-pre' }, now()));
      a.db.prepare("UPDATE filings SET official_no = ?, status = 'accepted' WHERE id = ?").run(r.officialNo, filingId);
    };
    /** The applicant's kiosk (here A's database, which filed it) pulls the court's changes. */
    const kioskPull = async (filingId: string) => {
      const changes = await store((s) => s.changesSince(court.code, 0, 500));
      applyCaseChanges(a.db, changes, changes.at(-1)?.version ?? 0, now());
      return getFilingView(a.db, filingId)!;
    };

    beforeAll(async () => {
      let start: string[];
      if (kind.name === 'postgres') {
        pgDb = await freshDatabase();
        start = ['--pg', pgDb.url];
      } else start = ['--db', join(dir.path, 'central.sqlite')];
      await store(async (s) => {
        const issued = await issueEnrolCode(s, court.id, now());
        if (!issued.ok) throw new Error('enrol code');
        await s.redeemEnrolCode(hashCode(issued.code), 'dev-pre', 'secret', now());
        const t = await issueCourtToken(s, court.id, now(), '窗口1');
        if (!t.ok) throw new Error('court token');
        courtToken = t.token;
      });
      central = await spawnYzt(['central', 'serve', '--port', '0', ...start], /listening on (http:\/\/\S+)/);
      url = central.ready[1]!;
      const endpoint = { centralUrl: () => url, token: () => courtToken, baseDelayMs: 20, maxDelayMs: 100 };
      a = counterBench({ court, now, log, deviceId: 'aaaaaaaa-0000-4000-8000-00000000000a', sync: endpoint });
      b = counterBench({ court, now, log, deviceId: 'bbbbbbbb-0000-4000-8000-00000000000b', sync: endpoint });
      ta = await a.clerk('wang', 'reception');
      tb = await b.clerk('zhao', 'reception');
    }, 60_000);
    afterAll(async () => {
      await a?.close();
      await b?.close();
      await central?.stop();
      await pgDb?.drop();
      dir.cleanup();
    });

    it('未履行: the central numbers the 执 case at once and closes the 执前督; both counters and the applicant see the number and the 执 case’s own deadline', async () => {
      const pre = await filePre(true);
      a.counter.preEnforcement(ta, pre.id, 'handed-over');
      await a.sync.flush();
      // Supervising: the applicant's next deadline is the supervision period, not the hand-over date.
      const supervising = await kioskPull(pre.id);
      expect(supervising.preEnforcement).toMatchObject({ state: 'supervising' });
      expect(supervising.nextDeadline?.label_zh).toBe('执前督促履行期限');

      const failedAt = now();
      let d = a.counter.preEnforcement(ta, pre.id, 'failed');
      expect(d.preEnforcement?.followUp).toMatchObject({ status: 'pending' });
      await a.sync.flush();
      d = a.counter.detail(ta, pre.id);
      const follow = d.preEnforcement?.followUp;
      expect(follow).toMatchObject({ status: 'numbered' });
      const officialNo = (follow as { officialNo: string }).officialNo;
      expect(officialNo).toMatch(/豫0811执\d+号$/);
      // Seed 001 art. 25: within 3 working days of the failure; numbered the same day.
      const due = computeDeadline({ ...PRE_HAND_BACK, from: 'supervision-ended' }, failedAt, cal).dueDate;
      expect(d.preEnforcement?.filingDue).toBe(due);
      await central.waitFor(/central\.follow-up.*窗口1/);

      // At the central: the 执 case follows the 执前督, which is closed as transferred.
      const numbered = await store((s) => s.numberedCases());
      const zhi = numbered.find((c) => c.officialNo === officialNo)!;
      expect(zhi.typeCode).toBe('执');
      const changes = await store((s) => s.changesSince(court.code, 0, 500));
      const last = changes.filter((c) => c.filingId === pre.id).at(-1)!;
      expect(last.status).toBe('closed');
      expect(last.reasons_zh.join()).toContain(officialNo);
      expect(last.preEnforcement).toMatchObject({ state: 'transferred', filingDue: due, followUp: { officialNo, typeCode: '执' } });

      // Counter B pulls the 执 case: the origin's pages and clues, and the link to the 执前督.
      await b.sync.flush();
      const opened = b.counter.detail(tb, zhi.filingId);
      expect(opened.row.officialNo).toBe(officialNo);
      expect(opened.row.typeCode).toBe('执');
      expect(opened.propertyClues).toEqual([{ kind: 'vehicle', description: '豫H12345 轿车' }]);
      expect(opened.origin).toEqual({ filingId: pre.id, officialNo: pre.officialNo ?? (a.db.prepare('SELECT official_no FROM filings WHERE id = ?').get(pre.id) as { official_no: string }).official_no });
      expect(opened.documents).toHaveLength(1);
      expect((await b.counter.document(tb, opened.documents[0]!.id, zhi.filingId)).dataUrl).toBe(PNG_1PX);
      expect(b.counter.detail(tb, pre.id).preEnforcement?.followUp).toMatchObject({ status: 'numbered', officialNo });

      // The applicant: the new number, and the 执 case's own deadline (not the 执前督's dates).
      const seen = await kioskPull(pre.id);
      expect(seen.preEnforcement).toMatchObject({ state: 'transferred', followUp: { officialNo } });
      const zhiDeadlines = (last.preEnforcement as { deadlines: Array<{ label_zh: string; dueDate: string }> }).deadlines;
      expect(zhiDeadlines.length).toBeGreaterThan(0);
      expect(seen.nextDeadline?.label_zh).toBe(zhiDeadlines.slice().sort((x, y) => x.dueDate.localeCompare(y.dueDate))[0]!.label_zh);
    });

    it('a refused follow-up shows the central’s reason; once the cause is fixed a retry numbers it, once', async () => {
      // Filed here but not at the central yet (the kiosk was offline): the central refuses.
      const pre = await filePre(false);
      a.counter.preEnforcement(ta, pre.id, 'handed-over');
      a.counter.preEnforcement(ta, pre.id, 'refused');
      await a.sync.flush();
      let d = a.counter.detail(ta, pre.id);
      expect(d.preEnforcement?.outcome).toBe('refused');
      expect(d.preEnforcement?.followUp).toMatchObject({ status: 'rejected', code: 'case-not-found', message_zh: '法院系统中没有本院的这个原案件' });
      // Nothing is asked again by itself.
      await a.sync.flush();
      expect(a.counter.detail(ta, pre.id).preEnforcement?.followUp?.status).toBe('rejected');
      expect(logged.join('\n')).toMatch(/counter\.follow-up\.refused/);

      await pushToCentral(pre.id);
      d = a.counter.preEnforcement(ta, pre.id, 'retry');
      expect(d.preEnforcement?.followUp).toMatchObject({ status: 'pending' });
      await a.sync.flush();
      d = a.counter.detail(ta, pre.id);
      expect(d.preEnforcement?.followUp).toMatchObject({ status: 'numbered' });
      const officialNo = (d.preEnforcement?.followUp as { officialNo: string }).officialNo;
      const following = (await store((s) => s.numberedCases())).filter((c) => c.officialNo === officialNo);
      expect(following).toHaveLength(1);
      // A retry of a numbered case is refused: it has its number.
      await expect(async () => a.counter.preEnforcement(ta, pre.id, 'retry')).rejects.toMatchObject({ code: 'counter.pre-no-retry' });
    });

    it('履行完毕 with the amount paid closes the 执前督 at the central without a 执 number', async () => {
      const pre = await filePre(true);
      a.counter.preEnforcement(ta, pre.id, 'handed-over');
      await expect(async () => a.counter.preEnforcement(ta, pre.id, 'performed', 'abc')).rejects.toMatchObject({ code: 'validation' });
      const before = (await store((s) => s.numberedCases())).length;
      const d = a.counter.preEnforcement(ta, pre.id, 'performed', '7,500');
      expect(d.preEnforcement).toMatchObject({ outcome: 'performed', paidFen: 750000, followUp: null, filingDue: null });
      await a.sync.flush();
      const changes = (await store((s) => s.changesSince(court.code, 0, 500))).filter((c) => c.filingId === pre.id);
      const last = changes.at(-1)!;
      expect(last.status).toBe('closed');
      expect(last.reasons_zh.join()).toContain('7,500.00 元');
      expect(last.preEnforcement).toMatchObject({ state: 'performed', paidFen: 750000 });
      expect((await store((s) => s.numberedCases())).length).toBe(before);
      const seen = await kioskPull(pre.id);
      expect(seen.preEnforcement).toMatchObject({ state: 'performed', paidFen: 750000 });
      expect(seen.nextDeadline).toBeNull();
      // No 执 can be made of it afterwards: the central holds no failure.
      const res = await fetch(`${url}/v1/court/follow-up`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${courtToken}` }, body: JSON.stringify({ id: crypto.randomUUID(), origin: pre.id, event: 'pre-enforcement-failed' }) });
      expect(res.status).toBe(409);
      expect(((await res.json()) as { error: string }).error).toBe('pre-not-failed');
    });
  });
}
