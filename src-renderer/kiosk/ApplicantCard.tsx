import type { CardView } from '../../src-shared/api/contract.js';
import { useT } from '../ui/i18n.js';

/** The applicant's own data from the card; the ID number stays masked on this public screen. */
export function ApplicantCard({ card, title }: { card: CardView; title?: string }) {
  const t = useT();
  const birth = `${card.birthDate.slice(0, 4)}-${card.birthDate.slice(4, 6)}-${card.birthDate.slice(6, 8)}`;
  return (
    <section className="panel" aria-labelledby="applicant-title" data-testid="applicant">
      <h2 id="applicant-title">{title ?? t('applicant.title')}</h2>
      <dl className="facts">
        <dt>{t('applicant.name')}</dt>
        <dd data-testid="applicant-name">{card.name}</dd>
        <dt>{t('applicant.gender')}</dt>
        <dd>{card.genderLabel_zh}</dd>
        <dt>{t('applicant.birth')}</dt>
        <dd>{birth}</dd>
        <dt>{t('applicant.id')}</dt>
        <dd data-testid="applicant-id">{card.idNumberMasked}</dd>
        <dt>{t('applicant.address')}</dt>
        <dd>{card.address}</dd>
      </dl>
    </section>
  );
}
