/**
 * China time (UTC+8) for every date shown or stored for a person, whatever zone the machine
 * runs in: a kiosk or server set to UTC must still number, date and print by the court's clock.
 * China has had one zone and no daylight saving since 1991, so a fixed offset is exact and
 * needs no time-zone database (the renderer, Node and the PDF code all agree on it).
 */
import { isoOfInstant } from './civil-days.js';

export const CHINA_TIME_ZONE = 'Asia/Shanghai';

const OFFSET_MS = 8 * 3_600_000;

/** The China wall clock at `instant`, as `YYYY-MM-DDTHH:mm:ss.sss` (no zone suffix). */
function wallClock(instant: Date): string {
  return new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 23);
}

/** `YYYY-MM-DD`: the date in China at `instant`. By arithmetic: the rules date every filing with it. */
export function chinaDate(instant: Date): string {
  return isoOfInstant(instant.getTime() + OFFSET_MS) ?? wallClock(instant).slice(0, 10);
}

/** `YYYYMMDD`: the date in China at `instant`, compact, as printed in provisional numbers. */
export function chinaDateCompact(instant: Date): string {
  return chinaDate(instant).replace(/-/g, '');
}

/** The year in China at `instant` (收案年度, "this year" for case numbers). */
export function chinaYear(instant: Date): number {
  return Number((isoOfInstant(instant.getTime() + OFFSET_MS) ?? wallClock(instant)).slice(0, 4));
}

/** `YYYY-MM-DD HH:mm` in China time: a date and time to show a person, readable in both languages. */
export function chinaDateTime(instant: Date): string {
  const t = wallClock(instant);
  return `${t.slice(0, 10)} ${t.slice(11, 16)}`;
}

/** `YYYY-MM-DD HH:mm:ss` in China time: where the second matters, as in an audit log. */
export function chinaDateTimeSeconds(instant: Date): string {
  const t = wallClock(instant);
  return `${t.slice(0, 10)} ${t.slice(11, 19)}`;
}
