/**
 * The clerk's new password, asked right after sign-in when an administrator reset it (issue 14
 * item 8): the counter refuses every other action until it is set. The central checks the rules.
 */
import { useState, type FormEvent } from 'react';
import type { SignInResult } from '../../src-shared/counter/contract.js';
import type { Call } from './counter-ui.js';
import { Bi } from './Bi.js';

export function ChangePassword({ call, session, onChanged }: { call: Call; session: SignInResult; onChanged: (r: SignInResult) => void }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (next !== again) return setMismatch(true);
    setMismatch(false);
    const r = await call('counter.password.change', { token: session.token, current, next });
    if (r) onChanged(r);
  };
  return (
    <form className="panel counter-signin form" onSubmit={(e) => void submit(e)} data-testid="change-password">
      <h2>
        <Bi zh="请设置新密码" en="Set a new password" />
      </h2>
      <p>
        <Bi zh="管理员已重置您的密码。新密码至少 10 位，须同时包含字母和数字。" en="An administrator reset your password. The new one needs at least 10 characters, with letters and digits." />
      </p>
      <label htmlFor="cp-current">
        <Bi zh="当前（临时）密码" en="Current (temporary) password" />
      </label>
      <input id="cp-current" type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} />
      <label htmlFor="cp-next">
        <Bi zh="新密码" en="New password" />
      </label>
      <input id="cp-next" type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} />
      <label htmlFor="cp-again">
        <Bi zh="再次输入新密码" en="New password again" />
      </label>
      <input id="cp-again" type="password" autoComplete="new-password" value={again} onChange={(e) => setAgain(e.target.value)} />
      {mismatch && (
        <p className="error-banner" role="alert">
          <Bi zh="两次输入的新密码不一致" en="The two new passwords differ" />
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={!current || !next || !again} data-testid="change-password-submit">
          <Bi zh="确定" en="Save" />
        </button>
      </div>
    </form>
  );
}
