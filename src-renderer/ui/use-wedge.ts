/**
 * Listens for a keyboard-wedge barcode scanner while `active`: keys are held back while a
 * burst is undecided (src-shared/scan/wedge.ts decides by timing), a scan goes to `onScan`,
 * and keys a person typed are replayed into the focused field, so nothing typed is lost.
 */
import { useEffect, useRef } from 'react';
import { WedgeClassifier, type WedgeEvent } from '../../src-shared/scan/wedge.js';
import { insertText, isTextControl } from './native-input.js';

export function useWedge(active: boolean, onScan: (text: string) => void): void {
  const cb = useRef(onScan);
  cb.current = onScan;
  useEffect(() => {
    if (!active) return;
    const cls = new WedgeClassifier();
    const handle = (events: WedgeEvent[]) => {
      for (const ev of events) {
        if (ev.type === 'scan') {
          cb.current(ev.text);
          continue;
        }
        const chars = ev.keys.filter((k) => [...k].length === 1).join('');
        const el = document.activeElement;
        if (chars && isTextControl(el)) insertText(el, chars);
      }
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.isComposing || e.ctrlKey || e.metaKey || e.altKey) return;
      const single = [...e.key].length === 1;
      const suffix = e.key === 'Enter' || e.key === 'Tab';
      if (single || suffix) e.preventDefault();
      handle(cls.feed(e.key, e.timeStamp));
    };
    const timer = setInterval(() => handle(cls.tick(performance.now())), 50);
    window.addEventListener('keydown', onKey, true);
    return () => {
      clearInterval(timer);
      window.removeEventListener('keydown', onKey, true);
    };
  }, [active]);
}
