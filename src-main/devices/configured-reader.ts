/**
 * The ID card reader that IT staff configured (kiosk settings, `yzt admin import-config`),
 * used when the shell was not given one explicitly.
 */
import type { Db } from '../db/open.js';
import type { Logger } from '../log/logger.js';
import { readKioskConfig } from '../admin/kiosk-config.js';
import { openSerialIdCardReader } from '../../hardware/id-card/index.js';
import type { CardReaderPort } from './card-reader-port.js';

export function configuredReader(db: Db, log: Logger): CardReaderPort | null {
  const r = readKioskConfig(db).devices.idReader;
  if (!r) return null;
  if (r.transport !== 'serial') {
    log.warn('reader.transport.unsupported', { transport: r.transport });
    return null;
  }
  return openSerialIdCardReader({ path: r.path, baudRate: r.baudRate, pollIntervalMs: r.pollIntervalMs });
}
