/**
 * Starts `yzt` sub-commands as real child processes and waits for the line that says they are
 * ready (e.g. the URL they listen on) — an event, not a sleep. Used by the demo and by tests.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { APP_ROOT } from '../paths.js';

export interface YztProcess {
  child: ChildProcess;
  /** The regex match of the ready line. */
  ready: RegExpMatchArray;
  output: string[];
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export async function spawnYzt(args: string[], readyLine: RegExp, opts: { timeoutMs?: number; env?: NodeJS.ProcessEnv } = {}): Promise<YztProcess> {
  const child = spawn(process.execPath, [join(APP_ROOT, 'bin', 'yzt.mjs'), ...args], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, ...opts.env },
  });
  const output: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const ready = await new Promise<RegExpMatchArray>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`yzt ${args.join(' ')}: not ready within ${opts.timeoutMs ?? 20000} ms\n${output.join('\n')}`)), opts.timeoutMs ?? 20_000);
    const onLine = (line: string) => {
      output.push(line);
      const m = readyLine.exec(line);
      if (m) {
        clearTimeout(timer);
        resolve(m);
      }
    };
    createInterface({ input: child.stdout! }).on('line', onLine);
    createInterface({ input: child.stderr! }).on('line', (l) => output.push(l));
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`yzt ${args.join(' ')} exited with ${code} before ready\n${output.join('\n')}`));
    });
  });
  return {
    child,
    ready,
    output,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
