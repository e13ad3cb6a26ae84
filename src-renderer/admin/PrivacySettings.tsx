/**
 * How long the kiosk keeps applicants' personal data after the court system has confirmed a
 * filing, and what the last purge removed. Counts only: the screen never says whose data went.
 */
import { useEffect, useState } from 'react';
import { PURGE_AFTER_DAYS, type PrivacyView } from '../../src-shared/admin/contract.js';
import type { KioskBridge, UserError } from '../../src-shared/api/contract.js';

interface Props {
  bridge: KioskBridge;
  token: string;
  onError(e: UserError): void;
  /** After a save, so the configuration shown elsewhere (and its export) carries the new value. */
  onSaved(): void;
}

const when = (iso: string) => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

export function PrivacySettings({ bridge, token, onError, onSaved }: Props) {
  const [view, setView] = useState<PrivacyView | null>(null);
  const [days, setDays] = useState('');
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    let live = true;
    void bridge['admin.privacy']({ token }).then((r) => {
      if (!live) return;
      if (!r.ok) return onError(r.error);
      setView(r.value);
      setDays(String(r.value.purgeAfterDays));
    });
    return () => {
      live = false;
    };
  }, [bridge, token, onError]);

  const n = Number(days);
  const valid = Number.isInteger(n) && n >= PURGE_AFTER_DAYS.min && n <= PURGE_AFTER_DAYS.max;

  const save = async () => {
    setBusy(true);
    setSaved(false);
    const r = await bridge['admin.savePrivacy']({ token, purgeAfterDays: n });
    setBusy(false);
    if (!r.ok) return onError(r.error);
    setView(r.value);
    setSaved(true);
    onSaved();
  };

  const last = view?.lastPurge;
  return (
    <section className="panel" data-testid="privacy-settings">
      <h2>个人信息清除 Personal data</h2>
      <p className="hint">
        法院系统确认（已有正式案号）满下列天数后，本机删除申请人的姓名、证件号码、地址、电话、账号和照片；案号和办理状态保留，凭身份证仍可查询。未同步的申请不删除。
        Personal data leaves this kiosk this many days after the court system confirmed the filing; numbers and status stay.
      </p>
      <label htmlFor="purge-after-days">
        确认后保留天数 Days kept after confirmation（{PURGE_AFTER_DAYS.min}–{PURGE_AFTER_DAYS.max}）
      </label>
      <input
        id="purge-after-days"
        type="number"
        inputMode="numeric"
        min={PURGE_AFTER_DAYS.min}
        max={PURGE_AFTER_DAYS.max}
        step={1}
        value={days}
        aria-invalid={!valid}
        onChange={(e) => {
          setDays(e.target.value);
          setSaved(false);
        }}
        data-testid="purge-after-days"
      />
      {!valid && days !== '' && (
        <p className="field-error" role="alert">
          请填写 {PURGE_AFTER_DAYS.min} 到 {PURGE_AFTER_DAYS.max} 之间的整数 (a whole number of days)
        </p>
      )}
      <button type="button" className="primary" disabled={busy || !valid || !view} onClick={() => void save()} data-testid="save-privacy">
        保存 Save
      </button>
      {saved && <span role="status"> 已保存，下次清除时生效 (applies from the next run)</span>}
      <h3>上次清除 Last purge</h3>
      <p data-testid="last-purge">
        {!last
          ? '尚未运行 (not run yet)'
          : `${when(last.at)}（期限 ${last.afterDays} 天）：申请 ${last.counts.filings} 份，照片 ${last.counts.documents} 张，草稿 ${last.counts.drafts} 份，暂存交接 ${last.counts.handovers} 份，窗口记录 ${last.counts.counterRecords} 条`}
      </p>
    </section>
  );
}
