/**
 * The audit log in admin mode (issue 14 item 8): filtered by China dates, actor, action and case
 * number, newest first, a page at a time. The service masks people's data in the details.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { AccountOutputs } from '../../src-shared/counter/account-contract.js';
import type { Call } from './counter-ui.js';
import { Bi } from './Bi.js';

const PAGE = 20;

export function AuditLog({ call, token }: { call: Call; token: string }) {
  const [filter, setFilter] = useState({ from: '', to: '', actor: '', action: '', caseNo: '' });
  const [page, setPage] = useState(1);
  const [result, setResult] = useState<AccountOutputs['counter.audit.list'] | null>(null);
  const load = useCallback(
    async (p: number) => {
      const r = await call('counter.audit.list', {
        token,
        ...(filter.from ? { from: filter.from } : {}),
        ...(filter.to ? { to: filter.to } : {}),
        actor: filter.actor,
        action: filter.action,
        caseNo: filter.caseNo,
        page: p,
        pageSize: PAGE,
      });
      if (r) {
        setResult(r);
        setPage(p);
      }
    },
    [call, token, filter],
  );
  // The first page once on opening; later pages and filters on request (each read is audited).
  useEffect(() => void load(1), []);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void load(1);
  };
  const field = (key: keyof typeof filter, zh: string, en: string, type = 'text') => (
    <span>
      <label htmlFor={`audit-${key}`}>
        <Bi zh={zh} en={en} />
      </label>{' '}
      <input id={`audit-${key}`} type={type} value={filter[key]} onChange={(e) => setFilter({ ...filter, [key]: e.target.value })} data-testid={`audit-${key}`} />
    </span>
  );
  const pages = result ? Math.max(1, Math.ceil(result.total / PAGE)) : 1;
  return (
    <section className="panel" data-testid="audit-log">
      <h2>
        <Bi zh="审计日志" en="Audit log" />
      </h2>
      <form className="form" onSubmit={submit}>
        {field('from', '起始日期（北京时间）', 'From (China date)', 'date')}
        {field('to', '截止日期', 'To', 'date')}
        {field('actor', '操作人', 'Actor')}
        {field('action', '操作', 'Action')}
        {field('caseNo', '案号', 'Case number')}
        <button type="submit" className="primary" data-testid="audit-search">
          <Bi zh="查询" en="Search" />
        </button>
      </form>
      {result && (
        <>
          <p data-testid="audit-total" data-total={result.total}>
            <Bi zh={`共 ${result.total} 条，第 ${page}/${pages} 页`} en={`${result.total} entries, page ${page} of ${pages}`} />
          </p>
          <table className="queue">
            <thead>
              <tr>
                <th><Bi zh="时间（北京时间）" en="Time (China)" /></th>
                <th><Bi zh="操作人" en="Actor" /></th>
                <th><Bi zh="操作" en="Action" /></th>
                <th><Bi zh="案号" en="Case" /></th>
                <th><Bi zh="详情" en="Details" /></th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map((r) => (
                <tr key={r.seq} data-testid="audit-row" data-action={r.action} data-actor={r.actor}>
                  <td>{r.atChina}</td>
                  <td>{r.actor}</td>
                  <td>{r.action}</td>
                  <td>{r.caseNumber ?? r.subject ?? ''}</td>
                  <td><code>{r.details}</code></td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="actions">
            <button type="button" className="secondary" disabled={page <= 1} onClick={() => void load(page - 1)} data-testid="audit-prev">
              <Bi zh="上一页" en="Previous" />
            </button>
            <button type="button" className="secondary" disabled={page >= pages} onClick={() => void load(page + 1)} data-testid="audit-next">
              <Bi zh="下一页" en="Next" />
            </button>
          </div>
        </>
      )}
    </section>
  );
}
