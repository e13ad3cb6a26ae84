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
  // With one extra key it sits left of 0; with two, on both sides.
  const bottom = extra.length === 0 ? ['0'] : extra.length === 1 ? [extra[0]!, '0'] : [extra[0]!, '0', ...extra.slice(1)];
  return (
    <div className="number-pad" role="group" aria-label={label ?? l('数字键盘', 'Number pad')} data-testid={testId}>
      {['1', '2', '3', '4', '5', '6', '7', '8', '9'].map(key)}
      {bottom.map(key)}
      <button type="button" className="pad-key pad-action" onPointerDown={act(onDelete)}>
        {l('删除', 'Delete')}
      </button>
      <button type="button" className="pad-key pad-action" onPointerDown={act(onClear)}>
        {l('清空', 'Clear')}
      </button>
    </div>
  );
}
