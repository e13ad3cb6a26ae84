/**
 * Load test of sync: N real kiosk sync clients (each its own kiosk SQLite file and SyncEngine)
 * push M queued filings each to a central gateway over real HTTP, then the result is checked:
 * every filing numbered exactly once, the kiosk's number equal to the central's, and every
 * (court, type, year) sequence gapless and duplicate-free.
 */
import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { randomUUID } from 'node:crypto';
import { openDatabase, type Db } from '../db/open.js';
import { applyMutationResults, pendingMutations } from './outbox-store.js';
import { walCheckpoints, type WalRegistration } from '../db/wal-checkpointer.js';
import type { Logger } from '../log/logger.js';
import { writeSetting } from '../kiosk/settings.js';
import { findCourt } from '../../src-shared/courts/court-profile.js';
import type { CentralStore } from '../central/store.js';
import { hashCode, issueEnrolCode, newDeviceSecret } from '../central/enrolment.js';
import { saveCredential } from './sync-state.js';
import { SyncEngine } from './sync-engine.js';
import { enrolKiosk } from './enrol-kiosk.js';
import { fileLoadtestFilings } from './loadtest-filings.js';

export interface LoadtestOptions {
  kiosks: number;
  filings: number;
  centralUrl: string;
  /** The central's store: enrolment codes are issued on it and the result is checked on it. */
  store: CentralStore;
  courtId?: string;
  batchCount?: number;
  /**
   * Filings each kiosk files and pushes before the timed round, so the kiosks have shaken hands
   * and the central has compiled its hot paths, as in a city that has been filing all morning.
   * A 50-kiosk round is one push per kiosk: cold, half of it was handshakes and the JIT.
   */
  warmup?: number;
  /**
   * Timed rounds of `filings` per kiosk, one after the other (default 1): a round of fifty
   * kiosks lasts about a second, so one round's rate moves with whatever else the machine did.
   */
  rounds?: number;
  log: Logger;
}

export interface LoadtestReport {
  kiosks: number;
  filings: number;
  seconds: number;
  /** Over all timed rounds. */
  filingsPerSecond: number;
  /** Each timed round's rate. */
  roundRates: number[];
  /** CPU the kiosks (this process, its threads included) used while they drained: near `seconds`
   * means the load generator itself was the limit. */
  kioskCpuSeconds: number;
  /** How long the warm-up's pushes took: cold kiosks and central, handshakes included (0 without one). */
  warmupSeconds: number;
  problems: string[];
}

/** Checks the central's numbers against the kiosks' filings. */
export async function checkNumbering(store: CentralStore, kiosks: Db[], casesBefore = 0): Promise<string[]> {
  const problems: string[] = [];
  const cases = await store.numberedCases();
  const groups = new Map<string, number[]>();
  for (const c of cases) groups.set(`${c.courtCode} ${c.typeCode} ${c.year}`, [...(groups.get(`${c.courtCode} ${c.typeCode} ${c.year}`) ?? []), c.seq]);
  for (const [g, seqs] of groups) {
    seqs.sort((a, b) => a - b);
    const bad = seqs.findIndex((s, i) => s !== i + 1);
    if (bad >= 0) problems.push(`sequence ${g}: expected ${bad + 1}, found ${seqs[bad]} (gap or duplicate)`);
  }
  const byFiling = new Map<string, string>();
  for (const c of cases) {
    if (byFiling.has(c.filingId)) problems.push(`filing ${c.filingId} numbered twice`);
    byFiling.set(c.filingId, c.officialNo);
  }
  let total = 0;
  for (const db of kiosks) {
    for (const r of db.prepare('SELECT id, official_no FROM filings').all() as { id: string; official_no: string | null }[]) {
      total += 1;
      const central = byFiling.get(r.id);
      if (!central) problems.push(`filing ${r.id} missing on the central`);
      else if (central !== r.official_no) problems.push(`filing ${r.id}: kiosk has ${r.official_no}, central ${central}`);
    }
  }
  if (total !== byFiling.size - casesBefore) problems.push(`kiosks hold ${total} filings, central numbered ${byFiling.size - casesBefore} in this run`);
  return problems;
}

interface Kiosk {
  db: Db;
  deviceId: string;
  sync: SyncEngine;
  wal: WalRegistration;
}

/** Starts every kiosk's sync and resolves when all their queues are empty. */
function drainAll(kiosks: Kiosk[]): Promise<void[]> {
  return Promise.all(
    kiosks.map(
      (k) =>
        new Promise<void>((resolve) => {
          const on = (s: { queueDepth: number }) => {
            if (s.queueDepth === 0) {
              k.sync.off('status', on);
              resolve();
            }
          };
          k.sync.on('status', on);
          k.sync.start();
        }),
    ),
  );
}

export async function runLoadtest(o: LoadtestOptions): Promise<LoadtestReport> {
  const court = findCourt(o.courtId ?? 'jiaozuo-shanyang');
  if (!court) throw new Error(`unknown court ${o.courtId}`);
  const dir = mkdtempSync(join(tmpdir(), 'yzt-loadtest-'));
  const kiosks: Kiosk[] = [];
  const casesBefore = (await o.store.numberedCases()).length;
  try {
    for (let i = 0; i < o.kiosks; i++) {
      const file = join(dir, `kiosk-${i}.sqlite`);
      const db = openDatabase(file, 'kiosk');
      const deviceId = randomUUID();
      writeSetting(db, 'device.id', deviceId);
      const code = await issueEnrolCode(o.store, court.id, new Date(), 1);
      if (!code.ok) throw new Error(code.message_en);
      if (i === 0) {
        const r = await enrolKiosk(db, { centralUrl: o.centralUrl, code: code.code });
        if (!r.ok) throw new Error(`enrolment: ${r.message_en}`);
      } else {
        // The central allows a few enrolments a minute from one address; the other kiosks
        // redeem their code on the store directly (enrolment is not what is measured).
        const secret = newDeviceSecret();
        const r = await o.store.redeemEnrolCode(hashCode(code.code), deviceId, secret, new Date());
        if (!r.ok) throw new Error(`enrolment: ${r.reason}`);
        saveCredential(db, { centralUrl: o.centralUrl, deviceId, secret, courtCode: r.courtCode, courtId: r.courtId });
      }
      const sync = new SyncEngine({ db, deviceId, courtCode: court.code, centralUrl: o.centralUrl, log: o.log, pull: false, baseDelayMs: 50, maxDelayMs: 1000, watchdogMs: 1000, ...(o.batchCount ? { batchCount: o.batchCount } : {}) });
      kiosks.push({ db, deviceId, sync, wal: walCheckpoints.register(db, { file, schema: 'kiosk', log: o.log }) });
    }
    const rounds = o.rounds ?? 1;
    const warmup = o.warmup ?? 0;
    /** Queues `count` filings on every kiosk, pushes them all, and says how long and how much CPU it took. */
    const pushRound = async (count: number, firstIndex: (kiosk: number) => number): Promise<{ seconds: number; cpuMicros: number }> => {
      kiosks.forEach((k, i) => fileLoadtestFilings(k.db, { deviceId: k.deviceId, court, count, log: o.log, firstIndex: firstIndex(i) }));
      // Each kiosk as one that has been running for a while: its statements prepared and its
      // database files open. The figure is numbering throughput, not fifty first starts.
      for (const k of kiosks) {
        k.sync.status();
        pendingMutations(k.db, 1, 1);
        applyMutationResults(k.db, [], new Date());
        // The queue was filed a moment ago in one go; a kiosk that queued it over a morning has
        // long since checkpointed it, so the setup's log is not checkpointed inside the timed round.
        k.db.pragma('wal_checkpoint(TRUNCATE)');
      }
      const started = performance.now();
      const cpuBefore = process.cpuUsage();
      await drainAll(kiosks);
      const seconds = (performance.now() - started) / 1000;
      const cpu = process.cpuUsage(cpuBefore);
      for (const k of kiosks) await k.sync.stop();
      return { seconds, cpuMicros: cpu.user + cpu.system };
    };
    const warmupSeconds = warmup > 0 ? (await pushRound(warmup, (i) => rounds * o.kiosks * o.filings + i * warmup)).seconds : 0;
    const timed: { seconds: number; cpuMicros: number }[] = [];
    for (let round = 0; round < rounds; round++) timed.push(await pushRound(o.filings, (i) => (round * o.kiosks + i) * o.filings));
    const problems = await checkNumbering(o.store, kiosks.map((k) => k.db), casesBefore);
    const filings = o.kiosks * o.filings * rounds;
    const seconds = timed.reduce((a, t) => a + t.seconds, 0);
    // The warm-up's filings are checked with the rest, but not counted in the rate.
    return {
      kiosks: o.kiosks,
      filings,
      seconds,
      filingsPerSecond: filings / seconds,
      roundRates: timed.map((t) => (o.kiosks * o.filings) / t.seconds),
      kioskCpuSeconds: timed.reduce((a, t) => a + t.cpuMicros, 0) / 1e6,
      warmupSeconds,
      problems,
    };
  } finally {
    for (const k of kiosks) {
      await k.sync.stop();
      await k.wal.unregister();
      k.db.close();
    }
    rmSync(dir, { recursive: true, force: true });
  }
}
