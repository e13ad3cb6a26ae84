import { defineCommand } from '../command.js';
import { verifyAudit } from '../../audit/audit-log.js';
import { openKioskFile } from '../../db/kiosk-cipher.js';
import type { Db } from '../../db/open.js';
import { describeDbOpenError } from '../../sync/kiosk-db-check.js';
import { existingKioskDbFile } from '../data-dir.js';

function keyedNote(entries: number, keyedFrom: number | null): string {
  if (keyedFrom === null) return `，尚未启用密钥校验（旧版日志，下次启动时启用） (audit log intact, ${entries} entries, not keyed yet: an earlier version's chain, keyed at the next start)`;
  return keyedFrom > 1
    ? `，自第 ${keyedFrom} 条起以密钥校验，此前为旧版记录 (audit log intact, ${entries} entries, keyed from entry ${keyedFrom}; earlier entries predate keying)`
    : ` (audit log intact, ${entries} entries, keyed throughout)`;
}

export const command = defineCommand({
  path: ['audit', 'verify'],
  summary: '校验审计日志是否被篡改 (verify the audit hash chain)',
  help: `
yzt audit verify [--data DIR] [--json]

逐条校验审计日志的哈希链，报告第一条被修改或缺失的记录；完整时退出码 0，否则 1。
审计链以单独的审计密钥加密校验并封记末尾：截短或整条重写都会被发现。
Walks the audit log's hash chain and reports the first edited or missing entry; exits 0
when intact, 1 otherwise. The chain is keyed (HMAC under the audit key, $YZT_AUDIT_KEY_FILE,
else DIR/keys/audit-chain.key) and its end is sealed under the same key, so a chain cut short
or written anew fails too, even by someone who holds the database key. Entries from before
the keyed chain (an earlier version) are fixed by the "audit.keyed" anchor entry. The
database is opened read-only with its key ($YZT_DB_KEY_FILE, else DIR/keys/kiosk-db.key).

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
      else io.out(v.ok ? `审计日志完整，共 ${v.entries} 条${keyedNote(v.entries, v.keyedFrom)}` : `${v.message_zh}\n${v.message_en}`);
      return v.ok ? 0 : 1;
    } finally {
      db.close();
    }
  },
});
