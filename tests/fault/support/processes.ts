/** Child processes for fault tests, waited on by their output lines (never by sleeping). */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { APP_ROOT } from '../../../src-main/paths.js';
import { watchLines, type LineProcess } from '../../../src-main/proc/line-process.js';

export function spawnWorker(args: string[]): LineProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', join(APP_ROOT, 'tests', 'fault', 'support', 'kiosk-worker.ts'), ...args], { stdio: ['pipe', 'pipe', 'pipe'], cwd: APP_ROOT });
  return watchLines(child, `kiosk-worker ${args.join(' ')}`);
}

export function spawnYztRaw(args: string[]): LineProcess {
  return watchLines(spawn(process.execPath, [join(APP_ROOT, 'bin', 'yzt.mjs'), ...args], { stdio: ['pipe', 'pipe', 'pipe'], cwd: APP_ROOT }), `yzt ${args.join(' ')}`);
}
