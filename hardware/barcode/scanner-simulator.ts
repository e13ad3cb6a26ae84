/**
 * Serial barcode scanner simulator: socat makes a pty pair, the app opens `link` as if it were
 * the scanner's port, and `scan()` writes payload bytes plus the line end on `<link>.sim`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { lstat, unlink } from 'node:fs/promises';
import { encodeText } from '../../src-shared/scan/gbk-encode.js';
import type { ByteLink } from '../serial/binding.js';
import { serialBinding } from '../serial/serialport-binding.js';

export interface ScannerSimulatorOptions {
  link: string;
  baudRate?: number;
  startTimeoutMs?: number;
}

export interface SimScanOptions {
  /** How a string payload is encoded on the wire (default utf-8). Bytes are sent as given. */
  charset?: 'utf-8' | 'gbk';
  /** Line end the scanner is configured to send (default CR, the common factory setting). */
  terminator?: '\r' | '\n' | '\r\n' | '';
}

export interface ScannerSimulator {
  readonly appPath: string;
  readonly simPath: string;
  scan(payload: string | Uint8Array, opts?: SimScanOptions): Promise<void>;
  /** Raw bytes, for split/joined chunk tests. */
  write(bytes: Uint8Array): Promise<void>;
  close(): Promise<void>;
}

export class ScannerSimulatorError extends Error {
  constructor(
    readonly message_zh: string,
    readonly message_en: string,
  ) {
    super(message_en);
    this.name = 'ScannerSimulatorError';
  }
}

async function removeStaleLink(path: string): Promise<void> {
  try {
    if ((await lstat(path)).isSymbolicLink()) await unlink(path);
  } catch {
    // absent
  }
}

/** Resolves when socat reports its transfer loop, by which time both links exist. */
async function startPtyPair(link: string, timeoutMs: number): Promise<ChildProcess> {
  await removeStaleLink(link);
  await removeStaleLink(`${link}.sim`);
  const child = spawn('socat', ['-d', '-d', `pty,raw,echo=0,link=${link}`, `pty,raw,echo=0,link=${link}.sim`], { stdio: ['ignore', 'ignore', 'pipe'] });
  return new Promise((resolve, reject) => {
    let stderr = '';
    const fail = (zh: string, en: string): void => {
      clearTimeout(timer);
      child.kill();
      reject(new ScannerSimulatorError(zh, en));
    };
    const timer = setTimeout(() => fail('socat 未能及时创建虚拟串口', `socat did not create the ptys within ${timeoutMs} ms`), timeoutMs);
    child.once('error', (e) => fail('无法启动 socat，请安装 socat', `Cannot start socat (${e.message}); install socat`));
    child.once('exit', (code) => fail(`socat 提前退出（${code}）`, `socat exited early (${code})`));
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (d: string) => {
      stderr += d;
      if (!stderr.includes('starting data transfer loop')) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      child.removeAllListeners('error');
      child.stderr?.removeAllListeners('data');
      child.stderr?.resume();
      resolve(child);
    });
  });
}

export async function startScannerSimulator(opts: ScannerSimulatorOptions): Promise<ScannerSimulator> {
  const simPath = `${opts.link}.sim`;
  const socat = await startPtyPair(opts.link, opts.startTimeoutMs ?? 5000);
  let port: ByteLink;
  try {
    port = await serialBinding({ path: simPath, baudRate: opts.baudRate ?? 115200 }).open();
  } catch (e) {
    socat.kill();
    throw e;
  }
  let closed = false;
  const write = async (bytes: Uint8Array): Promise<void> => {
    if (closed) throw new ScannerSimulatorError('模拟扫码枪已关闭', 'The scanner simulator is closed');
    await port.write(bytes);
  };
  return {
    appPath: opts.link,
    simPath,
    write,
    async scan(payload, o = {}) {
      const body = typeof payload === 'string' ? encodeText(payload, o.charset ?? 'utf-8') : payload;
      const end = new TextEncoder().encode(o.terminator ?? '\r');
      const bytes = new Uint8Array(body.length + end.length);
      bytes.set(body);
      bytes.set(end, body.length);
      await write(bytes);
    },
    async close() {
      if (closed) return;
      closed = true;
      await port.close();
      if (socat.exitCode === null) {
        const exited = new Promise((r) => socat.once('exit', r));
        socat.kill('SIGTERM');
        await exited;
      }
    },
  };
}
