/**
 * The follow-up leg of the counter's court sync (issue 14 item 2): a 执前督 recorded here as
 * 未履行 or 拒绝履行 names the 执 case to come; once its record is at the central (the records
 * leg runs first), the central is asked to number it (`POST /v1/court/follow-up`, the court
 * token). The answer is kept with the 执前督: the number, or the central's refusal with its
 * Chinese reason for the clerk, who may fix the cause and retry. A resend answers the same case
 * (the id is the counter's), so an answer lost on the way costs nothing. Unreachable or a
 * server error: the pass backs off and asks again.
 */
import type { FollowUpResponse } from '../../src-shared/sync/follow-up.js';
import type { LegOutcome, RecordSyncTarget } from './record-sync.js';
import { readPre, saveFollowUpAnswer } from './pre-enforcement-view.js';

interface Waiting {
  filing_id: string;
  official_no: string | null;
  pre_json: string;
}

/** 执前督 cases here whose 执 case is named but neither numbered nor refused, and whose record has gone up. */
function waiting(t: RecordSyncTarget): Array<{ origin: string; originId: string; id: string }> {
  const rows = t.db
    .prepare(
      `SELECT c.filing_id, f.official_no, c.pre_json FROM counter_cases c JOIN filings f ON f.id = c.filing_id
       WHERE f.type_code = '执前督' AND json_extract(c.pre_json, '$.outcome') IN ('failed', 'refused') AND json_extract(c.pre_json, '$.followUp') IS NULL
         AND NOT EXISTS (SELECT 1 FROM clerk_records r JOIN clerk_record_outbox o ON o.record_id = r.id WHERE r.filing_id = c.filing_id AND o.sent_at IS NULL)`,
    )
    .all() as Waiting[];
  return rows.flatMap((r) => {
    const id = readPre(r.pre_json, '').convertedFilingId;
    return id ? [{ origin: r.official_no ?? r.filing_id, originId: r.filing_id, id }] : [];
  });
}

export async function pushFollowUps(t: RecordSyncTarget): Promise<LegOutcome> {
  let moved = 0;
  for (const w of waiting(t)) {
    let res: Response;
    try {
      res = await fetch(`${t.url.replace(/\/$/, '')}/v1/court/follow-up`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${t.token}` },
        body: JSON.stringify({ id: w.id, origin: w.origin, event: 'pre-enforcement-failed' }),
        signal: AbortSignal.timeout(15_000),
      });
    } catch {
      return { ok: false, kind: 'offline', code: 'unreachable' };
    }
    const body = (await res.json().catch(() => null)) as (Partial<FollowUpResponse> & { error?: string; message_zh?: string; message_en?: string }) | null;
    const at = t.now().toISOString();
    if (res.ok && body?.officialNo) {
      saveFollowUpAnswer(t.db, w.originId, { officialNo: body.officialNo, ...(body.acceptedAt ? { acceptedAt: body.acceptedAt } : {}) }, at);
      t.log.info('counter.follow-up.numbered', { origin: w.originId, filingId: w.id, officialNo: body.officialNo, created: body.created });
      moved += 1;
      continue;
    }
    // A token the central does not take, or its own trouble: ask again later, keep nothing.
    if (res.status >= 500 || res.status === 401 || res.status === 403 || res.status === 429) return { ok: false, kind: 'refused', code: body?.error ?? `http-${res.status}` };
    const error = {
      code: body?.error ?? `http-${res.status}`,
      message_zh: body?.message_zh ?? '法院系统未接受首次执行立案',
      message_en: body?.message_en ?? 'The central refused the first enforcement filing',
    };
    saveFollowUpAnswer(t.db, w.originId, { error }, at);
    t.log.warn('counter.follow-up.refused', { origin: w.originId, filingId: w.id, code: error.code });
    moved += 1;
  }
  return { ok: true, moved };
}
