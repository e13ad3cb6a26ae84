/**
 * Handwriting input for applicants who cannot use pinyin: they write one character with a
 * finger, the kiosk recognises it offline (handwriting.recognize, in the main process) after
 * every stroke, and they tap the right candidate. Every control acts on pointerdown with the
 * default prevented, like the keyboard's keys, so the field keeps its focus and caret.
 */
import { useEffect, useRef, useState, type PointerEvent } from 'react';
import { getBridge } from '../bridge/get-bridge.js';
import { useL } from './fields.js';
import { useClaimTouches } from './use-claim-touches.js';

/** The pad's drawing size in CSS pixels; it is also the box the recogniser normalises to. */
export const PAD_SIZE = 360;
const MAX_POINTS = 500;
const INK = '#1a1a1a';

type Point = [number, number];

interface Props {
  /** The applicant picked this character. */
  onPick: (ch: string) => void;
  /** 退格 with nothing on the pad deletes the character before the caret. */
  onBackspace: () => void;
}

export function HandwritingPad({ onPick, onBackspace }: Props) {
  const l = useL();
  const canvas = useRef<HTMLCanvasElement>(null);
  const strokes = useRef<Point[][]>([]);
  const drawing = useRef<Point[] | null>(null);
  const asked = useRef(0);
  const [strokeCount, setStrokeCount] = useState(0);
  const [cands, setCands] = useState<string[]>([]);
  /** How many strokes the shown candidates are for (tests wait on it). */
  const [answeredFor, setAnsweredFor] = useState(0);
  const [error, setError] = useState<{ zh: string; en: string } | null>(null);
  useClaimTouches(canvas);

  useEffect(() => {
    // The pad is larger on a portrait screen (styles.css); draw sharp at whatever size it has.
    const c = canvas.current;
    if (!c) return;
    const observer = new ResizeObserver(() => redraw());
    observer.observe(c);
    return () => observer.disconnect();
  }, []);

  /** Draws in pad coordinates (PAD_SIZE square) onto a canvas of its shown size. */
  const redraw = () => {
    const c = canvas.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx) return;
    const side = Math.round(c.clientWidth * (window.devicePixelRatio || 1)) || PAD_SIZE;
    if (c.width !== side) {
      c.width = side;
      c.height = side;
    }
    ctx.setTransform(side / PAD_SIZE, 0, 0, side / PAD_SIZE, 0, 0);
    ctx.clearRect(0, 0, PAD_SIZE, PAD_SIZE);
    // 米字格 guides: where a character's centre and halves are, as on school paper
    ctx.strokeStyle = '#c9a0a0';
    ctx.lineWidth = 2;
    ctx.setLineDash([8, 8]);
    ctx.beginPath();
    ctx.moveTo(PAD_SIZE / 2, 0);
    ctx.lineTo(PAD_SIZE / 2, PAD_SIZE);
    ctx.moveTo(0, PAD_SIZE / 2);
    ctx.lineTo(PAD_SIZE, PAD_SIZE / 2);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.strokeStyle = INK;
    ctx.lineWidth = 8;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    const all = drawing.current ? [...strokes.current, drawing.current] : strokes.current;
    for (const s of all) {
      ctx.beginPath();
      s.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
      if (s.length === 1) ctx.lineTo(s[0]![0] + 0.1, s[0]![1]);
      ctx.stroke();
    }
  };

  const recognise = async () => {
    const ticket = ++asked.current;
    const count = strokes.current.length;
    if (count === 0) {
      setCands([]);
      setAnsweredFor(0);
      return;
    }
    const r = await getBridge()['handwriting.recognize']({ width: PAD_SIZE, height: PAD_SIZE, strokes: strokes.current });
    if (ticket !== asked.current) return; // a later stroke asked again meanwhile
    setAnsweredFor(count);
    if (r.ok) {
      setCands(r.value.candidates);
      setError(null);
    } else setError({ zh: r.error.message_zh, en: r.error.message_en });
  };

  const clear = () => {
    strokes.current = [];
    drawing.current = null;
    asked.current++;
    setStrokeCount(0);
    setCands([]);
    setAnsweredFor(0);
    redraw();
  };

  const at = (e: PointerEvent<HTMLCanvasElement>): Point => {
    const c = e.currentTarget;
    const rect = c.getBoundingClientRect();
    const k = PAD_SIZE / c.clientWidth; // inside the border
    return [Math.round((e.clientX - rect.left - c.clientLeft) * k), Math.round((e.clientY - rect.top - c.clientTop) * k)];
  };
  const down = (e: PointerEvent<HTMLCanvasElement>) => {
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    drawing.current = [at(e)];
    redraw();
  };
  const move = (e: PointerEvent<HTMLCanvasElement>) => {
    const s = drawing.current;
    if (!s || s.length >= MAX_POINTS) return;
    const p = at(e);
    const last = s[s.length - 1]!;
    if (Math.abs(p[0] - last[0]) + Math.abs(p[1] - last[1]) < 2) return;
    s.push(p);
    redraw();
  };
  const up = () => {
    const s = drawing.current;
    if (!s) return;
    drawing.current = null;
    strokes.current = [...strokes.current, s];
    setStrokeCount(strokes.current.length);
    redraw();
    void recognise();
  };

  const act = (fn: () => void) => (e: PointerEvent) => {
    e.preventDefault();
    fn();
  };
  const pick = (ch: string) => {
    onPick(ch);
    clear();
  };
  const backspace = () => {
    if (strokes.current.length === 0) return onBackspace();
    strokes.current = strokes.current.slice(0, -1);
    setStrokeCount(strokes.current.length);
    redraw();
    void recognise();
  };

  return (
    <div className="hw" data-testid="hw-pad">
      <canvas
        ref={canvas}
        className="hw-canvas"
        role="img"
        aria-label={l('手写区：用手指在这里写一个字', 'Writing area: write one character here with your finger')}
        data-strokes={strokeCount}
        onPointerDown={down}
        onPointerMove={move}
        onPointerUp={up}
        onPointerCancel={up}
      />
      <div className="hw-side">
        <p className="hw-hint" aria-live="polite">
          {error
            ? l(error.zh, error.en)
            : cands.length > 0
              ? l('请点选您写的字', 'Tap the character you wrote')
              : l('在左边方格里写一个字', 'Write one character in the box')}
        </p>
        <div className="hw-cands" data-testid="hw-candidates" data-for={answeredFor} role="group" aria-label={l('候选字', 'Candidates')}>
          {cands.map((ch) => (
            <button key={ch} type="button" className="cand" onPointerDown={act(() => pick(ch))}>
              {ch}
            </button>
          ))}
        </div>
        <div className="hw-actions">
          <button type="button" className="key wide" onPointerDown={act(clear)}>
            {l('重写', 'Rewrite')}
          </button>
          <button type="button" className="key wide" onPointerDown={act(backspace)}>
            {l('退格', 'Backspace')}
          </button>
        </div>
      </div>
    </div>
  );
}
