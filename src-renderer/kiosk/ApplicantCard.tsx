import { useEffect, useState } from 'react';
import type { CardView, KioskBridge } from '../../src-shared/api/contract.js';
import { useL } from '../ui/fields.js';
import { useT } from '../ui/i18n.js';

/** How long the full number stays on screen once the applicant asked to check it. */
const REVEAL_MS = 15_000;

/** The applicant's own data from the card; the ID number stays masked on this public screen. */
export function ApplicantCard({ card, title, bridge }: { card: CardView; title?: string; bridge?: KioskBridge }) {
  const t = useT();
  const l = useL();
  const [full, setFull] = useState<string | null>(null);
  useEffect(() => {
    if (!full) return;
    const timer = setTimeout(() => setFull(null), REVEAL_MS);
    return () => clearTimeout(timer);
  }, [full]);
  const reveal = () => void bridge?.['session.revealId'](null).then((r) => r.ok && setFull(r.value.idNumber));
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
        <dd>
          <span data-testid="applicant-id">{full ?? card.idNumberMasked}</span>
          {bridge && (
            <button type="button" className="secondary inline" onClick={full ? () => setFull(null) : reveal} aria-pressed={full !== null} data-testid="reveal-id">
              {full ? l('隐藏', 'Hide') : l('核对完整号码', 'Check full number')}
            </button>
          )}
        </dd>
        <dt>{t('applicant.address')}</dt>
        <dd>{card.address}</dd>
      </dl>
    </section>
  );
}
