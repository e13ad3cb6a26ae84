/**
 * The two checks that read the whole kiosk database: SQLite's quick_check (every page) and the
 * audit chain (every entry). On a kiosk after years of use they take tens of seconds, so the
 * kiosk app runs them in a worker on its own connection (integrity-monitor.ts); the `yzt`
 * commands, which have no screen to freeze, run them in place.
 */
import type { Db } from './open.js';
import { verifyAudit, type AuditVerdict } from '../audit/audit-log.js';

export interface DeepCheck {
  /** quick_check's answer: ['ok'] or the first problems it names. */
  quickCheck: string[];
  audit: AuditVerdict;
  /** When it finished (ISO-8601). */
  at: string;
}

export function runDeepCheck(db: Db, now: Date = new Date()): DeepCheck {
  const quickCheck = (db.pragma('quick_check(20)') as { quick_check: string }[]).map((r) => r.quick_check);
  return { quickCheck, audit: verifyAudit(db), at: now.toISOString() };
}

export const deepCheckOk = (d: DeepCheck): boolean => d.quickCheck.length === 1 && d.quickCheck[0] === 'ok';
