import { defineCommand, requireString } from '../command.js';
import { creatableKioskDbFile } from '../data-dir.js';
import { openKioskDbOrSay } from '../../sync/kiosk-db-check.js';
import { enrolKiosk } from '../../sync/enrol-kiosk.js';

export const command = defineCommand({
  path: ['kiosk', 'enrol'],
  summary: '用登记码登记终端 (enrol this kiosk with the central)',
  help: `
yzt kiosk enrol --code CODE --central URL [--data DIR] [--json]

用法院技术人员给出的一次性登记码，换取本终端的设备凭证并保存在终端设置中。凭证不会因离线而过期。
Exchanges a one-time code from the court's IT staff for this kiosk's device credential and
keeps it in the kiosk settings. The credential does not expire while the kiosk is offline.

  --code CODE    the code printed by \`yzt central enrol-code\`
  --central URL  the central gateway, e.g. http://10.0.0.5:8700
  --data DIR     kiosk data folder (default $YZT_DATA or ./data/kiosk)
  --json         print {ok, deviceId, courtId, courtCode} or {ok:false, code, message_zh, message_en}

Exit status: 0 enrolled; 1 refused or unreachable; 2 wrong usage.
`,
  options: { code: { type: 'string' }, central: { type: 'string' }, data: { type: 'string' }, json: { type: 'boolean' } },
  async run({ values }, io) {
    const code = requireString(values, 'code');
    const central = requireString(values, 'central');
    const db = openKioskDbOrSay(creatableKioskDbFile(values), io.err);
    if (!db) return 1;
    try {
      const r = await enrolKiosk(db, { centralUrl: central, code });
      if (values.json === true) io.out(JSON.stringify(r));
      else if (r.ok) io.out(`enrolled device ${r.deviceId} for court ${r.courtCode}`);
      else io.err(`${r.message_zh} (${r.message_en}) [${r.code}]`);
      return r.ok ? 0 : 1;
    } finally {
      db.close();
    }
  },
});
