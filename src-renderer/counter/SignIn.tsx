import { useState, type FormEvent } from 'react';
import type { SignInResult } from '../../src-shared/counter/contract.js';
import type { Call } from './counter-ui.js';

export function SignIn({ call, onSignedIn }: { call: Call; onSignedIn: (r: SignInResult) => void }) {
  const [account, setAccount] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const r = await call('counter.signIn', { account, password });
    setBusy(false);
    setPassword('');
    if (r) onSignedIn(r);
  };
  return (
    <form className="panel counter-signin form" onSubmit={(e) => void submit(e)} data-testid="counter-signin">
      <h2>窗口工作人员登录</h2>
      <label htmlFor="c-account">账号</label>
      <input id="c-account" autoComplete="username" value={account} onChange={(e) => setAccount(e.target.value)} />
      <label htmlFor="c-password">密码</label>
      <input id="c-password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy || !account || !password} data-testid="counter-signin-submit">
          登录
        </button>
      </div>
    </form>
  );
}
