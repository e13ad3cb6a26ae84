import { useState } from 'react';
import type { CaseDetail, RelatedCases, RelatedRole } from '../../src-shared/counter/contract.js';
import { chinaTime, type Call } from './counter-ui.js';

const ROLE_ZH: Record<RelatedRole, string> = { respondent: '被执行人为义务人', creditor: '被执行人为申请执行人（权利人）', applicant: '申请执行人为被执行人' };
const ROLE_EN: Record<RelatedRole, string> = { respondent: 'respondent as obligor', creditor: 'respondent as creditor', applicant: 'applicant as respondent' };

/** Related-case search (seed 001 art. 9): the last search kept with the filing, shown to whoever takes the case over, and a new search. */
export function RelatedPanel({ call, token, detail, onChange }: { call: Call; token: string; detail: CaseDetail; onChange: (d: CaseDetail) => void }) {
  const [fresh, setFresh] = useState<RelatedCases | null>(null);
  const filingId = detail.row.filingId;
  const search = async () => {
    const r = await call('counter.related', { token, filingId });
    if (!r) return;
    setFresh(r);
    if (r.searchedAt) {
      const d = await call('counter.case', { token, filingId });
      if (d) onChange(d);
    }
  };
  // A failed search is shown; the kept one stays the case's record.
  const shown = fresh && !fresh.searchedAt ? fresh : (detail.related ?? fresh);
  return (
    <section className="panel" data-testid="related-panel">
      <h3>
        关联案件检索 <small lang="en">Related cases</small>
      </h3>
      <div className="actions left">
        <button type="button" className="secondary small" onClick={() => void search()} data-testid="related-search">
          {detail.related ? '重新检索' : '关联案件检索'} <small lang="en">{detail.related ? 'Search again' : 'Search'}</small>
        </button>
      </div>
      {shown && (
        <div className={shown.online ? '' : 'error-banner'} role="status" data-testid="related-result">
          {shown.message_zh}
          {shown.message_en && <small lang="en"> {shown.message_en}</small>}
          {shown.searchedAt && (
            <p className="hint" data-testid="related-kept">
              检索时间 {chinaTime(shown.searchedAt)}
              {shown.by ? `，检索人 ${shown.by}` : ''}；检索情况随立案材料一并移交 <small lang="en">Kept with the filing for hand-over</small>
            </p>
          )}
          <ul>
            {shown.cases.map((c) => (
              <li key={`${c.number}|${c.role}|${c.party ?? ''}`}>
                {c.number}（{ROLE_ZH[c.role]}，{c.status}） <small lang="en">{ROLE_EN[c.role]}</small>
              </li>
            ))}
          </ul>
          {(shown.advice ?? []).map((a, i) => (
            <p key={i} className="notice" data-testid={`related-advice-${a.kind}`}>
              {a.message_zh}（依据：{a.source}）
              <br />
              <small lang="en">{a.message_en}</small>
            </p>
          ))}
        </div>
      )}
    </section>
  );
}
