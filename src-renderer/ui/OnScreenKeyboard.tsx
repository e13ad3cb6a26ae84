/**
 * The kiosk has no physical keyboard: this one types into whichever field has focus. Chinese
 * is written by hand (手写, HandwritingPad) or in pinyin, which turns a typed syllable into
 * character candidates (for Chinese names and addresses),
 * ABC types letters, 123 digits and the characters of ID numbers, amounts and dates.
 * Keys act on pointerdown with the default prevented, so the field keeps its focus and caret.
 */
import { useEffect, useLayoutEffect, useRef, useState, type PointerEvent } from 'react';
import { candidates, loadPinyin } from './pinyin-index.js';
import { clearText, deleteBackward, insertText, isTextControl, type TextControl } from './native-input.js';
import { useL, type KeyboardMode } from './fields.js';
import { HandwritingPad } from './HandwritingPad.js';

/** 手写 (handwriting) stands beside pinyin for Chinese fields; the fields ask for pinyin. */
type OskMode = KeyboardMode | 'hand';
const MODES: readonly OskMode[] = ['hand', 'pinyin', 'abc', 'num'];
import { NumberPad } from './NumberPad.js';
import { extraKeys, isPadKind, padInsert } from './pad-input.js';

const LETTERS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
// Brackets and 号 so a case number can be typed whole (composing it is easier: CaseNumberComposer).
const DIGITS = ['123', '456', '789', 'X0.', '-/:', '（）〔〕号'];
// A credit code (统一社会信用代码) mixes digits and capitals.
const ABC = ['1234567890', ...LETTERS];
const CAND_PAGE = 10;

/**
 * Mounted anew for each applicant session (the kiosk's screen is keyed by visit), so a choice
 * of handwriting is kept across the fields of one applicant and never handed to the next.
 */
export function OnScreenKeyboard() {
  const l = useL();
  // Who chose handwriting once keeps it in the next Chinese field.
  const chineseMode = useRef<'pinyin' | 'hand'>('pinyin');
  const [target, setTarget] = useState<TextControl | null>(null);
  const [mode, setMode] = useState<OskMode>('pinyin');
  const [buffer, setBuffer] = useState('');
  const [page, setPage] = useState(0);
  const [pinyinReady, setPinyinReady] = useState(false);

  useEffect(() => {
    const onFocus = (e: FocusEvent) => {
      const el = e.target as Element | null;
      if (isTextControl(el) && el.dataset.osk) {
        setTarget(el);
        const asked = el.dataset.osk as KeyboardMode;
        setMode(asked === 'pinyin' ? chineseMode.current : asked);
        setBuffer('');
        setPage(0);
        // The keyboard covers the lower part of the screen: keep the field in sight.
        requestAnimationFrame(() => el.scrollIntoView({ block: 'center' }));
      }
    };
    const onBlur = () => {
      requestAnimationFrame(() => {
        if (!isTextControl(document.activeElement)) setTarget(null);
      });
    };
    document.addEventListener('focusin', onFocus);
    document.addEventListener('focusout', onBlur);
    return () => {
      document.removeEventListener('focusin', onFocus);
      document.removeEventListener('focusout', onBlur);
    };
  }, []);

  // The keyboard lies over the page's foot: room below the page lets "下一步" be scrolled above it.
  const box = useRef<HTMLDivElement | null>(null);
  const open = !!target && target.isConnected;
  useLayoutEffect(() => {
    if (!open || !box.current) return;
    const el = box.current;
    const pad = () => (document.body.style.paddingBottom = `${el.offsetHeight}px`);
    pad();
    // The field was scrolled before the room existed: bring it above the keyboard now.
    requestAnimationFrame(() => target?.scrollIntoView({ block: 'center' }));
    const ro = new ResizeObserver(pad);
    ro.observe(el);
    return () => {
      ro.disconnect();
      document.body.style.paddingBottom = '';
    };
    // Only when the keyboard opens or closes; moving between fields scrolls on focus.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  useEffect(() => {
    if (target && !pinyinReady) void loadPinyin().then(() => setPinyinReady(true));
  }, [target, pinyinReady]);

  if (!target || !target.isConnected) return null;

  const act = (fn: () => void) => (e: PointerEvent) => {
    e.preventDefault();
    fn();
  };
  const typeKey = (k: string) => {
    if (mode === 'pinyin' && /^[a-z]$/.test(k)) {
      setBuffer((b) => (b + k).slice(0, 6));
      setPage(0);
    } else insertText(target, mode === 'abc' ? k.toUpperCase() : k);
  };
  const backspace = () => {
    if (buffer) setBuffer((b) => b.slice(0, -1));
    else deleteBackward(target);
  };
  const pick = (ch: string) => {
    insertText(target, ch);
    setBuffer('');
    setPage(0);
  };
  const choose = (m: OskMode) => {
    if (m === 'hand' || m === 'pinyin') chineseMode.current = m;
    setMode(m);
    setBuffer('');
  };
  const list = mode === 'pinyin' && buffer ? candidates(buffer, Infinity) : [];
  const shown = list.slice(page * CAND_PAGE, page * CAND_PAGE + CAND_PAGE);
  const rows = mode === 'num' ? DIGITS : mode === 'abc' ? ABC : LETTERS;
  const padKey = (k: string) => {
    if (!isPadKind(mode)) return;
    const next = padInsert(mode, target.value, target.selectionStart ?? target.value.length, target.selectionEnd ?? target.value.length, k);
    // padInsert may have put a 0 before a leading "."; type what it added, not only the key.
    if (next !== null) insertText(target, next.length > target.value.length + k.length ? `0${k}` : k);
  };

  return (
    // A tap between keys must not take the focus from the field either.
    <div className="osk" role="group" aria-label={l('屏幕键盘', 'On-screen keyboard')} data-testid="osk" ref={box} onPointerDown={(e) => e.preventDefault()}>
      <div className="osk-modes">
        {(isPadKind(mode) ? [] : MODES).map((m) => (
          <button key={m} type="button" className={mode === m ? 'primary' : 'secondary'} aria-pressed={mode === m} onPointerDown={act(() => choose(m))}>
            {m === 'hand' ? l('手写', 'Handwriting') : m === 'pinyin' ? l('拼音', 'Pinyin') : m === 'abc' ? 'ABC' : '123'}
          </button>
        ))}
        <span className="osk-buffer" aria-live="polite" data-testid="osk-buffer">{buffer}</span>
        {/* Hidden on click, not pointerdown: gone at pointerdown, the tap's click would land on whatever lay beneath. */}
        <button type="button" className="secondary" onPointerDown={act(() => undefined)} onClick={() => target.blur()}>
          {l('收起键盘', 'Hide')}
        </button>
      </div>
      {/* The candidate row keeps its place while empty: if the keyboard shrank under the finger
          that picked a character, the tap's click would land on the page and close the keyboard. */}
      {!(mode === 'pinyin' && buffer) && !isPadKind(mode) && <div className="osk-cands" aria-hidden="true" />}
      {mode === 'pinyin' && buffer && (
        <div className="osk-cands" data-testid="osk-candidates">
          {page > 0 && (
            <button type="button" className="secondary" aria-label={l('上一页候选字', 'Previous candidates')} onPointerDown={act(() => setPage(page - 1))}>‹</button>
          )}
          {shown.map((ch) => (
            <button key={ch} type="button" className="cand" onPointerDown={act(() => pick(ch))}>
              {ch}
            </button>
          ))}
          {shown.length === 0 && <span className="hint">{pinyinReady ? l('没有这个拼音，请检查', 'No such syllable') : l('正在载入拼音…', 'Loading pinyin…')}</span>}
          {(page + 1) * CAND_PAGE < list.length && (
            <button type="button" className="secondary" aria-label={l('下一页候选字', 'More candidates')} onPointerDown={act(() => setPage(page + 1))}>›</button>
          )}
        </div>
      )}
      {mode === 'hand' ? (
        <HandwritingPad onPick={(ch) => insertText(target, ch)} onBackspace={() => deleteBackward(target)} />
      ) : isPadKind(mode) ? (
        <NumberPad extra={extraKeys(mode)} onKey={padKey} onDelete={backspace} onClear={() => clearText(target)} />
      ) : (
        <>
      {rows.map((row) => (
        <div className="osk-row" key={row}>
          {[...row].map((k) => (
            <button key={k} type="button" className="key" onPointerDown={act(() => typeKey(k))}>
              {mode === 'abc' ? k.toUpperCase() : k}
            </button>
          ))}
        </div>
      ))}
      <div className="osk-row">
        <button type="button" className="key wide" onPointerDown={act(() => clearText(target))}>{l('清空', 'Clear')}</button>
        <button type="button" className="key wide" onPointerDown={act(() => insertText(target, ' '))}>{l('空格', 'Space')}</button>
        <button type="button" className="key wide" onPointerDown={act(backspace)}>{l('删除', 'Delete')}</button>
      </div>
        </>
      )}
    </div>
  );
}
