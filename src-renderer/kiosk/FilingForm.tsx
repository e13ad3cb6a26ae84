import { useState, type FormEvent } from 'react';
import type { FilingDraft } from '../../src-shared/domain/filing.js';
import type { UserError } from '../../src-shared/api/contract.js';
import { parseCaseNumber } from '../../src-shared/casenum/case-number.js';
import { useMsg, useT } from '../ui/i18n.js';

interface Props {
  busy: boolean;
  error: UserError | null;
  onSubmit(draft: FilingDraft): void;
  onCancel(): void;
}

/** The skeleton's interview: basis document, one respondent, the amount. */
export function FilingForm({ busy, error, onSubmit, onCancel }: Props) {
  const t = useT();
  const msg = useMsg();
  const [basis, setBasis] = useState('');
  const [kind, setKind] = useState<'person' | 'company'>('person');
  const [respondent, setRespondent] = useState('');
  const [amount, setAmount] = useState('');
  const [phone, setPhone] = useState('');

  // Checked as the applicant types, with the same parser the services use.
  const basisCheck = basis.trim() ? parseCaseNumber(basis) : null;
  const fieldError = (key: string) => error?.fields?.[key];

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const draft: FilingDraft = { basisNumber: basis, respondents: [{ kind, name: respondent }], amountYuan: amount };
    if (phone.trim()) draft.applicantPhone = phone;
    onSubmit(draft);
  };

  return (
    <form className="panel form" onSubmit={submit} data-testid="filing-form" noValidate>
      <h2>{t('form.title')}</h2>
      <label htmlFor="basis">{t('form.basis')}</label>
      <input id="basis" name="basis" value={basis} onChange={(e) => setBasis(e.target.value)} placeholder={t('form.basis.example')} autoComplete="off" aria-describedby="basis-check" />
      <p id="basis-check" className={basisCheck && !basisCheck.ok ? 'field-error' : 'field-ok'} data-testid="basis-check" aria-live="polite">
        {fieldError('basisNumber') ?? (basisCheck ? (basisCheck.ok ? `${t('form.basis.ok')}：${basisCheck.canonical}` : msg(basisCheck)) : '\u00a0')}
      </p>

      <fieldset>
        <legend>{t('form.respondent.kind')}</legend>
        <label className="choice">
          <input type="radio" name="kind" checked={kind === 'person'} onChange={() => setKind('person')} />
          {t('form.respondent.person')}
        </label>
        <label className="choice">
          <input type="radio" name="kind" checked={kind === 'company'} onChange={() => setKind('company')} />
          {t('form.respondent.company')}
        </label>
      </fieldset>

      <label htmlFor="respondent">{t('form.respondent')}</label>
      <input id="respondent" name="respondent" value={respondent} onChange={(e) => setRespondent(e.target.value)} autoComplete="off" />
      {fieldError('respondents.0.name') && <p className="field-error">{fieldError('respondents.0.name')}</p>}

      <label htmlFor="amount">{t('form.amount')}</label>
      <input id="amount" name="amount" inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} autoComplete="off" />
      {fieldError('amountYuan') && <p className="field-error">{fieldError('amountYuan')}</p>}

      <label htmlFor="phone">{t('form.phone')}</label>
      <input id="phone" name="phone" inputMode="tel" value={phone} onChange={(e) => setPhone(e.target.value)} autoComplete="off" />

      {error && (
        <p className="error-banner" role="alert" data-testid="form-error">
          {msg(error)}
        </p>
      )}
      <div className="actions">
        <button type="button" className="secondary" onClick={onCancel}>
          {t('form.cancel')}
        </button>
        <button type="submit" className="primary" disabled={busy} data-testid="submit">
          {busy ? t('form.submitting') : t('form.submit')}
        </button>
      </div>
    </form>
  );
}
