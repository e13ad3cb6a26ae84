import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../../src-main/db/open.js';
import { writeSetting } from '../../../src-main/kiosk/settings.js';
import { IDLE_DEFAULTS, idleSettings } from '../../../src-main/kiosk/idle-settings.js';
import { tempDir } from '../../support/tmp.js';

describe('idle settings', () => {
  const dir = tempDir();
  let db: Db;
  afterEach(() => {
    db.close();
  });

  it('uses the kiosk settings within bounds and the defaults otherwise', () => {
    db = openDatabase(join(dir.path, 'a.sqlite'), 'kiosk');
    expect(idleSettings(db)).toEqual(IDLE_DEFAULTS);
    writeSetting(db, 'idle.warnAfterSeconds', '45');
    writeSetting(db, 'idle.wipeAfterSeconds', '5'); // too short to read the warning
    expect(idleSettings(db)).toEqual({ warnAfterSeconds: 45, wipeAfterSeconds: IDLE_DEFAULTS.wipeAfterSeconds });
    writeSetting(db, 'idle.warnAfterSeconds', 'soon');
    expect(idleSettings(db).warnAfterSeconds).toBe(IDLE_DEFAULTS.warnAfterSeconds);
  });
});
