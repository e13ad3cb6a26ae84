/**
 * After "hand to the counter": the code the applicant tells the clerk, in large type. The code
 * opens the encrypted package at the counter; it is shown once and never stored by the page.
 */
import { useL } from '../ui/fields.js';
import { chinaDateTime } from '../../src-shared/time/china-time.js';

export function HandoverCode({ code, expiresAt, onDone }: { code: string; expiresAt: string; onDone(): void }) {
  const l = useL();
  const until = chinaDateTime(new Date(expiresAt));
  return (
    <section className="panel handover-code" aria-labelledby="handover-title" data-testid="handover-code">
      <h2 id="handover-title">{l('已交给窗口办理', 'Handed to the counter')}</h2>
      <p className="instruction">{l('请把此号码告诉窗口工作人员', 'Tell this number to the counter staff')}</p>
      <p className="handover-number" data-testid="handover-number" style={{ fontSize: '4rem', letterSpacing: '0.3em', fontFamily: 'monospace', textAlign: 'center' }}>
        {code}
      </p>
      <p>
        {l(`请在 ${until} 前到窗口办理，过期后需重新填写。`, `Go to the counter before ${until} (China time); after that the application is deleted.`)}
      </p>
      <div className="actions">
        <button type="button" className="primary" onClick={onDone} data-testid="handover-done">
          {l('我已记下，结束', 'I have noted it, finish')}
        </button>
      </div>
    </section>
  );
}
