/**
 * A run of new filings committed on PostgreSQL as ONE statement in its own implicit
 * transaction: the device's mark, one bump of each (court, type, year) sequence row by its
 * group's size, one bump of the court's version row, the cases with their numbers, their
 * status events and the idempotency records all commit or roll back together.
 *
 * Why one statement and no BEGIN … COMMIT: the sequence row is the lock every filing of a
 * court and type queues on. Held across client round trips, it was held for as long as the
 * gateway's event loop took to come back to the transaction — busy re-checking other kiosks'
 * filings — so with 50 kiosks the lock was held 5–10 times longer than the writes took and
 * numbering ran at 800/s. Inside one statement it is held only while PostgreSQL writes.
 *
 * What the open transaction's device lock gave before is kept by the unique keys: the
 * stored answers and known cases are read first without locks; a concurrent push of the same
 * run (a kiosk's retry while its first try still runs) or of the same filing from another
 * kiosk makes the statement fail on the mutations or cases key (23505) and the run is read
 * and decided again, so each mutation is answered once and each filing numbered once.
 * Rows are locked in one order — device, sequences by type code, court version — as the
 * one-by-one commit takes them, so concurrent writers queue rather than deadlock.
 */
import type pg from 'pg';
import type { MutationResult, PushMutation } from '../../src-shared/sync/protocol.js';
import { chinaYear, officialNumberParts } from './numbering.js';
import { BatchAnswers, type BatchInput } from './batch-commit.js';
import { worthRetrying } from './pg-retry.js';

/** Read before deciding: stored answers, cases already numbered, the device's high-water mark. */
const KNOWN_SQL = `SELECT 'm' AS kind, mutation_id::text AS key, result_json AS a, filing_id AS b FROM mutations WHERE device_id = $1 AND mutation_id = ANY($2::bigint[])
  UNION ALL SELECT 'c', filing_id, official_no, accepted_at FROM cases WHERE filing_id = ANY($3::text[])
  UNION ALL SELECT 'd', '', last_mutation_id::text, NULL FROM devices WHERE device_id = $1`;

/**
 * Each data-modifying part reads the one before it (`(SELECT count(*) FROM …) >= 0`), which
 * makes PostgreSQL run them in that order and so take the row locks in the fixed order.
 * A fresh case's answer is built here, because its number is only known here; it has the
 * fields, in the order, of the answer the gateway returns.
 */
const WRITE_SQL = `WITH d AS (
    UPDATE devices SET last_mutation_id = GREATEST(last_mutation_id, $4::bigint), last_seen_at = $3::text WHERE device_id = $1::text RETURNING 1),
  s AS (
    INSERT INTO sequences (court_code, type_code, year, last_seq)
    SELECT $2::text, g.t, $5::int, g.n FROM unnest($6::text[], $7::int[]) AS g(t, n) WHERE (SELECT count(*) FROM d) >= 0
    ON CONFLICT (court_code, type_code, year) DO UPDATE SET last_seq = sequences.last_seq + EXCLUDED.last_seq
    RETURNING type_code, last_seq),
  v AS (
    INSERT INTO court_versions (court_code, last_version) SELECT $2::text, $8::bigint WHERE $8::bigint > 0 AND (SELECT count(*) FROM s) >= 0
    ON CONFLICT (court_code) DO UPDATE SET last_version = court_versions.last_version + $8::bigint RETURNING last_version),
  c AS (
    SELECT u.f, u.m, u.p, u.t, u.sa, j.r::text AS r, u.bn, u.n, s.last_seq - u.gn + u.k AS seq, u.b || (s.last_seq - u.gn + u.k)::text || u.a AS o
    FROM unnest($9::text[], $10::bigint[], $11::text[], $12::text[], $13::text[], $15::int[], $16::int[], $17::text[], $18::text[], $22::text[])
      WITH ORDINALITY AS u(f, m, p, t, sa, k, gn, b, a, bn, n)
    JOIN json_array_elements($14::json) WITH ORDINALITY AS j(r, n) ON j.n = u.n
    JOIN s ON s.type_code = u.t),
  k AS (
    INSERT INTO cases (filing_id, device_id, mutation_id, provisional_no, court_code, type_code, year, seq, official_no, status, submitted_at, accepted_at, record_json, updated_at, basis_number)
    SELECT c.f, $1::text, c.m, c.p, $2::text, c.t, $5::int, c.seq, c.o, 'filed', c.sa, $3::text, c.r, $3::text, c.bn FROM c),
  e AS (
    INSERT INTO case_events (court_code, version, filing_id, status, reasons_json, team, at)
    SELECT $2::text, v.last_version - $8::bigint + c.n, c.f, 'filed', '[]', NULL, $3::text FROM v, c),
  w AS (
    INSERT INTO mutations (device_id, mutation_id, result_json, received_at, filing_id)
    SELECT $1::text, x.m, COALESCE(x.r, json_build_object('mutationId', x.m, 'status', 'accepted', 'officialNo', c.o, 'acceptedAt', $3::text)::text), $3::text, x.f
    FROM unnest($19::bigint[], $20::text[], $21::text[]) AS x(m, r, f) LEFT JOIN c ON x.r IS NULL AND c.f = x.f)
SELECT c.n::int AS n, c.o FROM c`;


interface NewCase {
  m: PushMutation;
  index: number;
}

interface Known {
  stored: Map<number, { result: string; filingId: string | null }>;
  cases: Map<string, { officialNo: string; acceptedAt: string }>;
  deviceMark: number;
}

/** What the run does, decided from what the central held when it was read. */
interface Plan {
  order: PushMutation[];
  /** Per mutation in `order`: its answer, or its place among the fresh cases. */
  slots: (MutationResult | NewCase)[];
  /** Slots whose mutation is recorded now. */
  written: number[];
  fresh: NewCase[];
  conflict: boolean;
}

async function readKnown(pool: pg.Pool, input: BatchInput): Promise<Known> {
  const ids = input.items.map((i) => i.mutation.mutationId);
  const filingIds = input.items.map((i) => i.mutation.filing.id);
  const rows = (await pool.query<{ kind: 'm' | 'c' | 'd'; key: string; a: string; b: string | null }>(KNOWN_SQL, [input.deviceId, ids, filingIds])).rows;
  const known: Known = { stored: new Map(), cases: new Map(), deviceMark: 0 };
  for (const r of rows) {
    if (r.kind === 'm') known.stored.set(Number(r.key), { result: r.a, filingId: r.b });
    else if (r.kind === 'c') known.cases.set(r.key, { officialNo: r.a, acceptedAt: r.b! });
    else known.deviceMark = Number(r.a);
  }
  return known;
}

function plan(input: BatchInput, known: Known, answers: BatchAnswers): Plan {
  const p: Plan = { order: [], slots: [], written: [], fresh: [], conflict: false };
  const inBatch = new Map<string, NewCase>(); // filing id -> its new case in this run
  const seen = new Map<number, string>(); // mutation id -> filing id, within this run
  for (const item of input.items) {
    const m = item.mutation;
    const before = seen.get(m.mutationId);
    if (before === m.filing.id || answers.repeated(m)) continue;
    const prior = known.stored.get(m.mutationId);
    if (before !== undefined || (prior && prior.filingId !== null && prior.filingId !== m.filing.id)) {
      p.conflict = true;
      break;
    }
    seen.set(m.mutationId, m.filing.id);
    p.order.push(m);
    if (prior) {
      p.slots.push(JSON.parse(prior.result) as MutationResult);
      continue;
    }
    const existing = known.cases.get(m.filing.id);
    const sibling = inBatch.get(m.filing.id);
    if (existing) p.slots.push({ mutationId: m.mutationId, status: 'accepted', officialNo: existing.officialNo, acceptedAt: existing.acceptedAt });
    else if (sibling) p.slots.push({ m, index: sibling.index }); // same filing, second mutation id: the same number
    else if (item.rejection) p.slots.push(item.rejection);
    else {
      const n = { m, index: p.fresh.length };
      p.fresh.push(n);
      inBatch.set(m.filing.id, n);
      p.slots.push(n);
    }
    p.written.push(p.slots.length - 1);
  }
  return p;
}

/** The statement's parameters; fresh cases are numbered in batch order within their type. */
function writeParams(input: BatchInput, p: Plan, year: number, highWater: number): unknown[] {
  const groups = new Map<string, number>();
  const rank = p.fresh.map((n) => {
    const k = (groups.get(n.m.filing.typeCode) ?? 0) + 1;
    groups.set(n.m.filing.typeCode, k);
    return k;
  });
  const types = [...groups.keys()].sort();
  const f = p.fresh.map((n) => n.m.filing);
  const parts = f.map((x) => officialNumberParts(input.courtCode, x.typeCode, year));
  const writtenSlots = p.written.map((w) => p.slots[w]!);
  return [
    input.deviceId,
    input.courtCode,
    input.now.toISOString(),
    highWater,
    year,
    types,
    types.map((t) => groups.get(t)!),
    p.fresh.length,
    f.map((x) => x.id),
    p.fresh.map((n) => n.m.mutationId),
    f.map((x) => x.provisionalNo),
    f.map((x) => x.typeCode),
    f.map((x) => x.submittedAt),
    // The records as one JSON array, each element kept as written (json, not jsonb, keeps the
    // text): as a text[] every record's quotes were escaped by the driver, a regex pass over
    // megabytes that cost the gateway more than the rules' re-check.
    `[${f.map((x) => JSON.stringify(x)).join(',')}]`,
    rank,
    f.map((x) => groups.get(x.typeCode)!),
    parts.map((x) => x.before),
    parts.map((x) => x.after),
    p.written.map((w) => p.order[w]!.mutationId),
    writtenSlots.map((s) => ('status' in s ? JSON.stringify(s) : null)),
    p.written.map((w) => p.order[w]!.filing.id),
    f.map((x) => x.basisNumber),
  ];
}

/** Commits `input.items` (all `filing.create`); answers go to `answers`. */
export async function commitCreates(pool: pg.Pool, input: BatchInput, answers: BatchAnswers): Promise<void> {
  const at = input.now.toISOString();
  const year = chinaYear(input.now);
  for (let attempt = 1; ; attempt++) {
    const known = await readKnown(pool, input);
    const p = plan(input, known, answers);
    const highWater = Math.max(known.deviceMark, ...p.written.map((w) => p.order[w]!.mutationId));
    const numbers: string[] = [];
    if (p.written.length > 0) {
      try {
        const rows = (await pool.query<{ n: number; o: string }>(WRITE_SQL, writeParams(input, p, year, highWater))).rows;
        for (const r of rows) numbers[r.n - 1] = r.o;
      } catch (e) {
        if (worthRetrying(e, attempt)) continue;
        throw e;
      }
    }
    p.order.forEach((m, i) => {
      const s = p.slots[i]!;
      answers.add(m, 'status' in s ? s : { mutationId: m.mutationId, status: 'accepted', officialNo: numbers[s.index]!, acceptedAt: at });
    });
    if (p.conflict) answers.conflict = { conflict: true, lastMutationId: highWater };
    return;
  }
}
