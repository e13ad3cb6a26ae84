/**
 * Admin mode loads a holiday notice into the kiosk (calendar.json), the filing checks use it at
 * once, and a kiosk started on that data folder reads it back: the calendar changes without a
 * release.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startKioskApp, type KioskApp } from '../../../src-main/app/kiosk-app.js';
import { setAdminPin } from '../../../src-main/admin/admin-service.js';
import { dispatch } from '../../../src-main/app/dispatch.js';
import { createLogger } from '../../../src-main/log/logger.js';
import type { CalendarView, ImportCalendarResult } from '../../../src-shared/admin/contract.js';
import { calendarYears, useCalendarYears } from '../../../src-shared/calendar/calendar-data.js';
import { fixedClock, tempDir } from '../../support/tmp.js';

const log = createLogger({ sink: [] });

describe('holiday calendar in admin mode', () => {
  const dir = tempDir();
  const dataDir = join(dir.path, 'kiosk');
  const clock = fixedClock('2026-12-01T02:00:00Z');
  let app: KioskApp;
  let token = '';
  const call = async (method: string, input: unknown) => dispatch(app.handlers, method, input, log);

  beforeAll(async () => {
    app = await startKioskApp({ dataDir, shell: 'host', log, now: clock.now, reader: null });
    await setAdminPin(app.db, '246810', clock.now());
    const r = await call('admin.signIn', { pin: '246810' });
    if (!r.ok) throw new Error(r.error.code);
    token = (r.value as { token: string }).token;
  });
  afterAll(async () => {
    await app?.close();
    useCalendarYears([]);
    dir.cleanup();
  });

  it('shows 2027 unconfirmed, loads the notice, and refuses a bad file without a change', async () => {
    const before = await call('admin.calendar', { token });
    expect(before.ok && (before.value as CalendarView).years.find((y) => y.year === 2027)).toMatchObject({ confirmed: false, loaded: false });

    const bad = await call('admin.importCalendar', { token, years: { year: 2027, source: 'test notice', holidays: ['2027-13-01'], workdays: [] } });
    expect(bad.ok && (bad.value as ImportCalendarResult).ok).toBe(false);
    expect(existsSync(join(dataDir, 'calendar.json'))).toBe(false);

    const notice = { year: 2027, source: '国务院办公厅关于2027年部分节假日安排的通知（测试）', holidays: ['2027-01-01..2027-01-03', '2027-02-05..2027-02-12'], workdays: ['2027-02-14'] };
    const ok = await call('admin.importCalendar', { token, years: notice });
    expect(ok.ok && (ok.value as ImportCalendarResult).ok).toBe(true);
    const after = await call('admin.calendar', { token });
    expect(after.ok && (after.value as CalendarView).years.find((y) => y.year === 2027)).toMatchObject({ confirmed: true, loaded: true });
    expect(app.db.prepare("SELECT details FROM audit_log WHERE action = 'admin.calendar.imported'").pluck().all()).toEqual(['{"years":[2027]}']);

    expect(await call('admin.importCalendar', { token: 'x'.repeat(32), years: notice })).toMatchObject({ ok: false, error: { code: 'admin.signed-out' } });
  });

  it('a kiosk started on the data folder reads the loaded year back', async () => {
    useCalendarYears([]);
    expect(calendarYears().find((y) => y.year === 2027)?.estimated).toBe(true);
    await app.close();
    app = await startKioskApp({ dataDir, shell: 'host', log, now: clock.now, reader: null });
    expect(calendarYears().find((y) => y.year === 2027)?.estimated).toBeUndefined();
  });
});
