import { join, resolve } from 'node:path';

/** The kiosk data folder that CLI commands act on: --data, else $YZT_DATA, else ./data/kiosk. */
export function kioskDataDir(values: Record<string, unknown>): string {
  const v = values.data;
  return resolve(typeof v === 'string' && v !== '' ? v : (process.env.YZT_DATA ?? join('data', 'kiosk')));
}

export { kioskDbFile } from '../paths.js';
