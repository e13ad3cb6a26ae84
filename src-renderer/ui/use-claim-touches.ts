/**
 * A drawing surface (signature, handwriting) takes its touches for itself. Pointer events draw,
 * but without this Chromium also reads a stroke as a gesture of its own (a swipe, a long press)
 * and treats the next touch as the end of it: the tap on 提交申请 right after a signature
 * brought pointerdown and pointerup but no click (reproduced with CDP touch points; a tap a
 * second later went through). Cancelling the touches of the surface keeps the browser out.
 */
import { useEffect, type RefObject } from 'react';

export function useClaimTouches(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const claim = (e: TouchEvent) => {
      if (e.cancelable) e.preventDefault();
    };
    // React's own touch listeners are passive: they cannot cancel, so these are added here.
    el.addEventListener('touchstart', claim, { passive: false });
    el.addEventListener('touchmove', claim, { passive: false });
    return () => {
      el.removeEventListener('touchstart', claim);
      el.removeEventListener('touchmove', claim);
    };
  }, [ref]);
}
