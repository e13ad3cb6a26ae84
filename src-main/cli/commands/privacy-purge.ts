import { defineCommand, UsageError } from '../command.js';
import { withKioskDb } from '../../counter/cli-db.js';
import { purgeAfterDaysSchema, type PurgeCounts } from '../../../src-shared/admin/contract.js';
import { runPurge } from '../../privacy/run-purge.js';

function describeCounts(c: PurgeCounts): string {
  return (
    `申请 ${c.filings} 份，照片 ${c.documents} 张，草稿 ${c.drafts} 份，暂存交接 ${c.handovers} 份，窗口记录 ${c.counterRecords} 条` +
    ` (filings ${c.filings}, photos ${c.documents}, drafts ${c.drafts}, hand-overs ${c.handovers}, counter records ${c.counterRecords})`
  );
}

export const command = defineCommand({
  path: ['privacy', 'purge'],
  summary: '清除法院已确认申请的个人信息 (purge personal data of confirmed filings)',
  help: `
yzt privacy purge [--data DIR] [--dry-run] [--json] [--days N]

清除法院系统已确认（已有正式案号）且确认已超过设定天数的申请中的个人信息：姓名、证件号码、
地址、电话、账号、照片和窗口笔录内容；保留案号、状态、日期和金额，申请人仍可凭身份证查询。
同时删除无人取回的草稿和暂存交接。未同步或未确认的申请无论多久都不清除。清除后整理数据库文件
(VACUUM)，删除的内容不再留在文件里。
Removes personal data of filings the central confirmed more than the set number of days ago
(names, ID numbers, addresses, phones, accounts, photos, counter notes); numbers, status,
dates and amounts stay, so the ID-card status query still finds them. Abandoned drafts and
hand-overs go too. Unsynced or unconfirmed filings are never purged. Runs VACUUM afterwards.

  --data DIR  kiosk data folder (default $YZT_DATA or ./data/kiosk)
  --dry-run   count what would be removed, change nothing
  --json      print the report as JSON
  --days N    days after confirmation (default: setting privacy.purgeAfterDays, else 30)
`,
  options: { data: { type: 'string' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' }, days: { type: 'string' } },
  async run({ values }, io) {
    let afterDays: number | undefined;
    if (values.days !== undefined) {
      const parsed = purgeAfterDaysSchema.safeParse(Number(values.days));
      if (!parsed.success) throw new UsageError('--days 需要 1 到 3650 之间的整数 (--days takes a whole number from 1 to 3650)');
      afterDays = parsed.data;
    }
    return withKioskDb(values, io, (db) => {
      const dryRun = values['dry-run'] === true;
      const report = runPurge(db, { now: new Date(), dryRun, vacuum: true, ...(afterDays ? { afterDays } : {}) });
      if (values.json) io.out(JSON.stringify(report));
      else io.out(`${dryRun ? '试运行，未做修改；将清除 (dry run, nothing changed; would purge)' : '已清除 (purged)'}：${describeCounts(report.counts)}；期限 ${report.afterDays} 天 (after ${report.afterDays} days)`);
      return 0;
    });
  },
});
