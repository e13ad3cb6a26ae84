/**
 * Form pieces sized for touch: labelled text fields that the on-screen keyboard can type into,
 * and choices as large radio cards. Each error is tied to its field for screen readers.
 */
import { createContext, useContext, type ReactNode } from 'react';
import type { Lang } from '../../src-shared/i18n/strings.js';
import { LangContext } from './i18n.js';

/** Bilingual text inline: the Chinese first, as the kiosk's first language. */
export function useL(): (zh: string, en: string) => string {
  const lang = useContext(LangContext);
  return (zh, en) => (lang === 'zh' ? zh : en);
}

/** pinyin, abc and num are keyboard layouts; the others open the number pad (ui/pad-input.ts). */
export type KeyboardMode = 'pinyin' | 'abc' | 'num' | 'amount' | 'rate' | 'phone' | 'digits' | 'id';

/** Errors by field id, from the services or the rules engine, shown beside the field. */
export const FieldErrors = createContext<Record<string, string>>({});

interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onChange(v: string): void;
  keyboard?: KeyboardMode;
  hint?: string;
  /** A key into FieldErrors, when the error for this field comes from the services. */
  errorKey?: string;
  error?: string | null;
  multiline?: boolean;
  type?: 'text' | 'date';
  required?: boolean;
}

export function TextField({ id, label, value, onChange, keyboard = 'pinyin', hint, errorKey, error, multiline, type = 'text', required }: TextFieldProps) {
  const errors = useContext(FieldErrors);
  const shown = error ?? (errorKey ? errors[errorKey] : undefined);
  const describedBy = [hint ? `${id}-hint` : '', shown ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    name: id,
    value,
    autoComplete: 'off',
    'data-osk': keyboard,
    // Lets "去修改" and the per-field checks find the field by the key its errors come under.
    'data-error-key': errorKey ?? id,
    'aria-invalid': shown ? true : undefined,
    'aria-describedby': describedBy,
    'aria-required': required || undefined,
  } as const;
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {required && <span className="required"> *</span>}
      </label>
      {multiline ? (
        <textarea {...common} rows={3} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...common} type={type} inputMode={keyboard === 'pinyin' || keyboard === 'abc' ? 'text' : 'decimal'} onChange={(e) => onChange(e.target.value)} />
      )}
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {shown && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {shown}
        </p>
      )}
    </div>
  );
}

interface ChoiceProps<T extends string> {
  name: string;
  legend: string;
  value: T | '';
  options: ReadonlyArray<{ value: T; label: string; hint?: string }>;
  onChange(v: T): void;
}

export function Choice<T extends string>({ name, legend, value, options, onChange }: ChoiceProps<T>) {
  return (
    <fieldset className="choices">
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o.value} className={`choice-card${value === o.value ? ' chosen' : ''}`}>
          <input type="radio" name={name} value={o.value} checked={value === o.value} onChange={() => onChange(o.value)} />
          <span>
            {o.label}
            {o.hint && <small>{o.hint}</small>}
          </span>
        </label>
      ))}
    </fieldset>
  );
}

export function Check({ id, checked, onChange, children }: { id: string; checked: boolean; onChange(v: boolean): void; children: ReactNode }) {
  return (
    <label className={`check-card${checked ? ' chosen' : ''}`} htmlFor={id}>
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <span>{children}</span>
    </label>
  );
}

export type { Lang };
