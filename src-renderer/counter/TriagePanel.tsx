import { useState } from 'react';
import { RETURN_REASONS, RETURN_REASON_LABEL_ZH, type CaseDetail, type ClerkView, type ReturnReason } from '../../src-shared/counter/contract.js';
import { CONVERSION_EVENTS, type ConversionEvent } from '../../src-shared/courts/routing-types.js';
import { chinaTime, type Call } from './counter-ui.js';

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
  const [reasons, setReasons] = useState<Array<{ code: ReturnReason; detail: string }>>([{ code: 'party-data', detail: '' }]);
  const leader = clerk.role !== 'reception';
  const s = detail.suggestion;
  const done = detail.row.stage === 'done';

  const decide = async (decision: 'accept' | 'override') => {
    const d = await call('counter.triage.decide', { token, filingId, decision, ...(decision === 'override' ? { team, reason: why } : {}) });
    if (d) onChange(d);
  };
  const convert = async () => {
    const d = await call('counter.triage.convert', { token, filingId, event, reason: why });
    if (d) onChange(d);
  };
  const sendBack = async () => {
    const d = await call('counter.return', { token, filingId, reasons });
    if (d) onChange(d);
  };

  return (
    <section className="panel form" aria-labelledby="triage-title" data-testid="triage-panel">
      <h3 id="triage-title">繁简分流</h3>
      {s ? (
        <p data-testid="triage-suggestion">
          建议：<strong>{s.team_zh}</strong>（规则：{s.label_zh}；依据：{s.source}）
        </p>
      ) : (
        <p className="hint">无法给出分流建议，请团队负责人指定</p>
      )}
      {detail.triage && (
        <p data-testid="triage-decision">
          已分流至 <strong>{detail.triage.team}</strong>（{detail.triage.decision === 'accept' ? '采纳建议' : `改派：${detail.triage.reason ?? ''}`}）· {detail.triage.by} {chinaTime(detail.triage.at)}
          {detail.pendingSync > 0 && <span className="hint"> · {detail.pendingSync} 项待同步至法院系统</span>}
        </p>
      )}
      {detail.conversion && (
        <p data-testid="conversion">
          程序转换：{detail.conversion.from} → {detail.conversion.to}（{detail.conversion.label_zh}），{detail.conversion.handoverDue} 前移送
        </p>
      )}
      {!detail.triage && !done && (
        <div className="actions left">
          <button type="button" className="primary" onClick={() => void decide('accept')} disabled={!s} data-testid="triage-accept">
            {detail.row.stage === 'returned' ? '补正后重新受理并采纳分流建议' : '采纳分流建议'}
          </button>
        </div>
      )}
      {leader && !done && (
        <details>
          <summary>{detail.triage ? '程序转换（简→繁）' : '改派团队'}</summary>
          {detail.triage ? (
            <select value={event} onChange={(e) => setEvent(e.target.value as ConversionEvent)} aria-label="转换事由">
              {CONVERSION_EVENTS.map((v) => (
                <option key={v} value={v}>
                  {EVENT_LABEL_ZH[v]}
                </option>
              ))}
            </select>
          ) : (
            <input value={team} onChange={(e) => setTeam(e.target.value)} placeholder="团队代号" aria-label="团队" />
          )}
          <input value={why} onChange={(e) => setWhy(e.target.value)} placeholder="理由" aria-label="理由" />
          <button type="button" className="secondary small" onClick={() => void (detail.triage ? convert() : decide('override'))}>
            确定
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
