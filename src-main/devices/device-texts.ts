/** What the device manager tells people about each device, Chinese first. */
import type { DeviceKind } from '../../src-shared/api/contract.js';

export const DEVICE_NAMES: Record<DeviceKind, { zh: string; en: string }> = {
  idReader: { zh: '身份证阅读器', en: 'ID card reader' },
  scanner: { zh: '扫码枪', en: 'barcode scanner' },
  receiptPrinter: { zh: '收据打印机', en: 'receipt printer' },
};

type Text = { message_zh: string; message_en: string };

export function notConfigured(device: DeviceKind): Text {
  const n = DEVICE_NAMES[device];
  return { message_zh: `未配置${n.zh}`, message_en: `No ${n.en} configured` };
}

export const TEXTS = {
  externalScanner: { message_zh: '扫码枪以键盘或摄像头方式由页面直接使用，本机服务无法检测', message_en: 'The scanner is used by the page directly (keyboard or camera); the services cannot watch it' },
  scannerNoPath: { message_zh: '扫码枪设为串口方式但未配置串口，请联系技术人员', message_en: 'The scanner is set to serial mode but no port is configured; ask IT' },
  selfTesting: { message_zh: '正在自检', message_en: 'Self-test running' },
  readerBusy: { message_zh: '读卡器上有身份证，请取走后再自检', message_en: 'A card is on the reader; lift it before the self-test' },
  printerReady: { message_zh: '收据打印机已连接', message_en: 'Receipt printer connected' },
  externalTestable: { message_zh: '键盘或摄像头方式的扫码枪请在页面上扫一个条码试试', message_en: 'A keyboard or camera scanner is tested by scanning a code on the page' },
} satisfies Record<string, Text>;

export function printerMissing(path: string): Text {
  return { message_zh: `找不到收据打印机串口 ${path}，请检查连线和电源`, message_en: `Receipt printer port ${path} not found; check its cable and power` };
}

export function driverOnly(ok: boolean): Text {
  return ok
    ? { message_zh: '身份证阅读器在线（该读卡器由启动参数指定，未做安全模块自检）', message_en: 'ID card reader online (given on the command line; no SAM self-test)' }
    : { message_zh: '身份证阅读器不在线', message_en: 'The ID card reader is not online' };
}
