/**
 * A child process read line by line (stdout and stderr), so callers wait for the line that
 * says something happened — an event, not a sleep. spawnYzt and the fault tests' workers
 * share it.
 */
import type { ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface LineProcess {
  child: ChildProcess;
  /** Every line so far, stdout and stderr as they came. */
  lines: string[];
  /** Resolves on the process's exit with its code. */
  exited: Promise<number | null>;
  /** Resolves with the first line (already seen or coming) matching `re`; rejects on timeout or exit. */
  waitFor(re: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  /** Signals the process unless it has ended; resolves with its exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export function watchLines(child: ChildProcess, name: string): LineProcess {
  const lines: string[] = [];
  const waiters = new Set<{ re: RegExp; resolve(m: RegExpMatchArray): void }>();
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const onLine = (line: string) => {
    lines.push(line);
    for (const w of waiters) {
      const m = w.re.exec(line);
      if (m) {
        waiters.delete(w);
        w.resolve(m);
      }
    }
  };
  createInterface({ input: child.stdout! }).on('line', onLine);
  createInterface({ input: child.stderr! }).on('line', onLine);
  const tail = () => lines.slice(-20).join('\n');
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
        const timer = setTimeout(() => reject(new Error(`${name}: no line matching ${re} within ${timeoutMs} ms\n${tail()}`)), timeoutMs);
        waiters.add({
          re,
          resolve: (m) => {
            clearTimeout(timer);
            resolve(m);
          },
        });
        // A turn's grace: lines read before the exit event are still matched first.
        void exited.then((code) =>
          setImmediate(() => {
            clearTimeout(timer);
            reject(new Error(`${name} exited with ${code} before a line matching ${re}\n${tail()}`));
          }),
        );
      });
    },
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
