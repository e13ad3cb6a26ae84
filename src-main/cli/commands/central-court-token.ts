import { defineCommand, requireString } from '../command.js';
import { issueCourtToken } from '../../central/court-auth.js';
import { STORE_HELP, STORE_OPTIONS, withStore } from './central-store-options.js';

export const command = defineCommand({
  path: ['central', 'court-token'],
  summary: '生成本院窗口终端的访问凭据 (issue a court-scoped API token for counter terminals)',
  help: `
yzt central court-token --court ID (--db FILE | --pg URL) [--json]

为某法院生成窗口终端访问凭据，只能读写本院的案件与窗口记录；在窗口终端的设置 counter.centralToken 中填写。
Prints a bearer token that acts for this court only (clerk records, filings, case actions);
put it in the counter terminal's setting counter.centralToken. Only its hash is stored.

  --court ID      court profile id (see \`yzt courts list\`)
${STORE_HELP}
  --json          print {token, courtCode}
`,
  options: { court: { type: 'string' }, json: { type: 'boolean' }, ...STORE_OPTIONS },
  async run({ values }, io) {
    const r = await withStore(values, (s) => issueCourtToken(s, requireString(values, 'court'), new Date()));
    if (!r.ok) {
      io.err(`${r.message_zh} (${r.message_en})`);
      return 1;
    }
    io.out(values.json === true ? JSON.stringify({ token: r.token, courtCode: r.courtCode }) : r.token);
    return 0;
  },
});
