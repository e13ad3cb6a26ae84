/**
 * ByteBinding over a HID-class reader: SAM frames are cut into HID reports on write and the
 * reports' payloads joined back into a byte stream on read, by a configured framing.
 */
import { LinkOpenError, type ByteBinding, type ByteLink, type LinkClosed } from '../serial/binding.js';
import { fromInputReport, framingProblem, toOutputReport, unwrapPayload, wrapPayloads, type HidFraming } from './framing.js';
import { findHidDevice, nodeHidApi, type HidApi, type HidDeviceHandle } from './hid-api.js';

export interface HidBindingOptions {
  /** OS path of the HID device, or `vvvv:pppp` (vendor id : product id, hex). */
  target: string;
  framing: HidFraming;
  /** node-hid unless a test passes a fake. */
  api?: HidApi;
}

const LOST: LinkClosed = { lost: true, code: 'disconnected', message_zh: '读卡器连接已断开', message_en: 'The reader was disconnected' };
const CLOSED: LinkClosed = { lost: false, code: 'closed', message_zh: '读卡器已关闭', message_en: 'The reader was closed' };

class HidLink implements ByteLink {
  private closedWhy: LinkClosed | undefined;
  private readonly closeListeners: ((why: LinkClosed) => void)[] = [];
  private readonly dataListeners: ((chunk: Uint8Array) => void)[] = [];

  constructor(
    private readonly device: HidDeviceHandle,
    private readonly framing: HidFraming,
  ) {
    device.on('data', (report) => {
      if (this.closedWhy) return;
      const payload = fromInputReport(framing, new Uint8Array(report.buffer, report.byteOffset, report.byteLength));
      if (!payload) return;
      const bytes = unwrapPayload(framing, payload);
      if (bytes.length) for (const l of this.dataListeners) l(bytes);
    });
    // node-hid reports an unplugged device as a read error and stops reading.
    device.on('error', () => this.end(LOST));
  }

  private end(why: LinkClosed): void {
    if (this.closedWhy) return;
    this.closedWhy = why;
    try {
      this.device.close();
    } catch {
      // already gone with the device
    }
    for (const l of this.closeListeners) l(why);
  }

  async write(bytes: Uint8Array): Promise<void> {
    if (this.closedWhy) throw new Error('link closed');
    try {
      for (const payload of wrapPayloads(this.framing, bytes)) {
        const report = toOutputReport(this.framing, payload);
        this.device.write(Buffer.from(report.buffer, report.byteOffset, report.byteLength));
      }
    } catch (e) {
      this.end(LOST);
      throw e;
    }
  }

  onData(listener: (chunk: Uint8Array) => void): void {
    this.dataListeners.push(listener);
  }

  onClose(listener: (why: LinkClosed) => void): void {
    if (this.closedWhy) listener(this.closedWhy);
    else this.closeListeners.push(listener);
  }

  async close(): Promise<void> {
    this.end(CLOSED);
  }
}

export function hidBinding(opts: HidBindingOptions): ByteBinding {
  const api = opts.api ?? nodeHidApi;
  const problem = framingProblem(opts.framing);
  return {
    label: `hid:${opts.target}`,
    async open() {
      if (problem) throw new LinkOpenError('other', `HID 读卡器配置有误：${problem}`, `HID reader configuration is wrong: ${problem}`);
      let list;
      try {
        list = await api.devices();
      } catch (e) {
        throw new LinkOpenError('other', '无法列出 HID 设备', `Cannot list HID devices: ${(e as Error).message}`);
      }
      const found = findHidDevice(list, opts.target);
      if (!found?.path) {
        throw new LinkOpenError('not-found', `找不到 HID 读卡器 ${opts.target}，请检查读卡器是否连接`, `HID reader ${opts.target} not found; check that the reader is connected`);
      }
      let device: HidDeviceHandle;
      try {
        device = await api.open(found.path);
      } catch (e) {
        // hidapi gives one message for every failure; the device is listed, so it is there but
        // not ours: permissions (udev rule on Linux) or another program holding it.
        throw new LinkOpenError(
          'permission',
          `无法打开 HID 读卡器 ${opts.target}：没有权限或被其他程序占用`,
          `Cannot open HID reader ${opts.target}: no permission or in use by another program (${(e as Error).message})`,
        );
      }
      return new HidLink(device, opts.framing);
    },
  };
}
