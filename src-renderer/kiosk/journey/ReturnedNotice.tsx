/**
 * A filing returned for correction (需要补正): the clerk's reasons and what to bring. It is not
 * also "accepted": a returned case waits for the applicant.
 */
import type { FilingView } from '../../../src-shared/domain/filing.js';
import { useL } from '../../ui/fields.js';

export const isReturned = (f: FilingView) => f.status !== 'rejected' && !!f.statusReason_zh;

export function ReturnedNotice({ filing }: { filing: FilingView }) {
  const l = useL();
  const reasons = (filing.statusReason_zh ?? '').split('；').filter(Boolean);
  return (
    <div className="correction" data-testid="status-returned">
      <p className="big">{l('需要补正', 'Correction needed')}</p>
      <p>{l('法院审查后，需要您补充或更正以下内容：', 'After review, the court needs you to add or correct:')}</p>
      <ul data-testid="status-reason">
        {reasons.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
      <p data-testid="status-bring">
        {l('请带上：本人身份证、回执（或本编号）、上面要求补充的材料原件，到立案窗口办理。', 'Bring: your ID card, the receipt (or this number) and the originals of what is asked above, to the filing counter.')}
      </p>
    </div>
  );
}
