/**
 * 执前督 (seed 001 art. 25) at the counter: the hand-over, then the outcome. 履行完毕 takes the
 * amount paid and closes the case at the central without a 执 number; 未履行 or 拒绝履行 asks
 * the central to number the first enforcement case within 3 working days, and shows its
 * number, or the central's refusal with its reason and a retry. A 执 case that came from a
 * 执前督 links back to it: the materials and reception record are there.
 */
import { useState } from 'react';
import type { CaseDetail, FollowUpView } from '../../src-shared/counter/contract.js';
import { formatYuan } from '../../src-shared/domain/money.js';
import { chinaTime, type Call } from './counter-ui.js';

type PreEvent = 'handed-over' | 'performed' | 'failed' | 'refused' | 'retry';

const OUTCOME_ZH = { performed: '履行完毕', failed: '未履行', refused: '拒绝履行' } as const;

function FollowUp({ f, onOpen, onRetry }: { f: FollowUpView; onOpen: (filingId: string) => void; onRetry: () => void }) {
  if (f.status === 'pending') return <p className="hint" role="status" data-testid="follow-up-pending">正在报送法院系统编立首次执行案号（Sending to the court system for the enforcement case number）…</p>;
  if (f.status === 'numbered') {
    return (
      <p role="status" data-testid="follow-up-numbered">
        已立首次执行案件（Filed as enforcement case）：<strong data-testid="follow-up-number">{f.officialNo}</strong>
        {f.acceptedAt ? ` · 立案时间 ${chinaTime(f.acceptedAt)}` : ''}{' '}
        <button type="button" className="secondary small" onClick={() => onOpen(f.filingId)} data-testid="follow-up-open">
          打开执行案件（Open）
        </button>
      </p>
    );
  }
  return (
    <div className="error-banner" role="alert" data-testid="follow-up-rejected">
      <p>
        法院系统退回了首次执行立案（The court system refused the enforcement filing）：<span data-testid="follow-up-reason">{f.message_zh}</span>
      </p>
      <p className="hint">{f.message_en}</p>
      <button type="button" className="secondary small" onClick={onRetry} data-testid="follow-up-retry">
        处理后重新提交（Send again）
      </button>
    </div>
  );
}

export function PrePanel({ call, token, detail, onChange, onOpen }: { call: Call; token: string; detail: CaseDetail; onChange: (d: CaseDetail) => void; onOpen: (filingId: string) => void }) {
  const [paid, setPaid] = useState('');
  const filingId = detail.row.filingId;
  const act = async (event: PreEvent) => {
    const d = await call('counter.preEnforcement', { token, filingId, event, ...(event === 'performed' ? { paid } : {}) });
    if (d) onChange(d);
  };
  if (detail.origin) {
    return (
      <section className="panel" data-testid="origin-panel">
        <h3>执前督转立（From pre-enforcement supervision）</h3>
        <p>
          本案由执前督案件 <strong>{detail.origin.officialNo ?? '（待编号）'}</strong> 督促未果转立，申请材料、财产线索与初次接待笔录沿用原案。
          <button type="button" className="secondary small" onClick={() => onOpen(detail.origin!.filingId)} data-testid="origin-open">
            打开原执前督案件（Open the supervision case）
          </button>
        </p>
      </section>
    );
  }
  const p = detail.preEnforcement;
  if (!p) return null;
  return (
    <section className="panel form" data-testid="pre-panel">
      <h3>执前督（Pre-enforcement supervision）</h3>
      <p>
        移交期限 {p.handoverDue}
        {p.handedOverAt ? ` · 已移交，督促履行期限至 ${p.limitDue ?? ''}` : ''}
      </p>
      {p.outcome && (
        <p data-testid="pre-outcome">
          结果：{OUTCOME_ZH[p.outcome]}
          {p.outcome === 'performed' ? `，到位金额 ${formatYuan(p.paidFen ?? 0)} 元；执前督案件结案，不再立首次执行案件` : ''}
          {p.filingDue ? ` · 首次执行立案期限 ${p.filingDue}（3个工作日）` : ''}
        </p>
      )}
      {p.followUp && <FollowUp f={p.followUp} onOpen={onOpen} onRetry={() => void act('retry')} />}
      {!p.outcome && !p.handedOverAt && (
        <div className="actions left">
          <button type="button" className="secondary small" onClick={() => void act('handed-over')} data-testid="pre-handed-over">
            登记移交（Handed over）
          </button>
        </div>
      )}
      {!p.outcome && p.handedOverAt && (
        <>
          <label>
            到位金额（元）（Amount paid, yuan）
            <input value={paid} onChange={(e) => setPaid(e.target.value)} inputMode="decimal" autoComplete="off" data-testid="pre-paid" />
          </label>
          <div className="actions left">
            <button type="button" className="secondary small" onClick={() => void act('performed')} disabled={!paid.trim()} data-testid="pre-performed">
              履行完毕（Performed）
            </button>
            <button type="button" className="secondary small" onClick={() => void act('failed')} data-testid="pre-failed">
              未履行，转首次执行立案（Not performed）
            </button>
            <button type="button" className="secondary small" onClick={() => void act('refused')} data-testid="pre-refused">
              拒绝履行，转首次执行立案（Refused）
            </button>
          </div>
        </>
      )}
    </section>
  );
}
