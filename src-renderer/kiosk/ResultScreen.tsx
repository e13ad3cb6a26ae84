import type { FilingView } from '../../src-shared/domain/filing.js';
import { formatYuan } from '../../src-shared/domain/money.js';
import { useT } from '../ui/i18n.js';

/** Says plainly which number the applicant has now, and what happens next. */
export function ResultScreen({ filing, onDone }: { filing: FilingView; onDone(): void }) {
  const t = useT();
  return (
    <section className="panel result" data-testid="result">
      <h2>{t('result.title')}</h2>
      <dl className="numbers">
        <dt>{t('result.provisional')}</dt>
        <dd data-testid="provisional-no">{filing.provisionalNo}</dd>
        <dt>{t('result.official')}</dt>
        <dd data-testid="official-no">{filing.officialNo ?? '—'}</dd>
      </dl>
      <p className="amount">¥ {formatYuan(filing.amountFen)}</p>
      <p className="status" role="status" data-testid="result-status">
        {filing.status === 'accepted' ? t('result.accepted') : filing.status === 'rejected' ? `${t('result.rejected')}：${filing.statusReason_zh ?? ''}` : t('result.waiting')}
      </p>
      <div className="actions">
        <button type="button" className="primary" onClick={onDone} data-testid="done">
          {t('result.done')}
        </button>
      </div>
    </section>
  );
}
