/** Messages between the barcode decoder host and its worker thread. */
import type { CharsetSetting } from '../../src-shared/scan/charset.js';
import type { DecodedSymbol, FormatName } from '../../src-shared/scan/zxing-decode.js';

export interface WorkerDecodeOptions {
  formats?: FormatName[];
  charset?: CharsetSetting;
  maxResults?: number;
  exhaustive?: boolean;
}

export type WorkerRequest =
  | { id: number; kind: 'pixels'; data: Uint8Array; width: number; height: number; channels?: 1 | 3 | 4; opts: WorkerDecodeOptions }
  | { id: number; kind: 'file'; path: string; opts: WorkerDecodeOptions };

export interface DecodeError {
  code: 'bad-image' | 'unreadable-file' | 'timeout' | 'worker-failed' | 'closed';
  message_zh: string;
  message_en: string;
}

export type WorkerResponse =
  | { id: number; ok: true; symbols: DecodedSymbol[]; attempts: number; width: number; height: number; ms: number }
  | { id: number; ok: false; error: DecodeError; ms: number };
