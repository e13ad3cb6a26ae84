import { useState } from 'react';
import { NOTICE_KINDS, NOTICE_TITLE_EN, NOTICE_TITLE_ZH, type CaseDetail, type NoticeDraft, type NoticeKind } from '../../src-shared/counter/contract.js';
import { pdfUrl, type Call } from './counter-ui.js';

/**
 * Notice drafts for the case (the 督促履行通知书 instead of the 执行通知书 for 执前督): the text
 * as filled, the placeholders still empty, and issuing, which the service refuses while any is
 * empty (the refusal names them in the error banner).
 */
export function NoticePanel({ call, token, detail }: { call: Call; token: string; detail: CaseDetail }) {
  const [shown, setShown] = useState<{ kind: NoticeKind; draft: NoticeDraft; url: string; issued: boolean } | null>(null);
  const filingId = detail.row.filingId;
  const open = async (kind: NoticeKind, issue: boolean) => {
    const d = await call(issue ? 'counter.notice.issue' : 'counter.notice.draft', { token, filingId, kind });
    if (d) setShown({ kind, draft: d, url: pdfUrl(d.pdfBase64), issued: issue });
  };
  return (
    <section className="panel" data-testid="notice-panel">
      <h3>
        文书 <small lang="en">Notices</small>
      </h3>
      <div className="actions left">
        {(detail.noticeKinds ?? NOTICE_KINDS).map((k) => (
          <button key={k} type="button" className="secondary small" onClick={() => void open(k, false)} data-testid={`notice-draft-${k}`}>
            {NOTICE_TITLE_ZH[k]}草稿 <small lang="en">Draft {NOTICE_TITLE_EN[k]}</small>
          </button>
        ))}
      </div>
      {shown && (
        <div data-testid="notice-shown">
          <h4>
            {NOTICE_TITLE_ZH[shown.kind]}
            {shown.issued ? '（已签发）' : '（草稿）'} <small lang="en">{shown.issued ? 'issued' : 'draft'}</small>
          </h4>
          <pre className="notice-text" data-testid="notice-text">{shown.draft.text}</pre>
          {shown.draft.empty.length > 0 && (
            <p className="error-banner" role="status" data-testid="notice-empty">
              以下内容为空，签发前须补齐：{shown.draft.empty.map((n) => `{{${n}}}`).join('、')}
              <br />
              <small lang="en">Empty, to fill before issuing: {shown.draft.empty.map((n) => `{{${n}}}`).join(', ')}</small>
            </p>
          )}
          <div className="actions left">
            {!shown.issued && (
              <button type="button" className="primary small" onClick={() => void open(shown.kind, true)} data-testid="notice-issue">
                签发 <small lang="en">Issue</small>
              </button>
            )}
            <a href={shown.url} download={shown.draft.fileName}>
              下载 {shown.draft.fileName} <small lang="en">Download PDF</small>
            </a>
          </div>
        </div>
      )}
    </section>
  );
}
