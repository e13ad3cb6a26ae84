/**
 * The anchor of the sync figures: the database alone doing what numbering a filing writes
 * (the sequence and version counters bumped, the case, its status event and its idempotency
 * record inserted, the device's mark updated), one statement per row, `batch` filings per
 * transaction, on the central's own schema and settings. No HTTP, no validation, no kiosk:
 * the product's throughput over this is the share the database work leaves to everything else.
 */
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { SqliteCentralStore } from '../src-main/central/sqlite-store.js';
import { PgCentralStore } from '../src-main/central/pg-store.js';
import { BUMP_SEQUENCE_SQL, BUMP_VERSION_SQL, chinaYear, officialNumber } from '../src-main/central/numbering.js';
import { INSERT_EVENT_SQL, INSERT_MUTATION_SQL } from '../src-main/central/device-sql.js';
import { openDatabase } from '../src-main/db/open.js';
import { writeSetting } from '../src-main/kiosk/settings.js';
import { createLogger } from '../src-main/log/logger.js';
import { fileLoadtestFilings } from '../src-main/sync/loadtest-filings.js';
import { findCourt } from '../src-shared/courts/court-profile.js';
import type { FilingRecord } from '../src-shared/domain/filing.js';
import { tempDir } from '../tests/support/tmp.js';

const INSERT_CASE_SQL = `INSERT INTO cases (filing_id, device_id, mutation_id, provisional_no, court_code, type_code, year, seq, official_no, status, submitted_at, accepted_at, record_json, updated_at, basis_number)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'filed', $10, $11, $12, $13, $14)`;
const DEVICE_SQL = 'UPDATE devices SET last_mutation_id = $1, last_seen_at = $2 WHERE device_id = $3';

/** Real filings as a kiosk makes them (FilingService.submit), read back from its outbox. */
export function kioskRecords(count: number): FilingRecord[] {
  const dir = tempDir('yzt-bench-raw-');
  try {
    const db = openDatabase(join(dir.path, 'kiosk.sqlite'), 'kiosk');
    writeSetting(db, 'device.id', randomUUID());
    fileLoadtestFilings(db, { deviceId: randomUUID(), court: findCourt('jiaozuo-shanyang')!, count, log: createLogger({ level: 'error', sink: [] }) });
    const rows = db.prepare('SELECT body_json FROM outbox ORDER BY mutation_id').all() as { body_json: string }[];
    db.close();
    return rows.map((r) => JSON.parse(r.body_json) as FilingRecord);
  } finally {
    dir.cleanup();
  }
}

function params(f: FilingRecord, deviceId: string, mutationId: number, seq: number, at: string, year: number) {
  return [f.id, deviceId, mutationId, f.provisionalNo, f.courtCode, f.typeCode, year, seq, officialNumber(f.courtCode, f.typeCode, year, seq), f.submittedAt, at, JSON.stringify(f), at, f.basisNumber];
}

/** Filings per second on SQLite (synchronous=FULL, WAL, as the central opens it). */
export function rawSqlite(records: FilingRecord[], batch: number): number {
  const dir = tempDir('yzt-bench-raw-sqlite-');
  const store = new SqliteCentralStore(join(dir.path, 'central.sqlite'));
  try {
    const db = store.db;
    // The shared SQL uses each `$n` once and in order, so `?` binds the same.
    const q = (sql: string) => db.prepare(sql.replace(/\$\d+/g, '?'));
    const [seqSt, caseSt, verSt, eventSt, mutSt, devSt] = [BUMP_SEQUENCE_SQL, INSERT_CASE_SQL, BUMP_VERSION_SQL, INSERT_EVENT_SQL, INSERT_MUTATION_SQL, DEVICE_SQL].map(q) as ReturnType<typeof q>[] as [ReturnType<typeof q>, ReturnType<typeof q>, ReturnType<typeof q>, ReturnType<typeof q>, ReturnType<typeof q>, ReturnType<typeof q>];
    const year = chinaYear(new Date());
    const started = performance.now();
    let mutationId = 0;
    for (let i = 0; i < records.length; i += batch) {
      db.transaction(() => {
        const at = new Date().toISOString();
        for (const f of records.slice(i, i + batch)) {
          mutationId += 1;
          const { last_seq } = seqSt.get(f.courtCode, f.typeCode, year) as { last_seq: number };
          caseSt.run(...params(f, 'raw', mutationId, last_seq, at, year));
          const { last_version } = verSt.get(f.courtCode) as { last_version: number };
          eventSt.run(f.courtCode, last_version, f.id, 'filed', '[]', null, at);
          mutSt.run('raw', mutationId, '{}', at, f.id);
          devSt.run(mutationId, at, 'raw');
        }
      }).immediate();
    }
    return records.length / ((performance.now() - started) / 1000);
  } finally {
    void store.close();
    dir.cleanup();
  }
}

/**
 * Runs `write` for each of `clients` connections on its own share of the records (fresh filing
 * ids), on a fresh schema of the central's, and gives filings per second.
 */
async function rawPgRun(url: string, records: FilingRecord[], clients: number, write: (conn: pg.PoolClient, share: FilingRecord[], device: string, year: number) => Promise<void>): Promise<number> {
  const schema = `yzt_raw_${randomUUID().slice(0, 8)}`;
  const store = await PgCentralStore.open(url, { schema, max: 1 });
  await store.close();
  const pool = new pg.Pool({ connectionString: url, max: clients, options: `-c search_path=${schema}` });
  try {
    await pool.query("INSERT INTO devices (device_id, court_code, first_seen_at, last_seen_at) SELECT 'raw' || g, '豫0811', '', '' FROM generate_series(0, $1::int) g", [clients]);
    const year = chinaYear(new Date());
    const shares = Array.from({ length: clients }, (_, c) => records.filter((_, i) => i % clients === c).map((f) => ({ ...f, id: randomUUID() })));
    const started = performance.now();
    await Promise.all(
      shares.map(async (share, c) => {
        const conn = await pool.connect();
        try {
          await write(conn, share, `raw${c}`, year);
        } catch (e) {
          await conn.query('ROLLBACK').catch(() => {});
          throw e;
        } finally {
          conn.release();
        }
      }),
    );
    return records.length / ((performance.now() - started) / 1000);
  } finally {
    await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await pool.end();
  }
}

/**
 * The same writes as PostgreSQL does them fastest: per batch one bump of the sequence and of
 * the version by the batch's size and one multi-row insert per table (unnest), one
 * transaction. What the database can give when nothing but the writes is asked of it.
 */
export function rawPgBatched(url: string, records: FilingRecord[], batch: number, clients: number): Promise<number> {
  return rawPgRun(url, records, clients, async (conn, share, device, year) => {
    let mutationId = 0;
    for (let i = 0; i < share.length; i += batch) {
      const part = share.slice(i, i + batch);
      const at = new Date().toISOString();
      const ids = part.map(() => ++mutationId);
      const { courtCode: court, typeCode: type } = part[0]!;
      await conn.query('BEGIN');
      const last = Number((await conn.query<{ last_seq: number }>(`INSERT INTO sequences (court_code, type_code, year, last_seq) VALUES ($1, $2, $3, $4)
        ON CONFLICT (court_code, type_code, year) DO UPDATE SET last_seq = sequences.last_seq + $4 RETURNING last_seq`, [court, type, year, part.length])).rows[0]!.last_seq);
      const seqs = part.map((_, k) => last - part.length + 1 + k);
      await conn.query(`INSERT INTO cases (filing_id, device_id, mutation_id, provisional_no, court_code, type_code, year, seq, official_no, status, submitted_at, accepted_at, record_json, updated_at, basis_number)
        SELECT f, $1, m, p, $2, $3, $4, s, o, 'filed', sa, $5, r, $5, b FROM unnest($6::text[], $7::bigint[], $8::text[], $9::int[], $10::text[], $11::text[], $12::text[], $13::text[]) AS u(f, m, p, s, o, sa, r, b)`,
        [device, court, type, year, at, part.map((f) => f.id), ids, part.map((f) => f.provisionalNo), seqs, seqs.map((q) => officialNumber(court, type, year, q)), part.map((f) => f.submittedAt), part.map((f) => JSON.stringify(f)), part.map((f) => f.basisNumber)]);
      const v = Number((await conn.query<{ last_version: string }>(`INSERT INTO court_versions (court_code, last_version) VALUES ($1, $2)
        ON CONFLICT (court_code) DO UPDATE SET last_version = court_versions.last_version + $2 RETURNING last_version`, [court, part.length])).rows[0]!.last_version);
      await conn.query(`INSERT INTO case_events (court_code, version, filing_id, status, reasons_json, team, at) SELECT $1, $2::bigint - $3::bigint + n, f, 'filed', '[]', NULL, $4 FROM unnest($5::text[]) WITH ORDINALITY AS u(f, n)`, [court, v, part.length, at, part.map((f) => f.id)]);
      await conn.query(`INSERT INTO mutations (device_id, mutation_id, result_json, received_at, filing_id) SELECT $1, m, '{}', $2, f FROM unnest($3::bigint[], $4::text[]) AS u(m, f)`, [device, at, ids, part.map((f) => f.id)]);
      await conn.query('COMMIT');
    }
  });
}

/** One statement per row, `batch` filings a transaction: how the central wrote before batching. */
export function rawPg(url: string, records: FilingRecord[], batch: number, clients: number): Promise<number> {
  return rawPgRun(url, records, clients, async (conn, share, device, year) => {
    let mutationId = 0;
    for (let i = 0; i < share.length; i += batch) {
      await conn.query('BEGIN');
      const at = new Date().toISOString();
      for (const f of share.slice(i, i + batch)) {
        mutationId += 1;
        const seq = Number((await conn.query<{ last_seq: number }>(BUMP_SEQUENCE_SQL, [f.courtCode, f.typeCode, year])).rows[0]!.last_seq);
        await conn.query(INSERT_CASE_SQL, params(f, device, mutationId, seq, at, year));
        const v = Number((await conn.query<{ last_version: string }>(BUMP_VERSION_SQL, [f.courtCode])).rows[0]!.last_version);
        await conn.query(INSERT_EVENT_SQL, [f.courtCode, v, f.id, 'filed', '[]', null, at]);
        await conn.query(INSERT_MUTATION_SQL, [device, mutationId, '{}', at, f.id]);
        await conn.query(DEVICE_SQL, [mutationId, at, device]);
      }
      await conn.query('COMMIT');
    }
  });
}
