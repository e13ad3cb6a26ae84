/**
 * The serial barcode scanner kept open: reopened with backoff when its port goes away and
 * comes back (hot-plug), its state reported to the device manager.
 */
import { LinkOpenError } from '../../hardware/serial/binding.js';
import { serialBinding } from '../../hardware/serial/serialport-binding.js';
import { openSerialScanner, type SerialScan, type SerialScanner } from '../../hardware/barcode/serial-scanner.js';
import type { CharsetSetting } from '../../src-shared/scan/charset.js';
import { DEVICE_NAMES } from './device-texts.js';

export interface ScannerStateChange {
  state: 'connecting' | 'ready' | 'disconnected';
  code?: string;
  message_zh: string;
  message_en: string;
}

export interface ScannerDeviceOptions {
  path: string;
  charset: CharsetSetting;
  reconnectMinMs: number;
  reconnectMaxMs: number;
  onState(s: ScannerStateChange): void;
  onScan(scan: SerialScan): void;
  log(event: string, fields: Record<string, unknown>): void;
}

export class ScannerDevice {
  private scanner: SerialScanner | undefined;
  private running = false;
  private timer: NodeJS.Timeout | undefined;
  private backoff: number;

  constructor(private readonly opts: ScannerDeviceOptions) {
    this.backoff = opts.reconnectMinMs;
  }

  get open(): boolean {
    return this.scanner !== undefined;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.opts.onState({ state: 'connecting', message_zh: '正在连接扫码枪', message_en: 'Connecting to the barcode scanner' });
    void this.connect();
  }

  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    const s = this.scanner;
    this.scanner = undefined;
    await s?.close();
  }

  private async connect(): Promise<void> {
    if (!this.running) return;
    let scanner: SerialScanner;
    try {
      scanner = await openSerialScanner({
        binding: serialBinding({ path: this.opts.path, device: DEVICE_NAMES.scanner }),
        charset: this.opts.charset,
        log: (line) => this.opts.log('scanner.driver', { line }),
      });
    } catch (e) {
      const err = e instanceof LinkOpenError ? e : new LinkOpenError('other', '无法打开扫码枪', 'Cannot open the barcode scanner');
      this.opts.log('scanner.open-failed', { code: err.code, retryInMs: this.backoff });
      this.opts.onState({ state: 'disconnected', code: `port-${err.code}`, message_zh: err.message_zh, message_en: err.message_en });
      this.retry();
      return;
    }
    if (!this.running) return void (await scanner.close());
    this.scanner = scanner;
    this.backoff = this.opts.reconnectMinMs;
    scanner.on('scan', (s) => this.opts.onScan(s));
    scanner.on('closed', (why) => {
      if (this.scanner !== scanner) return;
      this.scanner = undefined;
      if (!this.running) return;
      this.opts.onState({ state: 'disconnected', code: why.code, message_zh: `${why.message_zh}，正在重新连接`, message_en: `${why.message_en}; reconnecting` });
      this.retry();
    });
    this.opts.onState({ state: 'ready', message_zh: '扫码枪已连接', message_en: 'Barcode scanner connected' });
  }

  private retry(): void {
    if (!this.running) return;
    const wait = this.backoff;
    this.backoff = Math.min(this.backoff * 2, this.opts.reconnectMaxMs);
    this.timer = setTimeout(() => void this.connect(), wait);
  }
}
