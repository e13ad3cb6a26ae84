/**
 * IT staff edit a court's profile (from `yzt courts list --json`), check it, and the kiosk and
 * the CLI use it; a bad file stops the kiosk with a Chinese message instead of half-applying.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startKioskApp } from '../../../src-main/app/kiosk-app.js';
import { createLogger } from '../../../src-main/log/logger.js';
import { APP_ROOT } from '../../../src-main/paths.js';
import { tempDir } from '../../support/tmp.js';

const run = promisify(execFile);
const yzt = (args: string[]) =>
  run(process.execPath, [join(APP_ROOT, 'bin', 'yzt.mjs'), ...args]).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );

describe('edited court profiles', () => {
  const dir = tempDir();
  afterAll(() => dir.cleanup());

  it('round-trips an exported profile, edited, through check and into the kiosk', async () => {
    const listed = await yzt(['courts', 'list', '--json']);
    const profiles = JSON.parse(listed.stdout) as Array<{ id: string; name: string }>;
    const shanyang = profiles.find((p) => p.id === 'jiaozuo-shanyang')!;
    const edited = [{ ...shanyang, name: '焦作市山阳区人民法院（执行一站式服务中心）' }];
    const data = join(dir.path, 'kiosk');
    mkdirSync(data, { recursive: true });
    writeFileSync(join(data, 'courts.json'), JSON.stringify(edited));
    const check = await yzt(['courts', 'check', join(data, 'courts.json')]);
    expect(check.code).toBe(0);
    expect(check.stdout).toContain('执行一站式服务中心');

    const app = await startKioskApp({ dataDir: data, shell: 'host', log: createLogger({ sink: [] }), reader: null });
    try {
      const info = await app.handlers['kiosk.info'](null);
      expect(info.courtName).toBe('焦作市山阳区人民法院（执行一站式服务中心）');
    } finally {
      await app.close();
    }
  });

  it('refuses a profile that invents a type code, naming the problem, and the kiosk does not start on it', async () => {
    const listed = JSON.parse((await yzt(['courts', 'list', '--json'])).stdout) as Array<{ id: string; typeTable?: unknown }>;
    const bad = [{ ...listed[0], code: 'XX99' }];
    const data = join(dir.path, 'bad');
    mkdirSync(data, { recursive: true });
    writeFileSync(join(data, 'courts.json'), JSON.stringify(bad));
    const check = await yzt(['courts', 'check', join(data, 'courts.json')]);
    expect(check.code).toBe(1);
    expect(check.stderr).toMatch(/法院配置文件有 \d+ 处错误/);
    await expect(startKioskApp({ dataDir: data, shell: 'host', log: createLogger({ sink: [] }), reader: null })).rejects.toMatchObject({ code: 'courts.bad-file' });
  });
});
