import { createInterface } from 'node:readline';
import { defineCommand } from '../command.js';
import { openDatabase } from '../../db/open.js';
import { setAdminPin } from '../../admin/admin-service.js';
import { creatableKioskDbFile } from '../data-dir.js';

export const command = defineCommand({
  path: ['admin', 'set-pin'],
  summary: '设置管理模式 PIN (set the admin-mode PIN)',
  help: `
yzt admin set-pin [--data DIR]

从标准输入读取 4 到 12 位数字作为管理模式 PIN（不出现在命令行或日志中）。
Reads the admin-mode PIN (4 to 12 digits) from standard input, so it is never on the
command line or in a log; stores only its scrypt hash.

  --data DIR  kiosk data folder (default $YZT_DATA or ./data/kiosk)
`,
  options: { data: { type: 'string' } },
  async run({ values }, io) {
    const lines = createInterface({ input: process.stdin });
    const pin = await new Promise<string>((resolve) => {
      lines.once('line', (l) => resolve(l.trim()));
      lines.once('close', () => resolve(''));
    });
    lines.close();
    const db = openDatabase(creatableKioskDbFile(values), 'kiosk');
    try {
      await setAdminPin(db, pin, new Date());
      io.out('管理 PIN 已设置 (admin PIN set)');
      return 0;
    } catch (e) {
      const err = e as { message_zh?: string; message?: string };
      io.err(err.message_zh ?? err.message ?? String(e));
      return 1;
    } finally {
      db.close();
    }
  },
});
