/**
 * Progress-SMS supervision at the counter (seed 004 group 7 item 10): cases whose applicant was
 * not told of a change within N days, and, for team leaders and administrators, the court's
 * SMS templates and which events send.
 */
import { useState } from 'react';
import type { ClerkRole } from '../../src-shared/counter/contract.js';
import type { SilentCase } from '../../src-shared/sync/sms.js';
import { SMS_EVENT_LABELS, SMS_PLACEHOLDERS, type SmsTemplate } from '../../src-shared/sms/sms-events.js';
import { useL } from '../ui/fields.js';
import { chinaTime, type Call } from './counter-ui.js';

export function SmsMonitorPanel({ call, token, role }: { call: Call; token: string; role: ClerkRole }) {
  const l = useL();
  const [days, setDays] = useState('3');
  const [silent, setSilent] = useState<{ note: [string, string] | null; cases: SilentCase[] } | null>(null);
  const [templates, setTemplates] = useState<SmsTemplate[] | null>(null);
  const [saved, setSaved] = useState<[string, string] | null>(null);
  const leader = role === 'leader' || role === 'admin';

  const list = async () => {
    const r = await call('counter.sms.silent', { token, days: Number(days) });
    if (r) setSilent({ note: r.message_zh ? [r.message_zh, r.message_en] : null, cases: r.data });
  };
  const loadTemplates = async () => {
    const r = await call('counter.sms.templates', { token });
    if (r) setTemplates(r.data);
  };
  const save = async () => {
    if (!templates) return;
    const r = await call('counter.sms.saveTemplates', { token, templates });
    if (r) {
      setTemplates(r.data.length ? r.data : templates);
      setSaved(r.message_zh ? [r.message_zh, r.message_en] : ['已保存', 'Saved']);
    }
  };
  const edit = (i: number, change: Partial<SmsTemplate>) => setTemplates((ts) => ts && ts.map((t, k) => (k === i ? { ...t, ...change } : t)));

  return (
    <details className="panel" data-testid="sms-monitor">
      <summary>{l('进度短信监督', 'Progress SMS supervision')}</summary>
      <div className="counter-toolbar">
        <label>
          {l('超过几天未告知', 'Not told for more than (days)')}
          <input type="number" min={0} max={365} value={days} onChange={(e) => setDays(e.target.value)} data-testid="sms-silent-days" />
        </label>
        <button type="button" className="secondary small" onClick={() => void list()} data-testid="sms-silent-list">
          {l('列出未告知的案件', 'List cases not told')}
        </button>
      </div>
      {silent?.note && <p className="error-banner" role="status">{l(silent.note[0], silent.note[1])}</p>}
      {silent && !silent.note && (
        <table data-testid="sms-silent-table">
          <thead>
            <tr>
              <th>{l('案号', 'Case number')}</th>
              <th>{l('状态', 'Status')}</th>
              <th>{l('最近变化', 'Last change')}</th>
              <th>{l('最近告知', 'Last told')}</th>
              <th>{l('短信', 'SMS')}</th>
            </tr>
          </thead>
          <tbody>
            {silent.cases.map((c) => (
              <tr key={c.officialNo}>
                <td>{c.officialNo}</td>
                <td>{c.status}</td>
                <td>{chinaTime(c.changedAt)}</td>
                <td>{c.lastToldAt ? chinaTime(c.lastToldAt) : l('从未', 'never')}</td>
                <td>{!c.consent ? l('未同意短信，请电话告知', 'no SMS consent: tell by phone') : c.unsent > 0 ? l(`${c.unsent}条未发出`, `${c.unsent} not sent`) : ''}</td>
              </tr>
            ))}
            {silent.cases.length === 0 && (
              <tr>
                <td colSpan={5}>{l('没有超期未告知的案件', 'No case left untold')}</td>
              </tr>
            )}
          </tbody>
        </table>
      )}
      {leader && (
        <div className="stack">
          <button type="button" className="secondary small" onClick={() => void loadTemplates()} data-testid="sms-templates-load">
            {l('短信模板与发送事件', 'SMS templates and events')}
          </button>
          {templates && (
            <>
              <p className="hint">{l(`可用占位符：${SMS_PLACEHOLDERS.map((p) => `{{${p}}}`).join('、')}。短信只写案号和办理状态，不得写姓名、金额、地址。`, `Placeholders: ${SMS_PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ')}. An SMS says only the case number and status: no names, amounts or addresses.`)}</p>
              {templates.map((t, i) => (
                <fieldset key={t.event} data-testid={`sms-template-${t.event}`}>
                  <legend>{l(SMS_EVENT_LABELS[t.event].zh, SMS_EVENT_LABELS[t.event].en)}</legend>
                  <label>
                    <input type="checkbox" checked={t.enabled} onChange={(e) => edit(i, { enabled: e.target.checked })} />
                    {l('发送', 'Send')}
                  </label>
                  <textarea value={t.template} rows={3} onChange={(e) => edit(i, { template: e.target.value })} />
                </fieldset>
              ))}
              <button type="button" className="primary small" onClick={() => void save()} data-testid="sms-templates-save">
                {l('保存模板', 'Save templates')}
              </button>
              {saved && <p className="hint" role="status">{l(saved[0], saved[1])}</p>}
            </>
          )}
        </div>
      )}
    </details>
  );
}
