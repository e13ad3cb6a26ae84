import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { command as casenumParse } from '../../../src-main/cli/commands/casenum-parse.js';
import { command as rulesCheck } from '../../../src-main/cli/commands/rules-check.js';
import { baseFiling } from './fixtures.js';
import { findCourt } from '../../../src-shared/courts/court-profile.js';
import { inProcess, type Run } from './cli-run.js';

function yzt(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['bin/yzt.mjs', ...args], { cwd: process.cwd(), timeout: 30_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 99) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

let dir: string;
const file = (name: string, content: unknown): string => {
  const p = join(dir, name);
  writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content));
  return p;
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'yzt-rules-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('yzt casenum / rules / courts as child processes', () => {
  it('parses, checks and lists', async () => {
    const good = file('good.json', baseFiling());
    const blocked = file('blocked.json', { ...baseFiling(), matter: 'fee-refund' });
    const profile = structuredClone(findCourt('wuzhi')!) as unknown as Record<string, unknown>;
    profile.thresholds = { ordinary: 10_000_000, large: 100_000_000 };
    const edited = file('wuzhi-edited.json', profile);
    const badProfile = file('bad-profile.json', { ...profile, types: [{ code: '执速', applications: ['first'], source: 'x' }] });
    const now = '2026-06-10T10:00:00+08:00';
    // Each child starts Node, tsx and every yzt command (seconds of CPU on a loaded machine):
    // a few children prove the wiring; the remaining cases run the same commands in process.
    const [parse, check, checkBadProfile, list] = await Promise.all([
      yzt('casenum', 'parse', '(2024)豫0811执 123号'),
      yzt('rules', 'check', good, '--court', 'wuzhi', '--now', now),
      yzt('rules', 'check', good, '--profile', badProfile),
      yzt('courts', 'list'),
    ]);
    const [parseBad, checkBlocked, checkEdited, help] = await Promise.all([
      inProcess(casenumParse, ['（2024）豫0811执速1号', '--json']),
      inProcess(rulesCheck, [blocked, '--court', 'jiaozuo-shanyang', '--now', now, '--json']),
      inProcess(rulesCheck, [good, '--profile', edited, '--now', now, '--json']),
      Promise.resolve({ code: 0, stdout: rulesCheck.help, stderr: '' }),
    ]);

    expect(parse).toMatchObject({ code: 0 });
    expect(parse.stdout).toMatch(/^（2024）豫0811执123号\n/);
    expect(parse.stdout).toContain('焦作市山阳区人民法院');
    expect(parseBad.code).toBe(1);
    expect(JSON.parse(parseBad.stdout)).toMatchObject({ ok: false, error: 'unknown-type-code', message_zh: '案件类型代字不正确：执速' });

    expect(check.code).toBe(0);
    expect(check.stdout).toContain('类型代字 type code 执');
    expect(check.stdout).toContain('应急团队'); // 20,000 yuan < 30,000 (seed 003 ch.3 §5)
    expect(check.stdout).toContain('seed 003 ch.3 §1(二)');
    expect(check.stdout).toContain('[提示 info]');

    expect(checkBlocked.code).toBe(1);
    const j = JSON.parse(checkBlocked.stdout) as { ok: boolean; findings: Array<{ rule: string; severity: string; source: string }> };
    expect(j.ok).toBe(false);
    expect(j.findings[0]).toMatchObject({ rule: 'never-file', severity: 'block', source: 'seed 001 art. 10(1)' });
    expect(j.findings.map((f) => f.rule)).toContain('notice.risk-notice');

    expect(checkEdited.code).toBe(0);
    expect(JSON.parse(checkEdited.stdout).route).toMatchObject({ team: 'emergency' });
    expect(checkBadProfile.code).toBe(1);
    expect(checkBadProfile.stderr).toContain('types.0.code');

    expect(list.code).toBe(0);
    expect(list.stdout).toContain('jianli  鄂1023  监利市人民法院  basic  seed 004 代字未确认');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--profile FILE');
  });
});
