/** Checks for serial devices the services do not hold open (receipt printer, idle ports). */
import { stat } from 'node:fs/promises';
import { LinkOpenError } from '../../hardware/serial/binding.js';
import { serialBinding, type DeviceName } from '../../hardware/serial/serialport-binding.js';
import type { Outcome } from './id-reader-device.js';

export interface SerialPortInfo {
  path: string;
  manufacturer?: string | undefined;
  serialNumber?: string | undefined;
  vendorId?: string | undefined;
  productId?: string | undefined;
}

/** The serial ports the system lists; serialport is loaded only when asked. */
export async function systemSerialPorts(): Promise<SerialPortInfo[]> {
  const { SerialPort } = await import('serialport');
  return SerialPort.list();
}

/** Whether the port exists now: the device node (or simulator link) on Unix, the port list elsewhere. */
export async function portPresent(path: string): Promise<boolean> {
  if (path.startsWith('/')) {
    try {
      await stat(path);
      return true;
    } catch {
      return false;
    }
  }
  const ports = await systemSerialPorts().catch(() => []);
  return ports.some((p) => p.path.toLowerCase() === path.toLowerCase());
}

/** Opens and closes the port: the self-test of devices that only need a working port. */
export async function portOpens(path: string, baudRate: number, device: DeviceName): Promise<Outcome> {
  try {
    const link = await serialBinding({ path, baudRate, device }).open();
    await link.close();
    return { ok: true, code: 'ok', message_zh: `${device.zh}串口 ${path} 可以打开`, message_en: `The ${device.en} port ${path} opens` };
  } catch (e) {
    const err = e instanceof LinkOpenError ? e : new LinkOpenError('other', `无法打开串口 ${path}`, `Cannot open serial port ${path}`);
    return { ok: false, code: `port-${err.code}`, message_zh: err.message_zh, message_en: err.message_en };
  }
}
