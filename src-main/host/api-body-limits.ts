/**
 * How large a request body each API method may send to the host shell. Most carry a form's
 * worth; the signed reception scan carries a page image up to the counter contract's limit,
 * so its route takes that much (issue 14 item 3: a 1.5 MB scan was refused with HTTP 413).
 */
import { MAX_SCAN_DATA_URL } from '../../src-shared/counter/contract.js';

export const MAX_API_BODY = 2 * 1024 * 1024;

/** The data URL plus the JSON around it (token, filing id, quotes). */
const LARGER: Readonly<Record<string, number>> = { 'counter.reception.attachScan': MAX_SCAN_DATA_URL + 16 * 1024 };

export function apiBodyLimit(method: string): number {
  return LARGER[method] ?? MAX_API_BODY;
}
