import { defineCommand } from '../command.js';
import { readCourtProfilesFile } from '../../courts/profiles-file.js';

export const command = defineCommand({
  path: ['courts', 'check'],
  summary: '校验编辑过的法院配置文件 (validate an edited court profiles file)',
  help: `
yzt courts check FILE [--json]

校验技术人员编辑的法院配置（从 yzt courts list --json 开始修改）：代字、类型代字表、金额线、
团队、时间节点、节假日。通过后放到终端数据目录下的 courts.json，并用
yzt central serve --courts FILE 让中心网关使用同一份。
Validates court profiles edited by IT staff (start from \`yzt courts list --json\`): code,
type table, thresholds, teams, deadlines, holidays. Once it passes, put it in the kiosk's data
folder as courts.json and give the central gateway the same file with --courts.
Exit status: 0 valid; 1 invalid (every problem listed).
`,
  options: { json: { type: 'boolean' } },
  async run({ values, positionals }, io) {
    const file = positionals[0];
    if (!file) {
      io.err('请指定法院配置文件 (name the file)');
      return 2;
    }
    const r = readCourtProfilesFile(file);
    if (values.json) io.out(JSON.stringify(r.ok ? { ok: true, courts: r.profiles.map((p) => p.id) } : r));
    else if (r.ok) io.out(`法院配置有效：${r.profiles.map((p) => `${p.name}（${p.code}）`).join('、')} (valid)`);
    else {
      io.err(`${r.message_zh}\n${r.message_en}`);
      for (const i of r.issues) io.err(`  ${i}`);
    }
    return r.ok ? 0 : 1;
  },
});
