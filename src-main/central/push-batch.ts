/**
 * A kiosk's push at the central: each filing is parsed and re-checked on its own (one bad
 * filing is one rejection), then the batch is committed through `commitBatch` (one
 * transaction per run of well-formed filings, batch-commit.ts), and accepted filings are
 * compared with the court's earlier cases on the same basis (the duplicate flag).
 */
import type { FilingRecord } from '../../src-shared/domain/filing.js';
import { compiledFilingRecordSchema } from './compiled-filing-schemas.js';
import type { MutationResult, PushMutation } from '../../src-shared/sync/protocol.js';
import type { Logger } from '../log/logger.js';
import type { BatchItem, BatchOutcome } from './batch-commit.js';
import { matchingCases, requestOf } from './duplicate-check.js';
import type { CentralStore, DeviceRecord } from './store.js';
import { validateFiling } from './validate-filing.js';

const MALFORMED = { status: 'rejected', code: 'malformed', reason_zh: '申请数据不完整或格式错误', reason_en: 'Malformed filing data' } as const;
const CLAIM_REFUSALS = new Set(['type-mismatch', 'facts-missing', 'facts-mismatch']);

/** The push as raw mutations (their filings unchecked) → the answers, and the parsed records by mutation id. */
export async function commitPush(
  store: CentralStore,
  device: DeviceRecord,
  mutations: { mutationId: number; kind: PushMutation['kind']; filing: unknown }[],
  now: Date,
  log: Logger,
): Promise<{ results: BatchOutcome; records: Map<number, FilingRecord> }> {
  const records = new Map<number, FilingRecord>();
  const results: MutationResult[] = [];
  let run: BatchItem[] = [];
  const flush = async () => {
    if (run.length === 0) return null;
    const out = await store.commitBatch({ deviceId: device.deviceId, courtCode: device.courtCode, items: run, now });
    run = [];
    results.push(...out.results);
    return out.conflict;
  };
  let conflict = null;
  for (const m of mutations) {
    const filing = compiledFilingRecordSchema.safeParse(m.filing);
    if (!filing.success) {
      if ((conflict = await flush())) break;
      log.warn('central.mutation.malformed', { deviceId: device.deviceId, mutationId: m.mutationId, issue: filing.error.issues[0]?.path.join('.') });
      results.push(await store.recordMalformed(device.deviceId, { mutationId: m.mutationId, ...MALFORMED }, now));
      continue;
    }
    const rejection = validateFiling(m.mutationId, filing.data, device.courtCode, now);
    if (rejection?.status === 'rejected' && CLAIM_REFUSALS.has(rejection.code)) {
      // A kiosk claiming a type the rules do not give is buggy or tampered with: IT should see it.
      log.warn('central.type-claim-refused', { deviceId: device.deviceId, mutationId: m.mutationId, code: rejection.code, claimed: filing.data.typeCode });
    }
    records.set(m.mutationId, filing.data);
    run.push({ mutation: { mutationId: m.mutationId, kind: m.kind, filing: filing.data }, rejection });
  }
  conflict ??= await flush();
  // One answer per mutation id, even when a repeat fell in another run of the batch.
  const once = new Set<number>();
  const answers = results.filter((r) => !once.has(r.mutationId) && once.add(r.mutationId));
  // One line a push, each answer in it ("17 （2026）豫0811执5号", "18 rejected basis.not-effective"):
  // a line per filing was 2,000 JSON lines and writes a second at city load, for the same words.
  if (answers.length > 0) {
    log.info('central.mutations', { deviceId: device.deviceId, answers: answers.map((r) => (r.status === 'accepted' ? `${r.mutationId} ${r.officialNo}` : `${r.mutationId} ${r.status} ${r.code}`)) });
  }
  return { results: { results: answers, conflict }, records };
}

/**
 * The same case filed again (from this kiosk or another) is flagged for the clerk, never
 * refused. Only cases numbered before this one count (the list is in numbering order), so a
 * replayed push gets the same answer as the first, whatever was numbered since. The court's
 * cases on all the push's basis numbers are read in one query.
 */
export async function flagDuplicates(store: CentralStore, device: DeviceRecord, results: MutationResult[], records: Map<number, FilingRecord>, log: Logger): Promise<MutationResult[]> {
  const secret = device.secret;
  if (!secret) return results;
  const accepted = results.flatMap((r) => (r.status === 'accepted' ? [records.get(r.mutationId)?.basisNumber ?? ''] : []));
  // Each accepted filing is a case now: only a basis number two cases name can hold an earlier one.
  const byBasis = await store.casesByBasis(device.courtCode, [...new Set(accepted)], 'shared');
  const out: MutationResult[] = [];
  for (const result of results) {
    const filing = records.get(result.mutationId);
    if (result.status !== 'accepted' || !filing) {
      out.push(result);
      continue;
    }
    const cases = byBasis.get(filing.basisNumber) ?? [];
    const own = cases.findIndex((c) => c.filingId === filing.id);
    const before = own >= 0 ? cases.slice(0, own) : cases.filter((c) => c.filingId !== filing.id);
    // The tags cost two HMACs per party: only worth making when there is an earlier case to compare.
    const earlier = before.length === 0 ? [] : matchingCases(before, secret, requestOf(secret, filing), filing.id);
    if (earlier.length === 0) out.push(result);
    else {
      out.push({ ...result, duplicateOf: earlier.map((c) => c.officialNo) });
      log.warn('central.mutation.duplicate', { deviceId: device.deviceId, filingId: filing.id, of: earlier.map((c) => c.filingId), reasonGiven: filing.duplicate?.reason ?? null });
    }
  }
  return out;
}
