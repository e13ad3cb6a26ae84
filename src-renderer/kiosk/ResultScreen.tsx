import type { KioskBridge, SubmitResult } from '../../src-shared/api/contract.js';
import type { FilingView } from '../../src-shared/domain/filing.js';
import { formatYuan } from '../../src-shared/domain/money.js';
import { dueDateText } from '../../src-shared/calendar/unconfirmed-note.js';
import { enforcementTypeInfo } from '../../src-shared/casenum/type-codes.js';
import { NEXT_STEPS } from '../../src-shared/i18n/applicant-texts.js';
import { useL } from '../ui/fields.js';
import { useT } from '../ui/i18n.js';
import { ReceiptWays } from './journey/ReceiptWays.js';

/**
 * Says plainly which number the applicant has now — the official 案号 when the central
 * answered, otherwise the provisional number and that the official one follows — what
 * happens next, and the QR code for status queries; prints or saves the receipt.
 */
export function ResultScreen({ filing, receiptCode, bridge, onDone, lang }: { filing: FilingView; receiptCode: string; bridge: KioskBridge; onDone(): void; lang: 'zh' | 'en' }) {
  const t = useT();
  const l = useL();

  const official = filing.officialNo;
  const info = enforcementTypeInfo(filing.typeCode ?? '执');
  const typeName = info ? `${l(info.name_zh, info.name_en)}（${info.code}）` : (filing.typeCode ?? '');
  return (
    <section className="panel result" data-testid="result" aria-labelledby="result-title">
      <h2 id="result-title">{t('result.title')}</h2>
      <ReceiptWays filing={filing} receiptCode={receiptCode} bridge={bridge} lang={lang} />
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
            {l('下一个时间节点', 'Next time node')}：{l(filing.nextDeadline.label_zh, filing.nextDeadline.label_en)} <span data-testid="next-deadline-date">{l(dueDateText(filing.nextDeadline.dueDate, filing.nextDeadline.calendarConfirmed, 'zh'), dueDateText(filing.nextDeadline.dueDate, filing.nextDeadline.calendarConfirmed, 'en'))}</span>
          </li>
        )}
      </ul>
      <div className="actions">
        <button type="button" className="primary" onClick={onDone} data-testid="done">
          {t('result.done')}
        </button>
      </div>
    </section>
  );
}

export type { SubmitResult };
