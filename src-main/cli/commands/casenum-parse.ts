import { UsageError, defineCommand } from '../command.js';
import { readCaseNumber } from '../../../src-shared/casenum/case-number.js';
import { enforcementTypeInfo } from '../../../src-shared/casenum/type-codes.js';
import { courtNameOf } from '../../../src-shared/courts/court-names.js';

export const command = defineCommand({
  path: ['casenum', 'parse'],
  summary: '解析并校验案号 (parse and check a case number)',
  help: `
yzt casenum parse TEXT [--json]

解析一个案号（执行案号或执行依据文号），输出规范写法（全角括号）及各部分；格式不对时说明原因。
2016年以前的“字第”旧式案号按旧式读出（年度、法院简称、类型字、序号，序号保留原写法的前导0）。
Parses a case number (an enforcement number or a basis document number) with the same parser
as the kiosk, the counter and the central (SPC case-number rules, 2016), prints the canonical
full-width form and its parts, or the precise reason it is wrong. A pre-2016 字第 number is read
as legacy (year, court abbreviation, type characters, sequence as written). Other brackets,
spaces and full-width digits are read, with a warning that shows the canonical form.

  TEXT     the case number; quote it, e.g. "(2024)豫0811执123号"
  --json   print one JSON object: {ok, format, canonical, value|legacy, warnings} or
           {ok:false, error, message_zh, message_en}

Exit status: 0 valid (warnings go to stderr); 1 not a valid case number; 2 wrong usage.
`,
  options: { json: { type: 'boolean' } },
  async run({ values, positionals }, io) {
    if (positionals.length !== 1) throw new UsageError('请给出一个案号 (give exactly one case number)');
    const r = readCaseNumber(positionals[0]);
    if (values.json === true) {
      io.out(JSON.stringify(r));
      return r.ok ? 0 : 1;
    }
    if (!r.ok) {
      io.err(`${r.message_zh} (${r.message_en}) [${r.error}]`);
      return 1;
    }
    io.out(r.canonical);
    if (r.format === 'legacy') {
      const v = r.legacy;
      io.out('格式 format: 2016年以前的旧式案号 (pre-2016 legacy number)');
      io.out(`年度 year: ${v.year}`);
      io.out(`法院简称 court abbreviation: ${v.court || '（未写）(none written)'}`);
      io.out(`类型字 type characters: ${v.typeChars}`);
      io.out(`序号 sequence: ${v.seqText}`);
    } else {
      const v = r.value;
      const type = enforcementTypeInfo(v.typeCode);
      io.out(`年度 year: ${v.year}`);
      io.out(`法院代字 court code: ${v.courtCode} (${courtNameOf(v.courtCode).zh})`);
      if (v.specialCode) io.out(`专门审判代字 special code: ${v.specialCode}`);
      io.out(`类型代字 type code: ${v.typeCode}${type ? ` (${type.name_zh}, ${type.name_en}; ${type.class})` : ''}`);
      io.out(`序号 sequence: ${v.seq}`);
    }
    for (const w of r.warnings) io.err(`注意 warning: ${w.message_zh} (${w.message_en}) [${w.code}]`);
    return 0;
  },
});
