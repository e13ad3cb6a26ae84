/**
 * Issue 15 point 5: `yzt rules check` shows everything the engine decides, each with its seed
 * article: type, findings, routing and team, deadlines with calendarConfirmed, stage, and the
 * seed 002 art. 17 conversions. Text by default, JSON with --json.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { command as rulesCheck } from '../../../src-main/cli/commands/rules-check.js';
import type { CheckResult } from '../../../src-shared/rules/check-filing.js';
import { baseFiling } from './fixtures.js';
import { inProcess } from './cli-run.js';

let dir: string;
const file = (name: string, content: unknown): string => {
  const p = join(dir, name);
  writeFileSync(p, JSON.stringify(content));
  return p;
};
beforeAll(() => void (dir = mkdtempSync(join(tmpdir(), 'yzt-decisions-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const NOW = '2026-06-10T10:00:00+08:00';

describe('yzt rules check shows every decision', () => {
  it('text: type and class, team and case limit, deadlines, pending nodes, conversions with their articles', async () => {
    const f = file('sq.json', { ...baseFiling(), routingTags: ['fee-recovery', 'auction-needed'] });
    const r = await inProcess(rulesCheck, [f, '--court', 'shangqiu-zy', '--now', NOW]);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines).toContain('类型 type: 执 首次执行 (first enforcement)，执行实施类 enforcement 〔seed 000 art. 12; seed 000 art. 8〕');
    expect(r.stdout).toMatch(/分流 route: 速执团队 \(fast-track team\) \[sq-simple-2\] — .*〔seed 002 art. 11\(一\)2〕/);
    expect(r.stdout).toContain('结案期限 case limit: 30日 days 〔seed 002 art. 16〕');
    expect(r.stdout).toContain('节点 deadline: 繁简分流 (triage) 2026-06-17 〔seed 002 art. 7(五)〕');
    expect(r.stdout).toMatch(/待启动节点 pending: 简转繁移交普执团队 .*自“程序转换经局长审批”起 3日.*〔seed 002 art. 17〕/);
    const conv = lines.filter((l) => l.startsWith('程序转换 conversion'));
    expect(conv).toHaveLength(4);
    expect(conv[1]).toMatch(/sq-conv-2: simple → ordinary.*现已符合 applies now.*局长审批.*〔seed 002 art. 17\(二\)〕/);
    expect(conv[0]).not.toContain('applies now');
  });

  it('text: a deadline in a year without a confirmed calendar says 以法院通知为准', async () => {
    const f = file('late.json', baseFiling());
    // Filed late December 2026: Shangqiu's five working days reach into 2027.
    const r = await inProcess(rulesCheck, [f, '--court', 'shangqiu-zy', '--now', '2026-12-28T10:00:00+08:00']);
    expect(r.stdout).toMatch(/节点 deadline: 繁简分流 \(triage\) 2027-01-0\d 以法院通知为准（节假日安排未确认 calendarConfirmed=false）/);
  });

  it('text: Jianli’s stage, its exits with the monitoring approval, the supervisor, the resume gate and the statutory limit', async () => {
    const f = file('jl.json', { ...baseFiling(), application: { kind: 'resumed', grounds: ['terminated-property-found'], priorCaseNumber: '（2024）鄂1023执100号' } });
    const r = await inProcess(rulesCheck, [f, '--court', 'jianli', '--now', NOW]);
    expect(r.stdout).toContain('立案前审批 gate: 以终本方式结案的案件恢复执行');
    expect(r.stdout).toMatch(/组长初审 \(group leader\) → 局长审核 \(enforcement bureau chief\) 〔seed 004 group 1 §1〕/);
    expect(r.stdout).toContain('（团队未定期限，适用法定期限 team sets none: statutory limit） 〔seed 002 art. 16 (法定6个月期限)〕');
    expect(r.stdout).toContain('可达阶段 reachable: online-query → offline-query → clue-query → disposal → crackdown → termination');
    expect(r.stdout).toMatch(/流转 exit handed-on → offline-query: .*指挥监控组流转审批.*〔seed 004 group 1 §3〕/);
    expect(r.stdout).toMatch(/监督 supervisor monitoring: .*〔seed 004 §一, group 7 §1, §9-10〕/);
  });

  it('--json: the same decisions as one object', async () => {
    const f = file('wz.json', baseFiling());
    const r = await inProcess(rulesCheck, [f, '--court', 'wuzhi', '--now', NOW, '--json']);
    const j = JSON.parse(r.stdout) as CheckResult;
    expect(j).toMatchObject({ ok: true, typeCode: '执', typeClass: 'implementation', typeSource: 'seed 000 art. 12', route: { team: 'emergency', source: 'seed 003 ch.3 §5' } });
    expect(j.deadlines?.every((d) => typeof d.calendarConfirmed === 'boolean' && d.source.startsWith('seed 003'))).toBe(true);
    expect(j.pendingNodes?.find((n) => n.rule === 'clue-check-urgent')).toMatchObject({ from: 'clue-received', amount: 48, unit: 'hours', source: 'seed 003 ch.3 §7.2' });
    expect(j.conversions).toEqual([]);
  });
});
