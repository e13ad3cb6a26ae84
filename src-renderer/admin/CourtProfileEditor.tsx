/**
 * The court's rules as IT staff edit them: one profile as JSON (the same document as an entry
 * of courts.json), with a summary of what the kiosk will do with it. Routing conditions nest
 * too deeply for a form to stay honest, so the editor is the document itself, and the service
 * answers a bad one with each problem's path in Chinese instead of storing it.
 */
import { useEffect, useState } from 'react';
import type { CourtChoice, CourtProfileView } from '../../src-shared/admin/contract.js';
import type { InputIssue } from '../../src-shared/courts/zod-issues.js';
import type { KioskBridge, UserError } from '../../src-shared/api/contract.js';

interface Props {
  bridge: KioskBridge;
  token: string;
  courts: CourtChoice[];
  activeCourtId: string;
  onError(e: UserError): void;
  onSaved(): void;
}

const yuan = (fen: number) => `${(fen / 100).toLocaleString('zh-CN')} 元`;

export function CourtProfileEditor({ bridge, token, courts, activeCourtId, onError, onSaved }: Props) {
  const [courtId, setCourtId] = useState(activeCourtId);
  const [view, setView] = useState<CourtProfileView | null>(null);
  const [text, setText] = useState('');
  const [issues, setIssues] = useState<InputIssue[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const show = (v: CourtProfileView) => {
    setView(v);
    setText(JSON.stringify(v.profile, null, 2));
    setIssues([]);
  };

  useEffect(() => {
    let live = true;
    setMessage(null);
    void bridge['admin.courtProfile']({ token, courtId }).then((r) => {
      if (!live) return;
      if (r.ok) show(r.value);
      else onError(r.error);
    });
    return () => {
      live = false;
    };
  }, [bridge, token, courtId, onError]);

  const save = async () => {
    let profile: unknown;
    try {
      profile = JSON.parse(text);
    } catch (e) {
      setIssues([{ path: '(JSON)', message_zh: `不是有效的 JSON：${e instanceof Error ? e.message : ''}`, message_en: 'Not valid JSON' }]);
      return;
    }
    setBusy(true);
    const r = await bridge['admin.saveCourtProfile']({ token, profile });
    setBusy(false);
    if (!r.ok) return onError(r.error);
    if (!r.value.ok) {
      setIssues(r.value.issues);
      setMessage(null);
      return;
    }
    show(r.value.view);
    setMessage(`${r.value.message_zh}（${r.value.message_en}）`);
    onSaved();
  };

  const reset = async () => {
    setBusy(true);
    const r = await bridge['admin.resetCourtProfile']({ token, courtId });
    setBusy(false);
    if (!r.ok) return onError(r.error);
    show(r.value);
    setMessage('已恢复内置配置 (back to the built-in profile)');
    onSaved();
  };

  const p = view?.profile;
  return (
    <section className="panel" data-testid="court-profile">
      <h2>法院规则配置 Court profile</h2>
      <label htmlFor="profile-court">法院 Court</label>
      <select id="profile-court" value={courtId} onChange={(e) => setCourtId(e.target.value)}>
        {courts.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}（{c.code}）
          </option>
        ))}
      </select>
      {view && p && (
        <ul className="profile-summary" data-testid="profile-summary">
          <li>
            来源 Source：{view.source === 'file' ? '本机已修改 (edited here / courts.json)' : '内置 (built-in)'}
            {view.active ? ' · 本终端正在使用 (in use)' : ''}
          </li>
          <li>
            代字 Code：{p.code}
            {p.codeConfirmed ? '' : '（待确认 unconfirmed）'}
          </li>
          <li>执行团队 Teams：{(p.teams ?? []).map((t) => t.name_zh).join('、') || '执行局'}</li>
          <li>
            金额界线 Thresholds：
            {Object.entries(p.thresholds ?? {})
              .map(([k, v]) => `${k} ${yuan(v)}`)
              .join('；') || '无'}
          </li>
          <li>分案规则 Routing rules：{p.routing?.rules.length ?? 0} 条</li>
        </ul>
      )}
      <label htmlFor="profile-json">配置内容（JSON）Profile (JSON)</label>
      <textarea id="profile-json" className="profile-json" rows={16} spellCheck={false} value={text} onChange={(e) => setText(e.target.value)} data-testid="profile-json" />
      {issues.length > 0 && (
        <ul className="error-list" role="alert" data-testid="profile-issues">
          {issues.map((i) => (
            <li key={i.path + i.message_zh}>{i.message_zh}</li>
          ))}
        </ul>
      )}
      {message && (
        <p role="status" data-testid="profile-saved">
          {message}
        </p>
      )}
      <div className="actions">
        <button type="button" className="primary" disabled={busy || !view} onClick={() => void save()} data-testid="save-profile">
          校验并保存 Validate and save
        </button>
        <button type="button" className="secondary" disabled={busy || !view} onClick={() => view && show(view)} data-testid="discard-profile">
          放弃修改 Discard changes
        </button>
        {view?.source === 'file' && view.hasPreset && (
          <button type="button" className="secondary" disabled={busy} onClick={() => void reset()} data-testid="reset-profile">
            恢复内置 Back to built-in
          </button>
        )}
      </div>
    </section>
  );
}
