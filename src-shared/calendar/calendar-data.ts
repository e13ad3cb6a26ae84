/**
 * The holiday years in force: the shipped notices (holidays-cn.ts) with the years a court has
 * loaded since (`yzt calendar import`, admin mode) laid over them, year by year. This is how a
 * State Council notice published after a release reaches the deadlines without a new release.
 * A loaded year replaces the shipped one of the same year whole; a notice is never merged with
 * an estimate.
 */
import { z } from 'zod';
import { CN_HOLIDAYS, type HolidayYear } from './holidays-cn.js';

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const realDate = (s: string) => ISO.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;
const dateEntry = z
  .string()
  .max(22)
  .refine((e) => {
    const [a = '', b] = e.split('..');
    const end = b ?? a;
    return realDate(a) && realDate(end) && a <= end;
  }, { message: '日期应为 YYYY-MM-DD 或 YYYY-MM-DD..YYYY-MM-DD' });

/** One year of a notice, as a court loads it (the same shape the court profile's `calendar.years` takes). */
export const holidayYearSchema = z
  .strictObject({
    year: z.number().int().min(2000).max(2100),
    source: z.string().trim().min(4).max(300),
    estimated: z.boolean().optional(),
    holidays: z.array(dateEntry).min(1).max(60),
    workdays: z.array(dateEntry).max(60),
  })
  .superRefine((y, ctx) => {
    for (const [key, list] of [['holidays', y.holidays], ['workdays', y.workdays]] as const) {
      list.forEach((e, i) => {
        // A range may run into the next year (a 元旦 starting 12-30): its first day belongs to `year`.
        if (!e.startsWith(`${y.year}-`) && !(key === 'holidays' && e.split('..')[1]?.startsWith(`${y.year}-`))) {
          ctx.addIssue({ code: 'custom', path: [key, i], message: `${e} 不在 ${y.year} 年` });
        }
      });
    }
  });

export const calendarYearsSchema = z.union([holidayYearSchema.transform((y) => [y]), z.array(holidayYearSchema).min(1).max(20)]);

export type CalendarYearsResult = { ok: true; years: HolidayYear[] } | { ok: false; message_zh: string; message_en: string; issues: string[] };

/** Validates a year file: one year object, or an array of them, each year once. */
export function parseCalendarYears(json: unknown): CalendarYearsResult {
  const r = calendarYearsSchema.safeParse(json);
  if (!r.success) {
    const issues = r.error.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`);
    return { ok: false, message_zh: `节假日文件有 ${issues.length} 处错误：${issues[0] ?? ''}`, message_en: `The holiday file has ${issues.length} error(s)`, issues };
  }
  const years = r.data.map((y) => ({ ...y }) as HolidayYear);
  const seen = years.map((y) => y.year);
  const dup = seen.find((y, i) => seen.indexOf(y) !== i);
  if (dup !== undefined) return { ok: false, message_zh: `${dup} 年出现了两次`, message_en: `Year ${dup} is listed twice`, issues: [`${dup}`] };
  return { ok: true, years };
}

let loaded: readonly HolidayYear[] = [];
let generation = 0;

/** Installs the court's loaded years for this process (read at start and after an import). */
export function useCalendarYears(years: readonly HolidayYear[]): void {
  loaded = [...years];
  generation++;
}

/** The years loaded into this process (not the shipped ones). */
export function loadedCalendarYears(): readonly HolidayYear[] {
  return loaded;
}

/** Changes whenever the loaded years change, so cached calendars know to rebuild. */
export function calendarGeneration(): number {
  return generation;
}

/** Shipped years with the loaded ones laid over them, in year order. */
export function calendarYears(): readonly HolidayYear[] {
  const replaced = new Set(loaded.map((y) => y.year));
  return [...CN_HOLIDAYS.filter((y) => !replaced.has(y.year)), ...loaded].sort((a, b) => a.year - b.year);
}

/** Merges newly imported years into a court's loaded list (a year replaces its namesake). */
export function mergeCalendarYears(current: readonly HolidayYear[], incoming: readonly HolidayYear[]): HolidayYear[] {
  const replaced = new Set(incoming.map((y) => y.year));
  return [...current.filter((y) => !replaced.has(y.year)), ...incoming].sort((a, b) => a.year - b.year);
}
