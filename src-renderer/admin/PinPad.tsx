import { useState } from 'react';

/** A touch PIN pad: the kiosk has no keyboard, and digits are never echoed. */
export function PinPad({ busy, onSubmit }: { busy: boolean; onSubmit(pin: string): void }) {
  const [pin, setPin] = useState('');
  const press = (d: string) => setPin((p) => (p.length < 12 ? p + d : p));
  return (
    <div className="pin-pad" data-testid="pin-pad">
      <p className="pin-dots" role="status">
        <span aria-hidden="true">{'●'.repeat(pin.length) || '\u00a0'}</span>
        <span className="visually-hidden">已输入 {pin.length} 位</span>
      </p>
      <div className="pin-keys">
        {['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((d) => (
          <button type="button" key={d} onClick={() => press(d)} aria-label={d}>
            {d}
          </button>
        ))}
        <button type="button" className="secondary" onClick={() => setPin('')} aria-label="清除 Clear">
          清除
        </button>
        <button type="button" onClick={() => press('0')} aria-label="0">
          0
        </button>
        <button
          type="button"
          className="primary"
          disabled={busy || pin.length < 4}
          data-testid="pin-ok"
          onClick={() => {
            onSubmit(pin);
            setPin('');
          }}
        >
          确定
        </button>
      </div>
    </div>
  );
}
