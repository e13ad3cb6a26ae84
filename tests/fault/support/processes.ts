/** Child processes for fault tests, waited on by their output lines (never by sleeping). */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { APP_ROOT } from '../../../src-main/paths.js';

export interface Proc {
  child: ChildProcess;
  lines: string[];
  /** Resolves with the first line (already seen or coming) matching `re`. */
  waitFor(re: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  kill(signal?: NodeJS.Signals): Promise<void>;
  exited: Promise<number | null>;
}

export function spawnWorker(args: string[]): Proc {
  const child = spawn(process.execPath, ['--import', 'tsx', join(APP_ROOT, 'tests', 'fault', 'support', 'kiosk-worker.ts'), ...args], { stdio: ['pipe', 'pipe', 'pipe'], cwd: APP_ROOT });
  return track(child);
}

export function spawnYztRaw(args: string[]): Proc {
  return track(spawn(process.execPath, [join(APP_ROOT, 'bin', 'yzt.mjs'), ...args], { stdio: ['pipe', 'pipe', 'pipe'], cwd: APP_ROOT }));
}

function track(child: ChildProcess): Proc {
  const lines: string[] = [];
  const waiters: { re: RegExp; resolve(m: RegExpMatchArray): void }[] = [];
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const onLine = (line: string) => {
    lines.push(line);
    for (const w of [...waiters]) {
      const m = w.re.exec(line);
      if (m) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(m);
      }
    }
  };
  createInterface({ input: child.stdout! }).on('line', onLine);
  createInterface({ input: child.stderr! }).on('line', onLine);
  return {
    child,
    lines,
    exited,
    waitFor(re, timeoutMs = 60_000) {
      for (const l of lines) {
        const m = re.exec(l);
        if (m) return Promise.resolve(m);
      }
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no line matching ${re} within ${timeoutMs} ms:\n${lines.slice(-20).join('\n')}`)), timeoutMs);
        waiters.push({
          re,
          resolve: (m) => {
            clearTimeout(timer);
            resolve(m);
          },
        });
        void exited.then(() => setImmediate(() => reject(new Error(`exited before a line matching ${re}:\n${lines.slice(-20).join('\n')}`))));
      });
    },
    async kill(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}
