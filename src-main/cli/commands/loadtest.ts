import { defineCommand, optionalInt } from '../command.js';
import { createLogger } from '../../log/logger.js';
import { runLoadtest } from '../../sync/loadtest.js';
import { startCentral } from '../../central/central-server.js';
import { openCentralStore } from '../../central/open-store.js';
import { STORE_HELP, STORE_OPTIONS, storeChoice } from './central-store-options.js';

export const command = defineCommand({
  path: ['loadtest'],
  summary: '同步压力测试 (sync load test)',
  help: `
yzt loadtest --kiosks N --filings M (--db FILE | --pg URL) [--central URL] [--batch B] [--warmup W] [--rounds R] [--json]

用 N 个真实的终端同步客户端（各自的终端数据库）各推送 M 件排队的申请，报告吞吐量，并核对：
每件申请只有一个正式案号，终端与中心一致，每个（法院、类型、年度）序号连续、无重复。
Runs N real kiosk sync clients (each with its own kiosk database) pushing M queued filings each
over HTTP, reports the throughput, and checks: every filing numbered exactly once, the kiosk's
number equal to the central's, every (court, type, year) sequence gapless and duplicate-free.

  --kiosks N     number of kiosks (default 10)
  --filings M    filings queued on each kiosk (default 100)
${STORE_HELP}
                 (the central's store: codes are issued and the result checked on it)
  --central URL  a running central on that store; without it one is started in this process
  --batch B      mutations per push (default 500, the kiosk's own)
  --warmup W     每台终端先推送 W 件、不计时（已握手、中心已预热）
                 filings each kiosk pushes first, untimed: kiosks that have shaken hands and a
                 central that has been running (default 0); they are checked with the rest
  --rounds R     计时轮数，每轮每台终端 M 件 timed rounds of M filings a kiosk (default 1)
  --json         print the report as JSON

Exit status: 0 all checks passed; 1 a check failed; 2 wrong usage.
`,
  options: { kiosks: { type: 'string' }, filings: { type: 'string' }, central: { type: 'string' }, batch: { type: 'string' }, warmup: { type: 'string' }, rounds: { type: 'string' }, json: { type: 'boolean' }, ...STORE_OPTIONS },
  async run({ values }, io) {
    const log = createLogger({ level: 'warn', stderr: true });
    const choice = storeChoice(values);
    const own = typeof values.central === 'string' ? null : await startCentral({ ...choice, port: 0, log });
    const store = own ? own.store : await openCentralStore(choice);
    try {
      const report = await runLoadtest({
        kiosks: optionalInt(values, 'kiosks', 10),
        filings: optionalInt(values, 'filings', 100),
        centralUrl: own ? own.url : (values.central as string),
        store,
        batchCount: optionalInt(values, 'batch', 500),
        warmup: optionalInt(values, 'warmup', 0),
        rounds: optionalInt(values, 'rounds', 1),
        log,
      });
      if (values.json === true) io.out(JSON.stringify(report));
      else {
        io.out(`${report.kiosks} kiosks x ${report.filings / report.kiosks} filings = ${report.filings} in ${report.seconds.toFixed(2)} s: ${report.filingsPerSecond.toFixed(1)} filings/s`);
        if (report.roundRates.length > 1) io.out(`rounds: ${report.roundRates.map((r) => r.toFixed(1)).join(', ')} filings/s`);
        if (report.warmupSeconds > 0) io.out(`warm-up, untimed: ${report.kiosks} kiosks x ${optionalInt(values, 'warmup', 0)} filings in ${report.warmupSeconds.toFixed(2)} s`);
        io.out(report.problems.length === 0 ? '核对通过 checks passed: every filing once, sequences gapless and duplicate-free' : `核对失败 checks FAILED:\n${report.problems.slice(0, 20).join('\n')}`);
      }
      return report.problems.length === 0 ? 0 : 1;
    } finally {
      if (own) await own.close();
      else await store.close();
    }
  },
});
