/**
 * One pass of pushes over the outbox, with up to `window` batches on the way at once: the
 * next batch is read and sent while the central still works on the one before, so the
 * kiosk's reading and applying, the central's checking and the database's writing overlap
 * instead of taking turns (a 10,000-filing drain is a pipeline, not a ping-pong).
 *
 * Batches are sent in mutation order and their answers applied as they come (applying is
 * idempotent per mutation id). The first batch that fails or meets a reused mutation id stops
 * the sending; the batches already on the way still finish and their answers are applied,
 * so the pass ends with nothing in flight and the engine decides (back off, or renumber a
 * restored backup's mutations) on a quiet outbox.
 */
import type { Db } from '../db/open.js';
import type { MutationResult, PushResponse } from '../../src-shared/sync/protocol.js';
import { applyMutationResults, pendingMutations, recordAttemptFailure, type FilingUpdate, type OutboxRow } from './outbox-store.js';
import { SyncFailure } from './central-client.js';

export interface PushPassOptions {
  db: Db;
  now: () => Date;
  batchCount: number;
  batchBytes: number;
  /** Batches on the way at once. */
  window: number;
  /** Sends one batch; throws a SyncFailure (any other error is a fault, reported as one). */
  send(batch: OutboxRow[]): Promise<PushResponse>;
  /** A batch's answers are applied. */
  applied(batch: OutboxRow[], results: MutationResult[], changed: FilingUpdate[]): void;
  stopped(): boolean;
}

export type PushPassEnd =
  | { kind: 'drained' }
  | { kind: 'stopped' }
  | { kind: 'failed'; failure: SyncFailure | Error; queued: number }
  /** The central holds some of these mutation ids for other filings (a restored backup). */
  | { kind: 'conflict'; lastMutationId: number };

type BatchEnd = { ok: true } | { ok: false; end: Exclude<PushPassEnd, { kind: 'drained' | 'stopped' }> };

/**
 * The push request's JSON, with each filing's stored JSON put in as it is (the outbox holds
 * what the kiosk wrote with JSON.stringify): the same text as stringifying a parsed copy,
 * without parsing and writing two kilobytes a filing again.
 */
export function pushBody(batch: OutboxRow[]): string {
  const mutations = batch.map((r) => `{"mutationId":${r.mutation_id},"kind":${JSON.stringify(r.kind)},"filing":${r.body_json}}`);
  return `{"mutations":[${mutations.join(',')}]}`;
}

const NO_ANSWERS = new SyncFailure({ code: 'no-answers', message_zh: '法院系统未处理本批申请，稍后重试', message_en: 'central answered none of the batch' }, true);

/** Answers applied per transaction: 500 at once held the kiosk's main thread (its screen, card
 * reader and API) for 70–105 ms; a hundred is well under the 50 ms it may block. */
export const APPLY_CHUNK = 100;

/** Applies the answers a chunk at a time, letting the event loop run between chunks. */
async function applyInChunks(o: PushPassOptions, results: MutationResult[]): Promise<FilingUpdate[]> {
  const changed: FilingUpdate[] = [];
  for (let i = 0; i < results.length; i += APPLY_CHUNK) {
    if (i > 0) await new Promise<void>((resolve) => setImmediate(resolve));
    changed.push(...applyMutationResults(o.db, results.slice(i, i + APPLY_CHUNK), o.now()));
  }
  return changed;
}

async function pushOne(o: PushPassOptions, batch: OutboxRow[]): Promise<BatchEnd> {
  try {
    const response = await o.send(batch);
    const changed = await applyInChunks(o, response.results);
    o.applied(batch, response.results, changed);
    if (response.results.length === 0) throw NO_ANSWERS;
    return { ok: true };
  } catch (e) {
    if (e instanceof SyncFailure && e.problem.code === 'mutation-conflict' && e.body) {
      // The answers before the reused id are committed at the central: keep them.
      const results = (e.body.results as MutationResult[] | undefined) ?? [];
      o.applied(batch, results, await applyInChunks(o, results));
      return { ok: false, end: { kind: 'conflict', lastMutationId: Number(e.body.lastMutationId ?? 0) } };
    }
    const failure = e instanceof Error ? e : new Error(String(e));
    recordAttemptFailure(o.db, batch.map((r) => r.mutation_id), failure instanceof SyncFailure ? failure.problem.code : 'internal');
    return { ok: false, end: { kind: 'failed', failure, queued: batch.length } };
  }
}

export async function pushPass(o: PushPassOptions): Promise<PushPassEnd> {
  const onTheWay: Promise<BatchEnd>[] = [];
  let after = 0; // the highest mutation id sent in this pass
  let end: PushPassEnd | null = null;
  for (;;) {
    while (!end && !o.stopped() && onTheWay.length < o.window) {
      const batch = pendingMutations(o.db, o.batchCount, o.batchBytes, after);
      if (batch.length === 0) break;
      after = batch.at(-1)!.mutation_id;
      onTheWay.push(pushOne(o, batch));
    }
    const oldest = onTheWay.shift();
    if (!oldest) return end ?? (o.stopped() ? { kind: 'stopped' } : { kind: 'drained' });
    const got = await oldest;
    if (!got.ok) end ??= got.end;
  }
}
