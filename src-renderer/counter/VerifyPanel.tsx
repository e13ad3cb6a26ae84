import { useState } from 'react';
import { VERIFY_FIELDS, VERIFY_FIELD_LABEL_ZH, type CaseDetail, type VerifyField } from '../../src-shared/counter/contract.js';
import { CLAIM_KINDS, CLAIM_KIND_ZH } from '../../src-shared/domain/field-correction.js';
import { chinaTime, type Call } from './counter-ui.js';

/** What the clerk types for each item: an amount in yuan, a case number, a kind from a list, text with a date. */
const HINT: Record<VerifyField, string> = {
  parties: '更正后的执行主体信息',
  'subject-kind': '选择执行标的种类',
  amount: '更正后的金额（元），如 7500 或 7500.00',
  'basis-number': '更正后的执行依据文号，如（2024）豫0811民初123号',
  'basis-content': '更正后的判决主文',
};

/** Seed 002 art. 7(一): each item verified, or corrected with the original kept. */
export function VerifyPanel({ call, token, detail, onChange }: { call: Call; token: string; detail: CaseDetail; onChange: (d: CaseDetail) => void }) {
  const [editing, setEditing] = useState<VerifyField | null>(null);
  const [value, setValue] = useState('');
  const [reason, setReason] = useState('');
  const [date, setDate] = useState('');
  const last = (f: VerifyField) => [...detail.verifications].reverse().find((v) => v.field === f);
  const send = async (field: VerifyField, verdict: 'verified' | 'corrected') => {
    const r = await call('counter.verify', { token, filingId: detail.row.filingId, field, verdict, ...(verdict === 'corrected' ? { correctedValue: value, reason, ...(field === 'basis-content' && date ? { effectiveDate: date } : {}) } : {}) });
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
                  更正为（{HINT[f]}）
                  {f === 'subject-kind' ? (
                    <select value={value} onChange={(e) => setValue(e.target.value)} data-testid="correct-value">
                      {CLAIM_KINDS.map((k) => (
                        <option key={k} value={k}>
                          {CLAIM_KIND_ZH[k]}
                        </option>
                      ))}
                    </select>
                  ) : f === 'amount' || f === 'basis-number' ? (
                    <input value={value} onChange={(e) => setValue(e.target.value)} inputMode={f === 'amount' ? 'decimal' : 'text'} data-testid="correct-value" />
                  ) : (
                    <textarea value={value} onChange={(e) => setValue(e.target.value)} data-testid="correct-value" />
                  )}
                </label>
                {f === 'basis-content' && (
                  <label>
                    生效日期
                    <input type="date" value={date} onChange={(e) => setDate(e.target.value)} data-testid="correct-date" />
                  </label>
                )}
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
                    // Start from the current value in the form the field takes (no "元", a kind by its key).
                    setValue(f === 'amount' ? detail.fields[f].replace(/[,\s元]/g, '') : f === 'subject-kind' ? (CLAIM_KINDS.find((k) => CLAIM_KIND_ZH[k] === detail.fields[f]) ?? 'money') : f === 'basis-content' ? (detail.fields[f].match(/判决主文：([\s\S]*)$/)?.[1] ?? '') : detail.fields[f].split('\n')[0] ?? '');
                    setDate(detail.fields['basis-content'].match(/(\d{4}-\d{2}-\d{2}) 生效/)?.[1] ?? '');
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
