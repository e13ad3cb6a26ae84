/**
 * A holiday notice loaded once at the central reaches the kiosks (docs/calendar.md): the hello
 * names its digest, the kiosk fetches the years over the signed API, validates them, and lays
 * them into its calendar.json. Real central over HTTP on 127.0.0.1, real SQLite files.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startCentral, type CentralHandle } from '../../../src-main/central/central-server.js';
import { useCalendarYears } from '../../../src-shared/calendar/calendar-data.js';
import { tempDir } from '../../support/tmp.js';
import { enrol, openKiosk, quietLog, settled, submit, type TestKiosk } from '../sync/support.js';

const NOTICE_2027 = { year: 2027, source: '国务院办公厅关于2027年部分节假日安排的通知（测试）', holidays: ['2027-01-01..2027-01-03', '2027-02-05..2027-02-12'], workdays: ['2027-02-14'] };

describe('holiday years from the central', () => {
  let dir: ReturnType<typeof tempDir>;
  let central: CentralHandle | null = null;
  const kiosks: TestKiosk[] = [];

  beforeEach(async () => {
    dir = tempDir();
    central = await startCentral({ dbFile: join(dir.path, 'central.sqlite'), port: 0, log: quietLog, recheckMs: 50 });
  });
  afterEach(async () => {
    for (const k of kiosks.splice(0)) await k.close();
    await central?.close();
    useCalendarYears([]);
    dir.cleanup();
  });

  const kiosk = async (name: string, calendarFile: string) => {
    const k = openKiosk(dir.path, name, null, { calendarFile });
    await enrol(k, central!.store, central!.url);
    kiosks.push(k);
    k.sync.start();
    return k;
  };

  it('a kiosk takes the years the central has loaded on its handshake', async () => {
    // The central process's loaded years (yzt central serve --calendar FILE).
    useCalendarYears([NOTICE_2027]);
    const file = join(dir.path, 'kiosk-cal', 'calendar.json');
    const k = await kiosk('cccccccc', file);
    await settled(k, submit(k).id);
    const saved = JSON.parse(readFileSync(file, 'utf8')) as Array<{ year: number; source: string }>;
    expect(saved).toEqual([expect.objectContaining({ year: 2027, source: NOTICE_2027.source })]);
  });

  it('a central without loaded years sends nothing and the kiosk writes nothing', async () => {
    const file = join(dir.path, 'kiosk-none', 'calendar.json');
    const k = await kiosk('dddddddd', file);
    await settled(k, submit(k).id);
    expect(existsSync(file)).toBe(false);
  });
});
