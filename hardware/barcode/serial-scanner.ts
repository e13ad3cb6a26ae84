/**
 * Handheld barcode scanner in serial (CDC/VCP) mode. Wedge mode garbles Chinese on many
 * scanners (hardware.md section 2), so the kiosk reads raw bytes here and picks the charset
 * itself (UTF-8 or GBK, no marker on the wire).
 */
import { EventEmitter } from 'node:events';
import { decodeBytes, type CharsetSetting, type CharsetUsed } from '../../src-shared/scan/charset.js';
import type { ByteBinding, ByteLink, LinkClosed } from '../serial/binding.js';
import { LineFramer } from './line-framer.js';

export interface SerialScannerOptions {
  binding: ByteBinding;
  charset?: CharsetSetting;
  maxLineBytes?: number;
  /** Scanners configured with no suffix: a payload ends after this much silence. Off by default. */
  idleFlushMs?: number;
  /** Receives codes and counts only, never payload text. */
  log?: (line: string) => void;
}

export interface SerialScan {
  text: string;
  charset: CharsetUsed;
  charsetConfident: boolean;
  bytes: Uint8Array;
}

export interface ScannerProblem {
  code: 'overflow' | 'disconnected' | 'io-error';
  message_zh: string;
  message_en: string;
}

export interface SerialScannerEvents {
  scan: [scan: SerialScan];
  problem: [problem: ScannerProblem];
  /** Every received chunk's size; lets tests wait for delivery instead of sleeping. */
  bytes: [count: number];
  closed: [why: LinkClosed];
}

export interface SerialScanner {
  readonly label: string;
  on<K extends keyof SerialScannerEvents>(event: K, listener: (...args: SerialScannerEvents[K]) => void): () => void;
  close(): Promise<void>;
}

/** Opens the port; rejects with the binding's LinkOpenError (message_zh/message_en) when it cannot. */
export async function openSerialScanner(opts: SerialScannerOptions): Promise<SerialScanner> {
  const log = opts.log ?? (() => {});
  const emitter = new EventEmitter();
  const framer = new LineFramer(opts.maxLineBytes);
  const link: ByteLink = await opts.binding.open();
  let idle: NodeJS.Timeout | undefined;

  const emitScan = (bytes: Uint8Array): void => {
    const d = decodeBytes(bytes, opts.charset ?? 'auto');
    log(`scanner ${opts.binding.label}: scan of ${bytes.length} bytes as ${d.charset}${d.confident ? '' : ' (unsure)'}`);
    emitter.emit('scan', { text: d.text, charset: d.charset, charsetConfident: d.confident, bytes } satisfies SerialScan);
  };

  link.onData((chunk) => {
    emitter.emit('bytes', chunk.length);
    for (const f of framer.push(chunk)) {
      if (f.type === 'line') emitScan(f.bytes);
      else {
        log(`scanner ${opts.binding.label}: dropped ${f.dropped} bytes without a line end`);
        emitter.emit('problem', {
          code: 'overflow',
          message_zh: '扫码内容过长或缺少结束符，已丢弃，请检查扫码枪设置',
          message_en: 'Scanned data too long or unterminated; dropped. Check the scanner suffix setting',
        } satisfies ScannerProblem);
      }
    }
    if (opts.idleFlushMs !== undefined) {
      if (idle) clearTimeout(idle);
      idle = setTimeout(() => {
        const rest = framer.takePending();
        if (rest) emitScan(rest);
      }, opts.idleFlushMs);
    }
  });

  link.onClose((why) => {
    if (idle) clearTimeout(idle);
    if (why.lost) {
      log(`scanner ${opts.binding.label}: link lost (${why.code})`);
      emitter.emit('problem', {
        code: why.code === 'io-error' ? 'io-error' : 'disconnected',
        message_zh: '扫码枪连接已断开，请检查连线',
        message_en: 'The barcode scanner was disconnected; check the cable',
      } satisfies ScannerProblem);
    }
    emitter.emit('closed', why);
  });

  return {
    label: opts.binding.label,
    on(event, listener) {
      emitter.on(event, listener as (...a: unknown[]) => void);
      return () => emitter.off(event, listener as (...a: unknown[]) => void);
    },
    async close() {
      if (idle) clearTimeout(idle);
      await link.close();
    },
  };
}
