/**
 * Holiday years from the central (docs/calendar.md): when the central's hello names a calendar
 * digest this kiosk has not taken, fetch the years, validate them as any loaded file is (a kiosk
 * does not trust the wire), and lay them into calendar.json. A year loaded here in admin mode and
 * absent at the central stays. A bad answer is logged and leaves the calendar as it was; it never
 * stops the sync of filings.
 */
import { importCalendarYears } from '../calendar/calendar-file.js';
import type { CalendarResponse } from '../../src-shared/sync/protocol.js';
import type { CentralClient } from './central-client.js';
import type { Logger } from '../log/logger.js';

/** Returns the digest taken, or null when nothing was (the next handshake tries again). */
export async function takeCentralCalendar(client: CentralClient, file: string, log: Logger): Promise<string | null> {
  const answer = await client.request<CalendarResponse>('GET', '/v1/calendar');
  const r = importCalendarYears(file, answer.years);
  if (!r.ok) {
    log.warn('sync.calendar.invalid', { issues: r.issues.length });
    return null;
  }
  log.info('sync.calendar.taken', { years: r.years.map((y) => y.year) });
  return answer.digest;
}
