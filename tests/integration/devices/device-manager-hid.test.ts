/** The device manager with a HID-class ID reader (fake node-hid device running the simulator firmware). */
import { afterEach, describe, expect, it } from 'vitest';
import { DeviceManager } from '../../../src-main/devices/device-manager.js';
import { DEFAULT_DEVICES, kioskConfigSchema } from '../../../src-main/admin/kiosk-config.js';
import { startFakeHidReader, type FakeHidReader } from '../../../hardware/hid/simulator/fake-hid-reader.js';
import { vidPid } from '../../../hardware/hid/hid-api.js';
import { fixtureCard } from '../hardware/idcard/helpers.js';
import { FAST, memoryLogger, waitDevice } from './manager-helpers.js';

const card = fixtureCard('long-term');
let sim: FakeHidReader;
let manager: DeviceManager;
afterEach(async () => {
  await manager?.stop();
  await sim?.close();
});

function start(hid: { framing: 'length-prefixed' | 'raw-padded'; reportSize: number; reportId: number | null }, target?: string): DeviceManager {
  sim = startFakeHidReader({ framing: { kind: hid.framing, reportSize: hid.reportSize, reportId: hid.reportId } });
  // Through the config schema, as `yzt admin import-config` would store it.
  const config = kioskConfigSchema.parse({
    format: 'yzt-kiosk-config',
    version: 1,
    courtId: 'jiaozuo-shanyang',
    centralUrl: null,
    devices: { ...DEFAULT_DEVICES, idReader: { transport: 'hid', path: target ?? vidPid(sim.info), hid } },
  });
  manager = new DeviceManager({ devices: config.devices, log: memoryLogger().log, hidApi: sim.api, timings: FAST });
  return manager;
}

describe('device manager with a HID reader', () => {
  it('reads a card, self-tests over HID reports, and comes back after unplug', async () => {
    const m = start({ framing: 'length-prefixed', reportSize: 64, reportId: 1 });
    await m.start();
    const ready = await waitDevice(m, 'idReader', (v) => v.state === 'ready');
    expect(ready).toMatchObject({ transport: 'hid', target: vidPid(sim.info) });

    const [test] = await m.selfTest('idReader');
    expect(test).toMatchObject({ ok: true, code: 'ok' });
    expect(sim.commandCounts['sam-status']).toBe(1);

    await waitDevice(m, 'idReader', (v) => v.state === 'ready');
    const placed = new Promise((resolve) => m.reader!.on('placed', resolve));
    sim.placeCard(card);
    expect(await placed).toEqual(card);

    await sim.unplug();
    const gone = await waitDevice(m, 'idReader', (v) => v.state === 'disconnected' && v.code === 'port-not-found');
    expect(gone.message_zh).toBe(`找不到 HID 读卡器 ${vidPid(sim.info)}，请检查读卡器是否连接`);
    await sim.replug();
    await waitDevice(m, 'idReader', (v) => v.state === 'card-present');
  });

  it('a framing the reader cannot use is reported, not thrown', async () => {
    const m = start({ framing: 'length-prefixed', reportSize: 512, reportId: null });
    await m.start();
    const bad = await waitDevice(m, 'idReader', (v) => v.state === 'disconnected' && v.code === 'port-other');
    expect(bad.message_zh).toMatch(/HID 读卡器配置有误/);
    const [test] = await m.selfTest('idReader');
    expect(test).toMatchObject({ ok: false, code: 'port-other' });
  });

  it('a listed device that will not open says permission or another program', async () => {
    const m = start({ framing: 'raw-padded', reportSize: 32, reportId: null });
    sim.api.open = async () => {
      throw new Error('cannot open device with path /dev/hidraw-fake0');
    };
    await m.start();
    const s = await waitDevice(m, 'idReader', (v) => v.code === 'port-permission');
    expect(s.message_zh).toMatch(/没有权限或被其他程序占用/);
  });
});
