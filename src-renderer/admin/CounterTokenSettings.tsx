/**
 * The court token of a counter PC (from `yzt central court-token`): entered once, never shown
 * again, only said to be set or not. A lobby kiosk should hold none: the token reads the
 * court's clerk records.
 */
import { useState } from 'react';
import type { KioskBridge, UserError } from '../../src-shared/api/contract.js';

interface Props {
  bridge: KioskBridge;
  token: string;
  isSet: boolean;
  onError(e: UserError): void;
  onSaved(): void;
}

export function CounterTokenSettings({ bridge, token, isSet, onError, onSaved }: Props) {
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);

  const save = async (courtToken: string | null) => {
    setBusy(true);
    const r = await bridge['admin.setCounterToken']({ token, courtToken });
    setBusy(false);
    // The secret leaves the screen whatever the answer.
    setValue('');
    if (!r.ok) return onError(r.error);
    onSaved();
  };

  return (
    <section className="panel" data-testid="counter-token">
      <h2>窗口同步凭据 Counter court token</h2>
      <p className="hint">
        仅用于窗口（立案接待）电脑：粘贴 <code>yzt central court-token</code> 给出的凭据后，本机的窗口记录与本院其他终端同步。大厅自助终端不要设置。
        Counter PCs only: the token from yzt central court-token lets this PC share clerk records with the court. Leave empty on lobby kiosks.
      </p>
      <p data-testid="counter-token-state">{isSet ? '已设置 (set)' : '未设置 (not set)'}</p>
      <label htmlFor="counter-token-input">凭据 Token</label>
      <input id="counter-token-input" type="password" autoComplete="off" value={value} onChange={(e) => setValue(e.target.value)} />
      <div className="actions">
        <button type="button" className="primary" disabled={busy || !value.trim()} onClick={() => void save(value.trim())} data-testid="save-counter-token">
          保存凭据 Save token
        </button>
        {isSet && (
          <button type="button" className="secondary" disabled={busy} onClick={() => void save(null)} data-testid="clear-counter-token">
            删除凭据 Remove
          </button>
        )}
      </div>
    </section>
  );
}
