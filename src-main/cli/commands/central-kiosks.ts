import { UsageError, defineCommand } from '../command.js';
import { listKiosks, staleMinutesOf } from '../../central/kiosk-list.js';
import type { KioskListEntry } from '../../../src-shared/sync/protocol.js';
import { STORE_HELP, STORE_OPTIONS, withStore } from './central-store-options.js';

function stateOf(k: KioskListEntry): string {
  if (k.revokedAt) return '已停用 revoked';
  if (k.down) return k.lastHeartbeatAt ? '离线 DOWN' : '无心跳 DOWN';
  return '在线 up';
}

function healthOf(k: KioskListEntry): string {
  const h = k.health;
  if (!h) return '-';
  const bad = h.checks.filter((c) => c.status !== 'ok').map((c) => `${c.name}:${c.status}`);
  const queue = h.queueDepth > 0 ? ` 待传 ${h.queueDepth}（最早 ${Math.round((h.oldestPendingSeconds ?? 0) / 60)} 分钟）` : '';
  return `v${h.appVersion} ${bad.length ? bad.join(',') : '检查正常 checks ok'}${queue}${h.auditHead ? '' : ' 审计链异常 audit-broken'}`;
}

/** A rewind or fork the central has seen in the kiosk's audit heads (audit-anchor.ts). */
function auditOf(k: KioskListEntry): string {
  const a = k.audit;
  if (!a?.problem) return '';
  const what = a.problem === 'rewind' ? '审计链回退 audit REWIND' : '审计链分叉 audit FORK';
  return `  ${what}（${a.problemAt ?? '-'}：${a.problemDetail ?? ''}）`;
}

export const command = defineCommand({
  path: ['central', 'kiosks'],
  summary: '终端在线情况 (list kiosks and their last heartbeat)',
  help: `
yzt central kiosks (--db FILE | --pg URL) [--stale-minutes M] [--json]

列出在本网关登记的每台终端：所属法院、登记/停用、最近心跳、最近上传、健康摘要；超过 M 分钟没有心跳的终端标为离线（DOWN）。
Lists every kiosk enrolled with this gateway: court, enrolled/revoked, last heartbeat (central
clock), last push, health summary; a kiosk with no heartbeat for M minutes is marked DOWN.
审计链回退（REWIND：条数比上次少，或数据库被换成旧副本）或分叉（FORK：被改写）也在此列出。
An audit chain the central saw go back (REWIND: fewer entries than before, or the database
replaced by an older copy) or change (FORK: rewritten) is shown too, with when and how.

${STORE_HELP}
  --stale-minutes M   minutes without a heartbeat before a kiosk counts as down (default 5)
  --json              print the list as JSON (the same as GET /v1/court/kiosks)

Exit status: 0 no kiosk down and no audit problem; 1 at least one kiosk down or with an audit
rewind or fork; 2 wrong usage.
`,
  options: { 'stale-minutes': { type: 'string' }, json: { type: 'boolean' }, ...STORE_OPTIONS },
  async run({ values }, io) {
    const stale = staleMinutesOf(values['stale-minutes']);
    if (stale === null) throw new UsageError('--stale-minutes 需要一个正数 (--stale-minutes takes a positive number)');
    const list = await withStore(values, (s) => listKiosks(s, new Date(), stale));
    if (values.json) io.out(JSON.stringify(list, null, 2));
    else if (list.kiosks.length === 0) io.out('没有已登记的终端 (no enrolled kiosks)');
    else {
      for (const k of list.kiosks) {
        io.out(`${k.deviceId}  ${k.courtCode}  ${stateOf(k)}  心跳 ${k.lastHeartbeatAt ?? '-'}  上传 ${k.lastPushAt ?? '-'}  ${healthOf(k)}${auditOf(k)}`);
      }
    }
    return list.kiosks.some((k) => k.down || Boolean(k.audit?.problem)) ? 1 : 0;
  },
});
