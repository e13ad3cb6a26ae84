/** Small helpers shared by the counter console's screens. */
import type { ApiInput, ApiMethod, ApiOutput, KioskBridge, UserError } from '../../src-shared/api/contract.js';
import { chinaDateTime } from '../../src-shared/time/china-time.js';
import { dueDateText } from '../../src-shared/calendar/unconfirmed-note.js';
import type { QueueRow } from '../../src-shared/counter/contract.js';
import { COUNTER_TASK_LABELS, type CounterTask } from '../../src-shared/counter/counter-deadlines.js';

export type Call = <M extends ApiMethod>(method: M, input: ApiInput<M>) => Promise<ApiOutput<M> | null>;

/** Wraps the bridge so each screen shows the Chinese message of a refusal and carries on. */
export function makeCall(bridge: KioskBridge, onError: (e: UserError | null) => void, onSignedOut: () => void): Call {
  return async (method, input) => {
    const fn = bridge[method] as unknown as (i: unknown) => Promise<{ ok: true; value: unknown } | { ok: false; error: UserError }>;
    const r = await fn(input);
    if (r.ok) {
      onError(null);
      return r.value as never;
    }
    if (r.error.code === 'counter.signed-out') onSignedOut();
    onError(r.error);
    return null;
  };
}

export function pdfUrl(base64: string, mime = 'application/pdf'): string {
  const bin = atob(base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return URL.createObjectURL(new Blob([bytes], { type: mime }));
}

/** China time for display (the court's clock). */
export function chinaTime(iso: string): string {
  return chinaDateTime(new Date(iso));
}

/** `datetime-local` value in China time, and back to an ISO instant. */
export function toLocalInput(d: Date): string {
  return new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16);
}
export function fromLocalInput(v: string): string {
  return new Date(`${v}:00+08:00`).toISOString();
}

export function readFileAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result));
    r.onerror = () => reject(r.error ?? new Error('read failed'));
    r.readAsDataURL(file);
  });
}

/** A queue row's counter node as shown: its date (with the calendar note), or that the court sets none. */
export function rowDueText(row: QueueRow): string {
  if (row.dueDate === null) return row.stage === 'done' || row.stage === 'returned' ? '—' : '本院未设期限 (no period set by the court)';
  const task = row.dueTask ? COUNTER_TASK_LABELS[row.dueTask as CounterTask]?.zh : undefined;
  return `${dueDateText(row.dueDate, row.dueDateConfirmed !== false)}${task ? `（${task}）` : ''}`;
}
