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
import { ChangePassword } from './ChangePassword.js';
import { AccountsAdmin } from './AccountsAdmin.js';
import { AuditLog } from './AuditLog.js';
import { Bi } from './Bi.js';
import './counter.css';

export function CounterApp({ bridge }: { bridge: KioskBridge }) {
  const [session, setSession] = useState<SignInResult | null>(null);
  const [error, setError] = useState<UserError | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  /** An administrator's screens beside the queue. */
  const [mode, setMode] = useState<'work' | 'accounts' | 'audit'>('work');
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
    setMode('work');
  };
  const ready = session && !session.mustChange;
  const admin = ready && session.clerk.role === 'admin';
  return (
    <div className="app counter">
      <header className="header">
        <h1>执行立案窗口</h1>
        {session && (
          <div className="header-side">
            <span data-testid="clerk-name">
              {session.clerk.displayName}（{ROLE_LABEL_ZH[session.clerk.role]}）
            </span>
            {admin && (
              <>
                <button type="button" className="secondary small" onClick={() => setMode('work')} data-testid="mode-work">
                  <Bi zh="窗口业务" en="Cases" />
                </button>
                <button type="button" className="secondary small" onClick={() => setMode('accounts')} data-testid="mode-accounts">
                  <Bi zh="账号管理" en="Accounts" />
                </button>
                <button type="button" className="secondary small" onClick={() => setMode('audit')} data-testid="mode-audit">
                  <Bi zh="审计日志" en="Audit log" />
                </button>
              </>
            )}
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
        {ready && <CounterHelp bridge={bridge} token={session.token} call={call} />}
        {!session && <SignIn call={call} onSignedIn={setSession} />}
        {session && session.mustChange && <ChangePassword call={call} session={session} onChanged={setSession} />}
        {admin && mode === 'accounts' && <AccountsAdmin call={call} token={session.token} />}
        {admin && mode === 'audit' && <AuditLog call={call} token={session.token} />}
        {ready && mode === 'work' && !open && <QueueView call={call} token={session.token} onOpen={setOpen} watch={watch} />}
        {ready && mode === 'work' && !open && <SmsMonitorPanel call={call} token={session.token} role={session.clerk.role} />}
        {ready && mode === 'work' && open && <CaseView key={open} call={call} token={session.token} clerk={session.clerk} filingId={open} onBack={() => setOpen(null)} onOpen={setOpen} watch={watchCase} />}
      </main>
    </div>
  );
}
