import { defineCommand } from '../command.js';
import { kioskHealthWithPrinter } from '../../admin/health.js';
import { kioskDataDir, kioskDbFile } from '../data-dir.js';

export const command = defineCommand({
  path: ['health'],
  summary: '检查终端健康状况 (kiosk health report)',
  help: `
yzt health [--data DIR] [--json]

检查数据库完整性、磁盘空间、身份证阅读器、收据打印机（缺纸、无应答）、同步队列和审计日志；
有“失败”项时退出码为 1。
Checks database integrity, disk space, the ID card reader, the receipt printer (paper out,
not answering), the sync queue and the audit chain; exits 1 when any check fails.

  --data DIR  kiosk data folder (default $YZT_DATA or ./data/kiosk)
  --json      print the report as JSON
`,
  options: { data: { type: 'string' }, json: { type: 'boolean' } },
  async run({ values }, io) {
    const dataDir = kioskDataDir(values);
    const report = await kioskHealthWithPrinter({ dbFile: kioskDbFile(dataDir), dataDir });
    if (values.json) io.out(JSON.stringify(report, null, 2));
    else for (const c of report.checks) io.out(`${c.status.toUpperCase().padEnd(4)} ${c.name.padEnd(10)} ${c.message_zh} (${c.message_en})`);
    return report.ok ? 0 : 1;
  },
});
