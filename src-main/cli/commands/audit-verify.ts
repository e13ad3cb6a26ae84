import { defineCommand } from '../command.js';
import { verifyAudit } from '../../audit/audit-log.js';
import { openKioskFile } from '../../db/kiosk-cipher.js';
import type { Db } from '../../db/open.js';
import { describeDbOpenError } from '../../sync/kiosk-db-check.js';
import { existingKioskDbFile } from '../data-dir.js';

export const command = defineCommand({
  path: ['audit', 'verify'],
  summary: '校验审计日志是否被篡改 (verify the audit hash chain)',
  help: `
yzt audit verify [--data DIR] [--json]

逐条校验审计日志的哈希链，报告第一条被修改或缺失的记录；完整时退出码 0，否则 1。
Walks the audit log's hash chain and reports the first edited or missing entry; exits 0
when intact, 1 otherwise. The database is opened read-only with its key
($YZT_DB_KEY_FILE, else DIR/keys/kiosk-db.key).

  --data DIR  kiosk data folder (default $YZT_DATA or ./data/kiosk)
  --json      print the verdict as JSON
`,
  options: { data: { type: 'string' }, json: { type: 'boolean' } },
  async run({ values }, io) {
    const file = existingKioskDbFile(values);
    let db: Db;
    try {
      db = openKioskFile(file, { readonly: true, fileMustExist: true });
    } catch (e) {
      const p = describeDbOpenError(e, file);
      io.err(`${p.message_zh} (${p.message_en}) [${p.code}]`);
      return 1;
    }
    try {
      const v = verifyAudit(db);
      if (values.json) io.out(JSON.stringify(v));
      else io.out(v.ok ? `审计日志完整，共 ${v.entries} 条 (audit log intact, ${v.entries} entries)` : `${v.message_zh}\n${v.message_en}`);
      return v.ok ? 0 : 1;
    } finally {
      db.close();
    }
  },
});
