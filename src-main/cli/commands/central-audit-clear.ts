import { defineCommand, requireString } from '../command.js';
import { STORE_HELP, STORE_OPTIONS, withStore } from './central-store-options.js';

export const command = defineCommand({
  path: ['central', 'audit-clear'],
  summary: '核查后清除终端审计链告警 (clear a kiosk\'s audit rewind/fork after looking into it)',
  help: `
yzt central audit-clear --device ID (--db FILE | --pg URL)

技术人员核查了 \`yzt central kiosks\` 报告的审计链回退或分叉之后，清除该告警；清除本身记入终端事件。
之后的心跳以终端当前的审计链为准继续核对。
After IT has looked into an audit rewind or fork that \`yzt central kiosks\` reports, clears it;
the clearing is recorded among the device's events. Later heartbeats are compared with the
kiosk's current chain.

  --device ID   the kiosk's device id
${STORE_HELP}

Exit status: 0 cleared; 1 no audit problem reported for that device; 2 wrong usage.
`,
  options: { device: { type: 'string' }, ...STORE_OPTIONS },
  async run({ values }, io) {
    const id = requireString(values, 'device');
    if (!(await withStore(values, (s) => s.clearAuditProblem(id, new Date())))) {
      io.err(`这台终端没有审计链告警 (no audit problem reported for this device): ${id}`);
      return 1;
    }
    io.out(`已清除审计链告警 (audit problem cleared) ${id}`);
    return 0;
  },
});
