/**
 * Decides the type code from the application kind, its grounds and the court's type table
 * (seed 000 art. 11-13, 15-20; seed 001 art. 25 for 执前督).
 */
import { readCaseNumber, typeOfReading } from '../../casenum/case-number.js';
import { enforcementTypeInfo, type TypeClass } from '../../casenum/type-codes.js';
import type { RuleContext } from '../context.js';
import { finding, type Finding } from '../finding.js';
import { ADD_CHANGE_CAUSES_EXCLUDED_FROM_RECONSIDERATION, GROUNDS } from '../grounds.js';

export interface TypeDecision {
  typeCode: string | null;
  typeClass: TypeClass | null;
  findings: Finding[];
}

const KIND_ZH: Record<string, string> = {
  first: '首次执行',
  preservation: '财产保全执行',
  resumed: '恢复执行',
  objection: '执行异议',
  reconsideration: '执行复议',
  supervision: '执行监督',
  request: '执行请示',
  coordination: '执行协调',
  other: '其他执行事项',
};

function preEnforcement(ctx: RuleContext): { code: string; findings: Finding[] } {
  const src = 'seed 001 art. 25';
  const pre = ctx.facts.preEnforcement;
  if (!pre) {
    return { code: '执', findings: [finding('pre-enforcement.ask', 'info', '本院可转入执前督促履行程序：请询问申请执行人是否同意，并确认是否公告送达或有紧急情况', 'This court offers pre-enforcement supervision (执前督): ask the applicant and check public-notice service and urgency', src, 'preEnforcement')] };
  }
  if (pre.applicantRefuses) {
    return { code: '执', findings: [finding('pre-enforcement.refused', 'info', '申请执行人明确不同意，不得转入执前督促履行程序，按首次执行立案', 'The applicant refuses: no pre-enforcement supervision (执前督), filed as first enforcement', src)] };
  }
  if (pre.servedByPublicNotice || pre.urgent) {
    const why_zh = pre.servedByPublicNotice ? '生效法律文书系公告送达' : '存在转移财产、逃避执行等紧急情况';
    const why_en = pre.servedByPublicNotice ? 'the basis was served by public notice' : 'there is urgency (asset transfer, evasion)';
    return { code: '执', findings: [finding('pre-enforcement.ineligible', 'info', `${why_zh}，不适用执前督，按首次执行立案`, `No pre-enforcement supervision (执前督) because ${why_en}; filed as first enforcement`, src)] };
  }
  return {
    code: '执前督',
    findings: [finding('pre-enforcement.eligible', 'info', '以“执前督”字号立案，3个工作日内转交执行部门，督促履行最长30日；未履行完毕的转首次执行立案', 'Filed as pre-enforcement supervision (执前督): handed over within 3 working days, at most 30 days, then first enforcement if unpaid', src)],
  };
}

function groundFindings(ctx: RuleContext): Finding[] {
  const { kind, grounds, addChangeCause } = ctx.facts.application;
  const allowed = GROUNDS[kind];
  if (!allowed) return [];
  const source = allowed[0]?.source.replace(/\(\d+\)$/, '') ?? 'seed 000';
  const out: Finding[] = [];
  const foreign = grounds.filter((g) => !allowed.some((a) => a.id === g));
  if (foreign.length > 0) {
    out.push(finding('grounds.wrong-kind', 'block', `所选事由不属于${KIND_ZH[kind]}的法定情形`, `A ground given does not belong to ${kind}`, source, 'application.grounds'));
  }
  if (grounds.length === 0) {
    out.push(finding('grounds.missing', 'block', `申请${KIND_ZH[kind]}须选择法定事由：${allowed.map((a) => a.label_zh).join('；')}`, `A ${kind} filing needs one of its grounds: ${allowed.map((a) => a.id).join(', ')}`, source, 'application.grounds'));
  }
  if (kind === 'reconsideration' && grounds.includes('ruling-on-add-change') && addChangeCause && (ADD_CHANGE_CAUSES_EXCLUDED_FROM_RECONSIDERATION as readonly string[]).includes(addChangeCause)) {
    out.push(finding('grounds.add-change-excluded', 'block', '因夫妻共同债务、出资人未依法出资、股权转让引起的追加及对一人公司股东的追加裁定，不能申请复议，应依法提起诉讼', 'Rulings adding a respondent for spouse debt, unpaid capital, share transfer or one-person company are not reconsidered; sue instead', 'seed 000 art. 17(2)', 'application.addChangeCause'));
  }
  return out;
}

function priorCaseFindings(ctx: RuleContext): Finding[] {
  const { kind, priorCaseNumber } = ctx.facts.application;
  if (kind !== 'resumed' && kind !== 'objection' && kind !== 'reconsideration') return [];
  const severity = kind === 'resumed' ? 'block' : 'warn';
  const src = kind === 'resumed' ? 'seed 000 art. 13' : kind === 'objection' ? 'seed 000 art. 16' : 'seed 000 art. 17';
  if (!priorCaseNumber) {
    return [finding('prior-case.missing', severity, '请填写原执行案件的案号', 'Give the number of the enforcement case concerned', src, 'application.priorCaseNumber')];
  }
  // Seed 000 art. 13(三) has no cut-off date: an old 终本 case with a 字第 number is resumed too.
  const r = readCaseNumber(priorCaseNumber, { now: ctx.now });
  if (!r.ok) return [finding('prior-case.invalid', severity, `原执行案号有误：${r.message_zh}`, `Prior case number: ${r.message_en}`, src, 'application.priorCaseNumber')];
  if (kind === 'resumed' && !['执', '执恢'].includes(typeOfReading(r))) {
    return [finding('prior-case.not-implementation', 'block', '恢复执行的原案应为执行实施案件（“执”或“执恢”字号）', 'Resumed enforcement needs a prior enforcement case (执) or resumed enforcement case (执恢)', src, 'application.priorCaseNumber')];
  }
  return r.warnings.map((w) => finding('prior-case.as-read', 'warn', `原执行案号：${w.message_zh}`, `Prior case number: ${w.message_en}`, src, 'application.priorCaseNumber'));
}

export function decideType(ctx: RuleContext): TypeDecision {
  const kind = ctx.facts.application.kind;
  const entry = ctx.court.types.find((t) => t.applications.includes(kind));
  if (!entry) {
    const higher = ['reconsideration', 'supervision', 'request', 'coordination'].includes(kind);
    return {
      typeCode: null,
      typeClass: null,
      findings: [
        finding(
          'type.not-in-table',
          'block',
          `本院案件类型代字表中没有可受理“${KIND_ZH[kind]}”的类型，不能立案${higher ? '（此类案件向上一级或共同上级法院申请）' : ''}`,
          `This court's type table has no code for ${kind}; it cannot be filed here${higher ? ' (it goes to the higher court)' : ''}`,
          'seed 000 art. 11',
          'application.kind',
        ),
      ],
    };
  }
  const findings = [...groundFindings(ctx), ...priorCaseFindings(ctx)];
  let code: string = entry.code;
  const hasPre = ctx.court.types.some((t) => enforcementTypeInfo(t.code)?.class === 'pre-enforcement');
  if (kind === 'first' && hasPre) {
    const pre = preEnforcement(ctx);
    code = pre.code;
    findings.push(...pre.findings);
  }
  if (kind === 'preservation' && ctx.facts.basis && ctx.facts.basis.kind !== 'preservation-ruling') {
    findings.push(finding('preservation.basis-kind', 'warn', '执行财产保全裁定的，执行依据应为保全裁定', 'Enforcing preservation needs a preservation ruling as the basis', 'seed 000 art. 12', 'basis.kind'));
  }
  return { typeCode: code, typeClass: enforcementTypeInfo(code)?.class ?? null, findings };
}
