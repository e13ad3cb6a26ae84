import { readFileSync, writeFileSync } from 'node:fs';
import { defineCommand } from '../command.js';
import { openDatabase } from '../../db/open.js';
import { importKioskConfig, readKioskConfig } from '../../admin/kiosk-config.js';
import { findCourt } from '../../../src-shared/courts/court-profile.js';
import { appendAudit } from '../../audit/audit-log.js';
import { creatableKioskDbFile, existingKioskDbFile, kioskDataDir } from '../data-dir.js';
import { fsProblem } from '../fs-problem.js';
import { installCourtProfilesFile } from '../../courts/profiles-file.js';
import { COURTS_FILE } from '../../courts/profile-editing.js';
import { join } from 'node:path';

const dataOption = { data: { type: 'string' } } as const;

export const exportCommand = defineCommand({
  path: ['admin', 'export-config'],
  summary: '导出终端配置 (export this kiosk\'s configuration)',
  help: `
yzt admin export-config [--data DIR] [--out FILE]

导出法院、中心网关地址和设备配置（不含设备身份和密钥），供其他终端导入。
Exports court, central gateway URL and device settings (never the device identity or
keys) as JSON, to stdout or FILE, for importing on other kiosks.
`,
  options: { ...dataOption, out: { type: 'string' } },
  async run({ values }, io) {
    const db = openDatabase(existingKioskDbFile(values), 'kiosk');
    try {
      const text = JSON.stringify(readKioskConfig(db), null, 2);
      if (typeof values.out === 'string') {
        try {
          writeFileSync(values.out, text + '\n');
        } catch (e) {
          throw fsProblem(e, values.out, '--out');
        }
      }
      else io.out(text);
      return 0;
    } finally {
      db.close();
    }
  },
});

export const importCommand = defineCommand({
  path: ['admin', 'import-config'],
  summary: '导入终端配置 (import a kiosk configuration file)',
  help: `
yzt admin import-config FILE [--data DIR]

校验整个文件后一次性写入；文件有误时不做任何修改。
Validates the whole file, then applies it in one transaction; a bad file changes nothing.
`,
  options: dataOption,
  async run({ values, positionals }, io) {
    const file = positionals[0];
    if (!file) {
      io.err('请指定配置文件 (name the configuration file)');
      return 2;
    }
    let input: unknown;
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      throw fsProblem(e, file, 'FILE');
    }
    try {
      input = JSON.parse(text);
    } catch {
      io.err(`配置文件 ${file} 不是有效的 JSON：请用 yzt admin export-config 导出的文件 (${file} is not valid JSON: use a file written by yzt admin export-config)`);
      return 1;
    }
    installCourtProfilesFile(join(kioskDataDir(values), COURTS_FILE));
    const db = openDatabase(creatableKioskDbFile(values), 'kiosk');
    try {
      const r = importKioskConfig(db, input, (id) => findCourt(id) !== undefined);
      if (!r.ok) {
        io.err(`${r.message_zh}\n${r.message_en}`);
        for (const i of r.issues) io.err(`  ${i}`);
        return 1;
      }
      appendAudit(db, { at: new Date().toISOString(), actor: 'admin:cli', action: 'config.imported', subject: null, details: { courtId: r.config.courtId } });
      io.out('配置已导入 (configuration imported)');
      return 0;
    } finally {
      db.close();
    }
  },
});
