/**
 * Correcting a returned filing at the kiosk (issue 12 item 6), for what can be given here:
 * the applicant's phone and address for service, the respondents' address and phone. Anything
 * else (documents, a different basis) is for the counter, as the notice above says.
 */
import { useState } from 'react';
import type { KioskBridge, UserError } from '../../../src-shared/api/contract.js';
import type { FilingView } from '../../../src-shared/domain/filing.js';
import { FieldErrors, TextField, useL } from '../../ui/fields.js';
import { useMsg } from '../../ui/i18n.js';

export function CorrectionForm({ filing, bridge, onDone }: { filing: FilingView; bridge: KioskBridge; onDone(v: FilingView): void }) {
  const l = useL();
  const msg = useMsg();
  const [phone, setPhone] = useState('');
  const [address, setAddress] = useState('');
  const [resp, setResp] = useState(filing.respondentNames.map(() => ({ address: '', phone: '' })));
  const [error, setError] = useState<UserError | null>(null);
  const send = async () => {
    setError(null);
    const r = await bridge['filing.correct']({
      id: filing.id,
      ...(phone.trim() ? { applicantPhone: phone.trim() } : {}),
      ...(address.trim() ? { applicantAddress: address.trim() } : {}),
      respondents: resp.map((x) => ({ ...(x.address.trim() ? { address: x.address.trim() } : {}), ...(x.phone.trim() ? { phone: x.phone.trim() } : {}) })),
    });
    if (r.ok) onDone(r.value);
    else setError(r.error);
  };
  return (
    <FieldErrors.Provider value={error?.fields ?? {}}>
      <section className="panel inner" aria-labelledby="correct-title" data-testid="correction-form">
        <h3 id="correct-title">{l('在这里补正（只填需要改的）', 'Correct it here (fill in only what changes)')}</h3>
        <div className="grid2">
          <TextField id="fix-phone" label={l('您的新联系电话', 'Your new phone')} value={phone} onChange={setPhone} keyboard="num" errorKey="applicantPhone" />
          <TextField id="fix-address" label={l('您的新送达地址', 'Your new address for service')} value={address} onChange={setAddress} errorKey="applicantAddress" />
          {filing.respondentNames.map((name, i) => (
            <div key={i} className="stack">
              <TextField id={`fix-resp-${i}-address`} label={l(`被执行人 ${name} 的地址`, `Address of respondent ${name}`)} value={resp[i]!.address} onChange={(v) => setResp(resp.map((x, j) => (j === i ? { ...x, address: v } : x)))} errorKey={`respondents.${i}.address`} />
              <TextField id={`fix-resp-${i}-phone`} label={l(`被执行人 ${name} 的电话`, `Phone of respondent ${name}`)} value={resp[i]!.phone} onChange={(v) => setResp(resp.map((x, j) => (j === i ? { ...x, phone: v } : x)))} keyboard="num" errorKey={`respondents.${i}.phone`} />
            </div>
          ))}
        </div>
        {error && (
          <p className="error-banner" role="alert">
            {msg(error)}
          </p>
        )}
        <div className="actions left">
          <button type="button" className="primary" onClick={() => void send()} disabled={!phone.trim() && !address.trim() && resp.every((x) => !x.address.trim() && !x.phone.trim())} data-testid="send-correction">
            {l('提交补正', 'Send the correction')}
          </button>
        </div>
      </section>
    </FieldErrors.Provider>
  );
}
