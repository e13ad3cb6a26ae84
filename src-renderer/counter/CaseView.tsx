import { dueDateText } from '../../src-shared/calendar/unconfirmed-note.js';
import { citeSource } from '../../src-shared/rules/cite-source.js';
import { SmsHistoryPanel } from './SmsHistoryPanel.js';
import { useEffect, useState } from 'react';
import { STAGE_LABEL_ZH, type CaseDetail, type ClerkView } from '../../src-shared/counter/contract.js';
import { formatYuan } from '../../src-shared/domain/money.js';
import { rowDueText, type Call } from './counter-ui.js';
import { NoticePanel } from './NoticePanel.js';
import { RelatedPanel } from './RelatedPanel.js';
import { VerifyPanel } from './VerifyPanel.js';
import { ReceptionPanel } from './ReceptionPanel.js';
import { TriagePanel } from './TriagePanel.js';
import { StagePanel } from './StagePanel.js';
import { PrePanel } from './PrePanel.js';

type Shown = { dataUrl: string } | { message_zh: string };

/** The pages beside the data to verify: each from this terminal, or fetched from the court system;
 * a page that cannot be had now shows why in its place. The signed reception scan comes last. */
function Pages({ call, token, detail }: { call: Call; token: string; detail: CaseDetail }) {
  const [shown, setShown] = useState<Record<string, Shown>>({});
  const filingId = detail.row.filingId;
  const scanId = detail.reception?.scanId ?? null;
  const pages = [...detail.documents.map((d) => ({ id: d.id, label: `材料：${d.kind}` })), ...(scanId ? [{ id: scanId, label: '签名后的初次接待笔录扫描件' }] : [])];
  const ids = pages.map((p) => p.id).join(',');
  useEffect(() => {
    let live = true;
    void (async () => {
      for (const id of ids ? ids.split(',') : []) {
        const r = await call('counter.document', { token, id, filingId });
        if (!r || !live) continue;
        setShown((u) => ({ ...u, [id]: r.dataUrl ? { dataUrl: r.dataUrl } : { message_zh: r.message_zh ?? '页面图像暂时无法显示' } }));
      }
    })();
    return () => {
      live = false;
    };
  }, [call, token, filingId, ids]);
  return (
    <section className="panel counter-pages" aria-labelledby="pages-title">
      <h3 id="pages-title">扫描材料</h3>
      {pages.length === 0 && <p className="hint">申请时未拍摄材料</p>}
      {pages.map((p) => {
        const s = shown[p.id];
        if (!s) return <p key={p.id} className="hint">正在载入…</p>;
        if ('message_zh' in s) return <p key={p.id} className="error-banner" role="status" data-testid="page-unavailable">{p.label}：{s.message_zh}</p>;
        if (s.dataUrl.startsWith('data:application/pdf')) return <a key={p.id} href={s.dataUrl} download={`${p.label}.pdf`}>{p.label}（PDF）</a>;
        return <img key={p.id} src={s.dataUrl} alt={p.label} />;
      })}
    </section>
  );
}

/** `watch`: subscribes to this filing's changes made at the court's other terminals, to show them. */
export function CaseView({ call, token, clerk, filingId, onBack, onOpen, watch }: { call: Call; token: string; clerk: ClerkView; filingId: string; onBack: () => void; onOpen: (filingId: string) => void; watch: (filingId: string, changed: () => void) => () => void }) {
  const [detail, setDetail] = useState<CaseDetail | null>(null);
  useEffect(() => {
    const load = () => void call('counter.case', { token, filingId }).then((d) => d && setDetail(d));
    load();
    return watch(filingId, load);
  }, [call, token, filingId, watch]);
  if (!detail) return <p className="hint">正在载入…</p>;
  const row = detail.row;
  const finish = async () => {
    const d = await call('counter.done', { token, filingId });
    if (d) setDetail(d);
  };
  return (
    <div className="counter-case" data-testid="case-view">
      <div className="counter-case-head">
        <button type="button" className="secondary small" onClick={onBack} data-testid="case-back">
          返回队列
        </button>
        <h2>
          <span data-testid="case-number">{row.officialNo ?? row.provisionalNo}</span>
          <small>
            {' '}
            {row.typeCode} · {STAGE_LABEL_ZH[row.stage]} · 期限 <span data-testid="case-due">{rowDueText(row)}</span>
            {row.overdue && <strong className="overdue-tag"> 已超期</strong>}
          </small>
        </h2>
      </div>
      <dl className="facts">
        <dt>申请执行人</dt>
        <dd>
          {detail.applicant.name}（{detail.applicant.idNumber}）
        </dd>
        <dt>被执行人</dt>
        <dd>{detail.respondents.map((r) => r.name).join('、')}</dd>
        <dt>申请金额</dt>
        <dd>{formatYuan(row.amountFen)} 元</dd>
        <dt>临时编号</dt>
        <dd>{row.provisionalNo}</dd>
      </dl>
      {detail.deadlines && detail.deadlines.length > 0 && (
        <section className="panel" aria-labelledby="nodes-title" data-testid="counter-deadlines">
          <h3 id="nodes-title">
            本院窗口期限 <small lang="en">The court's counter periods</small>
          </h3>
          <ul>
            {detail.deadlines.map((d) => (
              <li key={d.task} data-testid={`deadline-${d.task}`}>
                {d.label_zh}：{d.period_zh}，{dueDateText(d.dueDate, d.calendarConfirmed)}前（依据：{citeSource(d.source).zh}）
                <small lang="en">
                  {' '}
                  {d.label_en}: {d.period_en}, by {d.dueDate}
                </small>
              </li>
            ))}
          </ul>
        </section>
      )}
      <div className="counter-columns">
        <Pages call={call} token={token} detail={detail} />
        <div>
          <VerifyPanel call={call} token={token} detail={detail} onChange={setDetail} />
          {/* A version saved elsewhere (another counter PC) starts the form afresh. */}
          <ReceptionPanel key={`${detail.row.filingId}:${detail.reception?.version ?? 0}`} call={call} token={token} detail={detail} clerkName={clerk.displayName} onChange={setDetail} />
          <TriagePanel call={call} token={token} clerk={clerk} detail={detail} onChange={setDetail} />
          <StagePanel call={call} token={token} clerk={clerk} detail={detail} onChange={setDetail} />
          <PrePanel call={call} token={token} detail={detail} onChange={setDetail} onOpen={onOpen} />
          <RelatedPanel call={call} token={token} detail={detail} onChange={setDetail} />
          <NoticePanel call={call} token={token} detail={detail} />
          <SmsHistoryPanel call={call} token={token} filingId={filingId} watch={watch} />
          <div className="actions">
            <button type="button" className="primary" onClick={() => void finish()} disabled={row.stage === 'done'} data-testid="case-done">
              {row.stage === 'done' ? '已办结' : '办结'}
            </button>
          </div>
        </div>
      </div>
    </div>
  );
}
