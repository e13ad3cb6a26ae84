import { useCallback, useEffect, useState } from 'react';
import { STAGE_LABEL_ZH, type QueueRow } from '../../src-shared/counter/contract.js';
import { chinaDate } from '../../src-shared/calendar/work-calendar.js';
import { formatYuan } from '../../src-shared/domain/money.js';
import { chinaTime, rowDueText, type Call } from './counter-ui.js';
import { HandoverPanel } from './HandoverPanel.js';

type Filter = 'open' | 'today' | 'overdue' | 'returned' | 'done' | 'all';
const FILTERS: Array<[Filter, string]> = [
  ['open', '待办'],
  ['today', '今日'],
  ['overdue', '已超期'],
  ['returned', '已退回'],
  ['done', '已办结'],
  ['all', '全部'],
];

/** `watch`: subscribes to filing changes (a new kiosk filing, a number from the central) to refresh the list. */
export function QueueView({ call, token, onOpen, watch }: { call: Call; token: string; onOpen: (filingId: string) => void; watch: (changed: () => void) => () => void }) {
  const [rows, setRows] = useState<QueueRow[] | null>(null);
  const [query, setQuery] = useState('');
  const [filter, setFilter] = useState<Filter>('open');
  const today = chinaDate(new Date());
  const [from, setFrom] = useState(today);
  const [to, setTo] = useState(today);
  const [csv, setCsv] = useState<string | null>(null);

  const load = useCallback(async () => {
    const r = await call('counter.queue', { token, query, filter });
    if (r) setRows(r);
  }, [call, token, query, filter]);
  useEffect(() => {
    void load();
    return watch(() => void load());
  }, [load, watch]);

  const exportRegister = async () => {
    const r = await call('counter.register.csv', { token, from, to });
    if (r) setCsv(URL.createObjectURL(new Blob([r.csv], { type: 'text/csv' })));
  };

  return (
    <section className="panel counter-queue" aria-labelledby="queue-title">
      <h2 id="queue-title">立案申请队列</h2>
      <HandoverPanel call={call} token={token} onFiled={onOpen} />
      <div className="counter-toolbar">
        <label>
          查找
          <input value={query} onChange={(e) => setQuery(e.target.value)} placeholder="案号、临时编号、姓名或身份证号" data-testid="queue-search" />
        </label>
        <label>
          范围
          <select value={filter} onChange={(e) => setFilter(e.target.value as Filter)} data-testid="queue-filter">
            {FILTERS.map(([v, l]) => (
              <option key={v} value={v}>
                {l}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="secondary" onClick={() => void load()} data-testid="queue-refresh">
          刷新
        </button>
      </div>
      {rows && rows.length === 0 && <p className="hint">没有符合条件的申请</p>}
      {rows && rows.length > 0 && (
        <table className="counter-table" data-testid="queue">
          <thead>
            <tr>
              <th>编号</th>
              <th>立案时间</th>
              <th>申请执行人</th>
              <th>被执行人</th>
              <th>金额（元）</th>
              <th>状态</th>
              <th>期限（5个工作日）</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.filingId} className={r.overdue ? 'overdue' : ''} data-testid="queue-row" data-provisional={r.provisionalNo}>
                <td>
                  <div>{r.officialNo ?? '（待编号）'}</div>
                  <div className="hint">{r.provisionalNo}</div>
                </td>
                <td>{chinaTime(r.submittedAt)}</td>
                <td>{r.applicantName || '—'}</td>
                <td>{r.respondentNames.join('、') || '—'}</td>
                <td>{r.source === 'local' ? formatYuan(r.amountFen) : '—'}</td>
                <td>
                  {STAGE_LABEL_ZH[r.stage]}
                  {r.centralStatus && <div className="hint">中心：{r.centralStatus}</div>}
                </td>
                <td>
                  {rowDueText(r)}
                  {r.overdue && <strong className="overdue-tag"> 已超期</strong>}
                </td>
                <td>
                  {r.source === 'local' ? (
                    <button type="button" className="primary small" onClick={() => onOpen(r.filingId)} data-testid="queue-open">
                      办理
                    </button>
                  ) : (
                    <span className="hint">其他终端立案</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <details className="counter-register">
        <summary>初次接待登记表（导出 CSV）</summary>
        <label>
          自 <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label>
          至 <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
        <button type="button" className="secondary small" onClick={() => void exportRegister()} data-testid="register-export">
          生成
        </button>
        {csv && (
          <a href={csv} download={`初次接待登记表-${from}-${to}.csv`} data-testid="register-link">
            下载登记表
          </a>
        )}
      </details>
    </section>
  );
}
