import { defineCommand, optionalInt, requireString } from '../command.js';
import { openSerialIdCardReader } from '../../../hardware/id-card/index.js';
import { ReaderError } from '../../../hardware/id-card/reader-messages.js';
import { ethnicGroupName, genderName } from '../../../hardware/id-card/code-tables.js';

export const command = defineCommand({
  path: ['device', 'read-id'],
  summary: '读取一张身份证并输出 (read one ID card and print it)',
  help: `
yzt device read-id --port PATH [--baud N] [--timeout MS] [--json]

从串口阅读器读取一张二代身份证并输出（照片只输出长度）。读过的卡需拿起后重新放置。
Reads one second-generation ID card from the reader on a serial port and prints it (the photo
only as its length). A card already read must be lifted and placed again.

  --port PATH    serial port of the reader, e.g. /dev/ttyUSB0 (or a simulator's --link path)
  --baud N       baud rate (default 115200)
  --timeout MS   how long to wait for a card (default 10000)
  --json         print the card as one JSON object

Exit status: 0 card read; 1 no card, timeout or reader fault (a message in Chinese and English
on stderr); 2 wrong usage.
`,
  options: {
    port: { type: 'string' },
    baud: { type: 'string' },
    timeout: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run({ values }, io) {
    const path = requireString(values, 'port');
    const reader = openSerialIdCardReader({ path, baudRate: optionalInt(values, 'baud', 115200), pollIntervalMs: 200 });
    try {
      const { card, raw } = await reader.readOnce(optionalInt(values, 'timeout', 10_000));
      const photo = { format: 'wlt', bytes: raw.photoWlt.length };
      if (values.json === true) {
        io.out(JSON.stringify({ ...card, photo, ...(raw.fingerprint ? { fingerprintBytes: raw.fingerprint.length } : {}) }));
      } else {
        const gender = genderName(card.genderCode)?.zh ?? card.genderCode;
        const ethnic = card.ethnicCode ? (ethnicGroupName(card.ethnicCode) ?? card.ethnicCode) : '';
        const rows: [string, string | undefined][] = [
          ['类型 kind', card.kind], ['姓名 name', card.name], ['英文名 English name', card.nameEn],
          ['性别 gender', gender], ['民族 ethnic group', ethnic || undefined], ['出生 birth', card.birthDate],
          ['住址 address', card.address || undefined], ['号码 number', card.idNumber], ['国籍 nationality', card.nationality],
          ['签发机关 authority', card.authority], ['有效期 valid', `${card.validFrom}-${card.validTo}`],
          ['通行证号 permit', card.permitNumber], ['签发次数 issue count', card.issueCount], ['照片 photo', `WLT ${photo.bytes} bytes`],
        ];
        for (const [k, v] of rows) if (v !== undefined) io.out(`${k}: ${v}`);
      }
      return 0;
    } catch (e) {
      if (!(e instanceof ReaderError)) throw e;
      io.err(`${e.message_zh} (${e.message_en}) [${e.code}]`);
      return 1;
    } finally {
      await reader.stop();
    }
  },
});
