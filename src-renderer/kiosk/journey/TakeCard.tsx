/**
 * 「请取走您的身份证」: shown and said when the filing or the session ends while the card is
 * still on the reader, and said again every few seconds until the card is lifted (the kiosk
 * then goes back to its first screen).
 */
import { useEffect } from 'react';
import { useL } from '../../ui/fields.js';
import { speak } from '../../ui/speak.js';
import './journey.css';

const REPEAT_MS = 8000;
export const TAKE_CARD = { zh: '请取走您的身份证', en: 'Please take your ID card' } as const;

export function TakeCard({ lang }: { lang: 'zh' | 'en' }) {
  const l = useL();
  useEffect(() => {
    const say = () => speak(lang === 'zh' ? TAKE_CARD.zh : TAKE_CARD.en, lang);
    say();
    const t = window.setInterval(say, REPEAT_MS);
    return () => window.clearInterval(t);
  }, [lang]);
  return (
    <div className="modal-backdrop">
      <div className="modal take-card" role="alertdialog" aria-modal="true" aria-labelledby="take-card-title" aria-describedby="take-card-text" data-testid="take-card">
        <svg className="take-card-icon" aria-hidden="true" width="160" height="160" viewBox="0 0 160 160">
          <rect x="20" y="70" width="120" height="76" rx="10" fill="#fff" stroke="#8b0000" strokeWidth="6" />
          <rect x="34" y="86" width="30" height="38" rx="4" fill="#8b0000" />
          <path d="M80 8 L80 56 M60 28 L80 8 L100 28" fill="none" stroke="#8b0000" strokeWidth="8" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        <h2 id="take-card-title" className="take-card-text">
          {l(TAKE_CARD.zh, TAKE_CARD.en)}
        </h2>
        <p id="take-card-text">{l('身份证还在读卡区。取走后本机会清除您的信息。', 'Your ID card is still on the reader. Once you take it, this kiosk clears your details.')}</p>
      </div>
    </div>
  );
}

/** Mid-filing: the card was lifted, so the services no longer serve its data; the answers wait. */
export function CardAway() {
  const l = useL();
  return (
    <p className="error-banner" role="alert" data-testid="card-away">
      {l('身份证已取走。继续办理请把同一张身份证放回读卡区；您填写的内容仍然保留。', 'Your ID card was taken off. To go on, put the same card back on the reader; what you entered is kept.')}
    </p>
  );
}
