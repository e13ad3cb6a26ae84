import { useEffect, useState } from 'react';
import type { KioskBridge, SubmitResult } from '../../src-shared/api/contract.js';
import type { FilingView } from '../../src-shared/domain/filing.js';
import { formatYuan } from '../../src-shared/domain/money.js';
import { enforcementTypeInfo } from '../../src-shared/casenum/type-codes.js';
import { NEXT_STEPS } from '../../src-shared/i18n/applicant-texts.js';
import { useL } from '../ui/fields.js';
import { useMsg, useT } from '../ui/i18n.js';
import { qrDataUrl } from '../ui/qr.js';
import { speak } from '../ui/speak.js';
import { numberToSay } from './number-to-say.js';

/**
 * Says plainly which number the applicant has now — the official 案号 when the central
 * answered, otherwise the provisional number and that the official one follows — what
 * happens next, and the QR code for status queries; prints or saves the receipt.
 */
export function ResultScreen({ filing, receiptCode, bridge, onDone }: { filing: FilingView; receiptCode: string; bridge: KioskBridge; onDone(): void }) {
  const t = useT();
  const l = useL();
  const msg = useMsg();
  const [qr, setQr] = useState<string | null>(null);
  const [printNote, setPrintNote] = useState<{ text: string; error: boolean } | null>(null);
  const [pdf, setPdf] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void qrDataUrl(receiptCode).then(setQr);
  }, [receiptCode]);

  const issue = async (to: 'printer' | 'pdf') => {
    setBusy(true);
    const r = await bridge['receipt.print']({ id: filing.id, to });
    setBusy(false);
    if (!r.ok) {
      setPrintNote({ text: msg(r.error), error: true });
      return;
    }
    setPrintNote({ text: msg(r.value), error: false });
    if (r.value.pdfBase64) setPdf(`data:application/pdf;base64,${r.value.pdfBase64}`);
  };

  const official = filing.officialNo;
  const info = enforcementTypeInfo(filing.typeCode ?? '执');
  const typeName = info ? `${l(info.name_zh, info.name_en)}（${info.code}）` : (filing.typeCode ?? '');
  return (
    <section className="panel result" data-testid="result" aria-labelledby="result-title">
      <h2 id="result-title">{t('result.title')}</h2>
      <div className="result-grid">
        <dl className="numbers">
          <dt>{t('result.official')}</dt>
          <dd data-testid="official-no">{official ?? '—'}</dd>
          <dt>{t('result.provisional')}</dt>
          <dd data-testid="provisional-no">{filing.provisionalNo}</dd>
          <dt>{l('立案类型', 'Type')}</dt>
          <dd data-testid="result-type">{typeName}</dd>
          <dt>{l('申请金额', 'Amount')}</dt>
          <dd>¥ {formatYuan(filing.amountFen)}</dd>
          {filing.interestUntilPaid && (
            <>
              <dt>{l('利息', 'Interest')}</dt>
              <dd data-testid="result-interest">
                {l(
                  `自${filing.interestUntilPaid.from}起按年利率${filing.interestUntilPaid.ratePercent}%计至实际清偿之日止（金额算至${filing.interestUntilPaid.countedTo}，之后继续计算）`,
                  `From ${filing.interestUntilPaid.from} at ${filing.interestUntilPaid.ratePercent}% a year until actually paid (the amount counts it to ${filing.interestUntilPaid.countedTo}; it keeps running)`,
                )}
              </dd>
            </>
          )}
        </dl>
        {qr && <img className="qr" src={qr} alt={l('查询进度二维码：在本终端“查询进度”处扫描', 'Status QR code: scan it under “Check progress” at this kiosk')} data-testid="receipt-qr" />}
      </div>
      <p className="status" role="status" data-testid="result-status">
        {filing.status === 'accepted' ? t('result.accepted') : filing.status === 'rejected' ? `${t('result.rejected')}${filing.statusReason_zh ? l(`：${filing.statusReason_zh}`, ` (the court wrote: ${filing.statusReason_zh})`) : ''}` : t('result.waiting')}
      </p>
      <h3>{l('接下来', 'What happens next')}</h3>
      <ul className="next-steps">
        {(l('zh', 'en') === 'zh' ? NEXT_STEPS.zh : NEXT_STEPS.en).map((s) => (
          <li key={s}>{s}</li>
        ))}
        {filing.nextDeadline && (
          <li>
            {l('下一个时间节点', 'Next time node')}：{l(filing.nextDeadline.label_zh, filing.nextDeadline.label_en)} {filing.nextDeadline.dueDate}
          </li>
        )}
      </ul>
      {printNote && (
        <p className={printNote.error ? 'error-banner' : 'notice'} role={printNote.error ? 'alert' : 'status'} data-testid="print-note">
          {printNote.text}
        </p>
      )}
      {pdf && (
        <a className="button-link" href={pdf} download={`回执-${filing.provisionalNo}.pdf`} data-testid="pdf-link">
          {l('下载回执 PDF', 'Download the receipt PDF')}
        </a>
      )}
      <div className="actions">
        <button type="button" className="secondary" onClick={() => speak(numberToSay(filing, l), l('zh', 'en') === 'zh' ? 'zh' : 'en')} data-testid="read-number">
          {l('朗读编号', 'Read the number aloud')}
        </button>
        <button type="button" className="secondary" onClick={() => void issue('pdf')} disabled={busy} data-testid="save-pdf">
          {l('保存为 PDF', 'Save as PDF')}
        </button>
        <button type="button" className="secondary" onClick={() => void issue('printer')} disabled={busy} data-testid="print">
          {l('打印回执', 'Print receipt')}
        </button>
        <button type="button" className="primary" onClick={onDone} data-testid="done">
          {t('result.done')}
        </button>
      </div>
    </section>
  );
}

export type { SubmitResult };
