/** A fingerprint of the loaded holiday years, so a kiosk knows from the central's hello when to fetch them. */
import { createHash } from 'node:crypto';
import { loadedCalendarYears } from '../../src-shared/calendar/calendar-data.js';

export function loadedCalendarDigest(): string | null {
  const years = loadedCalendarYears();
  return years.length === 0 ? null : createHash('sha256').update(JSON.stringify(years)).digest('hex');
}
