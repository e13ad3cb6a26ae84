/**
 * The text form of `yzt rules check`: every decision of the engine on its own line, Chinese
 * first, with the seed article behind it in 〔〕. The JSON form is the CheckResult itself.
 */
import type { CourtProfile } from '../../../src-shared/courts/court-profile.js';
import { APPROVER_LABEL, type ApprovalGate } from '../../../src-shared/courts/stage-flow.js';
import type { CheckResult } from '../../../src-shared/rules/check-filing.js';
import { enforcementTypeInfo } from '../../../src-shared/casenum/type-codes.js';

const SEVERITY_ZH = { block: '阻止', warn: '注意', info: '提示' } as const;
const CLASS_LABEL = {
  implementation: '执行实施类 enforcement',
  review: '执行审查类 review',
  'pre-enforcement': '执前督促履行 pre-enforcement',
  other: '其他 other',
} as const;

function approvalText(a: ApprovalGate | undefined): string {
  if (!a) return '';
  return `；须审批 approval: ${a.steps.map((s) => `${s.label_zh} (${APPROVER_LABEL[s.role].en})`).join(' → ')} 〔${a.source}〕`;
}

export function rulesCheckText(court: CourtProfile, r: CheckResult): string[] {
  const out: string[] = [`${court.name} (${court.code})`];
  for (const f of r.findings) {
    out.push(`[${SEVERITY_ZH[f.severity]} ${f.severity}] ${f.rule}${f.path ? ` @${f.path}` : ''}: ${f.message_zh} (${f.message_en}) 〔${f.source}〕`);
  }
  out.push(`结论 result: ${r.ok ? '可以立案 may be filed' : '不能立案 blocked'}${r.typeCode ? `，类型代字 type code ${r.typeCode}` : ''}`);
  if (r.typeCode) {
    const info = enforcementTypeInfo(r.typeCode);
    const cls = r.typeClass ? CLASS_LABEL[r.typeClass] : '';
    out.push(`类型 type: ${r.typeCode} ${info?.name_zh ?? ''} (${info?.name_en ?? ''})，${cls} 〔${r.typeSource ?? ''}; seed 000 art. 8〕`);
  }
  for (const g of r.gates ?? []) out.push(`立案前审批 gate: ${g.label_zh} (${g.label_en})${approvalText(g.approval)}`);
  const route = r.route;
  if (route) {
    out.push(`分流 route: ${route.team_zh} (${route.team_en}) [${route.rule}] — ${route.label_zh} (${route.label_en}) 〔${route.source}〕`);
    if (route.caseLimit) {
      const unit = route.caseLimit.unit === 'days' ? '日 days' : '个月 months';
      out.push(`结案期限 case limit: ${route.caseLimit.amount}${unit}${route.caseLimitFallback ? '（团队未定期限，适用法定期限 team sets none: statutory limit）' : ''} 〔${route.caseLimit.source}〕`);
    }
  }
  for (const d of r.deadlines ?? []) {
    const unconfirmed = d.calendarConfirmed ? '' : ' 以法院通知为准（节假日安排未确认 calendarConfirmed=false）';
    out.push(`节点 deadline: ${d.label_zh} (${d.label_en}) ${d.dueAt ?? d.dueDate}${unconfirmed} 〔${d.source}〕`);
  }
  for (const n of r.pendingNodes ?? []) {
    out.push(`待启动节点 pending: ${n.label_zh} (${n.label_en}) — 自“${n.from_zh}”起 ${n.counting_zh} (from: ${n.from_en}; ${n.counting_en}) 〔${n.source}〕`);
  }
  if (route?.stages) {
    out.push(`阶段 stage: ${route.stage ? route.team_zh : `${route.team_zh} 不是流转阶段 not a stage`}${route.stages.length ? `；可达阶段 reachable: ${route.stages.join(' → ')}` : ''}`);
    for (const e of route.stage?.exits ?? []) {
      out.push(`  流转 exit ${e.id} → ${e.to === 'closed' ? '结案 closed' : e.to}${route.stage?.end && e.to === 'closed' ? '（终点 end）' : ''}: ${e.label_zh} (${e.label_en})${approvalText(e.approval)} 〔${e.source}〕`);
    }
    for (const s of route.stage?.supervisors ?? []) out.push(`  监督 supervisor ${s.team}: ${s.label_zh} (${s.label_en}) 〔${s.source}〕`);
  }
  for (const c of r.conversions ?? []) {
    out.push(
      `程序转换 conversion ${c.id}: ${c.from} → ${c.to}，${c.label_zh} (${c.label_en})，${c.handoverDays}日内移交 handed over within ${c.handoverDays} days${c.applies ? '，现已符合 applies now' : ''}${approvalText(c.approval)} 〔${c.source}〕`,
    );
  }
  return out;
}
