/**
 * The case history's progress SMS (issue 14 point 6): each message the central queued for this
 * case, its state and when it was sent, with the phone masked (138****1234) as on every screen
 * others can see.
 */
import { useCallback, useEffect, useState } from 'react';
import type { SmsCentralAnswer } from '../../src-shared/counter/sms-contract.js';
import type { SmsHistoryEntry } from '../../src-shared/sync/sms.js';
import { SMS_EVENT_LABELS } from '../../src-shared/sms/sms-events.js';
import { useL } from '../ui/fields.js';
import { chinaTime, type Call } from './counter-ui.js';

const STATE: Record<SmsHistoryEntry['state'], [string, string]> = { queued: ['待发送', 'queued'], sent: ['已发送', 'sent'], failed: ['发送失败', 'failed'] };

export function SmsHistoryPanel({ call, token, filingId, watch }: { call: Call; token: string; filingId: string; watch: (filingId: string, changed: () => void) => () => void }) {
  const l = useL();
  const [answer, setAnswer] = useState<SmsCentralAnswer<SmsHistoryEntry[]> | null>(null);
  const load = useCallback(() => void call('counter.sms.history', { token, filingId }).then((r) => r && setAnswer(r)), [call, token, filingId]);
  useEffect(() => {
    load();
    return watch(filingId, load);
  }, [load, watch, filingId]);
  return (
    <section className="panel" data-testid="sms-history">
      <h3>{l('进度短信', 'Progress SMS')}</h3>
      <div className="actions left">
        <button type="button" className="secondary small" onClick={load} data-testid="sms-history-refresh">
          {l('刷新', 'Refresh')}
        </button>
      </div>
      {answer && answer.message_zh && <p className={answer.online ? 'hint' : 'error-banner'} role="status">{l(answer.message_zh, answer.message_en)}</p>}
      {answer && answer.online && !answer.message_zh && answer.data.length === 0 && <p className="hint">{l('尚无短信（申请人未同意接收，或还没有需要告知的变化）', 'No SMS yet (no consent, or nothing to tell so far)')}</p>}
      {answer && answer.data.length > 0 && (
        <ul>
          {answer.data.map((m) => (
            <li key={m.id} data-testid="sms-entry">
              {chinaTime(m.sentAt ?? m.queuedAt)}　{l(SMS_EVENT_LABELS[m.event].zh, SMS_EVENT_LABELS[m.event].en)}　{m.phoneMasked}　{l(STATE[m.state][0], STATE[m.state][1])}
              {m.state !== 'sent' && m.attempts > 0 && l(`（已尝试${m.attempts}次）`, ` (${m.attempts} attempts)`)}
              <div className="hint">{m.text}</div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
