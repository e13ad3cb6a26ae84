/**
 * 「呼叫工作人员」 on every kiosk screen. A tap sends the call (kiosk name and the step, nothing
 * about the person) to the counter through the services; the panel says, in words and aloud,
 * whether it reached the counter, and 「工作人员马上就到」 once a clerk has taken it. When it
 * could not reach the counter, it says to go to the counter window.
 */
import { useEffect, useRef, useState } from 'react';
import type { KioskBridge } from '../../src-shared/api/contract.js';
import { placeLabel, type HelpCallView, type HelpPlace } from '../../src-shared/api/help.js';
import { useL } from '../ui/fields.js';
import { STEP_ORDER } from '../../src-shared/i18n/applicant-texts.js';
import { speak } from '../ui/speak.js';
import './help.css';

type HelpBridge = Pick<KioskBridge, 'help.call' | 'help.current' | 'help.cancel' | 'on'>;

export function stateText(call: HelpCallView | null, l: (zh: string, en: string) => string): { text: string; tone: '' | 'ok' | 'err' } {
  if (!call || call.status === 'sending') return { text: l('正在呼叫工作人员…', 'Calling the staff…'), tone: '' };
  if (call.status === 'waiting') return { text: l('已通知窗口工作人员，请在这里稍候。', 'The counter staff have been told. Please wait here.'), tone: '' };
  if (call.status === 'acknowledged') return { text: l('工作人员马上就到，请在这里稍候。', 'A member of staff is on the way. Please wait here.'), tone: 'ok' };
  return { text: l('呼叫没有送到窗口。请直接到执行立案窗口找工作人员。', 'The call did not reach the counter. Please go to the enforcement counter window.'), tone: 'err' };
}

export function CallStaff({ bridge, place, lang }: { bridge: HelpBridge; place: HelpPlace; lang: 'zh' | 'en' }) {
  const l = useL();
  const [open, setOpen] = useState(false);
  const [call, setCall] = useState<HelpCallView | null>(null);
  const closeBtn = useRef<HTMLButtonElement | null>(null);

  useEffect(() => bridge.on('help.updated', setCall), [bridge]);
  useEffect(() => {
    void bridge['help.current'](null).then((r) => r.ok && setCall(r.value));
  }, [bridge]);

  const state = stateText(call, l);
  const inFiling = (STEP_ORDER as readonly string[]).includes(place);
  // Each new state is said aloud while the panel is open: the person may be looking for the clerk.
  useEffect(() => {
    if (open && call && call.status !== 'sending') speak(state.text, lang);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, call?.status, call?.id]);
  useEffect(() => {
    if (open) closeBtn.current?.focus();
  }, [open]);

  const raise = async () => {
    setOpen(true);
    const r = await bridge['help.call']({ place });
    if (r.ok) setCall(r.value);
    else setCall({ id: '', deviceId: '', kioskName: '', place, calledAt: new Date().toISOString(), status: 'unreachable', acknowledgedAt: null, acknowledgedBy: null });
  };
  const cancel = async () => {
    await bridge['help.cancel'](null);
    setCall(null);
    setOpen(false);
  };

  const live = call && (call.status === 'waiting' || call.status === 'sending' || call.status === 'acknowledged');
  return (
    <>
      {!open && (
        <button type="button" className={`primary call-staff-button${live ? ' waiting' : ''}`} onClick={() => (live ? setOpen(true) : void raise())} data-testid="call-staff">
          {live ? (call.status === 'acknowledged' ? l('工作人员马上就到', 'Staff on the way') : l('已呼叫，请稍候', 'Staff called, please wait')) : l('呼叫工作人员', 'Call staff')}
        </button>
      )}
      {open && (
        <div className="modal-backdrop call-staff">
          <div className="modal" role="dialog" aria-modal="true" aria-labelledby="call-title" data-testid="call-staff-panel" data-status={call?.status ?? 'sending'}>
            <h2 id="call-title">{l('呼叫工作人员', 'Call staff')}</h2>
            <p className={`call-state ${state.tone}`} role="status" aria-live="assertive" data-testid="call-state">
              {state.text}
            </p>
            <p className="call-where">
              {l(`您现在在：${placeLabel(place).zh}。`, `You are at: ${placeLabel(place).en}.`)}
              {inFiling && l('您填写的内容都还在。', ' What you entered is kept.')}
            </p>
            <div className="actions">
              {call?.status === 'unreachable' && (
                <button type="button" className="secondary" onClick={() => void raise()} data-testid="call-again">
                  {l('再呼叫一次', 'Call again')}
                </button>
              )}
              {call?.status === 'waiting' && (
                <button type="button" className="secondary" onClick={() => void cancel()} data-testid="call-cancel">
                  {l('不用了，取消呼叫', 'Cancel the call')}
                </button>
              )}
              <button type="button" className="primary" ref={closeBtn} onClick={() => setOpen(false)} data-testid="call-close">
                {l('返回继续办理', 'Back to my application')}
              </button>
            </div>
          </div>
        </div>
      )}
    </>
  );
}
