/**
 * What may be filed as one case: never-file matters (seed 001 art. 10), one case per basis
 * document (seed 001 art. 11), and no artificial splitting with its four exceptions
 * (seed 000 art. 14).
 */
import { chinaYear, readCaseNumber } from '../../casenum/case-number.js';
import type { RuleContext } from '../context.js';
import { finding, type Finding } from '../finding.js';
import type { RuleDef } from './rule.js';

/** Matter, English, source, and where the applicant goes instead (said at once, at the step). */
const NEVER_FILE: Record<string, [string, string, string, string, string]> = {
  'fee-refund': ['退还诉讼费用', 'refund of litigation fees', 'seed 001 art. 10(1)', '请到诉讼服务中心（立案窗口）申请退费，由原审理案件的审判庭办理', 'apply for the refund at the litigation service centre (filing counter); the trial division that heard the case handles it'],
  'entrusted-assistance': ['协助查询、冻结、查封、调查或送达等事项委托', 'entrusted query, freeze, seal, investigation or service', 'seed 001 art. 10(2)', '委托函件请交执行局综合室（窗口工作人员可以指引）', 'hand the letter of entrustment to the enforcement bureau office (the counter will show you)'],
  'lift-preservation': ['解除保全措施', 'lifting preservation measures', 'seed 001 art. 10(3)', '请向作出保全裁定的法院或审判庭提出申请，可到窗口咨询', 'apply to the court or division that ordered the preservation; ask at the counter'],
  'no-case-needed': ['无需立案执行即可办理的事项', 'a matter handled without a case', 'seed 001 art. 10(5)', '请到窗口说明您要办理的事项，工作人员直接为您办理', 'tell the counter what you need; the staff handle it directly'],
};

/**
 * Numbers are compared as read with today's clock. The main basis number was already read for
 * this check at its own time (`ctx.basisParse`); a reading depends on the clock only through the
 * year, so within the same year that reading is the one to use instead of reading it again.
 */
function canonicalOrTrimmed(n: string, ctx: RuleContext): string {
  const sameReading = ctx.basisParse && n === ctx.facts.basis?.number && chinaYear(ctx.now) === chinaYear(new Date());
  const r = sameReading && ctx.basisParse ? ctx.basisParse : readCaseNumber(n);
  return r.ok ? r.canonical : n.replace(/\s+/gu, '');
}

export const SCOPE_RULES: readonly RuleDef[] = [
  {
    id: 'never-file',
    source: 'seed 001 art. 10',
    summary_en: 'fee refunds, entrusted assistance, lifting preservation, performed obligations and no-case matters are never filed',
    run(ctx) {
      const out: Finding[] = [];
      const m = NEVER_FILE[ctx.facts.matter];
      if (m) out.push(finding('never-file', 'block', `“${m[0]}”不立执行案件，不能在这里申请。${m[3]}。`, `${m[1]} is never filed as an enforcement case and cannot be applied for here: ${m[4]}.`, m[2], 'matter'));
      if (ctx.facts.application.kind === 'first' && ctx.facts.alreadyPerformed?.fullyPerformed) {
        out.push(finding('never-file', 'block', '立案前生效法律文书确定的义务已经履行完毕，不立执行案件', 'The obligation was fully performed before filing: no enforcement case', 'seed 001 art. 10(4)', 'alreadyPerformed.fullyPerformed'));
      }
      return out;
    },
  },
  {
    id: 'separate-bases',
    source: 'seed 001 art. 11',
    summary_en: 'each basis document gets its own case number',
    run(ctx) {
      const main = ctx.facts.basis ? canonicalOrTrimmed(ctx.facts.basis.number, ctx) : undefined;
      const others = new Set(ctx.facts.additionalBasisNumbers.map((n) => canonicalOrTrimmed(n, ctx)).filter((n) => n !== '' && n !== main));
      if (others.size === 0) return [];
      if (ctx.facts.mergeAllowedByLaw) {
        return [finding('separate-bases', 'warn', '多份生效法律文书合并立案须有法律、司法解释的特别规定，请工作人员核实', 'Merging several documents needs a specific legal provision; staff must check', 'seed 001 art. 11', 'additionalBasisNumbers')];
      }
      return [finding('separate-bases', 'block', `依据不同生效法律文书申请执行的，应分别立案（本次另有${others.size}份文书），请分开提交`, `Different basis documents are filed as separate cases (${others.size} more here); file them separately`, 'seed 001 art. 11', 'additionalBasisNumbers')];
    },
  },
  {
    id: 'no-splitting',
    source: 'seed 000 art. 14',
    summary_en: 'one basis is not split into several cases except for its four exceptions',
    run(ctx) {
      const s = ctx.facts.split;
      if (!s?.partOfLargerClaim) return [];
      const path = 'split';
      switch (s.exception) {
        case undefined:
          return [finding('no-splitting', 'block', '不得人为拆分执行案件：请就生效法律文书确定的全部内容一并申请', 'An enforcement case may not be split: apply for everything the document grants', 'seed 000 art. 14', path)];
        case 'instalments':
          return s.instalmentsDue
            ? [finding('no-splitting', 'info', '分期履行：可就已届满的各期分别或一并申请', 'Instalments: due instalments may be filed separately or together', 'seed 000 art. 14(1)')]
            : [finding('no-splitting', 'block', '分期履行的，只能就履行期间已届满的各期申请执行', 'Only instalments whose period has ended may be filed', 'seed 000 art. 14(1)', 'split.instalmentsDue')];
        case 'several-debtors':
        case 'several-creditors': {
          const src = s.exception === 'several-debtors' ? 'seed 000 art. 14(2)' : 'seed 000 art. 14(3)';
          const who = s.exception === 'several-debtors' ? ['债务人各自单独承担明确的债务', 'each debtor owes a definite separate debt'] : ['债权人各自享有明确的债权', 'each creditor holds a definite separate claim'];
          return s.sharesDefinite
            ? []
            : [finding('no-splitting', 'block', `只有生效法律文书确定${who[0]}时才可分别申请`, `Separate filing only where ${who[1]}`, src, 'split.sharesDefinite')];
        }
        case 'maintenance':
          return s.accruedOnly
            ? [finding('no-splitting', 'info', '赡养费、扶养费、抚养费按申请时已发生的数额立案；以后新发生的须另行申请', 'Maintenance: only amounts accrued now; later amounts need a new application', 'seed 000 art. 14(4)')]
            : [finding('no-splitting', 'block', '赡养费、扶养费、抚养费只能就申请执行时已发生的数额申请，以后新发生的另行申请', 'Maintenance may claim only amounts accrued by now', 'seed 000 art. 14(4)', 'split.accruedOnly')];
      }
    },
  },
];
