/**
 * A push is committed as one batch: one transaction (one fsync, one sequence lock) for all
 * its filings instead of one per filing, with an answer per mutation. The rules a batch keeps:
 *  - answers are in the order the kiosk sent, one per mutation id: a mutation repeated inside
 *    the batch is answered once;
 *  - a filing sent twice (under two mutation ids) gets one number;
 *  - a mutation id reused for another filing (a kiosk restored from an old backup) stops the
 *    batch there: what came before it is committed and answered, the rest waits for the kiosk
 *    to renumber, as one-by-one commits did.
 */
import type { MutationResult, PushMutation } from '../../src-shared/sync/protocol.js';
import { isConflict, type CommitInput, type MutationConflict } from './store.js';

export interface BatchItem {
  mutation: PushMutation;
  /** The answer when the filing fails validation; stored like an acceptance so replays match. */
  rejection: MutationResult | null;
}

export interface BatchInput {
  deviceId: string;
  courtCode: string;
  items: BatchItem[];
  now: Date;
}

export interface BatchOutcome {
  results: MutationResult[];
  /** Set when a mutation id was reused for another filing; `results` holds the answers before it. */
  conflict: MutationConflict | null;
}

/** Collects one answer per mutation id, in order, until a conflict. */
export class BatchAnswers {
  readonly results: MutationResult[] = [];
  conflict: MutationConflict | null = null;
  private readonly answered = new Map<number, string>();

  /** True when this item was answered already in the batch (same mutation, same filing). */
  repeated(m: PushMutation): boolean {
    return this.answered.get(m.mutationId) === m.filing.id;
  }

  add(m: PushMutation, r: MutationResult | MutationConflict): void {
    if (isConflict(r)) {
      this.conflict = r;
      return;
    }
    this.answered.set(m.mutationId, m.filing.id);
    this.results.push(r);
  }

  outcome(): BatchOutcome {
    return { results: this.results, conflict: this.conflict };
  }
}

/** The batch decided mutation by mutation inside one (synchronous) transaction: SQLite, where a
 * statement costs microseconds and the commit's fsync is what a per-filing transaction paid for. */
export function commitInOrder(input: BatchInput, commitOne: (one: CommitInput) => MutationResult | MutationConflict): BatchOutcome {
  const answers = new BatchAnswers();
  for (const item of input.items) {
    if (answers.conflict) break;
    if (answers.repeated(item.mutation)) continue;
    answers.add(item.mutation, commitOne({ deviceId: input.deviceId, courtCode: input.courtCode, mutation: item.mutation, rejection: item.rejection, now: input.now }));
  }
  return answers.outcome();
}
