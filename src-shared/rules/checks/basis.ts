/**
 * Checks on the enforcement basis (执行依据): the five checks of seed 001 art. 7, the
 * already-performed statement, the basis number, and the two-year application period.
 */
import { addMonths } from '../../calendar/work-calendar.js';
import { typeOfReading } from '../../casenum/case-number.js';
import type { RuleContext } from '../context.js';
import type { Basis } from '../filing-facts.js';
import { finding, type Finding } from '../finding.js';
import { isFirstFiling, type RuleDef } from './rule.js';

/** Documents that carry a court case number (others, like arbitration awards, have their own). */
const COURT_ISSUED = ['judgment', 'ruling', 'mediation', 'payment-order', 'preservation-ruling'];
const ENFORCEMENT_CASE_CODES = ['执', '执保', '执恢', '执前督'];

interface FlagCheck {
  rule: string;
  source: string;
  summary_en: string;
  path: string;
  /** True when the basis fails this check. */
  fails(b: Basis): boolean;
  zh: string;
  en: string;
}

/** Seed 001 art. 7(2)-(4): facts about the basis that must hold for a first filing. */
const FLAG_CHECKS: readonly FlagCheck[] = [
  { rule: 'basis.payment-content', source: 'seed 001 art. 7(2)', summary_en: 'the basis has payment or performance content', path: 'basis.hasPaymentContent', fails: (b) => !b.hasPaymentContent, zh: '执行依据不具有给付内容，不能申请强制执行', en: 'The basis has no payment or performance content' },
  { rule: 'basis.definite', source: 'seed 001 art. 7(3)', summary_en: 'the subject of enforcement is definite', path: 'basis.subjectDefinite', fails: (b) => !b.subjectDefinite, zh: '执行依据确定的执行标的不明确', en: 'The subject of enforcement is not definite' },
  { rule: 'basis.definite', source: 'seed 001 art. 7(3)', summary_en: 'the respondent is definite', path: 'basis.respondentDefinite', fails: (b) => !b.respondentDefinite, zh: '执行依据确定的被执行人不明确', en: 'The respondent is not definite' },
  { rule: 'basis.condition', source: 'seed 001 art. 7(4)', summary_en: 'any condition attached to enforcement is met', path: 'basis.condition', fails: (b) => !!b.condition?.attached && !b.condition.met, zh: '执行依据所附执行条件尚未成就', en: 'The condition attached to enforcement is not met' },
];

const FLAG_RULES: readonly RuleDef[] = FLAG_CHECKS.map((c) => ({
  id: `${c.rule}:${c.path}`,
  source: c.source,
  summary_en: c.summary_en,
  run(ctx: RuleContext): Finding[] {
    const b = ctx.facts.basis;
    return b && isFirstFiling(ctx) && c.fails(b) ? [finding(c.rule, 'block', c.zh, c.en, c.source, c.path)] : [];
  },
}));

export const BASIS_RULES: readonly RuleDef[] = [
  {
    id: 'basis.present',
    source: 'seed 001 art. 7',
    summary_en: 'a first or preservation filing names its basis document',
    run(ctx) {
      const k = ctx.facts.application.kind;
      if (ctx.facts.basis || (k !== 'first' && k !== 'preservation')) return [];
      return [finding('basis.present', 'block', '请提供执行依据（生效法律文书）', 'Give the basis document (the effective legal document)', 'seed 001 art. 7', 'basis')];
    },
  },
  {
    id: 'basis.number',
    source: 'seed 002 art. 7(一)',
    summary_en: 'a court-issued basis has a valid case number that is not an enforcement number',
    run(ctx) {
      const b = ctx.facts.basis;
      const r = ctx.basisParse;
      if (!b || !r) return [];
      const src = 'seed 002 art. 7(一)';
      if (b.number === '') return [finding('basis.number', 'block', '请填写执行依据文号', 'Give the basis document number', src, 'basis.number')];
      if (!COURT_ISSUED.includes(b.kind)) return [];
      if (!r.ok) return [finding('basis.number', 'block', `执行依据文号：${r.message_zh}`, `Basis number: ${r.message_en}`, src, 'basis.number')];
      if (ENFORCEMENT_CASE_CODES.includes(typeOfReading(r))) {
        return [finding('basis.number', 'block', '这是执行案件的案号，请填写据以执行的判决、裁定或调解书的文号', 'That is an enforcement case number; give the judgment, ruling or mediation number', src, 'basis.number')];
      }
      // An old 字第 number or other brackets: accepted, and the clerk sees what was read.
      return r.warnings.map((w) => finding('basis.number', 'warn', `执行依据文号：${w.message_zh}`, `Basis number: ${w.message_en}`, src, 'basis.number'));
    },
  },
  {
    id: 'basis.effective',
    source: 'seed 001 art. 7(1)',
    summary_en: 'the basis is legally effective',
    run(ctx) {
      const b = ctx.facts.basis;
      if (!b) return [];
      const src = 'seed 001 art. 7(1)';
      // "不清楚" is an answer: the clerk checks the certificate of effect, the filing goes on.
      if (b.effectiveDateUnknown && !b.effectiveDate) {
        return [finding('basis.effective-verify', 'warn', '申请人不清楚文书生效日期：请工作人员核对生效证明', 'The applicant does not know when the basis took effect: staff check the certificate of effect', src, 'basis.effectiveDate')];
      }
      if (!b.effective && !b.effectiveDate) {
        // Not answered is not "not effective": ask for the date, or for "不清楚".
        return [finding('basis.effective', 'block', '请选择文书生效日期；不清楚的请点“不清楚”，由工作人员核对', 'Choose the date the basis took effect, or “I don’t know” for staff to check', src, 'basis.effectiveDate')];
      }
      if (!b.effective) return [finding('basis.effective', 'block', '执行依据尚未发生法律效力，不能申请执行', 'The basis is not yet legally effective', src, 'basis.effective')];
      if (b.effectiveDate && b.effectiveDate > ctx.today) {
        return [finding('basis.effective', 'block', '执行依据的生效日期晚于今天，请核对', 'The basis takes effect after today; check the date', src, 'basis.effectiveDate')];
      }
      return [];
    },
  },
  ...FLAG_RULES,
  {
    id: 'basis.period-expired',
    source: 'seed 001 art. 7(5)',
    summary_en: 'the performance period has expired',
    run(ctx) {
      const b = ctx.facts.basis;
      if (!b || !isFirstFiling(ctx)) return [];
      const src = 'seed 001 art. 7(5)';
      if (!b.performanceDue) return [finding('basis.period-expired', 'warn', '请核对执行依据确定的履行期限是否已经届满', 'Check that the performance period has expired', src, 'basis.performanceDue')];
      if (b.performanceDue >= ctx.today) {
        return [finding('basis.period-expired', 'block', `履行期限尚未届满（至${b.performanceDue}），届满后方可申请执行`, `The performance period runs until ${b.performanceDue}; apply after it`, src, 'basis.performanceDue')];
      }
      return [];
    },
  },
  {
    id: 'basis.performed-statement',
    source: 'seed 001 art. 7',
    summary_en: 'the application states what the respondent already performed',
    run(ctx) {
      if (!isFirstFiling(ctx)) return [];
      const p = ctx.facts.alreadyPerformed;
      if (!p || !p.stated) {
        return [finding('basis.performed-statement', 'block', '请在申请中详细列明申请执行前被执行人已经履行的情况（未履行的也请说明）', 'State what the respondent performed before the application (or that nothing was)', 'seed 001 art. 7', 'alreadyPerformed')];
      }
      const claimed = ctx.facts.claim?.amountFen;
      if (p.performedFen !== undefined && claimed !== undefined && p.performedFen > 0 && !p.fullyPerformed) {
        return [finding('basis.performed-statement', 'info', '已履行部分应从申请执行金额中扣除，请核对申请金额', 'Deduct what was performed from the amount claimed; check the amount', 'seed 001 art. 7', 'claim.amountFen')];
      }
      return [];
    },
  },
  {
    id: 'basis.application-period',
    source: 'CPL art. 250; seed 000 art. 16(5)',
    summary_en: 'the two-year application period: a warning only, the respondent may raise it',
    run(ctx) {
      const due = ctx.facts.basis?.performanceDue;
      if (!due || !isFirstFiling(ctx)) return [];
      const years = ctx.court.applicationPeriodYears;
      const end = addMonths(due, 12 * years);
      if (ctx.today <= end) return [];
      return [
        finding(
          'basis.application-period',
          'warn',
          `自履行期限届满已超过${years}年申请执行期间（至${end}）。仍可立案，但被执行人可能提出异议；如有中止、中断事由请一并提供`,
          `The ${years}-year application period ended ${end}. Filing is still possible, but the respondent may object; give any suspension or interruption`,
          'CPL art. 250; seed 000 art. 16(5)',
          'basis.performanceDue',
        ),
      ];
    },
  },
];
