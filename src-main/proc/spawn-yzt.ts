/**
 * Starts `yzt` sub-commands as real child processes and waits for the line that says they are
 * ready (e.g. the URL they listen on) — an event, not a sleep. Used by the demo and by tests.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { APP_ROOT } from '../paths.js';
import { watchLines } from './line-process.js';

export interface YztProcess {
  child: ChildProcess;
  /** The regex match of the ready line. */
  ready: RegExpMatchArray;
  output: string[];
  /** Resolves on the first output line (past or future) that matches. */
  waitFor(line: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export async function spawnYzt(args: string[], readyLine: RegExp, opts: { timeoutMs?: number; env?: NodeJS.ProcessEnv } = {}): Promise<YztProcess> {
  const child = spawn(process.execPath, [join(APP_ROOT, 'bin', 'yzt.mjs'), ...args], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, ...opts.env },
  });
  const p = watchLines(child, `yzt ${args.join(' ')}`);
  let ready: RegExpMatchArray;
  try {
    ready = await p.waitFor(readyLine, opts.timeoutMs ?? 20_000);
  } catch (e) {
    await p.stop('SIGKILL'); // a start that failed leaves no process behind
    throw e;
  }
  return { child, ready, output: p.lines, waitFor: p.waitFor, stop: p.stop };
}
