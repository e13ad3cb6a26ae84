import { RISK_NOTICE } from '../../../src-shared/i18n/applicant-texts.js';
import { Check, Choice, useL } from '../../ui/fields.js';
import type { StepProps } from './step-props.js';

/**
 * The enforcement risk notice in full, acknowledged (seed 001 art. 5, 12), and the 执前督
 * option where the court has it (seed 001 art. 25): offered, explained, never forced — the
 * applicant's refusal always wins, and public-notice service or urgency rule it out.
 */
export function RiskStep({ a, set, check }: StepProps) {
  const l = useL();
  const offered = check?.preEnforcementOffered ?? false;
  return (
    <div className="stack">
      <article className="notice-text" aria-labelledby="risk-title" data-testid="risk-notice">
        <h3 id="risk-title">{l('执行风险提示书', 'Enforcement risk notice')}</h3>
        {RISK_NOTICE.map((p, i) => (
          <p key={i}>{l(p.zh, p.en)}</p>
        ))}
      </article>
      <Check id="risk-ack" checked={a.riskAck} onChange={(v) => set({ riskAck: v })}>
        {l('我已阅读并知悉上述执行风险', 'I have read and understand these risks')}
      </Check>
      {offered && a.appKind === 'first' && (
        <section className="panel inner" aria-labelledby="pre-title" data-testid="pre-enforcement">
          <h3 id="pre-title">{l('可选：先由法院督促对方履行（执前督）', 'Optional: court-supervised performance first (执前督)')}</h3>
          <p>
            {l(
              '本院可以先督促被执行人在30日内主动履行，不需要采取强制措施；未履行完毕的，转为正式执行立案，材料一并移交。是否选择由您决定。',
              'The court can first urge the respondent to pay within 30 days without coercive measures; if unpaid, the case is filed for enforcement with all material. Your choice.',
            )}
          </p>
          <Choice
            name="pre-choice"
            legend={l('您的选择', 'Your choice')}
            value={a.preChoice}
            onChange={(preChoice) => set({ preChoice })}
            options={[
              { value: 'refuse', label: l('不需要，直接申请强制执行', 'No, enforce directly') },
              { value: 'accept', label: l('同意先督促履行', 'Yes, supervised performance first') },
            ]}
          />
          {a.preChoice === 'accept' && (
            <>
              <Check id="public-notice" checked={a.servedByPublicNotice} onChange={(v) => set({ servedByPublicNotice: v })}>
                {l('文书是公告送达的', 'The document was served by public notice')}
              </Check>
              <Check id="urgent" checked={a.urgent} onChange={(v) => set({ urgent: v })}>
                {l('对方正在转移财产、逃避执行等紧急情况', 'The respondent is moving assets or evading (urgent)')}
              </Check>
            </>
          )}
        </section>
      )}
    </div>
  );
}
