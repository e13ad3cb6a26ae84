/**
 * The counter's admin screen for accounts (issue 14 item 8): the court's accounts as this PC
 * holds them, and an administrator's reset, role change, disabling and enabling, done at the
 * central (which checks the administrator's role itself). At first contact a PC's local accounts
 * can be imported. Passwords are typed, never shown back.
 */
import { useCallback, useEffect, useState } from 'react';
import { CLERK_ROLES, ROLE_LABEL_ZH, type ClerkRole } from '../../src-shared/counter/contract.js';
import type { AccountsView } from '../../src-shared/counter/account-contract.js';
import type { Call } from './counter-ui.js';
import { Bi } from './Bi.js';

const ROLE_EN: Record<ClerkRole, string> = { reception: 'reception clerk', leader: 'team leader', admin: 'administrator' };

export function AccountsAdmin({ call, token }: { call: Call; token: string }) {
  const [view, setView] = useState<AccountsView | null>(null);
  const [resetting, setResetting] = useState<string | null>(null);
  const [temp, setTemp] = useState('');
  const [done, setDone] = useState<{ zh: string; en: string } | null>(null);
  const load = useCallback(async () => setView(await call('counter.accounts.list', { token })), [call, token]);
  useEffect(() => void load(), [load]);
  const manage = async (change: { op: 'reset'; account: string; password: string } | { op: 'role'; account: string; role: ClerkRole } | { op: 'disable' | 'enable'; account: string }, said: { zh: string; en: string }) => {
    const r = await call('counter.accounts.manage', { token, change });
    if (!r) return;
    setView(r);
    setDone(said);
    setResetting(null);
    setTemp('');
  };
  const importLocal = async () => {
    const r = await call('counter.accounts.import', { token });
    if (r) {
      setView(r);
      setDone({ zh: `已将 ${r.imported} 个本机账号导入法院中心，请重新登录`, en: `${r.imported} local accounts imported to the central; sign in again` });
    }
  };
  if (!view) return null;
  return (
    <section className="panel" data-testid="accounts-admin">
      <h2>
        <Bi zh="账号管理" en="Accounts" />
      </h2>
      {!view.centralConfigured && (
        <p>
          <Bi zh="本机未连接法院中心：账号仅保存在本机。" en="No central configured: accounts live on this PC only." />
        </p>
      )}
      {view.importable > 0 && view.centralConfigured && (
        <p>
          <Bi zh={`法院中心尚无本院账号。可将本机的 ${view.importable} 个账号（含密码校验值）导入，导入后由中心统一管理。`} en={`The central holds no accounts for this court yet. Import this PC's ${view.importable} accounts (with their password verifiers); the central manages them afterwards.`} />{' '}
          <button type="button" className="secondary" onClick={() => void importLocal()} data-testid="accounts-import">
            <Bi zh="导入本机账号" en="Import local accounts" />
          </button>
        </p>
      )}
      {done && (
        <p className="notice" role="status" data-testid="accounts-done">
          <Bi zh={done.zh} en={done.en} />
        </p>
      )}
      <table className="queue">
        <thead>
          <tr>
            <th><Bi zh="账号" en="Account" /></th>
            <th><Bi zh="姓名" en="Name" /></th>
            <th><Bi zh="角色" en="Role" /></th>
            <th><Bi zh="状态" en="State" /></th>
            <th><Bi zh="操作" en="Actions" /></th>
          </tr>
        </thead>
        <tbody>
          {view.accounts.map((a) => (
            <tr key={a.account} data-testid="account-row" data-account={a.account} data-disabled={a.disabled ? 'yes' : 'no'}>
              <td>{a.account}</td>
              <td>{a.displayName}</td>
              <td>
                <select
                  aria-label={`${a.account} 角色 role`}
                  data-testid="account-role"
                  value={a.role}
                  disabled={!a.central}
                  onChange={(e) => void manage({ op: 'role', account: a.account, role: e.target.value as ClerkRole }, { zh: `已将 ${a.account} 的角色改为${ROLE_LABEL_ZH[e.target.value as ClerkRole]}`, en: `${a.account} is now ${ROLE_EN[e.target.value as ClerkRole]}` })}
                >
                  {CLERK_ROLES.map((r) => (
                    <option key={r} value={r}>
                      {ROLE_LABEL_ZH[r]} {ROLE_EN[r]}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                {a.disabled ? <Bi zh="已停用" en="disabled" /> : <Bi zh="启用" en="enabled" />}
                {a.mustChange && <> · <Bi zh="待改密码" en="must change password" /></>}
                {a.locked && <> · <Bi zh="已锁定" en="locked" /></>}
                {!a.central && <> · <Bi zh="仅本机" en="this PC only" /></>}
              </td>
              <td>
                {a.central && resetting !== a.account && (
                  <button type="button" className="secondary small" onClick={() => setResetting(a.account)} data-testid="account-reset">
                    <Bi zh="重置密码" en="Reset password" />
                  </button>
                )}
                {resetting === a.account && (
                  <span>
                    <label htmlFor={`temp-${a.account}`}>
                      <Bi zh="临时密码" en="Temporary password" />
                    </label>{' '}
                    <input id={`temp-${a.account}`} type="password" autoComplete="new-password" value={temp} onChange={(e) => setTemp(e.target.value)} data-testid="account-reset-password" />{' '}
                    <button type="button" className="primary small" disabled={!temp} onClick={() => void manage({ op: 'reset', account: a.account, password: temp }, { zh: `已重置 ${a.account} 的密码，该账号下次登录须设置新密码`, en: `${a.account}'s password was reset; a new one is set at the next sign-in` })} data-testid="account-reset-confirm">
                      <Bi zh="确定重置" en="Reset" />
                    </button>
                  </span>
                )}{' '}
                {a.central && !a.disabled && (
                  <button type="button" className="secondary small" onClick={() => void manage({ op: 'disable', account: a.account }, { zh: `已停用 ${a.account}`, en: `${a.account} disabled` })} data-testid="account-disable">
                    <Bi zh="停用" en="Disable" />
                  </button>
                )}
                {a.central && a.disabled && (
                  <button type="button" className="secondary small" onClick={() => void manage({ op: 'enable', account: a.account }, { zh: `已启用 ${a.account}`, en: `${a.account} enabled` })} data-testid="account-enable">
                    <Bi zh="启用" en="Enable" />
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
