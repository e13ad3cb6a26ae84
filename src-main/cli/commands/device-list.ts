import { existsSync } from 'node:fs';
import { defineCommand, optionalInt } from '../command.js';
import { kioskDataDir, kioskDbFile } from '../data-dir.js';
import { openDatabase } from '../../db/open.js';
import { readKioskConfig } from '../../admin/kiosk-config.js';
import { createLogger } from '../../log/logger.js';
import { deviceInventory, type Inventory } from '../../devices/device-inventory.js';
import { DEVICE_NAMES } from '../../devices/device-texts.js';
import type { DeviceKind } from '../../../src-shared/api/contract.js';

const name = (k: DeviceKind | null): string => (k ? `  [${DEVICE_NAMES[k].zh} ${DEVICE_NAMES[k].en}]` : '');

function print(inv: Inventory, out: (line: string) => void): void {
  out('串口 Serial ports:');
  if (!inv.serialPorts.length) out('  （无 none）');
  for (const p of inv.serialPorts) {
    const id = p.vendorId && p.productId ? `${p.vendorId}:${p.productId}`.toLowerCase() : '-';
    out(`  ${p.path}  ${id}  ${p.manufacturer ?? ''}${name(p.configuredAs)}`.trimEnd());
  }
  out('HID 设备 HID devices:');
  if (!inv.hidDevices.length) out('  （无 none）');
  for (const d of inv.hidDevices) out(`  ${d.id}  ${d.path ?? '-'}  ${[d.manufacturer, d.product].filter(Boolean).join(' ')}${name(d.configuredAs)}`.trimEnd());
  out('已配置设备 Configured devices:');
  if (!inv.devices) out('  （未找到终端数据，无法读取配置 no kiosk data, configuration unknown）');
  for (const v of inv.devices ?? []) {
    const where = v.transport ? `${v.transport}${v.target ? ` ${v.target}` : ''}` : '-';
    out(`  ${DEVICE_NAMES[v.device].zh} ${DEVICE_NAMES[v.device].en}  ${where}  ${v.state}${v.code ? `/${v.code}` : ''}  ${v.message_zh} (${v.message_en})`);
  }
  if (inv.selfTests) out('自检 Self-test:');
  for (const t of inv.selfTests ?? []) out(`  ${t.ok ? '通过 PASS' : '失败 FAIL'}  ${DEVICE_NAMES[t.device].zh} ${DEVICE_NAMES[t.device].en}  ${t.message_zh} (${t.message_en}) [${t.code}, ${t.durationMs} ms]`);
  for (const p of inv.problems) out(`! ${p.message_zh} (${p.message_en})`);
}

export const command = defineCommand({
  path: ['device', 'list'],
  summary: '列出串口、HID 设备和已配置设备的状态 (list serial ports, HID devices and configured devices)',
  help: `
yzt device list [--data DIR] [--json] [--no-open] [--wait MS] [--self-test]

列出本机的串口和 HID 设备，标出终端配置使用的设备，并打开已配置的设备检查其状态。
终端正在运行时请加 --no-open：运行中的终端占用这些设备。
Lists the serial ports and HID devices the system sees, marks the ones the kiosk
configuration uses, and opens the configured devices to report their state. Add --no-open
while the kiosk is running: it holds those devices.

  --data DIR  kiosk data folder with the configuration (default $YZT_DATA or ./data/kiosk)
  --json      print one JSON object: serialPorts, hidDevices, devices, problems
  --no-open   do not open the configured devices; list them as configured
  --wait MS   how long opened devices may take to report (default 3000)
  --self-test then run each configured device's self-test (ID reader: SAM status; scanner
              and printer: the port opens)

Exit status: 0 listed; 1 a configured device is not ready, a self-test failed, or a list
could not be read; 2 wrong usage.
`,
  options: {
    data: { type: 'string' },
    json: { type: 'boolean' },
    'no-open': { type: 'boolean' },
    wait: { type: 'string' },
    'self-test': { type: 'boolean' },
  },
  async run({ values }, io) {
    const file = kioskDbFile(kioskDataDir(values));
    let devices = null;
    if (existsSync(file)) {
      const db = openDatabase(file, 'kiosk');
      try {
        devices = readKioskConfig(db).devices;
      } finally {
        db.close();
      }
    }
    const open = values['no-open'] !== true;
    const inv = await deviceInventory({
      devices,
      open,
      waitMs: optionalInt(values, 'wait', 3000),
      selfTest: values['self-test'] === true,
      log: createLogger({ level: 'error', sink: [] }),
    });
    if (values.json === true) io.out(JSON.stringify(inv, null, 2));
    else print(inv, (l) => io.out(l));
    const bad =
      inv.problems.length > 0 ||
      (inv.selfTests ?? []).some((t) => !t.ok) ||
      (open && (inv.devices ?? []).some((v) => !['ready', 'card-present', 'not-configured', 'external'].includes(v.state)));
    return bad ? 1 : 0;
  },
});
