/**
 * A push committed as one batch (commitBatch), on SQLite and on PostgreSQL (real servers, real
 * files): numbers in the batch's order without gaps, a replayed batch answered identically, a
 * filing repeated inside one batch answered once and numbered once, a mutation id reused for
 * another filing inside a batch, rejections and corrections among new filings, and batches of
 * many devices at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { CentralStore } from '../../../src-main/central/store.js';
import { SqliteCentralStore } from '../../../src-main/central/sqlite-store.js';
import { PgCentralStore } from '../../../src-main/central/pg-store.js';
import { hashCode, issueEnrolCode } from '../../../src-main/central/enrolment.js';
import type { BatchItem } from '../../../src-main/central/batch-commit.js';
import type { MutationResult } from '../../../src-shared/sync/protocol.js';
import type { FilingRecord } from '../../../src-shared/domain/filing.js';
import { tempDir } from '../../support/tmp.js';
import { court, filingRecord, seqOf } from '../sync/support.js';
import { PG_SKIP_NOTE, PG_URL, dropSchema, freshSchema } from './pg-support.js';

if (!PG_URL) console.warn(PG_SKIP_NOTE);

const kinds: { name: string; open(): Promise<{ store: CentralStore; done(): Promise<void> }>; skip: boolean }[] = [
  {
    name: 'sqlite',
    skip: false,
    async open() {
      const dir = tempDir();
      const store = new SqliteCentralStore(join(dir.path, 'central.sqlite'));
      return { store, done: async () => (await store.close(), dir.cleanup()) };
    },
  },
  {
    name: 'postgres',
    skip: !PG_URL,
    async open() {
      const schema = freshSchema();
      const store = await PgCentralStore.open(PG_URL!, { schema, max: 12 });
      return { store, done: async () => (await store.close(), await dropSchema(schema)) };
    },
  },
];

const create = (mutationId: number, filing: FilingRecord = filingRecord(), rejection: MutationResult | null = null): BatchItem => ({ mutation: { mutationId, kind: 'filing.create', filing }, rejection });
const seqs = (rs: MutationResult[]) => rs.map((r) => (r.status === 'accepted' ? seqOf(r.officialNo) : r.code));

for (const kind of kinds) {
  describe.skipIf(kind.skip)(`a batch committed on ${kind.name}`, () => {
    let store: CentralStore;
    let done: () => Promise<void>;
    let n = 0;
    const device = async () => {
      const id = `dev-batch-${++n}`;
      const issued = await issueEnrolCode(store, court.id, new Date());
      if (!issued.ok) throw new Error('code');
      await store.redeemEnrolCode(hashCode(issued.code), id, 'secret', new Date());
      return id;
    };
    const batch = (deviceId: string, items: BatchItem[]) => store.commitBatch({ deviceId, courtCode: court.code, items, now: new Date() });
    const lastSeq = async () => Math.max(0, ...(await store.numberedCases()).map((c) => c.seq));

    beforeAll(async () => ({ store, done } = await kind.open()));
    afterAll(async () => done());

    it('numbers a batch in its order, and answers its replay identically', async () => {
      const d = await device();
      const start = await lastSeq();
      const items = Array.from({ length: 30 }, (_, i) => create(i + 1));
      const first = await batch(d, items);
      expect(first.conflict).toBeNull();
      expect(seqs(first.results)).toEqual(Array.from({ length: 30 }, (_, i) => start + i + 1));
      expect(first.results.map((r) => r.mutationId)).toEqual(items.map((i) => i.mutation.mutationId));
      expect(await batch(d, items)).toEqual(first);
      // Part of it again, with new filings after: the old ones keep their numbers.
      const again = await batch(d, [...items.slice(20), create(31), create(32)]);
      expect(seqs(again.results)).toEqual([...seqs(first.results).slice(20), start + 31, start + 32]);
    });

    it('answers a mutation repeated inside one batch once, and numbers a filing sent under two ids once', async () => {
      const d = await device();
      const start = await lastSeq();
      const twice = create(1);
      const f = filingRecord();
      const r = await batch(d, [twice, create(2), twice, create(3, f), create(4, f)]);
      expect(r.conflict).toBeNull();
      expect(r.results.map((x) => x.mutationId)).toEqual([1, 2, 3, 4]);
      expect(seqs(r.results)).toEqual([start + 1, start + 2, start + 3, start + 3]);
      expect(await lastSeq()).toBe(start + 3);
      expect((await store.numberedCases()).filter((c) => c.filingId === f.id)).toHaveLength(1);
    });

    it('stops at a mutation id reused for another filing inside a batch: what came before is committed, nothing after', async () => {
      const d = await device();
      const start = await lastSeq();
      const after = filingRecord();
      const r = await batch(d, [create(1), create(2), create(1), create(3, after)]);
      expect(r.results.map((x) => x.mutationId)).toEqual([1, 2]);
      expect(r.conflict).toEqual({ conflict: true, lastMutationId: 2 });
      expect(await lastSeq()).toBe(start + 2);
      expect((await store.numberedCases()).some((c) => c.filingId === after.id)).toBe(false);
      // The same against an id stored by an earlier push.
      const later = await batch(d, [create(3, after), create(2)]);
      expect(seqs(later.results)).toEqual([start + 3]);
      expect(later.conflict).toEqual({ conflict: true, lastMutationId: 3 });
    });

    it('keeps rejections and corrections in place among new filings, each stored for its replay', async () => {
      const d = await device();
      const start = await lastSeq();
      const numbered = filingRecord();
      await batch(d, [create(1, numbered)]);
      const rejection: MutationResult = { mutationId: 3, status: 'rejected', code: 'rule:x', reason_zh: '不行', reason_en: 'No' };
      const correction: BatchItem = { mutation: { mutationId: 4, kind: 'filing.correct', filing: { ...numbered, amountFen: numbered.amountFen } }, rejection: null };
      const items = [create(2), create(3, filingRecord(), rejection), correction, create(5)];
      const r = await batch(d, items);
      expect(r.results.map((x) => [x.mutationId, x.status])).toEqual([[2, 'accepted'], [3, 'rejected'], [4, r.results[2]!.status], [5, 'accepted']]);
      expect(seqs([r.results[0]!, r.results[3]!])).toEqual([start + 2, start + 3]);
      expect(await batch(d, items)).toEqual(r);
    });

    it('numbers batches of 8 devices at once without a gap or a duplicate', async () => {
      const devices = await Promise.all(Array.from({ length: 8 }, () => device()));
      const start = await lastSeq();
      const outs = await Promise.all(devices.map((d) => batch(d, Array.from({ length: 25 }, (_, i) => create(i + 1)))));
      const all = outs.flatMap((o) => seqs(o.results) as number[]).sort((a, b) => a - b);
      expect(all).toEqual(Array.from({ length: 200 }, (_, i) => start + i + 1));
      // Each device's batch got a run in its own order.
      for (const o of outs) {
        const s = seqs(o.results) as number[];
        expect([...s].sort((a, b) => a - b)).toEqual(s);
      }
    });

    it('answers a run pushed twice at once (a retry while the first is still running) identically, numbering it once', async () => {
      const d = await device();
      const start = await lastSeq();
      const items = Array.from({ length: 30 }, (_, i) => create(i + 1));
      const [a, b] = await Promise.all([batch(d, items), batch(d, items)]);
      expect(a.results).toEqual(b.results);
      expect(seqs(a.results)).toEqual(Array.from({ length: 30 }, (_, i) => start + i + 1));
      expect(await lastSeq()).toBe(start + 30);
    });

    it('numbers one filing sent by two kiosks at once once, and gives both the same number', async () => {
      const [d1, d2] = await Promise.all([device(), device()]);
      const start = await lastSeq();
      const shared = filingRecord();
      const [a, b] = await Promise.all([batch(d1, [create(1), create(2, shared), create(3)]), batch(d2, [create(1, shared), create(2)])]);
      const numberOf = (rs: MutationResult[], i: number) => (rs[i]!.status === 'accepted' ? (rs[i] as { officialNo: string }).officialNo : null);
      expect(numberOf(a.results, 1)).toBe(numberOf(b.results, 0));
      const all = [...seqs(a.results), ...seqs(b.results)] as number[];
      expect(new Set(all).size).toBe(4);
      expect([...new Set(all)].sort((x, y) => x - y)).toEqual([start + 1, start + 2, start + 3, start + 4]);
    });
  });
}
