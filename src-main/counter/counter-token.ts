/**
 * The court token a counter PC syncs clerk records with (`yzt central court-token`). It is a
 * secret: kept in the kiosk database (encrypted at rest), never exported with the
 * configuration, never logged or audited by value, and only ever shown as set or not set.
 */
import type { Db } from '../db/open.js';
import { AppError } from '../../src-shared/api/errors.js';
import { appendAudit } from '../audit/audit-log.js';
import { readSetting, writeSetting } from '../kiosk/settings.js';

const SETTING = 'counter.centralToken';
const TOKEN_FORMAT = /^[A-Za-z0-9._~+/=-]{16,200}$/;

export function counterTokenSet(db: Db): boolean {
  return readSetting(db, SETTING) !== undefined;
}

/** Sets (or, with null, removes) the token; the court sync reads it on its next pass. */
export function setCounterToken(db: Db, token: string | null, actor: string, now: Date): void {
  const value = token?.trim() ?? null;
  if (value !== null && !TOKEN_FORMAT.test(value)) {
    throw new AppError('counter.token-format', '凭据格式不对：请粘贴 yzt central court-token 给出的整串字符', 'Not a court token: paste the whole string yzt central court-token printed');
  }
  db.transaction(() => {
    if (value === null) db.prepare('DELETE FROM settings WHERE key = ?').run(SETTING);
    else writeSetting(db, SETTING, value);
    appendAudit(db, { at: now.toISOString(), actor, action: value === null ? 'counter.token.cleared' : 'counter.token.set', subject: null, details: {} });
  })();
}
