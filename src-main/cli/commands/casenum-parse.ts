import { UsageError, defineCommand } from '../command.js';
import { parseCaseNumber } from '../../../src-shared/casenum/case-number.js';
import { enforcementTypeInfo } from '../../../src-shared/casenum/type-codes.js';
import { findCourtByCode } from '../../../src-shared/courts/court-profile.js';

export const command = defineCommand({
  path: ['casenum', 'parse'],
  summary: '解析并校验案号 (parse and check a case number)',
  help: `
yzt casenum parse TEXT [--json]

解析一个案号（执行案号或执行依据文号），输出规范写法（全角括号）及各部分；格式不对时说明原因。
Parses a case number (an enforcement number or a basis document number), prints the canonical
full-width form and its parts, or the precise reason it is wrong. Half-width brackets, spaces
and full-width digits are accepted.

  TEXT     the case number; quote it, e.g. "(2024)豫0811执123号"
  --json   print one JSON object: {ok, canonical, value} or {ok:false, error, message_zh, message_en}

Exit status: 0 valid; 1 not a valid case number; 2 wrong usage.
`,
  options: { json: { type: 'boolean' } },
  async run({ values, positionals }, io) {
    if (positionals.length !== 1) throw new UsageError('请给出一个案号 (give exactly one case number)');
    const r = parseCaseNumber(positionals[0]);
    if (values.json === true) {
      io.out(JSON.stringify(r));
      return r.ok ? 0 : 1;
    }
    if (!r.ok) {
      io.err(`${r.message_zh} (${r.message_en}) [${r.error}]`);
      return 1;
    }
    const v = r.value;
    const type = enforcementTypeInfo(v.typeCode);
    const court = findCourtByCode(v.courtCode);
    io.out(r.canonical);
    io.out(`年度 year: ${v.year}`);
    io.out(`法院代字 court code: ${v.courtCode}${court ? ` (${court.name})` : ''}`);
    if (v.specialCode) io.out(`专门审判代字 special code: ${v.specialCode}`);
    io.out(`类型代字 type code: ${v.typeCode}${type ? ` (${type.name_zh}, ${type.name_en}; ${type.class})` : ''}`);
    io.out(`序号 sequence: ${v.seq}`);
    return 0;
  },
});
