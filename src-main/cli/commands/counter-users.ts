import { writeFileSync } from 'node:fs';
import { defineCommand } from '../command.js';
import { changeClerk, listClerks } from '../../counter/accounts.js';
import { receptionRegister } from '../../counter/counter-service.js';
import { ROLE_LABEL_ZH } from '../../../src-shared/counter/contract.js';
import { withKioskDb } from '../../counter/cli-db.js';

export const command = defineCommand({
  path: ['counter', 'users'],
  summary: '窗口账号列表、解锁、停用 (list, unlock or disable counter accounts)',
  help: `
yzt counter users [--unlock ACCOUNT | --disable ACCOUNT | --enable ACCOUNT] [--data DIR]

列出窗口工作人员账号（角色、是否锁定或停用）；或解除锁定、停用、重新启用一个账号。每次修改写入审计日志。
Lists the counter accounts (role, locked, disabled), or lifts a lockout, disables or enables
one account. Every change is written to the audit log.

  --unlock ACCOUNT   clear the failures and the lockout
  --disable ACCOUNT  the account can no longer sign in
  --enable ACCOUNT   the account can sign in again
  --data DIR         kiosk data folder (default $YZT_DATA or ./data/kiosk)
`,
  options: { unlock: { type: 'string' }, disable: { type: 'string' }, enable: { type: 'string' }, data: { type: 'string' } },
  async run({ values }, io) {
    return withKioskDb(values, io, (db) => {
      for (const change of ['unlock', 'disable', 'enable'] as const) {
        const account = values[change];
        if (typeof account === 'string') {
          changeClerk(db, account, change, new Date());
          io.out(`${account}: ${change} ok`);
          return 0;
        }
      }
      for (const c of listClerks(db, new Date())) {
        io.out(`${c.account}\t${c.displayName}\t${ROLE_LABEL_ZH[c.role]}${c.locked ? '\t已锁定 (locked)' : ''}${c.disabled ? '\t已停用 (disabled)' : ''}`);
      }
      return 0;
    });
  },
});

export const registerCommand = defineCommand({
  path: ['counter', 'register'],
  summary: '导出初次接待登记表 CSV (export the reception register)',
  help: `
yzt counter register --from YYYY-MM-DD --to YYYY-MM-DD [--out FILE] [--data DIR]

导出在两日期之间立案的案件的初次接待登记（接待时间、谈话人、被谈话人，或未接待原因），CSV 格式。
Exports the register of first receptions (time, interviewer, interviewee, or the reason there
was none) for the filings made between two dates (China time), as CSV.

  --from DATE  first day
  --to DATE    last day
  --out FILE   write to FILE (default: standard output)
  --data DIR   kiosk data folder (default $YZT_DATA or ./data/kiosk)
`,
  options: { from: { type: 'string' }, to: { type: 'string' }, out: { type: 'string' }, data: { type: 'string' } },
  async run({ values }, io) {
    const day = (v: unknown) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : null);
    const from = day(values.from);
    const to = day(values.to);
    if (!from || !to) {
      io.err('请用 --from 和 --to 给出日期，格式 YYYY-MM-DD (give --from and --to as YYYY-MM-DD)');
      return 2;
    }
    return withKioskDb(values, io, (db) => {
      const r = receptionRegister(db, from, to);
      if (typeof values.out === 'string') {
        writeFileSync(values.out, r.csv);
        io.out(`已导出 ${r.rows} 条 (${r.rows} rows written)`);
      } else io.out(r.csv.trimEnd());
      return 0;
    });
  },
});
