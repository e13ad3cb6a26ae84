import { defineCommand, requireString } from '../command.js';
import { STORE_HELP, STORE_OPTIONS, withStore } from './central-store-options.js';

export const command = defineCommand({
  path: ['central', 'revoke'],
  summary: '停用终端凭证 (revoke a kiosk credential)',
  help: `
yzt central revoke --device ID (--db FILE | --pg URL)

停用一台终端：此后它的每个请求都被拒绝，终端上显示“本终端已被法院停用”。重新登记需新的登记码。
Revokes a kiosk: every request it signs is refused from now on, and its sync indicator says so.
Enrolling it again takes a new code.

  --device ID   the kiosk's device id (shown by \`yzt sync status\` on the kiosk)
${STORE_HELP}

Exit status: 0 revoked; 1 no such enrolled device (or already revoked); 2 wrong usage.
`,
  options: { device: { type: 'string' }, ...STORE_OPTIONS },
  async run({ values }, io) {
    const id = requireString(values, 'device');
    const done = await withStore(values, (s) => s.revokeDevice(id, new Date()));
    if (!done) {
      io.err(`没有这台终端或已停用 (no such device, or already revoked): ${id}`);
      return 1;
    }
    io.out(`revoked ${id}`);
    return 0;
  },
});
