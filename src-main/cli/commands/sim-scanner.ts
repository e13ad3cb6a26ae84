import { createInterface } from 'node:readline';
import { defineCommand, optionalInt, requireString, UsageError } from '../command.js';
import { startScannerSimulator, type SimScanOptions } from '../../../hardware/barcode/scanner-simulator.js';

const TERMINATORS: Record<string, NonNullable<SimScanOptions['terminator']>> = { cr: '\r', lf: '\n', crlf: '\r\n', none: '' };

export const command = defineCommand({
  path: ['sim', 'scanner'],
  summary: '模拟串口扫码枪 (simulate a serial barcode scanner on a pty)',
  help: `
yzt sim scanner --link PATH [--charset utf-8|gbk] [--terminator cr|lf|crlf|none] [--baud N]

用 socat 创建一对虚拟串口，应用打开 PATH，就像打开扫码枪的 USB 串口（CDC/VCP 模式）。
从标准输入读取的每一行都作为一次扫码发出。输入结束（Ctrl-D）或 Ctrl-C 时退出。
Makes a pty pair with socat; the app opens PATH as if it were a scanner's USB serial port
(CDC/VCP mode). Every line read on stdin is sent as one scan. Ends at end of input or Ctrl-C.

  --link PATH        path the app opens (PATH.sim is the simulator's end)
  --charset CS       how lines are encoded on the wire: utf-8 (default) or gbk
  --terminator T     line end the scanner sends: cr (default), lf, crlf, none
  --baud N           baud rate of the simulator's end (default 115200)

Exit status: 0 after input ends; 1 socat missing or the pty could not be made; 2 wrong usage.
`,
  options: {
    link: { type: 'string' },
    charset: { type: 'string' },
    terminator: { type: 'string' },
    baud: { type: 'string' },
  },
  async run({ values }, io) {
    const link = requireString(values, 'link');
    const charset = values.charset ?? 'utf-8';
    if (charset !== 'utf-8' && charset !== 'gbk') throw new UsageError('--charset 只能是 utf-8 或 gbk (--charset takes utf-8 or gbk)');
    const terminator = TERMINATORS[typeof values.terminator === 'string' ? values.terminator : 'cr'];
    if (terminator === undefined) throw new UsageError('--terminator 只能是 cr、lf、crlf 或 none (--terminator takes cr, lf, crlf or none)');
    let sim;
    try {
      sim = await startScannerSimulator({ link, baudRate: optionalInt(values, 'baud', 115200) });
    } catch (e) {
      const m = e as { message_zh?: string; message_en?: string; message?: string };
      io.err(`${m.message_zh ?? '无法启动模拟扫码枪'} (${m.message_en ?? m.message})`);
      return 1;
    }
    io.out(`模拟扫码枪已就绪 (scanner simulator ready): ${sim.appPath} [${charset}]`);
    const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
    const stop = (): void => lines.close();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    let count = 0;
    try {
      for await (const line of lines) {
        if (line === '') continue;
        try {
          await sim.scan(line, { charset, terminator });
          count++;
          io.out(`scan ${count}: ${[...line].length} characters sent`);
        } catch (e) {
          if (e instanceof RangeError) io.err(`该行含有 GBK 无法表示的字符，未发送 (${e.message})`);
          else throw e;
        }
      }
    } finally {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      await sim.close();
    }
    return 0;
  },
});
