import { defineCommand, requireString } from '../command.js';
import { addClerk } from '../../counter/accounts.js';
import { withKioskDb } from '../../counter/cli-db.js';

async function readStdinLine(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

export const command = defineCommand({
  path: ['counter', 'add-user'],
  summary: '新增窗口工作人员账号 (add a counter clerk account)',
  help: `
yzt counter add-user --name ACCOUNT --role reception|leader|admin [--display NAME] [--data DIR]

新增一个窗口登录账号；密码从标准输入读取第一行（至少 10 位，含字母和数字），不在命令行出现。
Adds a counter console account. The password is the first line of standard input (at least
10 characters with letters and digits), so it never shows in the process list or history.

  --name ACCOUNT  login name (letters, digits, . _ -)
  --role R        reception (接待人员), leader (团队负责人) or admin (管理员)
  --display NAME  name printed on records (default: the account)
  --data DIR      kiosk data folder (default $YZT_DATA or ./data/kiosk)
`,
  options: { name: { type: 'string' }, role: { type: 'string' }, display: { type: 'string' }, data: { type: 'string' } },
  async run({ values }, io) {
    const account = requireString(values, 'name');
    const role = requireString(values, 'role');
    const password = await readStdinLine();
    return withKioskDb(values, io, async (db) => {
      const clerk = await addClerk(db, { account, role, password, ...(typeof values.display === 'string' ? { displayName: values.display } : {}) }, new Date());
      io.out(`已新增账号 ${clerk.account}（${clerk.role}） (account added)`);
      return 0;
    }, { create: true });
  },
});
