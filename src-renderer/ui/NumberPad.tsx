/**
 * A telephone-style number pad with large keys, for amounts, phones, account and ID numbers,
 * years and sequence numbers. Keys act on pointerdown with the default prevented, so a field
 * being typed into keeps its focus and caret.
 */
import type { PointerEvent } from 'react';
import { useL } from './fields.js';
import './touch-input.css';

interface Props {
  /** Keys shown around 0 in the bottom row (00 . X -). */
  extra?: readonly string[];
  onKey(key: string): void;
  onDelete(): void;
  onClear(): void;
  label?: string;
  testId?: string;
}

export function NumberPad({ extra = [], onKey, onDelete, onClear, label, testId = 'number-pad' }: Props) {
  const l = useL();
  const act = (fn: () => void) => (e: PointerEvent) => {
    e.preventDefault();
    fn();
  };
  const key = (k: string) => (
    <button key={k} type="button" className="pad-key" onPointerDown={act(() => onKey(k))}>
      {k}
    </button>
  );
  const action = (k: 'delete' | 'clear') => (
    <button key={k} type="button" className="pad-key pad-action" onPointerDown={act(k === 'delete' ? onDelete : onClear)}>
      {k === 'delete' ? l('删除', 'Delete') : l('清空', 'Clear')}
    </button>
  );
  const gap = (n: number) => <span key={`gap-${n}`} aria-hidden="true" />;
  // Four columns: the digits as on a telephone, delete and clear on the right where the thumb is.
  return (
    <div className="number-pad" role="group" aria-label={label ?? l('数字键盘', 'Number pad')} data-testid={testId}>
      {['1', '2', '3'].map(key)}
      {action('delete')}
      {['4', '5', '6'].map(key)}
      {action('clear')}
      {['7', '8', '9'].map(key)}
      {gap(1)}
      {extra[0] ? key(extra[0]) : gap(2)}
      {key('0')}
      {extra[1] ? key(extra[1]) : gap(3)}
      {gap(4)}
    </div>
  );
}
