import { CONSENT_DATA, CONSENT_KIOSK } from '../../../src-shared/i18n/applicant-texts.js';
import { Check, useL } from '../../ui/fields.js';
import type { StepProps } from './step-props.js';

/** Filing by the kiosk needs the applicant's consent (seed 000 art. 5), and so does the use of their data. */
export function ConsentStep({ a, set }: StepProps) {
  const l = useL();
  return (
    <div className="stack">
      <Check id="consent-kiosk" checked={a.consentKiosk} onChange={(v) => set({ consentKiosk: v })}>
        {l(CONSENT_KIOSK.zh, CONSENT_KIOSK.en)}
      </Check>
      <Check id="consent-data" checked={a.consentData} onChange={(v) => set({ consentData: v })}>
        {l(CONSENT_DATA.zh, CONSENT_DATA.en)}
      </Check>
    </div>
  );
}
