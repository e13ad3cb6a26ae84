/**
 * What a number pad may type into which field: amounts in yuan with at most two decimals,
 * phones, bank account digits, ID numbers (digits and a final X), sequence numbers.
 */
export type PadKind = 'amount' | 'phone' | 'digits' | 'id' | 'rate';

export const PAD_KINDS: readonly PadKind[] = ['amount', 'phone', 'digits', 'id', 'rate'];

export function isPadKind(s: string | undefined): s is PadKind {
  return (PAD_KINDS as readonly string[]).includes(s ?? '');
}

/** The keys a pad shows beside 1-9 and 0, in the bottom row. */
export function extraKeys(kind: PadKind): string[] {
  if (kind === 'amount') return ['00', '.'];
  if (kind === 'rate') return ['.'];
  if (kind === 'id') return ['X'];
  if (kind === 'phone') return ['-'];
  return [];
}

const SHAPES: Record<PadKind, RegExp> = {
  // 13 digits of yuan is the most parseYuan takes; two decimals at most (fen).
  amount: /^(0|[1-9]\d{0,12})?(\.\d{0,2})?$/,
  rate: /^\d{0,3}(\.\d{0,4})?$/,
  phone: /^[\d-]{0,20}$/,
  digits: /^\d{0,32}$/,
  id: /^(\d{0,18}|\d{17}X)$/,
};

/** The value after typing `key` at the caret, or null when the pad refuses it (e.g. a third decimal). */
export function padInsert(kind: PadKind, value: string, start: number, end: number, key: string): string | null {
  let next = value.slice(0, start) + key + value.slice(end);
  // "." first means "0.": an applicant types ".5" for half a yuan.
  if ((kind === 'amount' || kind === 'rate') && next.startsWith('.')) next = `0${next}`;
  return SHAPES[kind].test(next) ? next : null;
}
