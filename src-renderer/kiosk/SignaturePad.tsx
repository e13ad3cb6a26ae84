/** Signature on the touch screen: pointer strokes on a canvas, exported as PNG once they can be a signature. */
import { useEffect, useRef, useState } from 'react';
import { useL } from '../ui/fields.js';
import { useClaimTouches } from '../ui/use-claim-touches.js';
import { addPoint, isSignature, NO_STROKE, type StrokeStats } from './journey/signature-stroke.js';

export function SignaturePad({ onChange }: { onChange(png: string | null): void }) {
  const l = useL();
  const ref = useRef<HTMLCanvasElement | null>(null);
  const drawing = useRef(false);
  const stats = useRef<StrokeStats>(NO_STROKE);
  const last = useRef<readonly [number, number] | null>(null);
  const [empty, setEmpty] = useState(true);
  const [tooShort, setTooShort] = useState(false);
  useClaimTouches(ref);

  useEffect(() => {
    const c = ref.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx) return;
    ctx.lineWidth = 4;
    ctx.lineCap = 'round';
    ctx.strokeStyle = '#000';
    return () => {
      c.width = 0; // wipe the strokes with the component
    };
  }, []);

  const pos = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    return [((e.clientX - r.left) * e.currentTarget.width) / r.width, ((e.clientY - r.top) * e.currentTarget.height) / r.height] as const;
  };
  const down = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const ctx = e.currentTarget.getContext('2d');
    if (!ctx) return;
    e.currentTarget.setPointerCapture?.(e.pointerId);
    drawing.current = true;
    const [x, y] = pos(e);
    ctx.beginPath();
    ctx.moveTo(x, y);
    stats.current = addPoint(stats.current, x, y, null);
    last.current = [x, y];
  };
  const move = (e: React.PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current) return;
    const ctx = e.currentTarget.getContext('2d');
    if (!ctx) return;
    const [x, y] = pos(e);
    ctx.lineTo(x, y);
    ctx.stroke();
    stats.current = addPoint(stats.current, x, y, last.current);
    last.current = [x, y];
  };
  const up = (e: React.PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current) return;
    drawing.current = false;
    setEmpty(false);
    // A tap or a scratch is not a signature: nothing is handed on until the strokes can be one.
    const enough = isSignature(stats.current);
    setTooShort(!enough);
    onChange(enough ? e.currentTarget.toDataURL('image/png') : null);
  };
  const clear = () => {
    const c = ref.current;
    c?.getContext('2d')?.clearRect(0, 0, c.width, c.height);
    setEmpty(true);
    setTooShort(false);
    stats.current = NO_STROKE;
    last.current = null;
    onChange(null);
  };
  return (
    <div className="signature">
      <p id="sig-label" className="label">
        {l('请在框内用手指签名', 'Sign with your finger in the box')}
      </p>
      {tooShort && (
        <p className="field-error" role="alert" data-testid="signature-too-short">
          {l('这还不是签名：请用手指在框内写下您的姓名。', 'That is not a signature yet: write your name in the box with your finger.')}
        </p>
      )}
      <canvas ref={ref} width={900} height={240} role="img" aria-labelledby="sig-label" data-testid="signature" onPointerDown={down} onPointerMove={move} onPointerUp={up} onPointerLeave={up} />
      <div className="actions left">
        <button type="button" className="secondary" onClick={clear} disabled={empty}>
          {l('重新签名', 'Clear signature')}
        </button>
      </div>
    </div>
  );
}
