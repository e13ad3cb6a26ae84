/**
 * Proleptic Gregorian dates as whole days since 1970-01-01, by arithmetic alone (H. Hinnant's
 * days_from_civil / civil_from_days). The rules engine dates every filing several times; building
 * a Date and an ISO string for each was most of what a date cost there. Same calendar as
 * `Date`'s UTC fields; callers keep the Date-based path for what lies outside years 0000–9999.
 */
const DAY_MS = 86_400_000;
/** Days from 1970-01-01 to 0000-01-01 and to 10000-01-01: the years a `YYYY` date can name. */
const FIRST_DAY = -719_528;
const END_DAY = 2_932_897;

export function isLeapYear(y: number): boolean {
  return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in month `m` (1–12) of year `y`. */
export function daysInMonth(y: number, m: number): number {
  return m === 2 && isLeapYear(y) ? 29 : (MONTH_DAYS[m - 1] ?? 0);
}

/** Days since 1970-01-01 of y-m-d (month 1–12, day 1–31), for y ≥ 0. */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));
const pad4 = (n: number): string => (n < 10 ? `000${n}` : n < 100 ? `00${n}` : n < 1000 ? `0${n}` : String(n));

/** `YYYY-MM-DD` of day `days` since 1970-01-01; null outside years 0000–9999. */
export function isoOfDay(days: number): string | null {
  if (!(days >= FIRST_DAY && days < END_DAY)) return null;
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return isoOfParts(y, m, d);
}

/** `YYYY-MM-DD` of year 0–9999, month 1–12, day 1–31. */
export function isoOfParts(y: number, m: number, d: number): string {
  return `${pad4(y)}-${pad2(m)}-${pad2(d)}`;
}

/** `YYYY-MM-DD` of the UTC day holding instant `ms`; null where `new Date(ms).toISOString()` would not give a 4-digit year. */
export function isoOfInstant(ms: number): string | null {
  // Date keeps whole milliseconds, cut toward zero (TimeClip), before it finds the day.
  return Number.isFinite(ms) ? isoOfDay(Math.floor(Math.trunc(ms) / DAY_MS)) : null;
}

/**
 * A well-formed `YYYY-MM-DD` that names a real day, packed as y·10000 + m·100 + d (no object per
 * call); -1 for anything else. The same strings as `^\d{4}-\d{2}-\d{2}$` with a round trip
 * through `Date` accepted.
 */
export function packedIsoDate(s: string): number {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return -1;
  let y = 0;
  for (let i = 0; i < 4; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    y = y * 10 + c;
  }
  const m1 = s.charCodeAt(5) - 48;
  const m2 = s.charCodeAt(6) - 48;
  const d1 = s.charCodeAt(8) - 48;
  const d2 = s.charCodeAt(9) - 48;
  if (m1 < 0 || m1 > 9 || m2 < 0 || m2 > 9 || d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return -1;
  const m = m1 * 10 + m2;
  const d = d1 * 10 + d2;
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return -1;
  return y * 10_000 + m * 100 + d;
}

/** Days since 1970-01-01 of a packed date from `packedIsoDate`. */
export function dayOfPacked(p: number): number {
  return daysFromCivil(Math.floor(p / 10_000), Math.floor(p / 100) % 100, p % 100);
}
