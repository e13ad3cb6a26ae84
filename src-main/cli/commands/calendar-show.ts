import { join } from 'node:path';
import { defineCommand } from '../command.js';
import { kioskDataDir } from '../data-dir.js';
import { CALENDAR_FILE, calendarView, installCalendarFile } from '../../calendar/calendar-file.js';

export const command = defineCommand({
  path: ['calendar', 'show'],
  summary: '列出日历中各年份及是否已确认 (list the calendar years and whether each is confirmed)',
  help: `
yzt calendar show [--data DIR | --file CALENDAR] [--json]

列出本院日历的年份：程序自带的、已载入的，以及哪些年份尚无国务院通知（未确认，期限显示
“以法院通知为准”）。
Lists the calendar's years (shipped and loaded) and which are unconfirmed (no State Council
notice yet: deadlines in them say 以法院通知为准).

  --data DIR       the kiosk's data folder (default $YZT_DATA or ./data/kiosk)
  --file CALENDAR  read this calendar file instead (the central's)
  --json           print [{year, confirmed, source}]
`,
  options: { data: { type: 'string' }, file: { type: 'string' }, json: { type: 'boolean' } },
  async run({ values }, io) {
    const file = typeof values.file === 'string' && values.file !== '' ? values.file : join(kioskDataDir(values), CALENDAR_FILE);
    installCalendarFile(file);
    const rows = calendarView(file).years;
    if (values.json === true) io.out(JSON.stringify(rows));
    else for (const r of rows) io.out(`${r.year}  ${r.confirmed ? '已确认 confirmed  ' : '未确认 unconfirmed'}  ${r.loaded ? '已载入 loaded ' : '自带 shipped'}  ${r.source}`);
    return 0;
  },
});
