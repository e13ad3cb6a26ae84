import { useEffect, useRef } from 'react';
import { useL } from '../ui/fields.js';
import { speak } from '../ui/speak.js';

/** Asks whether the person is still there before everything they entered is wiped. */
export function IdleWarning({ secondsLeft, onStay, onLeave }: { secondsLeft: number; onStay(): void; onLeave(): void }) {
  const l = useL();
  const stay = useRef<HTMLButtonElement | null>(null);
  const question = l('您还在办理吗？如果还在办理，请点“继续办理”。', 'Are you still there? If so, tap Continue.');
  useEffect(() => {
    stay.current?.focus();
    // Said aloud: the person may have turned away from the screen.
    speak(question, l('zh', 'en') === 'zh' ? 'zh' : 'en');
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return (
    <div className="modal-backdrop">
      <div className="modal" role="alertdialog" aria-modal="true" aria-labelledby="idle-title" aria-describedby="idle-text" data-testid="idle-warning">
        <h2 id="idle-title">{l('您还在办理吗？', 'Are you still there?')}</h2>
        <p id="idle-text" aria-live="assertive">
          {l(`${secondsLeft} 秒后将退出，并清除您填写的全部内容。`, `In ${secondsLeft} seconds you will be signed out and everything you entered will be erased.`)}
        </p>
        <div className="actions">
          <button type="button" className="secondary" onClick={onLeave}>
            {l('退出', 'Leave now')}
          </button>
          <button type="button" className="primary" ref={stay} onClick={onStay} data-testid="idle-stay">
            {l('继续办理', 'Continue')}
          </button>
        </div>
      </div>
    </div>
  );
}
