import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defineCommand, requireString } from '../command.js';
import { kioskDataDir } from '../data-dir.js';
import { fsProblem } from '../fs-problem.js';

export const command = defineCommand({
  path: ['admin', 'export-logs'],
  summary: '导出终端日志 (copy the kiosk logs for IT staff)',
  help: `
yzt admin export-logs --out DIR [--data DIR]

把终端的结构化日志（含已轮转的旧文件）复制到指定目录，便于交给技术人员分析。日志中不含个人信息。
Copies the kiosk's structured logs (the current file and the rotated ones) into DIR for IT
staff. The logs hold ids and codes only, never personal data.

  --out DIR   destination folder (created if missing)
  --data DIR  kiosk data folder (default $YZT_DATA or ./data/kiosk)
`,
  options: { out: { type: 'string' }, data: { type: 'string' } },
  async run({ values }, io) {
    const out = resolve(requireString(values, 'out'));
    const logs = join(kioskDataDir(values), 'logs');
    if (!existsSync(logs)) {
      io.err(`没有找到日志目录 ${logs}：终端还没在这里运行过，或数据目录不对，请用 --data 指定终端的数据目录 (no log folder ${logs}: no kiosk has run here, or this is not its data folder; name it with --data)`);
      return 1;
    }
    try {
      mkdirSync(out, { recursive: true });
    } catch (e) {
      throw fsProblem(e, out, '--out');
    }
    const files = readdirSync(logs).filter((f) => /\.log(\.\d+)?$/.test(f));
    for (const f of files) copyFileSync(join(logs, f), join(out, f));
    io.out(`已导出 ${files.length} 个日志文件到 ${out} (exported ${files.length} log files)`);
    return 0;
  },
});
