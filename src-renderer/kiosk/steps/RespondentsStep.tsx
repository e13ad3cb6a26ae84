import { Choice, useL } from '../../ui/fields.js';
import { emptyParty, type PartyAnswers } from '../wizard/answers.js';
import { PartyFields } from './PartyFields.js';
import type { StepProps } from './step-props.js';

/**
 * One or more respondents. With several, the applicant says whether each one's share is
 * definite and separate, since only then may they be filed one by one (seed 000 art. 14(2)).
 */
export function RespondentsStep({ a, set }: StepProps) {
  const l = useL();
  const update = (i: number, p: PartyAnswers) => set({ respondents: a.respondents.map((r, j) => (j === i ? p : r)) });
  return (
    <div className="stack">
      {a.respondents.map((r, i) => (
        <section key={i} className="panel inner" aria-labelledby={`resp-${i}-title`} data-testid={`respondent-${i}`}>
          <h3 id={`resp-${i}-title`}>
            {l('被执行人', 'Respondent')} {i + 1}
          </h3>
          <Choice
            name={`resp-${i}-kind`}
            legend={l('被执行人是', 'The respondent is')}
            value={r.kind}
            onChange={(kind) => update(i, { ...r, kind })}
            options={[
              { value: 'person', label: l('个人', 'A person') },
              { value: 'company', label: l('单位', 'A company') },
            ]}
          />
          <PartyFields prefix={`respondents.${i}`} p={r} onChange={(p) => update(i, p)} requireContact={false} />
          {a.respondents.length > 1 && (
            <button type="button" className="secondary" onClick={() => set({ respondents: a.respondents.filter((_, j) => j !== i) })}>
              {l('删除这个被执行人', 'Remove this respondent')}
            </button>
          )}
        </section>
      ))}
      <button type="button" className="secondary" onClick={() => set({ respondents: [...a.respondents, emptyParty('person')] })} disabled={a.respondents.length >= 20} data-testid="add-respondent">
        {l('再添加一个被执行人', 'Add another respondent')}
      </button>
      {a.respondents.length > 1 && (
        <div className="explain" data-testid="split-explain">
          <p>{l('同一份文书的执行不得人为拆分。但几个被执行人各自承担的份额明确的，可以分别申请，也可以一起申请。', 'One document is not split into several cases, except that debtors with definite separate shares may be filed one by one or together.')}</p>
          <Choice
            name="shares"
            legend={l('文书是否写明了每个被执行人各自要付多少？', 'Does the document fix each respondent’s own share?')}
            value={a.sharesDefinite}
            onChange={(sharesDefinite) => set({ sharesDefinite })}
            options={[
              { value: 'yes', label: l('是，各自份额明确', 'Yes, separate shares') },
              { value: 'no', label: l('否，共同（连带）承担', 'No, jointly liable') },
            ]}
          />
        </div>
      )}
    </div>
  );
}
