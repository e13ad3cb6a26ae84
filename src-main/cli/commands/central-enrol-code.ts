import { defineCommand, requireString } from '../command.js';
import { issueEnrolCode } from '../../central/enrolment.js';
import { STORE_HELP, STORE_OPTIONS, withStore } from './central-store-options.js';

export const command = defineCommand({
  path: ['central', 'enrol-code'],
  summary: '生成终端登记码 (print a one-time kiosk enrolment code)',
  help: `
yzt central enrol-code --court ID (--db FILE | --pg URL) [--device ID] [--ttl-hours N] [--json]

为某法院生成一次性终端登记码；在终端上运行 yzt kiosk enrol --code 码 --central 地址 完成登记。
Prints a one-time enrolment code for a kiosk of the court; on the kiosk run
\`yzt kiosk enrol --code CODE --central URL\`. The device then files for this court only.

已登记的设备不能用普通登记码重新登记。设备换盘或重装后，先用 yzt central revoke 吊销它，
再用 --device 为它签发专用登记码（记入设备事件）。
A device id already enrolled is never re-bound by a plain code. To re-enrol a device (new
disk, new secret): revoke it with \`yzt central revoke\`, then issue a code with --device for
that device (recorded as a device event).

  --court ID      court profile id (see \`yzt courts list\`)
${STORE_HELP}
  --device ID     a re-enrolment code for this revoked device of the court only
  --ttl-hours N   the code is void after N hours (default 72)
  --json          print {code, expiresAt, courtCode}
`,
  options: { court: { type: 'string' }, device: { type: 'string' }, 'ttl-hours': { type: 'string' }, json: { type: 'boolean' }, ...STORE_OPTIONS },
  async run({ values }, io) {
    const court = requireString(values, 'court');
    const ttl = Number(values['ttl-hours'] ?? 72);
    const r = await withStore(values, (s) => issueEnrolCode(s, court, new Date(), Number.isFinite(ttl) && ttl > 0 ? ttl : 72, typeof values.device === 'string' ? values.device : null));
    if (!r.ok) {
      io.err(`${r.message_zh} (${r.message_en})`);
      return 1;
    }
    io.out(values.json === true ? JSON.stringify({ code: r.code, expiresAt: r.expiresAt, courtCode: r.courtCode }) : `${r.code}  (valid until ${r.expiresAt})`);
    return 0;
  },
});
