/**
 * 接办暂存申请: the clerk types the code the applicant got at the kiosk, checks the summary with
 * the rules engine's findings, and files it. Errors (wrong or expired code, lockout) come
 * through `call` to the console's error banner.
 */
import { useState } from 'react';
import type { HandoverSummary } from '../../src-shared/counter/contract.js';
import { formatYuan } from '../../src-shared/domain/money.js';
import { chinaTime, type Call } from './counter-ui.js';

export function HandoverPanel({ call, token, onFiled }: { call: Call; token: string; onFiled: (filingId: string) => void }) {
  const [code, setCode] = useState('');
  const [summary, setSummary] = useState<HandoverSummary | null>(null);
  const [busy, setBusy] = useState(false);
  const open = async () => {
    setSummary(await call('counter.handover.open', { token, code }));
  };
  const submit = async () => {
    setBusy(true);
    const r = await call('counter.handover.submit', { token, code });
    setBusy(false);
    if (r) {
      setSummary(null);
      setCode('');
      onFiled(r.filing.id);
    }
  };
  return (
    <section className="handover-panel" aria-labelledby="handover-title" data-testid="handover-panel">
      <h3 id="handover-title">接办暂存申请</h3>
      <label>
        暂存号码
        <input value={code} onChange={(e) => setCode(e.target.value)} placeholder="XXXX-XXXX" maxLength={20} autoComplete="off" data-testid="handover-code-input" />
      </label>
      <button type="button" className="secondary" onClick={() => void open()} disabled={!code.trim()} data-testid="handover-open">
        打开
      </button>
      {summary && (
        <div className="handover-summary" data-testid="handover-summary">
          <p>
            申请人：{summary.applicantName}（{summary.applicantIdMasked}）
          </p>
          <p>执行依据：{summary.basisNumber}</p>
          <p>被执行人：{summary.respondentNames.join('、')}</p>
          <p>申请金额：{summary.check.money ? `${formatYuan(summary.check.money.totalFen)} 元` : '未算出'}</p>
          <p>材料：{summary.documents} 页；暂存至 {chinaTime(summary.expiresAt)}</p>
          {summary.check.findings.length > 0 && (
            <ul className="findings">
              {summary.check.findings.map((f, i) => (
                <li key={i} className={`finding ${f.severity}`}>
                  {f.message_zh}
                </li>
              ))}
            </ul>
          )}
          <button type="button" className="primary" onClick={() => void submit()} disabled={busy || !summary.check.ok} data-testid="handover-submit">
            {busy ? '正在立案…' : '提交立案'}
          </button>
        </div>
      )}
    </section>
  );
}
