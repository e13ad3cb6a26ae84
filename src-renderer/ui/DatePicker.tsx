/**
 * Dates by touch: tapping the date field opens a sheet of large buttons, year then month then
 * day, in Chinese first. Where the applicant may not know the date, "不清楚" is an answer of its
 * own that goes to the clerk to verify. A hardware keyboard still types into the native field.
 */
import { useContext, useEffect, useRef, useState, type PointerEvent, type MouseEvent } from 'react';
import { chinaDate } from '../../src-shared/calendar/work-calendar.js';
import { FieldErrors, useL } from './fields.js';
import './touch-input.css';

type Part = 'year' | 'month' | 'day';

interface Props {
  id: string;
  label: string;
  value: string;
  onChange(iso: string): void;
  /** Given: "不清楚" is offered, and `unknown` says it was chosen. */
  unknown?: boolean;
  onUnknown?(unknown: boolean): void;
  hint?: string;
  errorKey?: string;
  /** Latest year offered (default: this year in China). */
  maxYear?: number;
}

const pad2 = (n: number) => String(n).padStart(2, '0');
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** 2026-06-01 → 2026年6月1日 (or 1 Jun 2026 in English). */
export function dateWords(iso: string, lang: 'zh' | 'en'): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return lang === 'zh' ? `${y}年${mo}月${d}日` : new Date(Date.UTC(y, mo - 1, d)).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

export function DateField({ id, label, value, onChange, unknown, onUnknown, hint, errorKey, maxYear }: Props) {
  const l = useL();
  const errors = useContext(FieldErrors);
  const [open, setOpen] = useState(false);
  const shownError = errorKey ? errors[errorKey] : undefined;
  // A finger opens the sheet; the native field stays for a hardware keyboard. Opened on click,
  // not pointerdown: opened sooner, the tap's click would land on a button of the sheet.
  const openSheet = (e: MouseEvent) => {
    e.preventDefault();
    setOpen(true);
  };
  const said = unknown ? l('不清楚（由工作人员核对）', 'Not known (staff will check)') : value ? dateWords(value, l('zh', 'en') as 'zh' | 'en') : l('点这里选择日期', 'Tap to choose the date');
  const describedBy = [`${id}-said`, hint ? `${id}-hint` : '', shownError ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className="field picker-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={id}
        type="text"
        inputMode="none"
        placeholder={l('年-月-日', 'YYYY-MM-DD')}
        value={value}
        autoComplete="off"
        aria-invalid={shownError ? true : undefined}
        aria-describedby={describedBy}
        onPointerDown={(e: PointerEvent) => e.preventDefault()}
        onClick={openSheet}
        onChange={(e) => {
          onChange(e.target.value);
          if (e.target.value && unknown) onUnknown?.(false);
        }}
      />
      <p id={`${id}-said`} className={value || unknown ? 'field-ok' : 'hint'} data-testid={`${id}-said`}>
        {said}
      </p>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {shownError && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {shownError}
        </p>
      )}
      {open && (
        <DateSheet
          id={id}
          title={label}
          value={value}
          maxYear={maxYear}
          allowUnknown={!!onUnknown}
          onCancel={() => setOpen(false)}
          onUnknown={() => {
            onChange('');
            onUnknown?.(true);
            setOpen(false);
          }}
          onPick={(iso) => {
            onChange(iso);
            if (unknown) onUnknown?.(false);
            setOpen(false);
          }}
        />
      )}
    </div>
  );
}

function DateSheet({ id, title, value, maxYear, allowUnknown, onCancel, onUnknown, onPick }: { id: string; title: string; value: string; maxYear: number | undefined; allowUnknown: boolean; onCancel(): void; onUnknown(): void; onPick(iso: string): void }) {
  const l = useL();
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const [year, setYear] = useState<number | null>(m ? Number(m[1]) : null);
  const [month, setMonth] = useState<number | null>(m ? Number(m[2]) : null);
  const [part, setPart] = useState<Part>('year');
  const [earlier, setEarlier] = useState(false);
  const heading = useRef<HTMLHeadingElement | null>(null);
  useEffect(() => heading.current?.focus(), []);

  const today = chinaDate(new Date());
  const top = maxYear ?? Number(today.slice(0, 4));
  const years = Array.from({ length: earlier ? 30 : 10 }, (_, i) => top - i);
  const day = m && year === Number(m[1]) && month === Number(m[2]) ? Number(m[3]) : null;

  return (
    <div className="touch-sheet" data-testid={`${id}-picker`}>
      <div className="touch-sheet-panel" role="dialog" aria-modal="true" aria-labelledby={`${id}-picker-title`}>
        <h2 id={`${id}-picker-title`} ref={heading} tabIndex={-1}>
          {title}
        </h2>
        <div className="sheet-preview" aria-live="polite">
          <button type="button" className={`part${part === 'year' ? ' current' : ''}${year === null ? ' missing' : ''}`} aria-pressed={part === 'year'} onClick={() => setPart('year')}>
            {year ?? '____'}
            {l('年', '')}
          </button>
          <button type="button" className={`part${part === 'month' ? ' current' : ''}${month === null ? ' missing' : ''}`} aria-pressed={part === 'month'} disabled={year === null} onClick={() => setPart('month')}>
            {month ?? '__'}
            {l('月', '')}
          </button>
          <button type="button" className={`part${part === 'day' ? ' current' : ''} missing`} aria-pressed={part === 'day'} disabled={month === null} onClick={() => setPart('day')}>
            {day ?? '__'}
            {l('日', '')}
          </button>
        </div>
        {part === 'year' && (
          <>
            <p className="sheet-question">{l('哪一年？', 'Which year?')}</p>
            <div className="sheet-grid" data-testid="picker-years">
              {years.map((y) => (
                <button key={y} type="button" className={year === y ? 'chosen' : ''} onClick={() => { setYear(y); setPart('month'); }}>
                  {l(`${y}年`, String(y))}
                </button>
              ))}
              {!earlier && (
                <button type="button" onClick={() => setEarlier(true)}>
                  {l('更早的年份', 'Earlier years')}
                </button>
              )}
            </div>
          </>
        )}
        {part === 'month' && (
          <>
            <p className="sheet-question">{l('几月？', 'Which month?')}</p>
            <div className="sheet-grid" data-testid="picker-months">
              {Array.from({ length: 12 }, (_, i) => i + 1).map((mo) => (
                <button key={mo} type="button" className={month === mo ? 'chosen' : ''} onClick={() => { setMonth(mo); setPart('day'); }}>
                  {l(`${mo}月`, new Date(Date.UTC(2000, mo - 1, 1)).toLocaleDateString('en-GB', { month: 'long', timeZone: 'UTC' }))}
                </button>
              ))}
            </div>
          </>
        )}
        {part === 'day' && year !== null && month !== null && (
          <>
            <p className="sheet-question">{l('几号？', 'Which day?')}</p>
            <div className="sheet-grid days" data-testid="picker-days">
              {Array.from({ length: daysIn(year, month) }, (_, i) => i + 1).map((dd) => (
                <button key={dd} type="button" className={day === dd ? 'chosen' : ''} aria-label={l(`${year}年${month}月${dd}日`, `${dd}`)} onClick={() => onPick(`${year}-${pad2(month)}-${pad2(dd)}`)}>
                  {dd}
                </button>
              ))}
            </div>
          </>
        )}
        <div className="sheet-actions">
          <button type="button" className="secondary" onClick={onCancel} data-testid="picker-cancel">
            {l('取消', 'Cancel')}
          </button>
          {allowUnknown && (
            <button type="button" className="secondary" onClick={onUnknown} data-testid="picker-unknown">
              {l('不清楚', 'I don’t know')}
            </button>
          )}
        </div>
      </div>
    </div>
  );
}
