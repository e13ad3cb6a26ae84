/**
 * Where a push's time goes, step by step, on real kiosk filings: each step of the kiosk's and
 * the central's work timed on its own for the same filings, as ms per filing (or per batch).
 * Run alone: `npx tsx bench/sync-profile.ts` (YZT_TEST_PG_URL for the PostgreSQL rows).
 */
import { join } from 'node:path';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { openDatabase } from '../src-main/db/open.js';
import { writeSetting } from '../src-main/kiosk/settings.js';
import { createLogger } from '../src-main/log/logger.js';
import { findCourt } from '../src-shared/courts/court-profile.js';
import { fileLoadtestFilings } from '../src-main/sync/loadtest-filings.js';
import { applyMutationResults, pendingMutations } from '../src-main/sync/outbox-store.js';
import { pushRequestSchema } from '../src-shared/sync/protocol.js';
import { filingRecordSchema, type FilingRecord } from '../src-shared/domain/filing.js';
import { validateFiling } from '../src-main/central/validate-filing.js';
import { compiledFilingRecordSchema } from '../src-main/central/compiled-filing-schemas.js';
import { sign } from '../src-main/central/request-auth.js';
import { SqliteCentralStore } from '../src-main/central/sqlite-store.js';
import { PgCentralStore } from '../src-main/central/pg-store.js';
import type { CentralStore } from '../src-main/central/store.js';
import { hashCode, issueEnrolCode, newDeviceSecret } from '../src-main/central/enrolment.js';
import { matchingCases, requestOf } from '../src-main/central/duplicate-check.js';
import type { MutationResult, PushMutation } from '../src-shared/sync/protocol.js';
import { tempDir } from '../tests/support/tmp.js';
import type { Figure } from './bench-kit.js';

const log = createLogger({ level: 'error' });
/** A kiosk's push now: the protocol's most. */
const BIG = 500;
const court = findCourt('jiaozuo-shanyang')!;

function time(fn: () => void): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}
async function timeAsync(fn: () => Promise<void>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

async function enrolled(store: CentralStore): Promise<{ deviceId: string; secret: string }> {
  const code = await issueEnrolCode(store, court.id, new Date(), 1);
  if (!code.ok) throw new Error(code.message_en);
  const deviceId = randomUUID();
  const secret = newDeviceSecret();
  const r = await store.redeemEnrolCode(hashCode(code.code), deviceId, secret, new Date());
  if (!r.ok) throw new Error('enrol');
  return { deviceId, secret };
}

/** Commits the filings `batch` at a time through commitBatch, as a push does now. */
async function batched(store: CentralStore, deviceId: string, filings: FilingRecord[], batch: number, firstId: number): Promise<number> {
  return timeAsync(async () => {
    let id = firstId;
    for (let i = 0; i < filings.length; i += batch) {
      const items = filings.slice(i, i + batch).map((f) => ({ mutation: { mutationId: id++, kind: 'filing.create' as const, filing: f }, rejection: null }));
      await store.commitBatch({ deviceId, courtCode: court.code, items, now: new Date() });
    }
  });
}

/** Commits `batches` one filing per transaction, as the central did before batching. */
async function perMutation(store: CentralStore, deviceId: string, filings: FilingRecord[]): Promise<number> {
  return timeAsync(async () => {
    let id = 1;
    for (const f of filings) await store.commitMutation({ deviceId, courtCode: court.code, mutation: { mutationId: id++, kind: 'filing.create', filing: f }, rejection: null, now: new Date() });
  });
}

export async function profileSync(n = 1000, batch = 50, pgUrl = process.env.YZT_TEST_PG_URL): Promise<Figure[]> {
  const dir = tempDir('yzt-sync-profile-');
  const figures: Figure[] = [];
  const per = (name: string, ms: number, count = n, note?: string) => figures.push({ name, value: ms / count, unit: 'ms/filing', ...(note ? { note } : {}) });
  try {
    const kiosk = openDatabase(join(dir.path, 'kiosk.sqlite'), 'kiosk');
    const deviceId = randomUUID();
    writeSetting(kiosk, 'device.id', deviceId);
    per('kiosk: filing.submit (rules, store, outbox; set-up, one tx)', time(() => fileLoadtestFilings(kiosk, { deviceId, court, count: n, log })));
    let rows = pendingMutations(kiosk, n, 64 * 1024 * 1024);
    let mutations: PushMutation[] = [];
    per('kiosk: read batch + JSON.parse bodies', time(() => (mutations = rows.map((r) => ({ mutationId: r.mutation_id, kind: r.kind, filing: JSON.parse(r.body_json) as FilingRecord })))));
    const bodies: string[] = [];
    per('kiosk: JSON.stringify batch', time(() => { for (let i = 0; i < n; i += batch) bodies.push(JSON.stringify({ mutations: mutations.slice(i, i + batch) })); }));
    const secret = newDeviceSecret();
    per('sign + verify (sha256 + HMAC) of batches', time(() => { for (const b of bodies) { sign(secret, 'POST', '/v1/push', new Date().toISOString(), b); sign(secret, 'POST', '/v1/push', new Date().toISOString(), b); } }));
    let parsed: unknown[] = [];
    per('central: JSON.parse of batches', time(() => (parsed = bodies.map((b) => JSON.parse(b) as unknown))));
    const records: FilingRecord[] = [];
    per('central: zod schema (envelope + filing)', time(() => { for (const p of parsed) for (const m of pushRequestSchema.parse(p).mutations) records.push(filingRecordSchema.parse(m.filing)); }));
    // What push-batch.ts would spend with the compiled copy of the same schema (compiled-filing-schemas.ts).
    per('central: zod schema, filing compiled (z.compile)', time(() => { for (const p of parsed) for (const m of pushRequestSchema.parse(p).mutations) compiledFilingRecordSchema.parse(m.filing); }));
    per('central: rules again (validateFiling)', time(() => { for (const f of records) if (validateFiling(1, f, court.code, new Date())) throw new Error('rejected'); }));

    for (const sync of ['FULL', 'NORMAL'] as const) {
      const store = new SqliteCentralStore(join(dir.path, `central-${sync}.sqlite`));
      store.db.pragma(`synchronous = ${sync}`);
      const d = await enrolled(store);
      per(`central sqlite: commitMutation, 1 tx per filing (synchronous=${sync})`, await perMutation(store, d.deviceId, records));
      const fresh = records.map((f) => ({ ...f, id: randomUUID() }));
      per(`central sqlite: commitBatch, ${BIG} per tx (synchronous=${sync})`, await batched(store, d.deviceId, fresh, BIG, records.length + 1));
      if (sync === 'FULL') {
        const dup = await timeAsync(async () => { for (const f of records) matchingCases((await store.casesByBasis(court.code, [f.basisNumber])).get(f.basisNumber) ?? [], d.secret, requestOf(d.secret, f), f.id); });
        per('central sqlite: duplicate check (casesByBasis + tags)', dup);
      }
      await store.close();
    }
    if (pgUrl) {
      const store = await PgCentralStore.open(pgUrl, { schema: `yzt_prof_${Date.now()}` });
      try {
        const d = await enrolled(store);
        per('central pg: commitMutation, 1 tx per filing', await perMutation(store, d.deviceId, records));
        const fresh = records.map((f) => ({ ...f, id: randomUUID() }));
        per(`central pg: commitBatch, ${BIG} in one statement`, await batched(store, d.deviceId, fresh, BIG, records.length + 1));
        const rt = await timeAsync(async () => { for (let i = 0; i < n; i++) await store.pool.query('SELECT 1'); });
        per('pg: one round trip (SELECT 1)', rt, n, 'per round trip');
      } finally {
        await store.pool.query('DROP SCHEMA IF EXISTS ' + (await store.pool.query<{ s: string }>('SELECT current_schema() AS s')).rows[0]!.s + ' CASCADE');
        await store.close();
      }
    }

    const results: MutationResult[] = rows.map((r, i) => ({ mutationId: r.mutation_id, status: 'accepted', officialNo: `（2026）豫0811执${i + 1}号`, acceptedAt: new Date().toISOString() }));
    per('kiosk: apply answers (applyMutationResults)', time(() => { for (let i = 0; i < n; i += batch) applyMutationResults(kiosk, results.slice(i, i + batch), new Date()); }));
    rows = [];

    const server = createServer((req, res) => { req.resume(); req.on('end', () => res.end('{}')); });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const http = await timeAsync(async () => { for (const b of bodies) await (await fetch(url, { method: 'POST', body: b })).text(); });
    per(`HTTP round trip with a ${batch}-filing body`, http, bodies.length, `per request; body ${(Buffer.byteLength(bodies[0]!) / 1024).toFixed(0)} KiB`);
    server.close();
    kiosk.close();
  } finally {
    dir.cleanup();
  }
  return figures;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { printFigures } = await import('./bench-kit.js');
  printFigures('sync-profile', await profileSync(Number(process.argv[2] ?? 1000)));
}
