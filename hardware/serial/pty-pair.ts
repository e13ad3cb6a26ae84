/**
 * A pseudo-terminal pair made by socat, for device simulators: the app opens `link` as if it
 * were a device's serial port and the simulator serves `<link>.sim`. Killing the returned
 * process makes both ports vanish, as a pulled USB adapter does.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { lstat, unlink } from 'node:fs/promises';
import type { ByteLink } from './binding.js';
import { serialBinding } from './serialport-binding.js';

export class PtyPairError extends Error {
  constructor(
    readonly message_zh: string,
    readonly message_en: string,
  ) {
    super(message_en);
    this.name = 'PtyPairError';
  }
}

/** Removes a link left behind by a killed socat; never touches anything that is not a symlink. */
async function removeStaleLink(path: string): Promise<void> {
  try {
    if ((await lstat(path)).isSymbolicLink()) await unlink(path);
  } catch {
    // absent: nothing to do
  }
}

/** Starts socat and resolves once it reports its transfer loop, by which time both links exist. */
export async function startPtyPair(link: string, timeoutMs = 5000): Promise<ChildProcess> {
  await removeStaleLink(link);
  await removeStaleLink(`${link}.sim`);
  const child = spawn('socat', ['-d', '-d', `pty,raw,echo=0,link=${link}`, `pty,raw,echo=0,link=${link}.sim`], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let log = '';
    const fail = (zh: string, en: string): void => {
      clearTimeout(timer);
      child.kill();
      reject(new PtyPairError(zh, en));
    };
    const timer = setTimeout(() => fail('socat 未能及时创建虚拟串口', `socat did not create the ptys within ${timeoutMs} ms`), timeoutMs);
    child.once('error', (e) => fail('无法启动 socat，请安装 socat', `Cannot start socat (${e.message}); install socat`));
    child.once('exit', (code) => fail(`socat 提前退出（${code}）`, `socat exited early (${code}): ${log.trim().split('\n').at(-1) ?? ''}`));
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (d: string) => {
      log += d;
      if (!log.includes('starting data transfer loop')) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      child.removeAllListeners('error');
      child.stderr!.removeAllListeners('data');
      child.stderr!.resume();
      resolve(child);
    });
  });
}

/** Ends socat (both ports vanish) and resolves once it has exited. */
export async function stopPtyPair(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

/** A simulator's end of a pty pair: `<link>.sim` opened, socat ended if it cannot be. */
export interface PtyDevice {
  readonly socat: ChildProcess;
  readonly port: ByteLink;
  /** Closes the simulator's port, then ends socat. */
  close(): Promise<void>;
}

export async function startPtyDevice(link: string, opts: { baudRate?: number; timeoutMs?: number } = {}): Promise<PtyDevice> {
  const socat = await startPtyPair(link, opts.timeoutMs);
  let port: ByteLink;
  try {
    port = await serialBinding({ path: `${link}.sim`, baudRate: opts.baudRate ?? 115200 }).open();
  } catch (e) {
    await stopPtyPair(socat);
    throw e;
  }
  return {
    socat,
    port,
    async close() {
      await port.close();
      await stopPtyPair(socat);
    },
  };
}
