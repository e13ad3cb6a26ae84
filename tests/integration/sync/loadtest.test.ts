/**
 * The loadtest behind `yzt loadtest` and `npm run bench sync`: real kiosk filings made by the
 * kiosk's own FilingService, several kiosks pushing at once to a real central, and its own
 * check that every filing is numbered once with no gap.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { startCentral, type CentralHandle } from '../../../src-main/central/central-server.js';
import { runLoadtest } from '../../../src-main/sync/loadtest.js';
import { tempDir } from '../../support/tmp.js';
import { quietLog, seqOf } from './support.js';

describe('the loadtest', () => {
  const dir = tempDir('yzt-loadtest-');
  let central: CentralHandle;
  beforeAll(async () => {
    central = await startCentral({ dbFile: join(dir.path, 'central.sqlite'), port: 0, log: quietLog });
  });
  afterAll(async () => {
    await central.close();
    dir.cleanup();
  });

  it('numbers every filing of three kiosks once, gapless, and says so', async () => {
    const report = await runLoadtest({ kiosks: 3, filings: 7, centralUrl: central.url, store: central.store, log: quietLog, batchCount: 4 });
    expect(report.problems).toEqual([]);
    expect(report.filings).toBe(21);
    expect(report.kioskCpuSeconds).toBeGreaterThan(0);
    const cases = await central.store.numberedCases();
    expect(cases.map((c) => seqOf(c.officialNo)).sort((a, b) => a - b)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
    // Real filings with facts, each on its own basis number, as the kiosk makes them.
    const records = await Promise.all(cases.slice(0, 3).map(async (c) => (await central.store.caseRecord(c.filingId))!.record));
    for (const r of records) expect(r.facts).toBeDefined();
    expect(new Set(records.map((r) => r.basisNumber)).size).toBe(3);
  });

  it('pushes a warm-up first, untimed, then timed rounds, and checks every filing', async () => {
    const before = (await central.store.numberedCases()).length;
    const report = await runLoadtest({ kiosks: 2, filings: 5, warmup: 3, rounds: 2, centralUrl: central.url, store: central.store, log: quietLog, batchCount: 4 });
    expect(report.problems).toEqual([]);
    // The rate counts the timed rounds' filings; the central numbered the warm-up's as well.
    expect(report.filings).toBe(20);
    expect(report.roundRates).toHaveLength(2);
    expect(report.warmupSeconds).toBeGreaterThan(0);
    const cases = await central.store.numberedCases();
    expect(cases.length - before).toBe(26);
    expect(cases.map((c) => seqOf(c.officialNo)).sort((a, b) => a - b)).toEqual(Array.from({ length: cases.length }, (_, i) => i + 1));
    // Each filing has its own basis number, the warm-up's included.
    const basis = await Promise.all(cases.slice(before).map(async (c) => (await central.store.caseRecord(c.filingId))!.record.basisNumber));
    expect(new Set(basis).size).toBe(26);
  });
});
