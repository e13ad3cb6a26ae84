import { existsSync } from 'node:fs';
import { SerialPort } from 'serialport';
import { LinkOpenError, type ByteBinding, type ByteLink, type LinkClosed, type OpenErrorCode } from './binding.js';

export interface SerialBindingOptions {
  path: string;
  baudRate?: number;
  /** What is on the port, for people's messages; the ID card reader unless said otherwise. */
  device?: DeviceName;
}

export interface DeviceName {
  zh: string;
  en: string;
}

const READER: DeviceName = { zh: '读卡器', en: 'reader' };

function openError(path: string, err: Error, device: DeviceName): LinkOpenError {
  const m = err.message;
  const code: OpenErrorCode = /no such file|ENOENT|cannot find/i.test(m)
    ? 'not-found'
    : /permission|EACCES/i.test(m)
      ? 'permission'
      : /busy|lock|temporarily unavailable/i.test(m)
        ? 'busy'
        : 'other';
  const text: Record<OpenErrorCode, [string, string]> = {
    'not-found': [`找不到串口 ${path}，请检查${device.zh}是否连接`, `Serial port ${path} not found; check that the ${device.en} is connected`],
    permission: [`没有权限打开串口 ${path}`, `No permission to open serial port ${path}`],
    busy: [`串口 ${path} 被其他程序占用`, `Serial port ${path} is in use by another program`],
    // A path that exists but is no tty (a regular file, a mistyped device) fails its ioctl.
    other: /inappropriate ioctl|ENOTTY/i.test(m)
      ? [`${path} 不是串口设备，请检查${device.zh}的串口路径`, `${path} is not a serial port; check the ${device.en}'s port path`]
      : [`无法打开串口 ${path}`, `Cannot open serial port ${path}: ${m}`],
  };
  return new LinkOpenError(code, text[code][0], text[code][1]);
}

class SerialLink implements ByteLink {
  private closedWhy: LinkClosed | undefined;
  private readonly closeListeners: ((why: LinkClosed) => void)[] = [];
  private closingByUs = false;
  private readonly watch: NodeJS.Timeout | undefined;

  constructor(
    private readonly port: SerialPort,
    private readonly device: DeviceName,
    path: string,
  ) {
    // A device node that vanishes (USB unplugged, a pty pair torn down) does not always wake the
    // port's poller with a hang-up, and a passive device such as a scanner never writes to find
    // out: watch the node itself. Only for file-system ports (not Windows COM names).
    if (path.startsWith('/')) {
      this.watch = setInterval(() => {
        if (this.closedWhy || existsSync(path)) return;
        this.finish({ lost: true, code: 'disconnected', message_zh: `${device.zh}连接已断开`, message_en: `The ${device.en} was disconnected` });
        if (port.isOpen) port.close(() => undefined);
      }, 500);
      this.watch.unref();
    }
    port.on('close', (err?: Error & { disconnected?: boolean }) => {
      const lost = !this.closingByUs || Boolean(err?.disconnected);
      this.finish(
        lost
          ? { lost: true, code: 'disconnected', message_zh: `${device.zh}连接已断开`, message_en: `The ${device.en} was disconnected` }
          : this.closedByUs(),
      );
    });
    // An error on an open port that does not close it (write failure) still ends the link for us.
    port.on('error', () => {
      if (!this.closedWhy && !this.closingByUs) {
        this.finish({ lost: true, code: 'io-error', message_zh: `${device.zh}通信出错`, message_en: `${device.en} I/O error` });
        if (port.isOpen) port.close(() => undefined);
      }
    });
  }

  private closedByUs(): LinkClosed {
    return { lost: false, code: 'closed', message_zh: `${this.device.zh}已关闭`, message_en: `The ${this.device.en} was closed` };
  }

  private finish(why: LinkClosed): void {
    if (this.closedWhy) return;
    this.closedWhy = why;
    if (this.watch) clearInterval(this.watch);
    for (const l of this.closeListeners) l(why);
  }

  write(bytes: Uint8Array): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.closedWhy || !this.port.isOpen) return reject(new Error('link closed'));
      this.port.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), (err) => (err ? reject(err) : resolve()));
    });
  }

  onData(listener: (chunk: Uint8Array) => void): void {
    this.port.on('data', (chunk: Buffer) => listener(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength)));
  }

  onClose(listener: (why: LinkClosed) => void): void {
    if (this.closedWhy) listener(this.closedWhy);
    else this.closeListeners.push(listener);
  }

  close(): Promise<void> {
    this.closingByUs = true;
    return new Promise((resolve) => {
      if (!this.port.isOpen) {
        this.finish(this.closedByUs());
        return resolve();
      }
      this.port.close(() => resolve());
    });
  }
}

/** serialport 13 binding: 8N1 at the given baud (115200 by default, as readers ship). */
export function serialBinding(opts: SerialBindingOptions): ByteBinding {
  const baudRate = opts.baudRate ?? 115200;
  const device = opts.device ?? READER;
  return {
    label: `serial:${opts.path}`,
    open: () =>
      new Promise<ByteLink>((resolve, reject) => {
        const port = new SerialPort({ path: opts.path, baudRate, dataBits: 8, parity: 'none', stopBits: 1, autoOpen: false });
        port.open((err) => (err ? reject(openError(opts.path, err, device)) : resolve(new SerialLink(port, device, opts.path))));
      }),
  };
}
