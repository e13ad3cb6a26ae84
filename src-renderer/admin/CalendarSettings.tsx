/**
 * The holiday calendar in admin mode: which years hold a State Council notice and which are
 * still derived from the law (deadlines in them say 以法院通知为准), and loading a notice file
 * from a USB stick without a new release. `yzt calendar import` takes the same file.
 */
import { useEffect, useState } from 'react';
import type { CalendarView } from '../../src-shared/admin/contract.js';
import type { KioskBridge, UserError } from '../../src-shared/api/contract.js';

interface Props {
  bridge: KioskBridge;
  token: string;
  onError(e: UserError): void;
}

export function CalendarSettings({ bridge, token, onError }: Props) {
  const [view, setView] = useState<CalendarView | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [loaded, setLoaded] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void bridge['admin.calendar']({ token }).then((r) => {
      if (!live) return;
      if (!r.ok) return onError(r.error);
      setView(r.value);
    });
    return () => {
      live = false;
    };
  }, [bridge, token, onError]);

  const load = async (years: unknown) => {
    setBusy(true);
    const r = await bridge['admin.importCalendar']({ token, years });
    setBusy(false);
    if (!r.ok) return onError(r.error);
    if (!r.value.ok) {
      setProblem(`${r.value.message_zh}（${r.value.message_en}）${r.value.issues.slice(0, 5).join('；')}`);
      return;
    }
    setView(r.value.view);
    setLoaded('已载入，之后提交的申请按新日历计算期限 (loaded: filings from now on use it)');
  };

  return (
    <section className="panel" data-testid="calendar-settings">
      <h2>节假日日历 Holiday calendar</h2>
      <p className="hint">
        国务院办公厅每年发布节假日安排通知。尚无通知的年份按《全国年节及纪念日放假办法》推算，期限显示“以法院通知为准”；通知发布后在此载入即可。
        Years without the State Council notice are derived from the holiday law and their deadlines say 以法院通知为准; load the notice here once published.
      </p>
      <ul data-testid="calendar-years">
        {(view?.years ?? []).map((y) => (
          <li key={y.year} data-testid={`calendar-year-${y.year}`}>
            <strong>{y.year}</strong> {y.confirmed ? '已确认 confirmed' : '未确认，以法院通知为准 unconfirmed'} · {y.loaded ? '已载入 loaded' : '程序自带 shipped'}
          </li>
        ))}
      </ul>
      <label className="button secondary" htmlFor="import-calendar">
        载入通知文件 Load a notice file
      </label>
      <input
        id="import-calendar"
        type="file"
        accept="application/json,.json"
        hidden
        disabled={busy}
        data-testid="import-calendar"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (!file) return;
          setProblem(null);
          setLoaded(null);
          void file.text().then((t) => {
            try {
              void load(JSON.parse(t) as unknown);
            } catch {
              setProblem('文件不是有效的 JSON，未做任何修改（Not a JSON file; nothing changed）');
            }
          });
        }}
      />
      {problem && (
        <p className="field-error" role="alert" data-testid="calendar-problem">
          {problem}
        </p>
      )}
      {loaded && <p role="status">{loaded}</p>}
    </section>
  );
}
