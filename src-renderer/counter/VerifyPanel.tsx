import { useState } from 'react';
import { VERIFY_FIELDS, VERIFY_FIELD_LABEL_ZH, type CaseDetail, type VerifyField } from '../../src-shared/counter/contract.js';
import { chinaTime, type Call } from './counter-ui.js';

/** Seed 002 art. 7(一): each item verified, or corrected with the original kept. */
export function VerifyPanel({ call, token, detail, onChange }: { call: Call; token: string; detail: CaseDetail; onChange: (d: CaseDetail) => void }) {
  const [editing, setEditing] = useState<VerifyField | null>(null);
  const [value, setValue] = useState('');
  const [reason, setReason] = useState('');
  const last = (f: VerifyField) => [...detail.verifications].reverse().find((v) => v.field === f);
  const send = async (field: VerifyField, verdict: 'verified' | 'corrected') => {
    const r = await call('counter.verify', { token, filingId: detail.row.filingId, field, verdict, ...(verdict === 'corrected' ? { correctedValue: value, reason } : {}) });
    if (r) {
      onChange(r);
      setEditing(null);
    }
  };
  return (
    <section className="panel" aria-labelledby="verify-title" data-testid="verify-panel">
      <h3 id="verify-title">核对立案信息</h3>
      {VERIFY_FIELDS.map((f) => {
        const v = last(f);
        return (
          <div key={f} className="verify-row" data-testid={`verify-${f}`}>
            <div className="verify-label">{VERIFY_FIELD_LABEL_ZH[f]}</div>
            <div className="verify-value" data-testid={`value-${f}`}>
              {detail.fields[f]}
            </div>
            <div className="verify-state">
              {v ? (
                <span className={v.verdict === 'corrected' ? 'corrected' : 'verified'} data-testid={`state-${f}`}>
                  {v.verdict === 'corrected' ? `已更正（原为：${v.originalValue}；理由：${v.reason}）` : '已核对无误'} · {v.clerk} {chinaTime(v.at)}
                </span>
              ) : (
                <span className="hint">未核对</span>
              )}
            </div>
            {editing === f ? (
              <div className="verify-edit">
                <label>
                  更正为
                  <textarea value={value} onChange={(e) => setValue(e.target.value)} data-testid="correct-value" />
                </label>
                <label>
                  更正理由
                  <input value={reason} onChange={(e) => setReason(e.target.value)} data-testid="correct-reason" />
                </label>
                <button type="button" className="primary small" onClick={() => void send(f, 'corrected')} data-testid="correct-save">
                  保存更正
                </button>
                <button type="button" className="secondary small" onClick={() => setEditing(null)}>
                  取消
                </button>
              </div>
            ) : (
              <div className="verify-actions">
                <button type="button" className="secondary small" onClick={() => void send(f, 'verified')} data-testid={`verify-ok-${f}`}>
                  核对无误
                </button>
                <button
                  type="button"
                  className="secondary small"
                  onClick={() => {
                    setEditing(f);
                    setValue(detail.fields[f]);
                    setReason('');
                  }}
                  data-testid={`verify-fix-${f}`}
                >
                  更正
                </button>
              </div>
            )}
          </div>
        );
      })}
    </section>
  );
}
