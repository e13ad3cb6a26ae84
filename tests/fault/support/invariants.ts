/** What must hold after any fault: every kiosk filing numbered exactly once, numbers gapless. */
import { expect } from 'vitest';
import type { Db } from '../../../src-main/db/open.js';
import type { CentralStore } from '../../../src-main/central/store.js';

export async function expectConsistent(store: CentralStore, kiosks: Db[]): Promise<{ filings: number }> {
  const cases = await store.numberedCases();
  const byGroup = new Map<string, number[]>();
  for (const c of cases) {
    const k = `${c.courtCode}|${c.typeCode}|${c.year}`;
    byGroup.set(k, [...(byGroup.get(k) ?? []), c.seq]);
  }
  for (const seqs of byGroup.values()) expect(seqs.sort((a, b) => a - b)).toEqual(seqs.map((_, i) => i + 1));
  expect(new Set(cases.map((c) => c.officialNo)).size).toBe(cases.length);
  const central = new Map(cases.map((c) => [c.filingId, c.officialNo]));
  let filings = 0;
  for (const db of kiosks) {
    const rows = db.prepare('SELECT id, official_no, status FROM filings').all() as { id: string; official_no: string | null; status: string }[];
    for (const r of rows) {
      expect(r.official_no, `filing ${r.id} numbered on the kiosk as on the central`).toBe(central.get(r.id) ?? null);
      if (r.status !== 'rejected') expect(r.official_no).not.toBeNull();
    }
    expect(db.prepare('SELECT count(*) AS n FROM outbox WHERE done_at IS NULL').get()).toEqual({ n: 0 });
    filings += rows.length;
  }
  expect(cases.length).toBe(filings);
  return { filings };
}
