/**
 * A run of new filings committed on PostgreSQL in one transaction, in a fixed number of round
 * trips whatever its length: lock the device row, read the stored answers and known cases of
 * the whole run, number each (court, type, year) group with one bump of its sequence row by
 * the group's size, and write cases, status events (their versions taken by one bump of the
 * court's version row), idempotency records and the device's high-water mark in one
 * statement. The sequence row, the lock every filing of a court and type queues on, is held
 * from its bump to the commit: two round trips per batch instead of two per filing.
 * Locks are taken in one order (device, sequences by type code, court version), as the
 * one-by-one commit takes them, so concurrent pushes queue rather than deadlock.
 */
import type pg from 'pg';
import type { MutationResult, PushMutation } from '../../src-shared/sync/protocol.js';
import { chinaYear, officialNumber } from './numbering.js';
import { BatchAnswers, type BatchInput } from './batch-commit.js';

/** Bumps a sequence by `$4` numbers (creating it at `$4`); the run is last_seq-$4+1 .. last_seq. */
export const BUMP_SEQUENCE_BY_SQL = `INSERT INTO sequences (court_code, type_code, year, last_seq) VALUES ($1, $2, $3, $4::int)
  ON CONFLICT (court_code, type_code, year) DO UPDATE SET last_seq = sequences.last_seq + $4::int RETURNING last_seq`;

const LOCK_DEVICE_SQL = 'SELECT last_mutation_id FROM devices WHERE device_id = $1 FOR UPDATE';

/** Read after the device lock, in a snapshot of their own, so a concurrent push of the same run is seen. */
const KNOWN_SQL = `SELECT 'm' AS kind, mutation_id::text AS key, result_json AS a, filing_id AS b FROM mutations WHERE device_id = $1 AND mutation_id = ANY($2::bigint[])
  UNION ALL SELECT 'c', filing_id, official_no, accepted_at FROM cases WHERE filing_id = ANY($3::text[])`;

const WRITE_SQL = `WITH v AS (
    INSERT INTO court_versions (court_code, last_version) SELECT $2::text, $4::bigint WHERE $4::bigint > 0
    ON CONFLICT (court_code) DO UPDATE SET last_version = court_versions.last_version + $4::bigint RETURNING last_version),
  k AS (INSERT INTO cases (filing_id, device_id, mutation_id, provisional_no, court_code, type_code, year, seq, official_no, status, submitted_at, accepted_at, record_json, updated_at)
    SELECT f, $1::text, m, p, $2::text, t, y, s, o, 'filed', sa, $3::text, r, $3::text
    FROM unnest($5::text[], $6::bigint[], $7::text[], $8::text[], $9::int[], $10::int[], $11::text[], $12::text[], $13::text[]) AS u(f, m, p, t, y, s, o, sa, r)),
  e AS (INSERT INTO case_events (court_code, version, filing_id, status, reasons_json, team, at)
    SELECT $2::text, v.last_version - $4::bigint + u.n, u.f, 'filed', '[]', NULL, $3::text FROM v, unnest($5::text[]) WITH ORDINALITY AS u(f, n)),
  d AS (UPDATE devices SET last_mutation_id = GREATEST(last_mutation_id, $14::bigint), last_seen_at = $3::text WHERE device_id = $1::text)
INSERT INTO mutations (device_id, mutation_id, result_json, received_at, filing_id)
  SELECT $1::text, m, r, $3::text, f FROM unnest($15::bigint[], $16::text[], $17::text[]) AS u(m, r, f)`;

interface NewCase {
  m: PushMutation;
  index: number;
}

/** Commits `input.items` (all `filing.create`) inside the open transaction `c`; answers go to `answers`. */
export async function commitCreates(c: pg.PoolClient, input: BatchInput, answers: BatchAnswers): Promise<void> {
  const { deviceId, courtCode, now } = input;
  const at = now.toISOString();
  const year = chinaYear(now);
  const device = (await c.query<{ last_mutation_id: string }>(LOCK_DEVICE_SQL, [deviceId])).rows[0];
  const ids = input.items.map((i) => i.mutation.mutationId);
  const filingIds = input.items.map((i) => i.mutation.filing.id);
  const known = await c.query<{ kind: 'm' | 'c'; key: string; a: string; b: string | null }>(KNOWN_SQL, [deviceId, ids, filingIds]);
  const stored = new Map<number, { result: string; filingId: string | null }>();
  const cases = new Map<string, { officialNo: string; acceptedAt: string }>();
  for (const r of known.rows) {
    if (r.kind === 'm') stored.set(Number(r.key), { result: r.a, filingId: r.b });
    else cases.set(r.key, { officialNo: r.a, acceptedAt: r.b! });
  }

  // Each item's answer, or a place in the numbering; written rows are collected for one statement.
  const order: PushMutation[] = [];
  const slots: (MutationResult | NewCase)[] = [];
  const written: number[] = []; // slots whose mutation is recorded now
  const fresh: NewCase[] = []; // the new cases, in the batch's order
  const inBatch = new Map<string, NewCase>(); // filing id -> its new case in this run
  const seen = new Map<number, string>(); // mutation id -> filing id, within this run
  let conflict = false;
  for (const item of input.items) {
    const m = item.mutation;
    const before = seen.get(m.mutationId);
    if (before === m.filing.id || answers.repeated(m)) continue;
    const prior = stored.get(m.mutationId);
    if (before !== undefined || (prior && prior.filingId !== null && prior.filingId !== m.filing.id)) {
      conflict = true;
      break;
    }
    seen.set(m.mutationId, m.filing.id);
    order.push(m);
    if (prior) {
      slots.push(JSON.parse(prior.result) as MutationResult);
      continue;
    }
    const existing = cases.get(m.filing.id);
    const sibling = inBatch.get(m.filing.id);
    if (existing) slots.push({ mutationId: m.mutationId, status: 'accepted', officialNo: existing.officialNo, acceptedAt: existing.acceptedAt });
    else if (sibling) slots.push({ m, index: sibling.index }); // same filing, second mutation id: the same number
    else if (item.rejection) slots.push(item.rejection);
    else {
      const n = { m, index: fresh.length };
      fresh.push(n);
      inBatch.set(m.filing.id, n);
      slots.push(n);
    }
    written.push(slots.length - 1);
  }

  // Number the new cases: one bump per type code, in a fixed order, numbers in the batch's order.
  const byType = new Map<string, NewCase[]>();
  for (const n of fresh) byType.set(n.m.filing.typeCode, [...(byType.get(n.m.filing.typeCode) ?? []), n]);
  const numbers: { seq: number; officialNo: string }[] = [];
  for (const type of [...byType.keys()].sort()) {
    const group = byType.get(type)!;
    const last = Number((await c.query<{ last_seq: string }>(BUMP_SEQUENCE_BY_SQL, [courtCode, type, year, group.length])).rows[0]!.last_seq);
    group.forEach((n, k) => {
      const seq = last - group.length + 1 + k;
      numbers[n.index] = { seq, officialNo: officialNumber(courtCode, type, year, seq) };
    });
  }
  const results = slots.map((s): MutationResult => ('status' in s ? s : { mutationId: s.m.mutationId, status: 'accepted', officialNo: numbers[s.index]!.officialNo, acceptedAt: at }));
  const highWater = Math.max(Number(device?.last_mutation_id ?? 0), ...written.map((w) => order[w]!.mutationId));

  if (written.length > 0) {
    const f = fresh.map((n) => n.m.filing);
    await c.query(WRITE_SQL, [
      deviceId,
      courtCode,
      at,
      fresh.length,
      f.map((x) => x.id),
      fresh.map((n) => n.m.mutationId),
      f.map((x) => x.provisionalNo),
      f.map((x) => x.typeCode),
      f.map(() => year),
      numbers.map((x) => x.seq),
      numbers.map((x) => x.officialNo),
      f.map((x) => x.submittedAt),
      f.map((x) => JSON.stringify(x)),
      highWater,
      written.map((w) => order[w]!.mutationId),
      written.map((w) => JSON.stringify(results[w])),
      written.map((w) => order[w]!.filing.id),
    ]);
  }
  order.forEach((m, i) => answers.add(m, results[i]!));
  if (conflict) answers.conflict = { conflict: true, lastMutationId: highWater };
}
