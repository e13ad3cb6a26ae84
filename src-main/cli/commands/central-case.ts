import { UsageError, defineCommand } from '../command.js';
import { caseActionSchema } from '../../../src-shared/sync/protocol.js';
import { STORE_HELP, STORE_OPTIONS, withStore } from './central-store-options.js';
import { announceChange } from '../../central/pg-notify.js';

export const command = defineCommand({
  path: ['central', 'case'],
  summary: '法院端案件操作 (court-side case actions)',
  help: `
yzt central case accept|return|triage|assign|close NUMBER (--db FILE | --pg URL) [--reason TEXT]... [--team T] [--json]

立案庭的案件操作：受理、退回补正（附理由）、分流、指定承办团队、结案。终端通过同步看到状态变化。
Court-side case actions: accept, return for correction (with reasons), triage, assign a team,
close. Kiosks see the change through sync (pull by cursor).

  NUMBER        official case number, provisional number, or filing id
${STORE_HELP}
  --reason TEXT reason for returning (repeat for several); required with return
  --team T      team id; required with triage and assign
  --json        print the change as JSON

Exit status: 0 done; 1 no such case or not allowed in its status; 2 wrong usage.
`,
  options: { reason: { type: 'string', multiple: true }, team: { type: 'string' }, json: { type: 'boolean' }, ...STORE_OPTIONS },
  async run({ values, positionals }, io) {
    const [action, number] = positionals;
    if (positionals.length !== 2) throw new UsageError('用法：yzt central case 操作 案号 (give an action and a number)');
    const parsed = caseActionSchema.safeParse({
      action,
      number,
      ...(action === 'return' ? { reasons_zh: values.reason ?? [] } : {}),
      ...(action === 'assign' || action === 'triage' ? { team: values.team } : {}),
    });
    if (!parsed.success) throw new UsageError(`操作或参数不正确 (bad action or options): ${parsed.error.issues[0]?.message ?? ''}`);
    const r = await withStore(values, async (s) => {
      const outcome = await s.applyCaseAction(parsed.data, new Date());
      // The gateways on this PostgreSQL wake the kiosks' pulls; on SQLite they re-check by themselves.
      if (outcome.ok) await announceChange(s, outcome.courtCode);
      return outcome;
    });
    if (!r.ok) {
      io.err(`${r.message_zh} (${r.message_en}) [${r.code}]`);
      return 1;
    }
    io.out(values.json === true ? JSON.stringify(r.change) : `${r.change.officialNo}: ${r.change.status} (version ${r.change.version})`);
    return 0;
  },
});
