/**
 * Admin mode for IT staff: sign in with the PIN, then devices (a test for each: reader, scanner,
 * receipt and A4 printers), court and gateway, enrolment, health and sync, and the configuration
 * file (export, import). Chinese first, English beside it: IT staff read both.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { KioskBridge, SyncStatus, UserError } from '../../src-shared/api/contract.js';
import type { AdminOverview, DeviceTestResult, ReaderTestResult } from '../../src-shared/admin/contract.js';
import { PinPad } from './PinPad.js';
import { DevicesPanel } from './DevicesPanel.js';
import { SettingsPanel } from './SettingsPanel.js';
import { CourtProfileEditor } from './CourtProfileEditor.js';
import { PrivacySettings } from './PrivacySettings.js';
import { CalendarSettings } from './CalendarSettings.js';
import { CounterTokenSettings } from './CounterTokenSettings.js';
import type { ReaderTarget } from './ReaderSettings.js';
import { AdminHelp } from '../help/AdminHelp.js';
import './admin.css';

/** What of a sync status the rest of the overview depends on: the queue (the sync health check) and enrolment. */
const queueOf = (s: SyncStatus) => `${s.queueDepth}/${s.oldestPendingAt ?? ''}/${s.enrolled ?? ''}`;

export function AdminApp({ bridge, onExit }: { bridge: KioskBridge; onExit(): void }) {
  const [token, setToken] = useState<string | null>(null);
  const [overview, setOverview] = useState<AdminOverview | null>(null);
  const [error, setError] = useState<UserError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  /** The sync queue the shown health checks were computed for. */
  const healthQueue = useRef('');

  const refresh = useCallback(
    async (t: string) => {
      const r = await bridge['admin.overview']({ token: t });
      if (r.ok) {
        healthQueue.current = queueOf(r.value.sync);
        setOverview(r.value);
      } else {
        setError(r.error);
        if (r.error.code === 'admin.signed-out') setToken(null);
      }
    },
    [bridge],
  );

  useEffect(() => {
    if (!token) return;
    void refresh(token);
    // Every long poll ends with a sync status; the overview's health checks (database, audit
    // chain, printer query) read only the queue and enrolment from it, so they run again only when those moved.
    const onSync = (s: SyncStatus) => {
      if (queueOf(s) === healthQueue.current) setOverview((o) => o && { ...o, sync: s });
      else void refresh(token);
    };
    const offs = [bridge.on('devices.state', () => void refresh(token)), bridge.on('sync.status', onSync)];
    return () => offs.forEach((off) => off());
  }, [token, bridge, refresh]);

  const signIn = async (pin: string) => {
    setBusy(true);
    setError(null);
    const r = await bridge['admin.signIn']({ pin });
    setBusy(false);
    if (r.ok) setToken(r.value.token);
    else setError(r.error);
  };

  const exit = async () => {
    if (token) await bridge['admin.signOut']({ token });
    setToken(null);
    setOverview(null);
    onExit();
  };

  const save = async (config: unknown) => {
    if (!token) return;
    setBusy(true);
    setError(null);
    const r = await bridge['admin.saveConfig']({ token, config });
    setBusy(false);
    if (r.ok) {
      setNotice('设置已保存并生效 (settings saved and applied)');
      await refresh(token);
    } else setError(r.error);
  };

  const testReader = async (target: ReaderTarget): Promise<ReaderTestResult | null> => {
    if (!token) return null;
    const r = await bridge['admin.testReader']({ token, ...target });
    if (!r.ok) {
      setError(r.error);
      return null;
    }
    return r.value;
  };

  const testPrinter = async (path: string, baudRate: number): Promise<DeviceTestResult | null> => {
    if (!token) return null;
    const r = await bridge['admin.testPrinter']({ token, path, baudRate });
    if (r.ok) return r.value;
    setError(r.error);
    return null;
  };

  const testA4 = async (queue: string | null): Promise<DeviceTestResult | null> => {
    if (!token) return null;
    const r = await bridge['admin.testA4']({ token, queue });
    if (r.ok) return r.value;
    setError(r.error);
    return null;
  };

  const enrol = async (centralUrl: string, code: string) => {
    if (!token) return;
    setBusy(true);
    const r = await bridge['admin.enrol']({ token, centralUrl, code });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setNotice(`${r.value.message_zh} (${r.value.message_en})`);
    await refresh(token);
  };

  return (
    <div className="app admin" data-testid="admin">
      <header className="header">
        <h1>管理模式 Admin</h1>
        <button type="button" className="secondary" onClick={() => void exit()} data-testid="admin-exit">
          退出 Exit
        </button>
      </header>
      <main>
        <AdminHelp bridge={bridge} />
        {error && (
          <p className="error-banner" role="alert" data-testid="admin-error">
            {error.message_zh}（{error.message_en}）
          </p>
        )}
        {notice && (
          <p className="notice-banner" role="status" data-testid="admin-notice">
            {notice}
          </p>
        )}
        {!token && (
          <section className="panel narrow">
            <h2>请输入管理 PIN</h2>
            <PinPad busy={busy} onSubmit={(pin) => void signIn(pin)} />
          </section>
        )}
        {token && overview && (
          <div className="admin-grid">
            <DevicesPanel overview={overview} onSelfTest={async () => {
              const r = await bridge['devices.selfTest']({});
              if (r.ok) setNotice(r.value.map((t) => `${t.ok ? '✔' : '✘'} ${t.message_zh}`).join('；'));
              else setError(r.error);
            }} />
            <SettingsPanel
              // A new saved configuration (an imported file too) resets the form to it.
              key={JSON.stringify(overview.config)}
              overview={overview} busy={busy} onSave={(c) => void save(c)} onTestReader={testReader} onEnrol={(u, c) => void enrol(u, c)}
              onScan={(l) => bridge.on('scanner.scan', l)}
              onTestPrinter={testPrinter}
              onTestA4={testA4}
            />
            <CourtProfileEditor bridge={bridge} token={token} courts={overview.courts} activeCourtId={(overview.config as { courtId: string }).courtId} onError={setError} onSaved={() => void refresh(token)} />
            <PrivacySettings bridge={bridge} token={token} onError={setError} onSaved={() => void refresh(token)} />
            <CalendarSettings bridge={bridge} token={token} onError={setError} />
            <CounterTokenSettings bridge={bridge} token={token} isSet={overview.counterTokenSet} onError={setError} onSaved={() => void refresh(token)} />
            <section className="panel" data-testid="health">
              <h2>健康状况 Health</h2>
              <ul className="checks">
                {overview.health.map((c) => (
                  <li key={c.name} className={`check-${c.status}`}>
                    <strong>{c.status === 'ok' ? '正常' : c.status === 'warn' ? '注意' : '故障'}</strong> {c.message_zh}
                  </li>
                ))}
              </ul>
              <h2>同步 Sync</h2>
              <p data-testid="admin-sync">
                {overview.sync.online ? '已连接法院系统' : '法院系统不可达'} · 待上传 {overview.sync.queueDepth} 份
                {overview.sync.pagesPending ? ` · 待上传页面 ${overview.sync.pagesPending} 张` : ''}
                {overview.sync.lastError ? ` · ${overview.sync.lastError}` : ''}
              </p>
              <button type="button" className="secondary" onClick={() => void bridge['sync.now'](null).then(() => refresh(token))}>
                立即同步 Sync now
              </button>
            </section>
          </div>
        )}
      </main>
    </div>
  );
}
