/**
 * `yzt calendar import` loads a State Council notice into the court's calendar file and the
 * running process; `yzt calendar show` says which years are confirmed. `yzt casenum parse`
 * reads legacy numbers with the same parser as everything else.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { CliCommand } from '../../../src-main/cli/command.js';
import { command as calendarImport } from '../../../src-main/cli/commands/calendar-import.js';
import { command as calendarShow } from '../../../src-main/cli/commands/calendar-show.js';
import { command as casenumParse } from '../../../src-main/cli/commands/casenum-parse.js';
import { calendarYears, useCalendarYears } from '../../../src-shared/calendar/calendar-data.js';

async function run(cmd: CliCommand, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const parsed = parseArgs({ args, options: cmd.options, allowPositionals: true, strict: true });
  const code = await cmd.run(parsed as never, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'yzt-calendar-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => useCalendarYears([]));

const write = (name: string, content: unknown) => {
  const p = join(dir, name);
  writeFileSync(p, JSON.stringify(content));
  return p;
};

describe('yzt calendar', () => {
  it('imports a year, which replaces the shipped estimate and is confirmed', async () => {
    const data = join(dir, 'kiosk-a');
    const notice = write('2027.json', { year: 2027, source: '国务院办公厅关于2027年部分节假日安排的通知（测试）', holidays: ['2027-01-01..2027-01-03', '2027-02-05..2027-02-12'], workdays: ['2027-02-14'] });
    const r = await run(calendarImport, [notice, '--data', data]);
    expect(r).toMatchObject({ code: 0 });
    expect(r.stdout).toContain('已载入 2027 年');
    const saved = JSON.parse(readFileSync(join(data, 'calendar.json'), 'utf8')) as Array<{ year: number }>;
    expect(saved.map((y) => y.year)).toEqual([2027]);
    expect(calendarYears().find((y) => y.year === 2027)?.estimated).toBeUndefined();

    useCalendarYears([]);
    const shown = await run(calendarShow, ['--data', data, '--json']);
    const rows = JSON.parse(shown.stdout) as Array<{ year: number; confirmed: boolean; loaded: boolean }>;
    expect(rows.find((x) => x.year === 2027)).toMatchObject({ confirmed: true, loaded: true });
    expect(rows.find((x) => x.year === 2026)).toMatchObject({ confirmed: true, loaded: false });
  });

  it('shows 2027 unconfirmed while no notice is loaded', async () => {
    const shown = await run(calendarShow, ['--data', join(dir, 'kiosk-empty'), '--json']);
    expect((JSON.parse(shown.stdout) as Array<{ year: number; confirmed: boolean }>).find((x) => x.year === 2027)?.confirmed).toBe(false);
  });

  it('refuses a file with a date outside its year or a bad date, saying where', async () => {
    const data = join(dir, 'kiosk-b');
    const bad = write('bad.json', [{ year: 2027, source: 'test notice', holidays: ['2028-01-01', '2027-02-30'], workdays: [] }]);
    const r = await run(calendarImport, [bad, '--data', data, '--json']);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout) as { ok: boolean; issues: string[] };
    expect(j.ok).toBe(false);
    expect(j.issues.join('\n')).toContain('holidays.0');
    expect(j.issues.join('\n')).toContain('holidays.1');
  });
});

describe('yzt casenum parse', () => {
  it('reads a pre-2016 number as legacy, leading zeros kept', async () => {
    const r = await run(casenumParse, ['（2015）豫法执监字第00012号', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, format: 'legacy', legacy: { year: 2015, court: '豫法', typeChars: '执监', seqText: '00012' } });
  });

  it('reads 〔〕 with a warning that shows the canonical form', async () => {
    const r = await run(casenumParse, ['〔2024〕豫0811执12号']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('（2024）豫0811执12号');
    expect(r.stderr).toContain('规范写法：（2024）豫0811执12号');
  });

  it('accepts 内 and names the court', async () => {
    const r = await run(casenumParse, ['（2025）内01执8号']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('内蒙古自治区');
  });
});
