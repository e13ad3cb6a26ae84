/**
 * The admin reader test over HID (fake node-hid device running the simulator firmware), with
 * the vendor's framing as IT staff choose it: a card is read through it; the wrong framing
 * fails with a message, not an exception.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { AdminService, setAdminPin } from '../../../src-main/admin/admin-service.js';
import { openDatabase, type Db } from '../../../src-main/db/open.js';
import { createLogger } from '../../../src-main/log/logger.js';
import { startFakeHidReader, type FakeHidReader } from '../../../hardware/hid/simulator/fake-hid-reader.js';
import { vidPid } from '../../../hardware/hid/hid-api.js';
import { fixtureCard } from '../hardware/idcard/helpers.js';
import { tempDir } from '../../support/tmp.js';

const HID = { framing: 'raw-padded', reportSize: 64, reportId: 2 } as const;

describe('admin reader test over HID', () => {
  let dir: ReturnType<typeof tempDir>;
  let db: Db;
  let sim: FakeHidReader;
  let admin: AdminService;
  beforeEach(async () => {
    dir = tempDir();
    db = openDatabase(join(dir.path, 'kiosk.sqlite'), 'kiosk');
    sim = startFakeHidReader({ framing: { kind: HID.framing, reportSize: HID.reportSize, reportId: HID.reportId }, card: { ...fixtureCard('long-term'), name: '𠮷田明' } });
    admin = new AdminService({
      db,
      dataDir: dir.path,
      deviceId: 'test-device',
      log: createLogger({ sink: [] }),
      now: () => new Date(),
      devices: { list: () => [], selfTest: async () => [] },
      syncStatus: () => ({ online: false, queueDepth: 0, oldestPendingAt: null, lastPushAt: null, lastPullAt: null, lastError: null }),
      applyConfig: async () => {},
      listSerialPorts: async () => [],
      hidApi: sim.api,
    });
    await setAdminPin(db, '2468', new Date());
  });
  afterEach(async () => {
    await sim.close();
    db.close();
    dir.cleanup();
  });

  it('reads a card with the vendor framing, and says so when the framing is wrong', async () => {
    const { token } = await admin.signIn({ pin: '2468' });
    const good = await admin.testReader(token, { transport: 'hid', path: vidPid(sim.info), hid: HID });
    expect(good).toMatchObject({ ok: true, message_zh: '读卡成功，阅读器工作正常' });
    expect(good.card?.idNumberMasked).toMatch(/\*/);
    // The surname is kept whole even outside the BMP (a surrogate pair), and nothing after it.
    expect(good.card?.name).toBe('𠮷**');
    const wrong = await admin.testReader(token, { transport: 'hid', path: vidPid(sim.info), hid: { ...HID, framing: 'length-prefixed' } });
    expect(wrong.ok).toBe(false);
    expect(wrong.message_zh).toMatch(/[\u4e00-\u9fff]/);
  });
});
