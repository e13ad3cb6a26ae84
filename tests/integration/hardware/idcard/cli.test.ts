/** `yzt sim idcard` and `yzt device read-id` as real child processes talking over a real pty. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES, fixtureCard } from './helpers.js';

const ROOT = resolve(import.meta.dirname, '../../../..');
// Each `node bin/yzt.mjs` compiles the CLI through tsx (~1 s idle, several under a loaded CI).
const CHILD_TIMEOUT_MS = 90_000;
const dir = mkdtempSync(join(tmpdir(), 'yzt-idcard-cli-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

interface Done {
  code: number | null;
  stdout: string;
  stderr: string;
}

function yzt(args: string[]): { child: ChildProcess; done: Promise<Done>; waitLine(re: RegExp): Promise<string> } {
  const child = spawn(process.execPath, ['bin/yzt.mjs', ...args], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  children.push(child);
  let stdout = '';
  let stderr = '';
  const lines: string[] = [];
  let waiters: { re: RegExp; from: number; resolve(l: string): void }[] = [];
  const check = (): void => {
    waiters = waiters.filter((w) => {
      const hit = lines.slice(w.from).find((l) => w.re.test(l));
      if (hit !== undefined) w.resolve(hit);
      return hit === undefined;
    });
  };
  child.stdout!.setEncoding('utf8').on('data', (d: string) => {
    stdout += d;
    lines.splice(0, lines.length, ...stdout.split('\n').slice(0, -1));
    check();
  });
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const done = new Promise<Done>((r) => child.once('exit', (code) => r({ code, stdout, stderr })));
  return {
    child,
    done,
    /** The next complete stdout line matching `re`, counting only lines printed after the call. */
    waitLine(re) {
      return new Promise((resolve, reject) => {
        waiters.push({ re, from: lines.length, resolve });
        check();
        void done.then(() => reject(new Error(`exited before a line matching ${re}: ${stdout} ${stderr}`)));
      });
    },
  };
}

describe('yzt sim idcard + yzt device read-id', () => {
  it('--help names every option; a bad card file exits 1 and an unknown fault 2', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ kind: 'resident', name: 'x' }));
    const [sim, read, card, fault] = await Promise.all([
      yzt(['sim', 'idcard', '--help']).done,
      yzt(['device', 'read-id', '--help']).done,
      yzt(['sim', 'idcard', '--link', join(dir, 'x'), '--card', bad]).done,
      yzt(['sim', 'idcard', '--link', join(dir, 'y'), '--fault', 'melt']).done,
    ]);
    expect(card.code).toBe(1);
    expect(card.stderr).toMatch(/卡片文件字段不正确.*birthDate/);
    expect(fault.code).toBe(2);
    expect(fault.stderr).toContain('未知故障');
    expect(sim.code).toBe(0);
    for (const o of ['--link', '--card', '--fault', '--baud', 'unplug', 'replug', 'bad-checksum']) expect(sim.stdout).toContain(o);
    expect(read.code).toBe(0);
    for (const o of ['--port', '--baud', '--timeout', '--json', 'Exit status']) expect(read.stdout).toContain(o);
  }, CHILD_TIMEOUT_MS);

  it('reads the card as JSON, then fails clearly on no card and on an unplugged port', async () => {
    const link = join(dir, 'tty');
    const sim = yzt(['sim', 'idcard', '--link', link, '--card', join(FIXTURES, 'hmt-residence.json')]);
    await sim.waitLine(/^ready /);

    const ok = await yzt(['device', 'read-id', '--port', link, '--json', '--timeout', '5000']).done;
    expect(ok.code).toBe(0);
    const printed = JSON.parse(ok.stdout) as Record<string, unknown>;
    expect(printed).toEqual({ ...fixtureCard('hmt-residence'), photo: { format: 'wlt', bytes: 1024 } });

    // Read once: the card must be lifted and placed again before the next read.
    const none = await yzt(['device', 'read-id', '--port', link, '--timeout', '600']).done;
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('未检测到身份证');
    expect(none.stderr).toContain('No ID card found');

    // The SAM fault's message is covered by the reader contract; here only its stdin command.
    sim.child.stdin!.write('remove\nplace\nfault sam-error\nfault off\nunplug\n');
    await sim.waitLine(/^unplugged$/);
    const gone = await yzt(['device', 'read-id', '--port', link, '--timeout', '500']).done;
    expect(gone.code).toBe(1);
    expect(gone.stderr).toContain('找不到串口');
    expect(gone.stderr).toContain('[port-not-found]');

    sim.child.stdin!.write('replug\n');
    await sim.waitLine(/^replugged /);
    const human = await yzt(['device', 'read-id', '--port', link, '--timeout', '5000']).done;
    expect(human.code).toBe(0);
    expect(human.stdout).toContain('通行证号 permit: H12345678');

    // A reader that keeps answering noise: the CLI gives up, so it must not say it is retrying.
    sim.child.stdin!.write('remove\nplace\nfault bad-checksum\n');
    await sim.waitLine(/^fault bad-checksum$/);
    const noisy = await yzt(['device', 'read-id', '--port', link, '--timeout', '1500']).done;
    expect(noisy.code).toBe(1);
    expect(noisy.stderr).toContain('数据校验错误，请检查连接线后再试');
    expect(noisy.stderr).not.toContain('正在重试');
    expect(noisy.stderr).toContain('[bad-checksum]');

    sim.child.kill('SIGTERM');
    const end = await sim.done;
    expect(end.code).toBe(0);
    expect(end.stdout.trim().split('\n')).toEqual(expect.arrayContaining(['removed', 'placed', 'read', 'fault sam-error', 'fault off', 'unplugged', 'stopped']));
  }, CHILD_TIMEOUT_MS);
});
