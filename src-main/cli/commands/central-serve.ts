import { defineCommand } from '../command.js';
import { listenProblem, portOption } from '../port-option.js';
import { startCentral } from '../../central/central-server.js';
import { createLogger } from '../../log/logger.js';
import { installCourtProfilesFile } from '../../courts/profiles-file.js';
import { installCalendarFile } from '../../calendar/calendar-file.js';
import { readSmsConfig } from '../../central/sms/sms-config.js';
import { STORE_HELP, STORE_OPTIONS, storeChoice, storeProblem } from './central-store-options.js';

/** `--share-related 豫08,豫0811` → [['豫08', '豫0811']]; blanks dropped. */
function sharingGroups(given: unknown): string[][] {
  const list = Array.isArray(given) ? given.filter((x): x is string => typeof x === 'string') : [];
  return list.map((g) => g.split(/[,，]/).map((c) => c.trim()).filter(Boolean)).filter((g) => g.length > 1);
}

function trustedProxies(given: unknown): string[] {
  return (Array.isArray(given) ? given : []).filter((x): x is string => typeof x === 'string').map((x) => x.trim()).filter(Boolean);
}

export const command = defineCommand({
  path: ['central', 'serve'],
  summary: '启动法院中心网关 (run the central gateway)',
  help: `
yzt central serve --port N (--db FILE | --pg URL) [--host ADDR] [--admin-token T] [--courts FILE]
                  [--share-related CODE,CODE,...]... [--trust-proxy ADDR]... [--sms FILE]

启动法院中心网关：登记终端，校验每个请求的签名，按法院、类型代字、年度分配正式案号，
并向终端提供案件状态变化（长轮询）。
Runs the central gateway: enrols kiosks, checks every request's signature, assigns official
case numbers on one gapless sequence per (court, type code, year), and serves case status
changes to the kiosks by cursor with long-poll.

  --port N        TCP port (0 picks a free one; the URL is printed on start)
${STORE_HELP}
  --host ADDR     address to listen on (default 127.0.0.1)
  --admin-token T bearer token for the court-side case API (POST /v1/court/case);
                  default $YZT_CENTRAL_ADMIN_TOKEN; without one that API is off
  --courts FILE   court profiles edited by IT staff (JSON array, see yzt courts check);
                  they replace the built-in profiles of the same id
  --calendar FILE holiday years loaded since the release (yzt calendar import --file FILE):
                  the central's deadlines use them
  --share-related CODES  法院代字，逗号分隔：这些法院之间共享关联案件检索（默认不共享，每次跨院检索都记入日志）
                  court codes, comma-separated, whose related-case searches see each other's
                  cases (e.g. a city's courts under one intermediate court); repeat for more
                  groups. Off by default; every search that crosses courts is logged
  --trust-proxy ADDR 负载均衡器的地址（可重复）：来自它的请求按 X-Forwarded-For 识别来源，
                  用于登记码和令牌的尝试次数限制
                  a load balancer's address (repeat for several): for requests from it the
                  source is read from X-Forwarded-For, for the limits on enrolment-code and
                  token attempts. Several gateways may serve one PostgreSQL (docs/deployment.md)
  --sms FILE      短信网关（CMPP 2.0）配置，JSON：host, port, sourceAddr（企业代码）, secret（或环境变量
                  YZT_SMS_SECRET）, serviceId, srcId（接入号）；不给则进度短信留在待发队列中
                  the SMS gateway (CMPP 2.0 ISMG) as JSON: host, port, sourceAddr (SP id), secret (or
                  YZT_SMS_SECRET), serviceId, srcId; without it progress SMS wait in the outbox
`,
  options: { port: { type: 'string' }, host: { type: 'string' }, 'admin-token': { type: 'string' }, courts: { type: 'string' }, calendar: { type: 'string' }, 'share-related': { type: 'string', multiple: true }, 'trust-proxy': { type: 'string', multiple: true }, sms: { type: 'string' }, ...STORE_OPTIONS },
  async run({ values }, io) {
    const log = createLogger({ stderr: true });
    const token = typeof values['admin-token'] === 'string' ? values['admin-token'] : process.env.YZT_CENTRAL_ADMIN_TOKEN;
    const port = portOption(values, 'port', 0);
    const host = typeof values.host === 'string' ? values.host : '127.0.0.1';
    const choice = storeChoice(values);
    let central;
    try {
      installCourtProfilesFile(typeof values.courts === 'string' ? values.courts : undefined);
      installCalendarFile(typeof values.calendar === 'string' ? values.calendar : undefined);
      const sms = typeof values.sms === 'string' ? readSmsConfig(values.sms) : undefined;
      central = await startCentral({ ...choice, port, host, log, adminToken: token, relatedSharing: sharingGroups(values['share-related']), trustProxies: trustedProxies(values['trust-proxy']), sms });
    } catch (e) {
      const words = listenProblem(e, port, host) ?? storeProblem(e, choice);
      if (words) {
        io.err(`中心网关无法启动：${words.message_zh} (the central gateway cannot start: ${words.message_en}) [${words.code}]`);
        return 1;
      }
      const zh = (e as { message_zh?: string }).message_zh;
      io.err(`${zh ?? '中心网关无法启动'} (${e instanceof Error ? e.message : String(e)})`);
      return 1;
    }
    io.out(`central gateway listening on ${central.url} (${central.store.kind})`);
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await central.close();
    return 0;
  },
});
