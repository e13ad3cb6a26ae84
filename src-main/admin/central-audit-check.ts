/**
 * The admin health screen's line for what the central concluded from this kiosk's audit heads:
 * a rewind or fork it saw is a failure IT must look into (the local chain may verify, e.g.
 * after the whole database was swapped for an older copy). Nothing before the first answer.
 */
import type { AuditContinuity } from '../../src-shared/sync/protocol.js';
import type { HealthCheck } from './health.js';

export function centralAuditCheck(v: AuditContinuity | null): HealthCheck | null {
  if (!v) return null;
  const details = { entries: v.entries, problem: v.problem, problemAt: v.problemAt, problemDetail: v.problemDetail };
  if (v.problem === 'rewind') {
    return { name: 'audit-anchor', status: 'fail', message_zh: '法院系统发现本机审计日志比上次少（被截短或换成旧副本），请技术人员核查', message_en: 'The central saw this kiosk\'s audit log go back (cut short or replaced by an older copy); IT must look into it', details };
  }
  if (v.problem === 'fork') {
    return { name: 'audit-anchor', status: 'fail', message_zh: '法院系统发现本机审计日志与上次报告的不一致（被改写），请技术人员核查', message_en: 'The central saw this kiosk\'s audit log change from what it reported before (rewritten); IT must look into it', details };
  }
  return { name: 'audit-anchor', status: 'ok', message_zh: '法院系统核对审计日志连续', message_en: 'The central finds the audit log continuous', details };
}
