/**
 * Printer checks for IT staff: the receipt printer's live status (for health), a receipt test
 * page, and an A4 test PDF sent to a CUPS queue. Each answers in words, never throws.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DeviceTestResult } from '../../src-shared/admin/contract.js';
import { checkStatus, printReceipt, PrinterError } from '../../hardware/printer/printer.js';
import type { ReceiptLine } from '../../hardware/printer/escpos.js';
import { serialBinding } from '../../hardware/serial/serialport-binding.js';
import { renderReceiptPdf } from '../printing/receipt-pdf.js';
import { chinaDateTime } from '../../src-shared/time/china-time.js';

export type PrinterStatus = 'ready' | 'paper-out' | 'no-answer' | 'unreachable';

/**
 * Asks the printer's real-time status (DLE EOT 1) without printing anything. The port is held
 * only for the question, so a receipt being printed may make this say 'unreachable' for a moment.
 */
export async function receiptPrinterStatus(path: string, baudRate: number, timeoutMs = 1000): Promise<PrinterStatus> {
  let link;
  try {
    link = await serialBinding({ path, baudRate }).open();
  } catch {
    return 'unreachable';
  }
  try {
    await checkStatus(link, timeoutMs);
    return 'ready';
  } catch (e) {
    if (e instanceof PrinterError && e.code !== 'io') return e.code === 'offline' ? 'paper-out' : 'no-answer';
    return 'unreachable';
  } finally {
    await link.close();
  }
}

export const PRINTER_STATUS_TEXT: Record<PrinterStatus, { zh: string; en: string }> = {
  ready: { zh: '收据打印机就绪', en: 'Receipt printer ready' },
  'paper-out': { zh: '收据打印机缺纸或纸仓未关好：请装纸并关好纸仓', en: 'Receipt printer out of paper or cover open: load paper and close the cover' },
  'no-answer': { zh: '收据打印机没有应答：请检查电源和波特率', en: 'Receipt printer does not answer: check its power and baud rate' },
  unreachable: { zh: '打不开收据打印机端口：请检查连接线和端口设置', en: 'Cannot open the receipt printer port: check the cable and the port setting' },
};

function testLines(title: string, now: Date): ReceiptLine[] {
  return [
    { kind: 'text', text: '执行一证通', align: 'center', bold: true, size: 2 },
    { kind: 'text', text: title, align: 'center' },
    { kind: 'rule' },
    { kind: 'text', text: `时间 ${chinaDateTime(now)}` },
    { kind: 'text', text: '中文字样：人民法院 执行 申请 回执' },
    { kind: 'qr', data: 'YZT-PRINT-TEST', align: 'center' },
    { kind: 'feed', lines: 2 },
  ];
}

export async function printReceiptTestPage(path: string, baudRate: number, now: Date): Promise<DeviceTestResult> {
  try {
    const r = await printReceipt(testLines('收据打印机测试页 Printer test page', now), { binding: serialBinding({ path, baudRate }) });
    return { ok: true, code: 'printed', message_zh: `测试页已打印（${r.bytes} 字节），请查看出纸口`, message_en: `Test page printed (${r.bytes} bytes); check the slot` };
  } catch (e) {
    if (e instanceof PrinterError) {
      const code = e.code === 'offline' ? 'paper-out' : e.code;
      return { ok: false, code, message_zh: `未打印：${e.message_zh}`, message_en: `Not printed: ${e.message_en}` };
    }
    return { ok: false, code: 'failed', message_zh: '未打印：打印机出现故障', message_en: 'Not printed: the printer failed' };
  }
}

function runLp(queue: string, file: string): Promise<{ ok: true; out: string } | { ok: false; missing: boolean; why: string }> {
  return new Promise((resolve) => {
    execFile('lp', ['-d', queue, file], { timeout: 15_000 }, (err, stdout, stderr) => {
      if (!err) return resolve({ ok: true, out: stdout.trim() });
      const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
      resolve({ ok: false, missing, why: (stderr.trim() || err.message).slice(0, 300) });
    });
  });
}

/** Writes `admin/a4-test.pdf` in the data folder and, with a queue, prints it there. */
export async function a4TestPage(dataDir: string, queue: string | null, now: Date): Promise<DeviceTestResult> {
  let pdfPath: string;
  try {
    const bytes = await renderReceiptPdf(testLines('A4 打印机测试页 A4 printer test page', now), { now });
    const dir = join(dataDir, 'admin');
    mkdirSync(dir, { recursive: true });
    pdfPath = join(dir, 'a4-test.pdf');
    writeFileSync(pdfPath, bytes);
  } catch {
    return { ok: false, code: 'pdf-failed', message_zh: '无法生成测试 PDF：请检查中文字体和数据目录', message_en: 'Could not make the test PDF; check the CJK font and the data folder' };
  }
  if (!queue) return { ok: true, code: 'pdf', pdfPath, message_zh: `测试 PDF 已生成：${pdfPath}`, message_en: `Test PDF written: ${pdfPath}` };
  const lp = await runLp(queue, pdfPath);
  if (lp.ok) return { ok: true, code: 'sent', pdfPath, message_zh: `测试页已发送到打印队列 ${queue}：${lp.out}`, message_en: `Test page sent to queue ${queue}: ${lp.out}` };
  if (lp.missing) return { ok: false, code: 'no-lp', pdfPath, message_zh: `本机没有 lp 命令（未安装 CUPS），测试 PDF 已生成：${pdfPath}`, message_en: `No lp command (CUPS not installed); test PDF written: ${pdfPath}` };
  return { ok: false, code: 'lp-failed', pdfPath, message_zh: `打印队列 ${queue} 拒绝了测试页：${lp.why}`, message_en: `Queue ${queue} refused the test page: ${lp.why}` };
}
