/** Messages between the barcode decoder host and its worker thread. */
import type { CharsetSetting } from '../../src-shared/scan/charset.js';
import type { DecodedSymbol, FormatName } from '../../src-shared/scan/zxing-decode.js';

/** `wasm`: zxing-cpp (zxing-wasm), the default; `js`: @zxing/library, kept for comparison. */
export type DecoderEngine = 'wasm' | 'js';

export interface WorkerDecodeOptions {
  formats?: FormatName[];
  charset?: CharsetSetting;
  maxResults?: number;
  exhaustive?: boolean;
  engine?: DecoderEngine;
}

export type WorkerRequest =
  | { id: number; kind: 'pixels'; data: Uint8Array; width: number; height: number; channels?: 1 | 3 | 4; opts: WorkerDecodeOptions }
  | { id: number; kind: 'file'; path: string; opts: WorkerDecodeOptions }
  | { id: number; kind: 'bytes'; data: Uint8Array; opts: WorkerDecodeOptions };

export interface DecodeError {
  code: 'bad-image' | 'unreadable-file' | 'unknown-format' | 'damaged-file' | 'too-large' | 'no-pages' | 'timeout' | 'worker-failed' | 'closed';
  message_zh: string;
  message_en: string;
}

/** A symbol with the page (from 1) of the scan it was found on. */
export type PageSymbol = DecodedSymbol & { page: number };

export type WorkerResponse =
  | { id: number; ok: true; symbols: PageSymbol[]; attempts: number; pages: number; width: number; height: number; ms: number }
  | { id: number; ok: false; error: DecodeError; ms: number };
