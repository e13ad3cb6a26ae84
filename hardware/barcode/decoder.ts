/**
 * Barcode decoder for the kiosk's Node side: QR, Data Matrix, PDF417 and Code128 from pixel
 * buffers or scan files (PNG, JPEG, multi-page TIFF, PDF: hardware/barcode/scan-file.ts),
 * decoded in a worker thread so the caller never blocks. Requests are served one at a time; a
 * request that overruns `timeoutMs` kills and replaces the worker.
 */
import type { Worker } from 'node:worker_threads';
import type { CharsetSetting, CharsetUsed } from '../../src-shared/scan/charset.js';
import type { PixelImage } from '../../src-shared/scan/luminance.js';
import type { FormatName } from '../../src-shared/scan/zxing-decode.js';
import type { DecodeError, DecoderEngine, WorkerDecodeOptions, WorkerRequest, WorkerResponse } from './decode-protocol.js';
import { startModuleWorker } from './worker-url.js';

export type { DecodeError, DecoderEngine } from './decode-protocol.js';

export interface BarcodeDecoderOptions {
  formats?: FormatName[];
  /** `auto` (default) picks UTF-8 or GB18030 from the bytes; a fixed charset is used as told. */
  charset?: CharsetSetting;
  /** Stop after this many codes (default 1: the first code found). */
  maxResults?: number;
  /** Try every step on every page even after a find (slower). */
  exhaustive?: boolean;
  /** `wasm` (zxing-cpp, default) or `js` (@zxing/library): see bench/barcode.bench.ts. */
  engine?: DecoderEngine;
  /** Per image or file; default 30 s (a PDF of many pages is rendered page by page). */
  timeoutMs?: number;
  /** Receives one line per decode: counts, formats and timings only, never payload text. */
  log?: (line: string) => void;
}

export interface BarcodeResult {
  text: string;
  format: FormatName;
  charset: CharsetUsed;
  charsetConfident: boolean;
  bytes?: Uint8Array;
  /** Which strategy found it (e.g. `region 0`, `scale 1/2`). */
  via: string;
  /** Page of the scan (from 1) it was on. */
  page: number;
}

export interface DecodeResult {
  /** True when decoding ran; `results` may still be empty (no barcode found). */
  ok: boolean;
  results: BarcodeResult[];
  ms: number;
  /** Pages looked at (a multi-page file stops at the page where enough codes were found). */
  pages?: number;
  error?: DecodeError;
}

/** Per-call overrides of the decoder's options. */
export type DecodeCallOptions = Pick<BarcodeDecoderOptions, 'formats' | 'charset' | 'maxResults' | 'exhaustive' | 'timeoutMs' | 'engine'>;

export interface BarcodeDecoder {
  decode(image: PixelImage, call?: DecodeCallOptions): Promise<DecodeResult>;
  decodeFile(path: string, call?: DecodeCallOptions): Promise<DecodeResult>;
  /** A scan file's bytes (e.g. from a data URL): any format `decodeFile` takes. */
  decodeScan(bytes: Uint8Array, call?: DecodeCallOptions): Promise<DecodeResult>;
  close(): Promise<void>;
}

interface Pending {
  resolve(r: DecodeResult): void;
  timer: NodeJS.Timeout;
  started: number;
}

function workerOptions(o: DecodeCallOptions): WorkerDecodeOptions {
  const opts: WorkerDecodeOptions = {};
  if (o.formats) opts.formats = o.formats;
  if (o.charset) opts.charset = o.charset;
  if (o.maxResults !== undefined) opts.maxResults = o.maxResults;
  if (o.exhaustive) opts.exhaustive = true;
  if (o.engine) opts.engine = o.engine;
  return opts;
}

export function createBarcodeDecoder(options: BarcodeDecoderOptions = {}): BarcodeDecoder {
  const log = options.log ?? (() => {});
  let worker: Worker | undefined;
  let nextId = 1;
  let closed = false;
  const pending = new Map<number, Pending>();

  const failAll = (error: DecodeError): void => {
    for (const [id, p] of pending) {
      clearTimeout(p.timer);
      pending.delete(id);
      p.resolve({ ok: false, results: [], ms: performance.now() - p.started, error });
    }
  };

  const ensureWorker = (): Worker => {
    if (worker) return worker;
    const w = startModuleWorker(import.meta.url, 'decode-worker');
    w.on('message', (res: WorkerResponse) => {
      const p = pending.get(res.id);
      if (!p) return;
      pending.delete(res.id);
      clearTimeout(p.timer);
      if (res.ok) {
        log(`barcode decode ${res.width}x${res.height} ${res.pages} page(s): ${res.symbols.length} found [${res.symbols.map((s) => `${s.format}/${s.charset}/p${s.page}/${s.via}`).join(', ')}] in ${res.ms.toFixed(0)} ms, ${res.attempts} attempts`);
        const results = res.symbols.map(({ points: _points, ...s }) => s);
        p.resolve({ ok: true, results, ms: res.ms, pages: res.pages });
      } else {
        log(`barcode decode failed: ${res.error.code}`);
        p.resolve({ ok: false, results: [], ms: res.ms, error: res.error });
      }
    });
    w.on('error', (e) => {
      log(`barcode worker error: ${e.name}`);
      if (worker === w) worker = undefined;
      failAll({ code: 'worker-failed', message_zh: '条码识别程序出错，请重试', message_en: 'The barcode decoder failed; try again' });
    });
    w.on('exit', () => {
      if (worker === w) worker = undefined;
    });
    // Idle decoders must not keep the process alive (CLI, tests).
    w.unref();
    worker = w;
    return w;
  };

  const request = (call: DecodeCallOptions, build: (id: number, opts: WorkerDecodeOptions) => WorkerRequest, transfer: ArrayBuffer[] = []): Promise<DecodeResult> => {
    const started = performance.now();
    const merged = { ...options, ...call };
    const timeoutMs = merged.timeoutMs ?? 30_000;
    if (closed) {
      return Promise.resolve({ ok: false, results: [], ms: 0, error: { code: 'closed', message_zh: '条码识别已关闭', message_en: 'The decoder is closed' } });
    }
    const id = nextId++;
    return new Promise<DecodeResult>((resolve) => {
      const w = ensureWorker();
      w.ref();
      const timer = setTimeout(() => {
        // zxing cannot be interrupted mid-decode: replace the worker (queued requests fail too).
        log(`barcode decode timed out after ${timeoutMs} ms`);
        if (worker === w) worker = undefined;
        void w.terminate();
        failAll({ code: 'timeout', message_zh: '条码识别超时，请调整文件位置后重试', message_en: 'Barcode decoding timed out; reposition the document and retry' });
      }, timeoutMs);
      pending.set(id, {
        resolve: (r) => {
          if (pending.size === 0 && worker) worker.unref();
          resolve(r);
        },
        timer,
        started,
      });
      w.postMessage(build(id, workerOptions(merged)), transfer);
    });
  };

  return {
    decode(image, call = {}) {
      // Copy so the caller keeps its buffer; the copy is moved, not cloned again.
      const data = new Uint8Array(image.data.byteLength);
      data.set(image.data);
      return request(call, (id, opts) => {
        const req: WorkerRequest = { id, kind: 'pixels', data, width: image.width, height: image.height, opts };
        if (image.channels) req.channels = image.channels;
        return req;
      }, [data.buffer]);
    },
    decodeFile(path, call = {}) {
      return request(call, (id, opts) => ({ id, kind: 'file', path, opts }));
    },
    decodeScan(bytes, call = {}) {
      const data = new Uint8Array(bytes.byteLength);
      data.set(bytes);
      return request(call, (id, opts) => ({ id, kind: 'bytes', data, opts }), [data.buffer]);
    },
    async close() {
      closed = true;
      failAll({ code: 'closed', message_zh: '条码识别已关闭', message_en: 'The decoder is closed' });
      const w = worker;
      worker = undefined;
      if (w) await w.terminate();
    },
  };
}
