import { useEffect, useRef, useState } from 'react';

/**
 * Idle countdown: after `idleMs` without a touch or key the person is asked whether they are
 * still there; `warnMs` later `onExpire` ends the session. Counted with timers, not polling.
 */
export function useIdle(active: boolean, idleMs: number, warnMs: number, onExpire: () => void): { warning: boolean; secondsLeft: number; stillHere(): void } {
  const [warning, setWarning] = useState(false);
  const [secondsLeft, setSecondsLeft] = useState(Math.round(warnMs / 1000));
  const expire = useRef(onExpire);
  expire.current = onExpire;
  const [epoch, setEpoch] = useState(0);

  useEffect(() => {
    if (!active) {
      setWarning(false);
      return;
    }
    let warnTimer: ReturnType<typeof setTimeout> | undefined;
    let tick: ReturnType<typeof setInterval> | undefined;
    let endAt = 0;
    const arm = () => {
      clearTimeout(warnTimer);
      clearInterval(tick);
      setWarning(false);
      warnTimer = setTimeout(() => {
        setWarning(true);
        endAt = Date.now() + warnMs;
        setSecondsLeft(Math.round(warnMs / 1000));
        tick = setInterval(() => {
          const left = Math.max(0, Math.ceil((endAt - Date.now()) / 1000));
          setSecondsLeft(left);
          if (left <= 0) {
            clearInterval(tick);
            expire.current();
          }
        }, 250);
      }, idleMs);
    };
    const onActivity = () => {
      // Once the warning shows, only the "continue" button keeps the session.
      if (endAt === 0) arm();
    };
    arm();
    const events = ['pointerdown', 'keydown', 'input'] as const;
    events.forEach((e) => window.addEventListener(e, onActivity, true));
    return () => {
      clearTimeout(warnTimer);
      clearInterval(tick);
      events.forEach((e) => window.removeEventListener(e, onActivity, true));
    };
  }, [active, idleMs, warnMs, epoch]);

  return { warning, secondsLeft, stillHere: () => setEpoch((n) => n + 1) };
}
