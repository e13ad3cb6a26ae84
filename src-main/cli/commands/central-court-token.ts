import { defineCommand, requireString } from '../command.js';
import { hashToken, issueCourtToken } from '../../central/court-auth.js';
import { STORE_HELP, STORE_OPTIONS, withStore } from './central-store-options.js';

export const command = defineCommand({
  path: ['central', 'court-token'],
  summary: '生成或吊销本院窗口终端的访问凭据 (issue or revoke a court-scoped API token for counter terminals)',
  help: `
yzt central court-token --court ID [--name NAME] (--db FILE | --pg URL) [--json]
yzt central court-token --revoke TOKEN (--db FILE | --pg URL)

为某法院生成窗口终端访问凭据，只能读写本院的案件与窗口记录；在窗口终端的设置 counter.centralToken 中填写。
窗口电脑丢失或停用时，用 --revoke 吊销其凭据。
Prints a bearer token that acts for this court only (clerk records, filings, case actions);
put it in the counter terminal's setting counter.centralToken. Only its hash is stored.
--revoke stops a token at once (a counter PC lost or retired).

  --court ID      court profile id (see \`yzt courts list\`)
  --name NAME     the counter terminal it is for, e.g. 窗口1: the clerk records it sends are
                  stored under this name (what the terminal says of its clerk is kept beside it)
  --revoke TOKEN  the token to revoke
${STORE_HELP}
  --json          print {token, courtCode}
`,
  options: { court: { type: 'string' }, name: { type: 'string' }, revoke: { type: 'string' }, json: { type: 'boolean' }, ...STORE_OPTIONS },
  async run({ values }, io) {
    if (typeof values.revoke === 'string') {
      const token = values.revoke;
      const revoked = await withStore(values, (s) => s.revokeCourtToken(hashToken(token), new Date()));
      if (!revoked) {
        io.err('没有这个有效凭据，可能已吊销 (no such live token; revoked already?)');
        return 1;
      }
      io.out('凭据已吊销 (token revoked)');
      return 0;
    }
    const r = await withStore(values, (s) => issueCourtToken(s, requireString(values, 'court'), new Date(), typeof values.name === 'string' ? values.name : null));
    if (!r.ok) {
      io.err(`${r.message_zh} (${r.message_en})`);
      return 1;
    }
    io.out(values.json === true ? JSON.stringify({ token: r.token, courtCode: r.courtCode }) : r.token);
    return 0;
  },
});
