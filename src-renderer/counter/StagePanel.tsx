import { useState } from 'react';
import type { CaseDetail, ClerkView } from '../../src-shared/counter/contract.js';
import { APPROVER_LABEL, type ApproverRole } from '../../src-shared/courts/stage-flow.js';
import { citeSource } from '../../src-shared/rules/cite-source.js';
import type { Call } from './counter-ui.js';

/**
 * A stage-mode court (seed 004): where the case may go from its group, each move with the
 * approvals the court's flow asks for, and who supervises. Only a leader records approvals.
 */
export function StagePanel({ call, token, clerk, detail, onChange }: { call: Call; token: string; clerk: ClerkView; detail: CaseDetail; onChange: (d: CaseDetail) => void }) {
  const [approved, setApproved] = useState<ApproverRole[]>([]);
  const [why, setWhy] = useState('');
  const plan = detail.stage;
  if (!plan || detail.row.stage === 'returned') return null;
  const leader = clerk.role !== 'reception';
  const roles = [...new Set(plan.exits.flatMap((e) => e.approval?.steps.map((s) => s.role) ?? []))];
  const move = async (exit: string) => {
    const d = await call('counter.stage.move', { token, filingId: detail.row.filingId, exit, approvals: approved, reason: why });
    if (d) {
      setApproved([]);
      onChange(d);
    }
  };
  return (
    <section className="panel form" aria-labelledby="stage-title" data-testid="stage-panel">
      <h3 id="stage-title">阶段流转</h3>
      {plan.supervisors.map((s) => (
        <p key={s.team} className="hint">
          {s.label_zh}（依据：{citeSource(s.source).zh}）
        </p>
      ))}
      {leader && roles.length > 0 && (
        <fieldset>
          <legend>已取得的审批</legend>
          {roles.map((r) => (
            <label key={r}>
              <input type="checkbox" checked={approved.includes(r)} onChange={(e) => setApproved(e.target.checked ? [...approved, r] : approved.filter((x) => x !== r))} data-testid={`approval-${r}`} />
              {APPROVER_LABEL[r].zh}
            </label>
          ))}
        </fieldset>
      )}
      <input value={why} onChange={(e) => setWhy(e.target.value)} placeholder="流转说明" aria-label="流转说明" />
      <ul className="stage-exits">
        {plan.exits.map((e) => (
          <li key={e.id}>
            <button type="button" className="secondary small" onClick={() => void move(e.id)} data-testid={`stage-exit-${e.id}`}>
              {e.to === 'closed' ? '结案' : '移送'}：{e.label_zh}
            </button>
            <span className="hint">
              {e.approval ? ` 须${e.approval.steps.map((s) => s.label_zh).join('、')}` : ''}（依据：{citeSource(e.source).zh}）
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
