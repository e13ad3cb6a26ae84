/**
 * What `yzt device list` shows: the serial ports and HID devices the system sees, which of
 * them the kiosk configuration uses, and each configured device's state after opening it.
 */
import type { DeviceKind, DeviceStateView, SelfTestResult } from '../../src-shared/api/contract.js';
import type { KioskConfig } from '../admin/kiosk-config.js';
import type { Logger } from '../log/logger.js';
import { nodeHidApi, vidPid, findHidDevice, type HidApi } from '../../hardware/hid/hid-api.js';
import { DeviceManager, type DeviceTimings } from './device-manager.js';
import { systemSerialPorts, type SerialPortInfo } from './port-probe.js';

const NOT_OPENED = { message_zh: '已配置，未打开检查', message_en: 'Configured; not opened to check' };

export interface InventoryDeps {
  listSerial(): Promise<SerialPortInfo[]>;
  hidApi: HidApi;
}

export const systemDeps: InventoryDeps = {
  listSerial: systemSerialPorts,
  hidApi: nodeHidApi,
};

export interface Inventory {
  serialPorts: (SerialPortInfo & { configuredAs: DeviceKind | null })[];
  hidDevices: { id: string; path: string | null; manufacturer: string | null; product: string | null; usagePage: number | null; interface: number | null; configuredAs: DeviceKind | null }[];
  /** Null when there is no kiosk configuration to read. */
  devices: DeviceStateView[] | null;
  /** Present when asked for (and devices were opened). */
  selfTests?: SelfTestResult[];
  /** A list that could not be read, said in both languages (the rest is still shown). */
  problems: { source: 'serial' | 'hid'; message_zh: string; message_en: string }[];
}

export interface InventoryOptions {
  devices: KioskConfig['devices'] | null;
  /** Open the configured devices to learn their state (they must not be in use by a running kiosk). */
  open: boolean;
  /** How long to let opened devices settle before their state is read. */
  waitMs: number;
  /** After the states, run every device's self-test. */
  selfTest?: boolean;
  log: Logger;
  deps?: InventoryDeps;
  timings?: DeviceTimings;
}

function serialUses(d: KioskConfig['devices'] | null): Map<string, DeviceKind> {
  const m = new Map<string, DeviceKind>();
  if (!d) return m;
  if (d.idReader?.transport === 'serial') m.set(d.idReader.path, 'idReader');
  if (d.scanner?.mode === 'serial' && d.scanner.path) m.set(d.scanner.path, 'scanner');
  if (d.receiptPrinter) m.set(d.receiptPrinter.path, 'receiptPrinter');
  return m;
}

/** Starts a manager and resolves once no device is still connecting, or at the deadline. */
async function settledStates(manager: DeviceManager, waitMs: number): Promise<DeviceStateView[]> {
  const settled = (): boolean => manager.list().every((v) => v.state !== 'connecting');
  await new Promise<void>((resolve) => {
    const timer = setTimeout(done, waitMs);
    const off = manager.on('state', () => settled() && done());
    function done(): void {
      clearTimeout(timer);
      off();
      resolve();
    }
    void manager.start().then(() => settled() && done());
  });
  return manager.list();
}

export async function deviceInventory(opts: InventoryOptions): Promise<Inventory> {
  const deps = opts.deps ?? systemDeps;
  const problems: Inventory['problems'] = [];
  const uses = serialUses(opts.devices);
  const serial = await deps.listSerial().catch((e: unknown) => {
    problems.push({ source: 'serial', message_zh: '无法列出串口', message_en: `Cannot list serial ports: ${(e as Error).message}` });
    return [];
  });
  const hid = await deps.hidApi.devices().catch((e: unknown) => {
    problems.push({ source: 'hid', message_zh: '无法列出 HID 设备', message_en: `Cannot list HID devices: ${(e as Error).message}` });
    return [];
  });
  const reader = opts.devices?.idReader;
  const hidReader = reader?.transport === 'hid' ? findHidDevice(hid, reader.path) : undefined;

  let devices: DeviceStateView[] | null = null;
  let selfTests: SelfTestResult[] | undefined;
  if (opts.devices) {
    const manager = new DeviceManager({ devices: opts.devices, log: opts.log, hidApi: deps.hidApi, ...(opts.timings ? { timings: opts.timings } : {}) });
    try {
      devices = opts.open
        ? await settledStates(manager, opts.waitMs)
        : manager.list().map((v) => (v.state === 'connecting' ? { ...v, code: 'not-opened', ...NOT_OPENED } : v));
      if (opts.open && opts.selfTest) selfTests = await manager.selfTest();
    } finally {
      await manager.stop();
    }
  }
  return {
    serialPorts: serial.map((p) => ({ path: p.path, manufacturer: p.manufacturer, serialNumber: p.serialNumber, vendorId: p.vendorId, productId: p.productId, configuredAs: uses.get(p.path) ?? null })),
    hidDevices: hid.map((d) => ({
      id: vidPid(d),
      path: d.path ?? null,
      manufacturer: d.manufacturer ?? null,
      product: d.product ?? null,
      usagePage: d.usagePage ?? null,
      interface: d.interface ?? null,
      configuredAs: hidReader && d === hidReader ? 'idReader' : null,
    })),
    devices,
    ...(selfTests ? { selfTests } : {}),
    problems,
  };
}
