/**
 * The holiday years a court has loaded, kept as `<data dir>/calendar.json` beside courts.json:
 * on the kiosk its data folder, on the central `yzt central serve --calendar FILE`. Read at start
 * (a bad file stops the start with a message naming it, as courts.json does) and replaced
 * atomically by `yzt calendar import` and admin mode, so a kiosk that loses power mid-save keeps
 * the old years.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { AppError } from '../../src-shared/api/errors.js';
import { calendarYears, mergeCalendarYears, parseCalendarYears, useCalendarYears, type CalendarYearsResult } from '../../src-shared/calendar/calendar-data.js';
import type { HolidayYear } from '../../src-shared/calendar/holidays-cn.js';

export const CALENDAR_FILE = 'calendar.json';

export function readCalendarFile(file: string): CalendarYearsResult {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    return { ok: false, message_zh: `无法读取节假日文件 ${file}`, message_en: `Cannot read the holiday file ${file}: ${e instanceof Error ? e.message : String(e)}`, issues: [] };
  }
  return parseCalendarYears(json);
}

/** Installs the file's years for this process when the file exists; throws on a bad file. */
export function installCalendarFile(file: string | undefined): HolidayYear[] {
  if (!file || !existsSync(file)) return [];
  const r = readCalendarFile(file);
  if (!r.ok) throw new AppError('calendar.bad-file', r.message_zh, r.message_en);
  useCalendarYears(r.years);
  return r.years;
}

/** Validates `input` (one year or several) and adds it to the court's file, replacing the same years. */
export function importCalendarYears(file: string, input: unknown): CalendarYearsResult {
  const incoming = parseCalendarYears(input);
  if (!incoming.ok) return incoming;
  const current = existsSync(file) ? readCalendarFile(file) : { ok: true as const, years: [] };
  // Saving over a file edited badly by hand would silently drop its other years.
  if (!current.ok) return current;
  const years = mergeCalendarYears(current.years, incoming.years);
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(years, null, 2)}\n`, { mode: 0o644 });
  renameSync(tmp, file);
  useCalendarYears(years);
  return { ok: true, years: incoming.years };
}

/** The years in force and where each comes from, for admin mode and `yzt calendar show`. */
export function calendarView(file: string): { years: Array<{ year: number; confirmed: boolean; loaded: boolean; source: string }> } {
  const loaded = existsSync(file) ? readCalendarFile(file) : { ok: true as const, years: [] };
  const fromFile = new Set(loaded.ok ? loaded.years.map((y) => y.year) : []);
  return { years: calendarYears().map((y) => ({ year: y.year, confirmed: !y.estimated, loaded: fromFile.has(y.year), source: y.source })) };
}
