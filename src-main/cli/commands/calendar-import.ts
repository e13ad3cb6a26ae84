import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineCommand } from '../command.js';
import { kioskDataDir } from '../data-dir.js';
import { CALENDAR_FILE, importCalendarYears } from '../../calendar/calendar-file.js';

export const command = defineCommand({
  path: ['calendar', 'import'],
  summary: '载入国务院办公厅节假日安排通知 (load a year of the State Council holiday notice)',
  help: `
yzt calendar import FILE [--data DIR | --file CALENDAR] [--json]

把一年（或几年）的节假日安排载入本院日历，不需要升级程序。文件为 JSON：
{"year":2027,"source":"国务院办公厅关于2027年部分节假日安排的通知（国办发明电〔2026〕N号）",
 "holidays":["2027-01-01","2027-02-05..2027-02-11"],"workdays":["2027-02-14"]}
或由这样的对象组成的数组。载入的年份整体替换程序自带的同一年份；"estimated": true 表示尚未
确认（期限显示“以法院通知为准”）。
Loads one year (or several) of the State Council's holiday arrangements into the court's
calendar without a release. FILE is one year object as above, or an array of them. A loaded
year replaces the shipped data for that year whole; "estimated": true keeps it unconfirmed
(deadlines in it say 以法院通知为准).

  --data DIR       the kiosk's data folder (default $YZT_DATA or ./data/kiosk): writes DIR/calendar.json
  --file CALENDAR  write this calendar file instead (the central's, given to yzt central serve --calendar)
  --json           print {ok, years} or {ok:false, message_zh, message_en, issues}

A running kiosk reads the file at its next start; admin mode loads a year at once.
Exit status: 0 loaded; 1 the file is invalid (every problem listed); 2 wrong usage.
`,
  options: { data: { type: 'string' }, file: { type: 'string' }, json: { type: 'boolean' } },
  async run({ values, positionals }, io) {
    const source = positionals[0];
    if (!source) {
      io.err('请指定节假日文件 (name the holiday file)');
      return 2;
    }
    let input: unknown;
    try {
      input = JSON.parse(readFileSync(source, 'utf8'));
    } catch (e) {
      io.err(`无法读取节假日文件 ${source}，或它不是 JSON (cannot read ${source} as JSON: ${e instanceof Error ? e.message : String(e)})`);
      return 1;
    }
    const target = typeof values.file === 'string' && values.file !== '' ? values.file : join(kioskDataDir(values), CALENDAR_FILE);
    const r = importCalendarYears(target, input);
    if (values.json === true) io.out(JSON.stringify(r.ok ? { ok: true, file: target, years: r.years.map((y) => ({ year: y.year, confirmed: !y.estimated })) } : r));
    else if (r.ok) {
      for (const y of r.years) io.out(`已载入 ${y.year} 年${y.estimated ? '（未确认）' : ''}：${y.source} (year ${y.year} loaded${y.estimated ? ', unconfirmed' : ''})`);
      io.out(`写入 written: ${target}`);
    } else {
      io.err(`${r.message_zh}\n${r.message_en}`);
      for (const i of r.issues) io.err(`  ${i}`);
    }
    return r.ok ? 0 : 1;
  },
});
