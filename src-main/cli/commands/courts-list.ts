import { defineCommand } from '../command.js';
import { COURT_PRESETS, resolveCourt } from '../../../src-shared/courts/court-profile.js';

export const command = defineCommand({
  path: ['courts', 'list'],
  summary: '列出内置法院配置 (list the built-in court profiles)',
  help: `
yzt courts list [--json]

列出内置的法院配置（五个种子法院）：代字、名称、级别、代字是否已确认、可立案类型代字、分流团队。
Lists the built-in court profiles (the five seed courts): code, name, level, whether the code
is confirmed, the type codes the court may file, and its teams.

  --json   print the full profiles as a JSON array; each element is a profile that
           \`yzt rules check --profile\` reads once saved to its own file

Exit status: 0.
`,
  options: { json: { type: 'boolean' } },
  async run({ values }, io) {
    if (values.json === true) {
      io.out(JSON.stringify(COURT_PRESETS, null, 2));
      return 0;
    }
    for (const p of COURT_PRESETS) {
      const r = resolveCourt(p);
      const confirmed = p.codeConfirmed ? '' : ' 代字未确认 (code unconfirmed)';
      io.out(`${p.id}  ${p.code}  ${p.name}  ${p.level}  seed ${p.seed ?? '-'}${confirmed}`);
      io.out(`    类型 types: ${r.types.map((t) => t.code).join(' ')}`);
      io.out(`    团队 teams: ${r.teams.map((t) => t.name_zh).join(' / ')}${r.routing.mode === 'stages' ? ' (按阶段流转 stages)' : ''}`);
    }
    return 0;
  },
});
