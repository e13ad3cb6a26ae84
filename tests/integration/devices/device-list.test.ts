/** `yzt device list`: the inventory with substituted lists, and the command on a real kiosk folder with a pty reader. */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { command } from '../../../src-main/cli/commands/device-list.js';
import { deviceInventory } from '../../../src-main/devices/device-inventory.js';
import { openDatabase } from '../../../src-main/db/open.js';
import { DEFAULT_DEVICES, importKioskConfig, type KioskConfig } from '../../../src-main/admin/kiosk-config.js';
import { startIdCardSimulator } from '../../../hardware/id-card/simulator/simulator.js';
import { startFakeHidReader } from '../../../hardware/hid/simulator/fake-hid-reader.js';
import { tempDir } from '../../support/tmp.js';
import { FAST, memoryLogger } from './manager-helpers.js';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('device inventory', () => {
  it('marks the configured serial port and HID device, and reports each configured device state', async () => {
    const hid = startFakeHidReader({ framing: { kind: 'raw-padded', reportSize: 64, reportId: null }, others: [{ vendorId: 0x046d, productId: 0xc31c, path: '/dev/hidraw9', product: 'Keyboard' }] });
    cleanups.push(() => hid.close());
    const devices: KioskConfig['devices'] = {
      idReader: { transport: 'hid', path: '1d6b:5aa5', baudRate: 115200, pollIntervalMs: 100, hid: { framing: 'raw-padded', reportSize: 64, reportId: null } },
      scanner: { mode: 'serial', path: '/dev/ttyACM7-absent', charset: 'auto' },
      receiptPrinter: null,
    };
    const inv = await deviceInventory({
      devices,
      open: true,
      waitMs: 3000,
      log: memoryLogger().log,
      timings: FAST,
      deps: { listSerial: async () => [{ path: '/dev/ttyS0' }, { path: '/dev/ttyACM7-absent', vendorId: '0483', productId: '5740' }], hidApi: hid.api },
    });
    expect(inv.serialPorts.map((p) => [p.path, p.configuredAs])).toEqual([
      ['/dev/ttyS0', null],
      ['/dev/ttyACM7-absent', 'scanner'],
    ]);
    expect(inv.hidDevices.map((d) => [d.id, d.configuredAs])).toEqual([
      ['046d:c31c', null],
      ['1d6b:5aa5', 'idReader'],
    ]);
    expect(inv.devices!.map((v) => [v.device, v.state, v.code])).toEqual([
      ['idReader', 'ready', undefined],
      ['scanner', 'disconnected', 'port-not-found'],
      ['receiptPrinter', 'not-configured', undefined],
    ]);
    expect(inv.devices![1]!.message_zh).toMatch(/请检查扫码枪是否连接/);
    expect(inv.problems).toEqual([]);
  });

  it('a list that cannot be read is a problem in both languages, the rest still listed', async () => {
    const inv = await deviceInventory({
      devices: null,
      open: true,
      waitMs: 100,
      log: memoryLogger().log,
      deps: {
        listSerial: async () => {
          throw new Error('udev unavailable');
        },
        hidApi: { devices: async () => [{ vendorId: 1, productId: 2 }], open: async () => Promise.reject(new Error('no')) },
      },
    });
    expect(inv.problems).toEqual([{ source: 'serial', message_zh: '无法列出串口', message_en: 'Cannot list serial ports: udev unavailable' }]);
    expect(inv.hidDevices).toHaveLength(1);
    expect(inv.devices).toBeNull();
  });
});

describe('yzt device list', () => {
  const io = () => {
    const out: string[] = [];
    const err: string[] = [];
    return { out, err, io: { out: (l: string) => void out.push(l), err: (l: string) => void err.push(l) } };
  };

  it('reports the configured pty reader ready (JSON), as configured with --no-open, and in text', async () => {
    const dir = tempDir();
    cleanups.push(() => dir.cleanup());
    const sim = await startIdCardSimulator({ link: join(dir.path, 'reader') });
    cleanups.push(() => sim.close());
    const db = openDatabase(join(dir.path, 'kiosk.sqlite'), 'kiosk');
    const config: KioskConfig = {
      format: 'yzt-kiosk-config',
      version: 1,
      courtId: 'jiaozuo-shanyang',
      centralUrl: null,
      devices: { ...DEFAULT_DEVICES, idReader: { transport: 'serial', path: sim.appPath, baudRate: 115200, pollIntervalMs: 100 } },
    };
    expect(importKioskConfig(db, config, () => true).ok).toBe(true);
    db.close();

    const json = io();
    expect(await command.run({ values: { data: dir.path, json: true }, positionals: [] }, json.io)).toBe(0);
    const inv = JSON.parse(json.out.join('\n'));
    expect(inv.devices[0]).toMatchObject({ device: 'idReader', transport: 'serial', target: sim.appPath, state: 'ready' });
    expect(Array.isArray(inv.serialPorts) && Array.isArray(inv.hidDevices)).toBe(true);

    const closed = io();
    expect(await command.run({ values: { data: dir.path, json: true, 'no-open': true }, positionals: [] }, closed.io)).toBe(0);
    expect(JSON.parse(closed.out.join('\n')).devices[0]).toMatchObject({ state: 'connecting', code: 'not-opened', message_zh: '已配置，未打开检查' });
    expect(sim.commandCounts['find-card']).toBeGreaterThanOrEqual(1);

    const text = io();
    expect(await command.run({ values: { data: dir.path }, positionals: [] }, text.io)).toBe(0);
    expect(text.out).toContain('已配置设备 Configured devices:');
    expect(text.out.some((l) => l.includes(`身份证阅读器 ID card reader  serial ${sim.appPath}  ready  请将身份证放在读卡区`))).toBe(true);

    const tested = io();
    expect(await command.run({ values: { data: dir.path, 'self-test': true }, positionals: [] }, tested.io)).toBe(0);
    expect(tested.out).toContain('自检 Self-test:');
    expect(tested.out.some((l) => l.includes('通过 PASS  身份证阅读器 ID card reader  身份证阅读器正常（安全模块状态正常）'))).toBe(true);
    expect(sim.commandCounts['sam-status']).toBe(1);

    await sim.unplug();
    const down = io();
    expect(await command.run({ values: { data: dir.path }, positionals: [] }, down.io)).toBe(1);
    expect(down.out.some((l) => l.includes('disconnected/port-not-found') && l.includes('找不到串口'))).toBe(true);
  });

  it('without kiosk data it lists the hardware and says the configuration is unknown', async () => {
    const dir = tempDir();
    cleanups.push(() => dir.cleanup());
    const t = io();
    expect(await command.run({ values: { data: join(dir.path, 'none') }, positionals: [] }, t.io)).toBe(0);
    expect(t.out).toContain('  （未找到终端数据，无法读取配置 no kiosk data, configuration unknown）');
  });
});
