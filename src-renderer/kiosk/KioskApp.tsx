/**
 * The applicant's kiosk: attract screen until a card is read, then the interview, then the
 * result. State lives here; everything it knows of the person is dropped when the services
 * announce the end of the session.
 */
import { useEffect, useState } from 'react';
import type { CardView, KioskBridge, KioskInfo, ReaderStateView, SyncStatus, UserError } from '../../src-shared/api/contract.js';
import type { FilingDraft, FilingView } from '../../src-shared/domain/filing.js';
import type { Lang } from '../../src-shared/i18n/strings.js';
import { LangContext } from '../ui/i18n.js';
import { Header } from '../ui/Header.js';
import { AttractScreen } from './AttractScreen.js';
import { ApplicantCard } from './ApplicantCard.js';
import { FilingForm } from './FilingForm.js';
import { ResultScreen } from './ResultScreen.js';

export function KioskApp({ bridge }: { bridge: KioskBridge }) {
  const [lang, setLang] = useState<Lang>('zh');
  const [info, setInfo] = useState<KioskInfo | null>(null);
  const [reader, setReader] = useState<ReaderStateView | null>(null);
  const [sync, setSync] = useState<SyncStatus | null>(null);
  const [card, setCard] = useState<CardView | null>(null);
  const [filing, setFiling] = useState<FilingView | null>(null);
  const [error, setError] = useState<UserError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const wipe = () => {
      setCard(null);
      setFiling(null);
      setError(null);
      setBusy(false);
    };
    const offs = [
      bridge.on('reader.state', setReader),
      bridge.on('sync.status', setSync),
      bridge.on('card.placed', (e) => setCard(e.card)),
      bridge.on('session.ended', () => {
        wipe();
        setLang('zh');
      }),
      bridge.on('filing.updated', (f) => setFiling((cur) => (cur && cur.id === f.id ? f : cur))),
    ];
    void bridge['kiosk.info'](null).then((r) => r.ok && setInfo(r.value));
    void bridge['sync.status'](null).then((r) => r.ok && setSync(r.value));
    void bridge['session.current'](null).then((r) => {
      if (!r.ok) return;
      setReader(r.value.reader);
      if (r.value.card) setCard(r.value.card);
    });
    return () => offs.forEach((off) => off());
  }, [bridge]);

  const submit = async (draft: FilingDraft) => {
    setBusy(true);
    setError(null);
    const r = await bridge['filing.submit'](draft);
    setBusy(false);
    if (r.ok) setFiling(r.value.filing);
    else setError(r.error);
  };

  const endSession = (reason: 'done' | 'cancel') => void bridge['session.end']({ reason });

  return (
    <LangContext.Provider value={lang}>
      <div className="app" lang={lang === 'zh' ? 'zh-CN' : 'en'}>
        <Header info={info} sync={sync} lang={lang} onToggleLang={() => setLang(lang === 'zh' ? 'en' : 'zh')} />
        <main>
          {!card && <AttractScreen reader={reader} />}
          {card && !filing && (
            <div className="columns">
              <ApplicantCard card={card} />
              <FilingForm busy={busy} error={error} onSubmit={(d) => void submit(d)} onCancel={() => endSession('cancel')} />
            </div>
          )}
          {card && filing && <ResultScreen filing={filing} onDone={() => endSession('done')} />}
        </main>
      </div>
    </LangContext.Provider>
  );
}
