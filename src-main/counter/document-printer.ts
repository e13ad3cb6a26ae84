/**
 * Sends an A4 document (the reception record for signing) to the court's document printer
 * through CUPS (`lp -d QUEUE`), when the kiosk setting `counter.printer` names a queue. The
 * kiosk window cannot open a print dialog of its own (new windows are denied in the Electron
 * shell), so printing "on the spot" (seed 002 art. 6) goes through the system spooler.
 */
import { spawn } from 'node:child_process';

export interface PrintOutcome {
  ok: boolean;
  message_zh: string;
  message_en: string;
}

export function printPdf(queue: string, pdf: Buffer, title: string, timeoutMs = 15_000): Promise<PrintOutcome> {
  return new Promise((resolve) => {
    const child = spawn('lp', ['-d', queue, '-t', title.slice(0, 60)], { stdio: ['pipe', 'ignore', 'pipe'] });
    let err = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stderr.on('data', (c: Buffer) => {
      if (err.length < 500) err += c.toString('utf8');
    });
    child.on('error', () => {
      clearTimeout(timer);
      resolve({ ok: false, message_zh: '本机未安装打印服务（CUPS 的 lp 命令），已生成 PDF，请另行打印', message_en: 'No lp command (CUPS); the PDF was made, print it by hand' });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve(
        code === 0
          ? { ok: true, message_zh: `已发送到打印机 ${queue}`, message_en: `Sent to printer ${queue}` }
          : { ok: false, message_zh: `打印机 ${queue} 未能接收打印任务，已生成 PDF，请另行打印`, message_en: `Printer ${queue} refused the job (${err.trim().slice(0, 120) || `exit ${code}`})` },
      );
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(pdf);
  });
}
