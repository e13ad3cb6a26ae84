import type { PartyAnswers } from '../wizard/answers.js';
import { TextField, useL } from '../../ui/fields.js';

/** Name, ID number or credit code, legal representative, address and phone of one party. */
export function PartyFields({ prefix, p, onChange, requireContact }: { prefix: string; p: PartyAnswers; onChange(p: PartyAnswers): void; requireContact: boolean }) {
  const l = useL();
  const up = (patch: Partial<PartyAnswers>) => onChange({ ...p, ...patch });
  const company = p.kind === 'company';
  return (
    <div className="grid2">
      <TextField id={`${prefix}-name`} label={company ? l('单位名称', 'Company name') : l('姓名', 'Name')} value={p.name} onChange={(v) => up({ name: v })} errorKey={`${prefix}.name`} required />
      <TextField
        id={`${prefix}-id`}
        label={company ? l('统一社会信用代码', 'Unified social credit code') : l('公民身份号码', 'ID number')}
        value={p.idNumber}
        onChange={(v) => up({ idNumber: v.toUpperCase() })}
        keyboard={company ? 'abc' : 'id'}
        errorKey={`${prefix}.idNumber`}
        required={requireContact}
      />
      {company && <TextField id={`${prefix}-rep`} label={l('法定代表人', 'Legal representative')} value={p.legalRep} onChange={(v) => up({ legalRep: v })} errorKey={`${prefix}.legalRep`} />}
      <TextField id={`${prefix}-address`} label={l('送达地址', 'Address for service')} value={p.address} onChange={(v) => up({ address: v })} errorKey={`${prefix}.address`} required={requireContact} />
      <TextField id={`${prefix}-phone`} label={l('联系电话', 'Phone')} value={p.phone} onChange={(v) => up({ phone: v })} keyboard="phone" errorKey={`${prefix}.phone`} required={requireContact} />
    </div>
  );
}
