/**
 * The kiosk's devices from its configuration: opens the ID card reader (serial or HID) and the
 * serial scanner, watches the receipt printer's port, keeps one live state per device (emitted
 * for the UI), survives hot-plug (the reader and the scanner reconnect by themselves), and runs
 * a self-test per device on request.
 */
import { EventEmitter } from 'node:events';
import { DEVICE_KINDS, type DeviceKind, type DeviceStateView, type ReaderStateView, type SelfTestResult } from '../../src-shared/api/contract.js';
import type { KioskConfig } from '../admin/kiosk-config.js';
import type { Logger } from '../log/logger.js';
import type { ByteBinding } from '../../hardware/serial/binding.js';
import type { HidApi } from '../../hardware/hid/hid-api.js';
import type { SerialScan } from '../../hardware/barcode/serial-scanner.js';
import { NO_READER, type CardReaderPort } from './card-reader-port.js';
import { configuredIdReader, idReaderBinding, samSelfTest, type IdReaderTarget, type Outcome, type ReaderTimings } from './id-reader-device.js';
import { ScannerDevice } from './scanner-device.js';
import { portOpens, portPresent } from './port-probe.js';
import { DEVICE_NAMES, TEXTS, driverOnly, notConfigured, printerMissing } from './device-texts.js';

export interface DeviceTimings extends ReaderTimings {
  selfTestTimeoutMs?: number;
  /** How often the receipt printer's port is looked for (it is opened only to print). */
  presenceIntervalMs?: number;
}

export interface DeviceManagerOptions {
  devices: KioskConfig['devices'];
  /**
   * undefined: the configured reader; null: none; a target ({ transport, path }): that port;
   * an object with start/stop/on: a driver the shell made (watched, self-tested by its state).
   */
  reader?: CardReaderPort | IdReaderTarget | null;
  /** Receipt printer port overriding the configured one. */
  printerPath?: string | null;
  log: Logger;
  hidApi?: HidApi;
  now?: () => Date;
  timings?: DeviceTimings;
}

export interface DeviceManagerEvents {
  state: [view: DeviceStateView];
  /** The ID card reader's own state, without the blips of a self-test (for 'reader.state'). */
  'reader.state': [view: ReaderStateView];
  scan: [scan: SerialScan];
}


function isDriver(r: CardReaderPort | IdReaderTarget): r is CardReaderPort {
  return typeof (r as CardReaderPort).start === 'function';
}

export class DeviceManager {
  /** The ID card reader whose cards open sessions; null when none is configured. */
  readonly reader: CardReaderPort | null;
  private readonly emitter = new EventEmitter();
  private readonly views = new Map<DeviceKind, DeviceStateView>();
  private readonly now: () => Date;
  private readonly timings: DeviceTimings;
  private readonly readerBinding: ByteBinding | undefined;
  private readonly scanner: ScannerDevice | undefined;
  private readonly printer: { path: string; baudRate: number } | undefined;
  private readerView: ReaderStateView = NO_READER;
  private readerTesting = false;
  private presenceTimer: NodeJS.Timeout | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private started = false;

  constructor(private readonly opts: DeviceManagerOptions) {
    this.now = opts.now ?? (() => new Date());
    this.timings = opts.timings ?? {};
    const d = opts.devices;
    const log = opts.log;

    // ID card reader
    const r = opts.reader === undefined ? d.idReader : opts.reader;
    if (!r) {
      this.reader = null;
      this.set('idReader', { transport: null, target: null, state: 'not-configured', ...notConfigured('idReader') });
    } else if (isDriver(r)) {
      this.reader = r;
      this.set('idReader', { transport: 'driver', target: null, state: 'connecting', message_zh: '正在连接身份证阅读器', message_en: 'Connecting to the ID card reader' });
    } else {
      this.readerBinding = idReaderBinding(r, opts.hidApi);
      const { selfTestTimeoutMs: _s, presenceIntervalMs: _p, ...readerTimings } = this.timings;
      this.reader = configuredIdReader(this.readerBinding, r, readerTimings, (e) => {
        // State changes are logged once, by whoever forwards 'reader.state'.
        if (e.level !== 'debug' && e.event !== 'state') log[e.level === 'error' ? 'error' : e.level === 'warn' ? 'warn' : 'info'](`reader.${e.event}`, e.detail);
      });
      this.set('idReader', { transport: r.transport, target: r.path, state: 'connecting', message_zh: '正在连接身份证阅读器', message_en: 'Connecting to the ID card reader' });
    }
    this.reader?.on('state', (s: ReaderStateView & { code?: string }) => {
      if (this.readerTesting) return;
      this.readerView = s;
      this.emitter.emit('reader.state', s);
      this.set('idReader', { state: s.state, code: s.code, message_zh: s.message_zh, message_en: s.message_en });
    });

    // Scanner
    const sc = d.scanner;
    if (!sc) this.set('scanner', { transport: null, target: null, state: 'not-configured', ...notConfigured('scanner') });
    else if (sc.mode !== 'serial') this.set('scanner', { transport: sc.mode, target: null, state: 'external', ...TEXTS.externalScanner });
    else if (!sc.path) this.set('scanner', { transport: 'serial', target: null, state: 'error', code: 'config', ...TEXTS.scannerNoPath });
    else {
      this.set('scanner', { transport: 'serial', target: sc.path, state: 'connecting', message_zh: '正在连接扫码枪', message_en: 'Connecting to the barcode scanner' });
      this.scanner = new ScannerDevice({
        path: sc.path,
        charset: sc.charset,
        reconnectMinMs: this.timings.reconnectMinMs ?? 250,
        reconnectMaxMs: this.timings.reconnectMaxMs ?? 5000,
        onState: (s) => this.set('scanner', { state: s.state, code: s.code, message_zh: s.message_zh, message_en: s.message_en }),
        onScan: (s) => this.emitter.emit('scan', s),
        log: (event, fields) => log.info(event, fields),
      });
    }

    // Receipt printer
    const printerPath = opts.printerPath ?? d.receiptPrinter?.path ?? null;
    if (!printerPath) this.set('receiptPrinter', { transport: null, target: null, state: 'not-configured', ...notConfigured('receiptPrinter') });
    else {
      this.printer = { path: printerPath, baudRate: d.receiptPrinter?.baudRate ?? 9600 };
      this.set('receiptPrinter', { transport: 'serial', target: printerPath, state: 'connecting', message_zh: '正在检查收据打印机', message_en: 'Checking the receipt printer' });
    }
  }

  on<K extends keyof DeviceManagerEvents>(event: K, listener: (...args: DeviceManagerEvents[K]) => void): () => void {
    this.emitter.on(event, listener as (...a: unknown[]) => void);
    return () => this.emitter.off(event, listener as (...a: unknown[]) => void);
  }

  list(): DeviceStateView[] {
    return DEVICE_KINDS.map((k) => ({ ...this.views.get(k)! }));
  }

  get(device: DeviceKind): DeviceStateView {
    return { ...this.views.get(device)! };
  }

  /** What 'reader.state' last said (NO_READER when there is no reader). */
  readerState(): ReaderStateView {
    return this.readerView;
  }

  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    await this.reader?.start();
    this.scanner?.start();
    if (this.printer) {
      await this.checkPrinter();
      this.presenceTimer = setInterval(() => void this.checkPrinter(), this.timings.presenceIntervalMs ?? 3000);
      this.presenceTimer.unref();
    }
  }

  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    clearInterval(this.presenceTimer);
    await this.queue.catch(() => undefined);
    await Promise.all([this.reader?.stop(), this.scanner?.stop()]);
    this.emitter.removeAllListeners();
  }

  /** Self-tests one device or all, one at a time (a test may hold a port). Never throws. */
  selfTest(device?: DeviceKind): Promise<SelfTestResult[]> {
    const run = this.queue.then(async () => {
      const out: SelfTestResult[] = [];
      for (const k of device ? [device] : DEVICE_KINDS) {
        const t0 = performance.now();
        const o = await this.testOne(k).catch((e: unknown): Outcome => {
          this.opts.log.error('device.selftest-crashed', { device: k, error: e });
          return { ok: false, code: 'internal', message_zh: `${DEVICE_NAMES[k].zh}自检出错`, message_en: `The ${DEVICE_NAMES[k].en} self-test failed unexpectedly` };
        });
        const result: SelfTestResult = { device: k, ...o, durationMs: Math.round(performance.now() - t0) };
        this.opts.log.info('device.selftest', { device: k, ok: o.ok, code: o.code, ms: result.durationMs });
        out.push(result);
      }
      return out;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async testOne(k: DeviceKind): Promise<Outcome> {
    const view = this.views.get(k)!;
    if (view.state === 'not-configured') return { ok: true, code: 'not-configured', ...notConfigured(k) };
    if (k === 'idReader') return this.testReader();
    if (k === 'scanner') {
      if (view.state === 'external') return { ok: true, code: 'external', ...TEXTS.externalTestable };
      if (!view.target) return { ok: false, code: 'config', ...TEXTS.scannerNoPath };
      if (this.scanner?.open) return { ok: true, code: 'ok', message_zh: `扫码枪串口 ${view.target} 已打开`, message_en: `The barcode scanner port ${view.target} is open` };
      return portOpens(view.target, 115200, DEVICE_NAMES.scanner);
    }
    const o = await portOpens(this.printer!.path, this.printer!.baudRate, DEVICE_NAMES.receiptPrinter);
    await this.checkPrinter();
    return o;
  }

  private async testReader(): Promise<Outcome> {
    const reader = this.reader!;
    if (!this.readerBinding) {
      const s = this.readerView.state;
      return { ok: s === 'ready' || s === 'card-present', code: s === 'ready' || s === 'card-present' ? 'ok' : s, ...driverOnly(s === 'ready' || s === 'card-present') };
    }
    // Stopping the reader under a card would lose track of its removal: the person's session.
    if (this.readerView.state === 'card-present') return { ok: false, code: 'busy', ...TEXTS.readerBusy };
    const before = this.views.get('idReader')!;
    this.readerTesting = true;
    this.set('idReader', { state: 'testing', code: 'self-test', ...TEXTS.selfTesting });
    try {
      if (this.started) await reader.stop();
      return await samSelfTest(this.readerBinding, this.timings.selfTestTimeoutMs ?? 1500);
    } finally {
      this.readerTesting = false;
      this.set('idReader', { state: before.state, code: before.code, message_zh: before.message_zh, message_en: before.message_en });
      if (this.started) await reader.start();
    }
  }

  private async checkPrinter(): Promise<void> {
    const p = this.printer;
    if (!p) return;
    const present = await portPresent(p.path);
    if (present) this.set('receiptPrinter', { state: 'ready', ...TEXTS.printerReady });
    else this.set('receiptPrinter', { state: 'disconnected', code: 'port-not-found', ...printerMissing(p.path) });
  }

  // A change without a code (or with `code: undefined`, as drivers report it) clears the previous one.
  private set(device: DeviceKind, change: Partial<Omit<DeviceStateView, 'device' | 'since' | 'code'>> & Pick<DeviceStateView, 'state' | 'message_zh' | 'message_en'> & { code?: string | undefined }): void {
    const prev = this.views.get(device);
    const next: DeviceStateView = {
      device,
      transport: change.transport !== undefined ? change.transport : (prev?.transport ?? null),
      target: change.target !== undefined ? change.target : (prev?.target ?? null),
      state: change.state,
      message_zh: change.message_zh,
      message_en: change.message_en,
      since: prev?.since ?? this.now().toISOString(),
    };
    if (change.code) next.code = change.code;
    if (prev && prev.state === next.state && prev.code === next.code && prev.message_zh === next.message_zh) return;
    next.since = this.now().toISOString();
    this.views.set(device, next);
    if (prev) {
      this.opts.log.info('device.state', { device, state: next.state, code: next.code ?? '' });
      this.emitter.emit('state', { ...next });
    }
  }
}
