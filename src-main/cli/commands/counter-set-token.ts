import { createInterface } from 'node:readline';
import { defineCommand } from '../command.js';
import { openDatabase } from '../../db/open.js';
import { setCounterToken } from '../../counter/counter-token.js';
import { creatableKioskDbFile } from '../data-dir.js';

export const command = defineCommand({
  path: ['counter', 'set-token'],
  summary: '设置窗口终端的法院凭据 (set the court token a counter PC syncs with)',
  help: `
yzt counter set-token [--data DIR] [--clear]

从标准输入读取 yzt central court-token 给出的凭据（不出现在命令行或日志中），窗口终端用它
与法院系统同步窗口记录；--clear 删除凭据。
Reads the court token (from yzt central court-token) from standard input, so it is never on
the command line or in a log; the counter's court sync uses it from its next pass. --clear
removes it.

  --data DIR  kiosk data folder (default $YZT_DATA or ./data/kiosk)
`,
  options: { data: { type: 'string' }, clear: { type: 'boolean' } },
  async run({ values }, io) {
    let token: string | null = null;
    if (values.clear !== true) {
      const lines = createInterface({ input: process.stdin });
      token = await new Promise<string>((resolve) => {
        lines.once('line', (l) => resolve(l.trim()));
        lines.once('close', () => resolve(''));
      });
      lines.close();
    }
    const db = openDatabase(creatableKioskDbFile(values), 'kiosk');
    try {
      setCounterToken(db, token, 'admin:cli', new Date());
      io.out(token === null ? '凭据已删除 (token removed)' : '凭据已设置 (token set)');
      return 0;
    } finally {
      db.close();
    }
  },
});
