/**
 * The court's calls for staff on a staff screen (counter console, admin mode): a banner per
 * call with the kiosk's name, where the applicant is and when they called; a chime and a
 * spoken line when a new call comes in. In the counter console a clerk takes a call with
 * 「我去处理」, and every other counter sees who went.
 */
import { useEffect, useRef } from 'react';
import { placeLabel, type HelpCallView } from '../../src-shared/api/help.js';
import { chime } from './chime.js';
import { speak } from '../ui/speak.js';
import './help.css';

const hhmm = (iso: string) => new Date(iso).toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit' });

/** Chimes and speaks once for each call id that was not seen waiting before. */
export function useCallAlarm(calls: HelpCallView[]): void {
  const heard = useRef(new Set<string>());
  useEffect(() => {
    const fresh = calls.filter((c) => c.status === 'waiting' && !heard.current.has(c.id));
    for (const c of fresh) heard.current.add(c.id);
    if (fresh.length === 0) return;
    chime();
    speak(`${fresh.map((c) => c.kioskName).join('、')}呼叫工作人员`, 'zh');
  }, [calls]);
}

export function HelpAlerts({ calls, onAcknowledge }: { calls: HelpCallView[]; onAcknowledge?(id: string): void }) {
  useCallAlarm(calls);
  if (calls.length === 0) return null;
  return (
    <section className="help-alerts" aria-label="终端呼叫" data-testid="help-alerts">
      {calls.map((c) => (
        <div key={c.id} className={`help-alert ${c.status}`} role={c.status === 'waiting' ? 'alert' : undefined} data-testid="help-alert" data-status={c.status}>
          <span>
            <strong>{c.kioskName}</strong> 呼叫工作人员 · 申请人在：{placeLabel(c.place).zh} · {hhmm(c.calledAt)}
            {c.status === 'acknowledged' && `　—　${c.acknowledgedBy ?? '工作人员'} 已前往（${hhmm(c.acknowledgedAt ?? c.calledAt)}）`}
          </span>
          {c.status === 'waiting' && onAcknowledge && (
            <button type="button" className="primary" onClick={() => onAcknowledge(c.id)} data-testid="help-ack">
              我去处理
            </button>
          )}
        </div>
      ))}
    </section>
  );
}
