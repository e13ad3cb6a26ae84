import { useState } from 'react';
import { RETURN_REASONS, RETURN_REASON_LABEL_ZH, type CaseDetail, type ClerkView, type ReturnReason } from '../../src-shared/counter/contract.js';
import { CONVERSION_EVENTS, type ConversionEvent } from '../../src-shared/courts/routing-types.js';
import { citeSource } from '../../src-shared/rules/cite-source.js';
import type { ApproverRole } from '../../src-shared/courts/stage-flow.js';
import { chinaTime, type Call } from './counter-ui.js';
import { TagsPanel } from './TagsPanel.js';

/** A team by its Chinese name (English beside it); an id the court does not list is shown as it is. */
export function teamName(detail: CaseDetail, id: string): { zh: string; en: string } {
  if (id === 'closed') return { zh: '结案', en: 'closed' };
  const t = detail.teams?.find((x) => x.id === id);
  return t ? { zh: t.name_zh, en: t.name_en } : { zh: id, en: id };
}

const EVENT_LABEL_ZH: Record<ConversionEvent, string> = {
  'objection-raised': '当事人、案外人提出执行异议',
  'auction-needed': '需要拍卖处置财产',
  'reversal-after-supervision': '执行监督纠正后需执行回转',
  'higher-oversight': '上级机关交办、督办或人大政协关注',
};

/** Triage (seed 002 art. 11), conversion (art. 17), and return for correction. */
export function TriagePanel({ call, token, clerk, detail, onChange }: { call: Call; token: string; clerk: ClerkView; detail: CaseDetail; onChange: (d: CaseDetail) => void }) {
  const filingId = detail.row.filingId;
  const [team, setTeam] = useState('');
  const [why, setWhy] = useState('');
  const [event, setEvent] = useState<ConversionEvent>('objection-raised');
  const [approved, setApproved] = useState<ApproverRole[]>([]);
  const [reasons, setReasons] = useState<Array<{ code: ReturnReason; detail: string }>>([{ code: 'party-data', detail: '' }]);
  const leader = clerk.role !== 'reception';
  const s = detail.suggestion;
  const teams = detail.teams ?? [];
  const done = detail.row.stage === 'done';

  const decide = async (decision: 'accept' | 'override') => {
    const d = await call('counter.triage.decide', { token, filingId, decision, ...(decision === 'override' ? { team, reason: why } : {}) });
    if (d) onChange(d);
  };
  const convert = async () => {
    const d = await call('counter.triage.convert', { token, filingId, event, reason: why, approvals: approved });
    if (d) onChange(d);
  };
  const sendBack = async () => {
    const d = await call('counter.return', { token, filingId, reasons });
    if (d) onChange(d);
  };

  return (
    <section className="panel form" aria-labelledby="triage-title" data-testid="triage-panel">
      <h3 id="triage-title">
        繁简分流 <small lang="en">Triage</small>
      </h3>
      <TagsPanel key={`${filingId}:${detail.tags?.at ?? ''}`} call={call} token={token} detail={detail} onChange={onChange} />
      {s ? (
        <p data-testid="triage-suggestion">
          建议：<strong>{s.team_zh}</strong>（规则：{s.label_zh}；依据：<span data-testid="triage-citation">{citeSource(s.source).zh}</span>）
          <br />
          <small lang="en">
            Suggested: {s.team_en ?? s.team} ({s.label_en ?? ''}; {citeSource(s.source).en})
          </small>
        </p>
      ) : (
        <p className="hint">
          无法给出分流建议，请团队负责人指定 <span lang="en">No suggestion: a team leader chooses the team</span>
        </p>
      )}
      {detail.triage && (
        <p data-testid="triage-decision">
          已分流至 <strong>{teamName(detail, detail.triage.team).zh}</strong>（{detail.triage.decision === 'accept' ? '采纳建议' : `改派：${detail.triage.reason ?? ''}`}）· {detail.triage.by} {chinaTime(detail.triage.at)}
          {detail.leaderDecided && <span className="hint"> · 团队负责人决定，只有团队负责人可以更改</span>}
          {detail.pendingSync > 0 && <span className="hint"> · {detail.pendingSync} 项待同步至法院系统</span>}
          <br />
          <small lang="en">
            Team: {teamName(detail, detail.triage.team).en}
            {detail.leaderDecided ? ' (a team leader decided; only a team leader can change it)' : ''}
          </small>
        </p>
      )}
      {detail.conversion && (
        <p data-testid="conversion">
          程序转换：{teamName(detail, detail.conversion.from).zh} → {teamName(detail, detail.conversion.to).zh}（{detail.conversion.label_zh}），{detail.conversion.handoverDue} 前移送
          <br />
          <small lang="en">
            Converted: {teamName(detail, detail.conversion.from).en} → {teamName(detail, detail.conversion.to).en}, hand over by {detail.conversion.handoverDue}
          </small>
          {detail.conversion.approval && (
            <span data-testid="conversion-approval">
              <br />
              审批：{detail.conversion.approval.steps.map((x) => x.label_zh).join('、')}（由 {detail.conversion.approval.by} 确认；依据：{citeSource(detail.conversion.approval.source).zh}）
              <small lang="en"> Approved as required, confirmed by {detail.conversion.approval.by}</small>
            </span>
          )}
        </p>
      )}
      {!detail.triage && !done && (
        <div className="actions left">
          <button type="button" className="primary" onClick={() => void decide('accept')} disabled={!s} data-testid="triage-accept">
            {detail.row.stage === 'returned' ? '补正后重新受理并采纳分流建议' : '采纳分流建议'} <small lang="en">{detail.row.stage === 'returned' ? 'Accept again with the suggestion' : 'Accept the suggestion'}</small>
          </button>
        </div>
      )}
      {leader && !done && (
        <details data-testid="triage-leader">
          <summary>
            {detail.triage ? '程序转换（简→繁）' : '改派团队'} <small lang="en">{detail.triage ? 'Conversion (simple to ordinary)' : 'Assign another team'}</small>
          </summary>
          {detail.triage ? (
            <select value={event} onChange={(e) => setEvent(e.target.value as ConversionEvent)} aria-label="转换事由 Event">
              {CONVERSION_EVENTS.map((v) => (
                <option key={v} value={v}>
                  {EVENT_LABEL_ZH[v]}
                </option>
              ))}
            </select>
          ) : null}
          {detail.triage &&
            (detail.conversionApprovals ?? []).map((a) => (
              <label key={a.role}>
                <input type="checkbox" checked={approved.includes(a.role)} onChange={(e) => setApproved(e.target.checked ? [...approved, a.role] : approved.filter((x) => x !== a.role))} data-testid={`conversion-approval-${a.role}`} />
                已取得：{a.label_zh} <small lang="en">obtained: {a.label_en}</small>
              </label>
            ))}
          {detail.triage ? null : (
            <select value={team} onChange={(e) => setTeam(e.target.value)} aria-label="团队 Team" data-testid="override-team">
              <option value="">请选择办案团队 / Choose a team</option>
              {teams.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name_zh} / {t.name_en}
                </option>
              ))}
            </select>
          )}
          <input value={why} onChange={(e) => setWhy(e.target.value)} placeholder="理由 Reason" aria-label="理由 Reason" data-testid="override-reason" />
          <button type="button" className="secondary small" onClick={() => void (detail.triage ? convert() : decide('override'))} data-testid="override-submit">
            确定 <small lang="en">Confirm</small>
          </button>
        </details>
      )}
      <h3>退回补正</h3>
      {detail.returnReasons.length > 0 ? (
        <ul data-testid="return-reasons">
          {detail.returnReasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      ) : (
        !done && (
          <div className="return-form">
            {reasons.map((r, i) => (
              <div key={i} className="return-row">
                <select value={r.code} onChange={(e) => setReasons(reasons.map((x, j) => (j === i ? { ...x, code: e.target.value as ReturnReason } : x)))} aria-label="退回理由" data-testid="return-code">
                  {RETURN_REASONS.map((c) => (
                    <option key={c} value={c}>
                      {RETURN_REASON_LABEL_ZH[c]}
                    </option>
                  ))}
                </select>
                <input value={r.detail} onChange={(e) => setReasons(reasons.map((x, j) => (j === i ? { ...x, detail: e.target.value } : x)))} placeholder="需要补正的具体内容" aria-label="退回说明" data-testid="return-detail" />
              </div>
            ))}
            <button type="button" className="secondary small" onClick={() => setReasons([...reasons, { code: 'other', detail: '' }])}>
              再加一项
            </button>
            <button type="button" className="secondary small" onClick={() => void sendBack()} data-testid="return-submit">
              退回申请人补正
            </button>
          </div>
        )
      )}
    </section>
  );
}
