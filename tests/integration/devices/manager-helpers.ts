import type { DeviceKind, DeviceStateView } from '../../../src-shared/api/contract.js';
import type { DeviceManager } from '../../../src-main/devices/device-manager.js';
import { createLogger, type Logger } from '../../../src-main/log/logger.js';

/** The device's state now if it matches, else the next state event for it that does. */
export function waitDevice(m: DeviceManager, device: DeviceKind, pred: (v: DeviceStateView) => boolean, timeoutMs = 8000): Promise<DeviceStateView> {
  const now = m.get(device);
  if (pred(now)) return Promise.resolve(now);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`${device}: no matching state within ${timeoutMs} ms (now ${JSON.stringify(m.get(device))})`));
    }, timeoutMs);
    const off = m.on('state', (v) => {
      if (v.device !== device || !pred(v)) return;
      clearTimeout(timer);
      off();
      resolve(v);
    });
  });
}

/** A logger that keeps its lines, so tests can look for personal data in them. */
export function memoryLogger(): { log: Logger; lines: string[] } {
  const lines: string[] = [];
  return { log: createLogger({ level: 'debug', sink: lines }), lines };
}

export const FAST = { pollIntervalMs: 30, commandTimeoutMs: 250, retries: 1, retryDelayMs: 10, errorBackoffMaxMs: 200, reconnectMinMs: 20, reconnectMaxMs: 100, selfTestTimeoutMs: 400, presenceIntervalMs: 40 };
