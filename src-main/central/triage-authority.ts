/**
 * A leader's triage decision binds (issue 14 item 4): once a case's team was set by an override
 * (only leaders may override) or by a record that names a leader, the central refuses a triage
 * record from a lower role, whatever terminal sends it. Once the court's accounts are held at
 * the central, the role a record names is the one the central knows for the clerk session that
 * sent it (`withVerifiedRole`), never the terminal's claim; before that, the claim is all there is.
 */
import type { ClerkRecord, ClerkRecordResult } from '../../src-shared/sync/protocol.js';

export const LAST_TRIAGE_SQL = "SELECT record_json FROM clerk_records WHERE filing_id = $1 AND kind = 'triage' ORDER BY seq DESC LIMIT 1";

/** The record with the role the central verified in place of the one claimed; `role` null: nothing verified. */
export function withVerifiedRole(r: ClerkRecord, role: 'reception' | 'leader' | 'admin' | null): ClerkRecord {
  return r.kind === 'triage' && role !== null ? { ...r, payload: { ...r.payload, role } } : r;
}

const LEADER_ROLES: readonly string[] = ['leader', 'admin'];

function leaderMade(r: ClerkRecord): boolean {
  return r.kind === 'triage' && (r.payload.decision === 'override' || LEADER_ROLES.includes(r.payload.role ?? 'reception'));
}

/** Null when `r` may be stored; a refusal when it is a lower role's triage over a leader's, or an override claimed by a reception clerk. */
export function triageAuthority(r: ClerkRecord, lastTriageJson: string | undefined): ClerkRecordResult | null {
  if (r.kind !== 'triage') return null;
  const claimed = r.payload.role ?? 'reception';
  if (r.payload.decision === 'override' && r.payload.role !== undefined && !LEADER_ROLES.includes(claimed)) return refused(r.id);
  const last = lastTriageJson ? (JSON.parse(lastTriageJson) as ClerkRecord) : undefined;
  if (last && leaderMade(last) && !LEADER_ROLES.includes(claimed) && r.payload.decision !== 'override') return refused(r.id);
  return null;
}

function refused(id: string): ClerkRecordResult {
  return { id, status: 'rejected', code: 'leader-decision', reason_zh: '该案件的分流由团队负责人决定，只有团队负责人可以更改', reason_en: 'A team leader decided this triage; only a team leader can change it' };
}
