import { ApplicantCard } from '../ApplicantCard.js';
import { Choice, TextField, useL } from '../../ui/fields.js';
import { emptyParty, type Filer } from '../wizard/answers.js';
import { PartyFields } from './PartyFields.js';
import type { StepProps } from './step-props.js';

/**
 * Who files. An agent files with their own card and gives the principal's own address and
 * contact, which may not be replaced by the agent's (seed 001 art. 6); a company files by its
 * credit code, name and legal representative.
 */
export function WhoStep({ a, set, card, bridge }: StepProps) {
  const l = useL();
  return (
    <div className="stack">
      <Choice<Filer>
        name="filer"
        legend={l('您是', 'You are')}
        value={a.filer}
        onChange={(filer) => set({ filer })}
        options={[
          { value: 'self', label: l('申请人本人', 'The applicant'), hint: l('为自己申请执行', 'applying for yourself') },
          { value: 'agent', label: l('委托代理人', 'An agent'), hint: l('代理他人申请，需拍摄授权委托书', 'for someone else; photograph the power of attorney') },
          { value: 'company', label: l('单位的法定代表人或工作人员', 'For a company'), hint: l('为单位申请', 'applying for a company') },
        ]}
      />
      {card ? (
        <ApplicantCard card={card} bridge={bridge} title={a.filer === 'self' ? l('申请执行人（本人）', 'Applicant (you)') : a.filer === 'agent' ? l('代理人（本人）', 'Agent (you)') : l('经办人（本人）', 'Person filing (you)')} />
      ) : (
        <p className="notice" role="status" data-testid="need-card">
          {l('请将您本人的身份证放在读卡区', 'Place your own ID card on the reader')}
        </p>
      )}
      <div className="grid2">
        <TextField id="own-phone" label={l('您的联系电话', 'Your phone')} value={a.phone} onChange={(v) => set({ phone: v })} keyboard="phone" errorKey="applicants.0.phone" required />
        <TextField id="own-address" label={l('送达地址（与身份证不同时填写）', 'Address for service (if not the one on the card)')} value={a.address} onChange={(v) => set({ address: v })} errorKey="applicants.0.address" />
      </div>
      <Choice<'yes' | 'no'>
        name="progress-sms"
        legend={l('办理进度是否用短信告诉您？', 'Shall the court tell you of progress by SMS?')}
        value={a.progressSms}
        onChange={(progressSms) => set({ progressSms })}
        options={[
          { value: 'yes', label: l('同意接收进度短信', 'Yes, send me progress SMS'), hint: l('受理、退回、分案、结案时发到上面的电话，短信只写案号和办理状态', 'to the phone above when accepted, returned, assigned or closed; only the case number and status') },
          { value: 'no', label: l('不接收短信', 'No SMS'), hint: l('法院用电话或其他方式告知', 'the court tells you by phone or otherwise') },
        ]}
      />
      {a.filer === 'agent' && (
        <section className="panel inner" aria-labelledby="principal-title">
          <h3 id="principal-title">{l('被代理人（委托人）', 'Principal (whom you represent)')}</h3>
          <p className="hint">{l('请填写委托人本人的地址和电话，不能用代理人的代替。', 'Give the principal’s own address and phone, not yours.')}</p>
          <Choice
            name="principal-kind"
            legend={l('委托人是', 'The principal is')}
            value={a.principal.kind}
            onChange={(kind) => set({ principal: { ...emptyParty(kind), ...(kind === a.principal.kind ? a.principal : {}), kind } })}
            options={[
              { value: 'person', label: l('个人', 'A person') },
              { value: 'company', label: l('单位', 'A company') },
            ]}
          />
          <PartyFields prefix="principal" p={a.principal} onChange={(principal) => set({ principal })} requireContact />
        </section>
      )}
      {a.filer === 'company' && (
        <section className="panel inner" aria-labelledby="company-title">
          <h3 id="company-title">{l('申请单位', 'Applying company')}</h3>
          <PartyFields prefix="company" p={a.company} onChange={(company) => set({ company: { ...company, kind: 'company' } })} requireContact />
        </section>
      )}
    </div>
  );
}
