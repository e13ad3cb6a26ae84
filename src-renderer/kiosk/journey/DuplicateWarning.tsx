/**
 * Before submitting: the applicant already filed on this document against this respondent,
 * here or at another kiosk (issue 12 item 4). Says which filing (number masked) and when (China
 * time), and asks why it is filed again; the reason goes with the filing to the clerk. A second
 * application can be lawful (seed 000 art. 14), so this never refuses.
 */
import { useEffect, useState } from 'react';
import type { DuplicateView, KioskBridge } from '../../../src-shared/api/contract.js';
import type { FilingDraft } from '../../../src-shared/domain/filing.js';
import { DUPLICATE_REASONS, DUPLICATE_REASON_TEXT, type DuplicateAnswer, type DuplicateReason } from '../../../src-shared/domain/duplicates.js';
import { Choice, useL } from '../../ui/fields.js';
import './journey.css';

const chinaTime = (iso: string, lang: 'zh' | 'en') =>
  new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));

/** Asks the services once per draft shown at the review; `onAnswer(null)` while an answer is still needed. */
export function DuplicateWarning({ bridge, draft, lang, onState }: { bridge: KioskBridge; draft: FilingDraft; lang: 'zh' | 'en'; onState(s: { needed: boolean; answer: DuplicateAnswer | null }): void }) {
  const l = useL();
  const [found, setFound] = useState<DuplicateView[]>([]);
  const [reason, setReason] = useState<DuplicateReason | ''>('');
  const key = JSON.stringify([draft.basisNumber, draft.respondents.map((r) => [r.name, r.idNumber ?? ''])]);

  useEffect(() => {
    let live = true;
    void bridge['filing.duplicates'](draft).then((r) => {
      if (!live || !r.ok) return;
      setFound(r.value);
      onState({ needed: r.value.length > 0, answer: null });
      setReason('');
    });
    return () => {
      live = false;
    };
    // Asked again only when the basis or the respondents change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, bridge]);

  if (found.length === 0) return null;
  return (
    <section className="dup-warning" aria-labelledby="dup-title" data-testid="duplicate-warning">
      <h3 id="dup-title">{l('您好像已经申请过这个案件', 'You seem to have filed this case already')}</h3>
      <p>{l('同一份文书、同一个被执行人，已有以下申请：', 'On the same document against the same respondent, there is already:')}</p>
      <ul data-testid="duplicate-list">
        {found.map((f, i) => (
          <li key={i}>
            <strong>{f.numberMasked}</strong>　{l('提交于', 'filed')} {chinaTime(f.filedAt, lang)}　{f.where === 'kiosk' ? l('（本机）', '(this kiosk)') : l('（法院系统）', '(court system)')}
          </li>
        ))}
      </ul>
      <p>{l('如果这是重复提交，请不要再提交，点“退出”即可。如果确实需要再次申请，请选择原因：', 'If this is a repeat by mistake, do not submit again: press Leave. If you do need to apply again, choose why:')}</p>
      <Choice<DuplicateReason>
        name="duplicate-reason"
        legend={l('再次申请的原因', 'Why apply again')}
        value={reason}
        onChange={(v) => {
          setReason(v);
          onState({ needed: true, answer: { reason: v, of: found.map((f) => f.numberMasked) } });
        }}
        options={DUPLICATE_REASONS.map((r) => ({ value: r, label: l(DUPLICATE_REASON_TEXT[r].zh, DUPLICATE_REASON_TEXT[r].en) }))}
      />
    </section>
  );
}
