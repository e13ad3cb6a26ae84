/**
 * Start-up of the `yzt` CLI and of the central gateway (`yzt central serve`, its production
 * form), from the esbuild build (what bin/yzt.mjs runs) and, for comparison, from the
 * TypeScript sources through tsx (how every call ran before the build, issue 17 item 7).
 *  - `yzt --help`: process start to exit (it loads every command for their summaries);
 *  - `yzt central serve`: process start to the first HTTP answer on the printed URL.
 */
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { APP_ROOT } from '../src-main/paths.js';
import { watchLines } from '../src-main/proc/line-process.js';
import { tempDir } from '../tests/support/tmp.js';
import { latencyFigures, type Figure } from './bench-kit.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

// Wall time on two shared cores swings with the other work; the child's own CPU time (printed by
// this hook as it exits) does not, so both are reported.
const CPU_HOOK = ['--import', `data:text/javascript,process.on('exit',()=>{const u=process.cpuUsage();process.stderr.write('cpu-ms '+Math.round((u.user+u.system)/1000)+'\\n')})`];
const BUILT = [...CPU_HOOK, join(APP_ROOT, 'bin', 'yzt.mjs')];
const TSX = [...CPU_HOOK, '--import', 'tsx', join(APP_ROOT, 'src-main', 'cli', 'bin.ts')];

const cpuMs = (text: string): number => Number(/cpu-ms (\d+)/.exec(text)?.[1] ?? NaN);

interface Run {
  wallMs: number;
  cpuMs: number;
}

function help(entry: string[]): Run {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [...entry, '--help'], { cwd: APP_ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`yzt --help exited with ${r.status}: ${r.stderr}`);
  return { wallMs: performance.now() - t0, cpuMs: cpuMs(r.stderr) };
}

async function central(entry: string[]): Promise<Run> {
  const dir = tempDir('yzt-bench-central-');
  const t0 = performance.now();
  const child = spawn(process.execPath, [...entry, 'central', 'serve', '--port', '0', '--db', join(dir.path, 'central.sqlite')], { cwd: APP_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const p = watchLines(child, 'yzt central serve');
  try {
    const [, url] = await p.waitFor(/listening on (http:\/\/\S+)/, 60_000);
    await fetch(`${url}/`); // any status: the gateway answered
    const wallMs = performance.now() - t0;
    await p.stop();
    return { wallMs, cpuMs: cpuMs(p.lines.join('\n')) };
  } finally {
    await p.stop();
    dir.cleanup();
  }
}

export async function bench(): Promise<Figure[]> {
  // A bundle older than its sources would be rebuilt inside the first timed call.
  spawnSync(process.execPath, ['scripts/build-node.mjs'], { cwd: APP_ROOT, stdio: 'ignore' });
  const runs: Record<string, Run[]> = {};
  const add = (name: string, r: Run) => (runs[name] ??= []).push(r);
  // Interleaved, so a burst of load on the shared machine hits both forms alike.
  for (let i = 0; i < ROUNDS; i++) {
    add('yzt --help, built', help(BUILT));
    add('yzt --help, through tsx', help(TSX));
    add('central serve to first HTTP answer, built', await central(BUILT));
    add('central serve to first HTTP answer, through tsx', await central(TSX));
  }
  return Object.entries(runs).flatMap(([name, rs]) => [
    ...latencyFigures(name, rs.map((r) => r.wallMs), 'wall'),
    ...latencyFigures(`${name}, CPU`, rs.map((r) => r.cpuMs), 'user+system of the child'),
  ]);
}
