/**
 * The court's clerk accounts, pulled by the counter's court sync (GET /v1/court/clerks by
 * version cursor) into this PC's cache: a role change, a reset or a disabled account made at
 * the central, from any PC, applies here at the clerk's next request (accounts.ts reads the row
 * on every request). A central without the route (older) is taken as holding no accounts; so is a
 * PC given the gateway's admin token rather than a court token (it has no clerks of its own).
 */
import { CLERKS_PATH, MAX_ACCOUNTS_PULL, type ClerkAccountsResponse } from '../../src-shared/sync/clerk-accounts.js';
import { cacheAccount } from './account-cache.js';
import { call, type LegOutcome, type RecordSyncTarget } from './record-sync.js';

const CURSOR = 'clerks';

export async function pullClerkAccounts(t: RecordSyncTarget): Promise<LegOutcome> {
  let moved = 0;
  for (;;) {
    const since = (t.db.prepare('SELECT value FROM counter_cursors WHERE name = ?').get(CURSOR) as { value: number } | undefined)?.value ?? 0;
    const answer = await call<ClerkAccountsResponse>(t, 'GET', `${CLERKS_PATH}?since=${since}&court=${encodeURIComponent(t.court)}`);
    if (!answer.ok) return ['not-found', 'http-404', 'court-token-needed'].includes(answer.code) ? { ok: true, moved } : answer;
    const at = t.now().toISOString();
    t.db.transaction(() => {
      for (const a of answer.body.accounts) cacheAccount(t.db, a, at);
      t.db.prepare('INSERT INTO counter_cursors (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value').run(CURSOR, answer.body.cursor);
    }).immediate();
    moved += answer.body.accounts.length;
    if (answer.body.accounts.length > 0) t.log.info('counter.accounts.pulled', { accounts: answer.body.accounts.length, cursor: answer.body.cursor });
    if (answer.body.accounts.length < MAX_ACCOUNTS_PULL) return { ok: true, moved };
  }
}
