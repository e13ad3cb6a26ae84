import { readFileSync } from 'node:fs';
import { UsageError, defineCommand, requireString } from '../command.js';
import { COURT_PRESETS, findCourt, type CourtProfile } from '../../../src-shared/courts/court-profile.js';
import { parseCourtProfile } from '../../../src-shared/courts/profile-schema.js';
import { checkFiling } from '../../../src-shared/rules/check-filing.js';
import type { CliIO } from '../command.js';
import { rulesCheckText } from './rules-check-text.js';


/** Reads and parses a JSON file; the error says which file and why, in both languages. */
function readJson(path: string, what_zh: string, io: CliIO): { ok: true; value: unknown } | { ok: false } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as { code?: string }).code ?? 'read error';
    io.err(`无法读取${what_zh}文件 ${path} (cannot read ${path}: ${code})`);
    return { ok: false };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    io.err(`${what_zh}文件不是有效的 JSON：${path} (${path} is not valid JSON)`);
    return { ok: false };
  }
}

function loadCourt(values: Record<string, unknown>, io: CliIO): CourtProfile | undefined {
  if (typeof values.profile === 'string') {
    const j = readJson(values.profile, '法院配置', io);
    if (!j.ok) return undefined;
    const p = parseCourtProfile(j.value);
    if (!p.ok) {
      io.err(`${p.message_zh} (${p.message_en})`);
      for (const i of p.issues) io.err(`  ${i.message_zh} (${i.message_en})`);
      return undefined;
    }
    return p.profile;
  }
  const id = requireString(values, 'court');
  const court = findCourt(id);
  if (!court) throw new UsageError(`未知法院 ${id}；可选：${COURT_PRESETS.map((c) => c.id).join(', ')} (unknown court)`);
  return court;
}

export const command = defineCommand({
  path: ['rules', 'check'],
  summary: '按法院规则检查一份立案材料 (check a filing against a court’s rules)',
  help: `
yzt rules check FILING.json (--court ID | --profile PROFILE.json) [--now ISO-TIME] [--json]

按法院的立案规则检查一份立案事实（FilingFacts JSON，见 src-shared/rules/README.md），输出引擎的
全部判断及其依据条文：检查结果（阻止/注意/提示）、类型代字及类别、立案前审批、分流团队及结案期限、
时间节点（节假日未确认的注明“以法院通知为准”）、待后续事件启动的节点及其起算点、流转阶段及审批、
可能的程序转换。
Checks filing facts (FilingFacts JSON, see src-shared/rules/README.md) against a court's rules
and prints everything the engine decides, each with its seed article: findings (block / warn /
info), the type code and class, approvals before filing, the team and its case limit, the time
nodes counted from now (calendarConfirmed), the nodes a later event starts with their anchor,
the stage with its exits and approvals, and the conversions the team may take.

  FILING.json          the filing facts
  --court ID           a built-in court (see \`yzt courts list\`), e.g. jiaozuo-shanyang
  --profile FILE       a court profile JSON instead of a built-in one (validated first)
  --now ISO-TIME       the clock for date checks, e.g. 2026-06-10T10:00:00+08:00 (default: now)
  --json               print the whole result as one JSON object

Exit status: 0 no finding blocks the filing; 1 blocked, invalid input or unreadable file;
2 wrong usage.
`,
  options: { court: { type: 'string' }, profile: { type: 'string' }, now: { type: 'string' }, json: { type: 'boolean' } },
  async run({ values, positionals }, io) {
    if (positionals.length !== 1) throw new UsageError('请给出一个立案材料 JSON 文件 (give one FILING.json)');
    let now: Date | undefined;
    if (typeof values.now === 'string') {
      now = new Date(values.now);
      if (Number.isNaN(now.getTime())) throw new UsageError('--now 需要 ISO 时间，如 2026-06-10T10:00:00+08:00 (--now takes an ISO time)');
    }
    const court = loadCourt(values, io);
    if (!court) return 1;
    const facts = readJson(positionals[0]!, '立案材料', io);
    if (!facts.ok) return 1;
    const r = checkFiling(facts.value, court, now ? { now } : {});
    if (values.json === true) {
      io.out(JSON.stringify(r, null, 2));
      return r.ok ? 0 : 1;
    }
    for (const line of rulesCheckText(court, r)) io.out(line);
    return r.ok ? 0 : 1;
  },
});
