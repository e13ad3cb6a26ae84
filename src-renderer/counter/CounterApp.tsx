/**
 * The counter console for clerks (URL hash #/counter): sign in, the queue, and one filing at a
 * time. The token lives only in memory: a reload signs the clerk out.
 */
import { useCallback, useMemo, useState } from 'react';
import type { KioskBridge, UserError } from '../../src-shared/api/contract.js';
import { ROLE_LABEL_ZH, type SignInResult } from '../../src-shared/counter/contract.js';
import { makeCall } from './counter-ui.js';
import { SignIn } from './SignIn.js';
import { QueueView } from './QueueView.js';
import { CaseView } from './CaseView.js';
import { SmsMonitorPanel } from './SmsMonitorPanel.js';
import { CounterHelp } from '../help/CounterHelp.js';
import './counter.css';

export function CounterApp({ bridge }: { bridge: KioskBridge }) {
  const [session, setSession] = useState<SignInResult | null>(null);
  const [error, setError] = useState<UserError | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const call = useMemo(() => makeCall(bridge, setError, () => setSession(null)), [bridge]);
  // A kiosk filing here, or the court's filings and other terminals' records pulled by the counter's sync.
  const watch = useCallback((changed: () => void) => {
    const offs = [bridge.on('filing.updated', changed), bridge.on('counter.changed', changed)];
    return () => offs.forEach((off) => off());
  }, [bridge]);
  const watchCase = useCallback(
    (filingId: string, changed: () => void) => bridge.on('counter.changed', ({ filingIds }) => filingIds.includes(filingId) && changed()),
    [bridge],
  );
  const signOut = async () => {
    if (session) await call('counter.signOut', { token: session.token });
    setSession(null);
    setOpen(null);
  };
  return (
    <div className="app counter">
      <header className="header">
        <h1>执行立案窗口</h1>
        {session && (
          <div className="header-side">
            <span data-testid="clerk-name">
              {session.clerk.displayName}（{ROLE_LABEL_ZH[session.clerk.role]}）
            </span>
            <button type="button" className="secondary small" onClick={() => void signOut()}>
              退出
            </button>
          </div>
        )}
      </header>
      <main>
        {error && (
          <p className="error-banner" role="alert" data-testid="counter-error">
            {error.message_zh}
            {error.fields && Object.values(error.fields).length > 0 && `：${Object.values(error.fields).join('；')}`}
            {error.message_en && (
              <small lang="en" data-testid="counter-error-en">
                {' '}
                {error.message_en}
              </small>
            )}
          </p>
        )}
        {session && <CounterHelp bridge={bridge} token={session.token} call={call} />}
        {!session && <SignIn call={call} onSignedIn={setSession} />}
        {session && !open && <QueueView call={call} token={session.token} onOpen={setOpen} watch={watch} />}
        {session && !open && <SmsMonitorPanel call={call} token={session.token} role={session.clerk.role} />}
        {session && open && <CaseView key={open} call={call} token={session.token} clerk={session.clerk} filingId={open} onBack={() => setOpen(null)} onOpen={setOpen} watch={watchCase} />}
      </main>
    </div>
  );
}
