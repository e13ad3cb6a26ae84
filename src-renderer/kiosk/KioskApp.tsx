/**
 * The applicant's kiosk: attract screen; a card (or "agent" / "company") starts the interview;
 * a saved draft of the same card can be resumed; the result with the receipt; the status query.
 * Everything known of the person lives in this component's state and is dropped — with the
 * page's storage, camera and speech — when the services announce the end of the session
 * (done, cancel, idle, another card).
 */
import { useCallback, useEffect, useState } from 'react';
import type { CardView, KioskBridge, KioskInfo, ReaderStateView, SavedDraft, SubmitResult, SyncStatus } from '../../src-shared/api/contract.js';
import type { FilingView } from '../../src-shared/domain/filing.js';
import type { Lang } from '../../src-shared/i18n/strings.js';
import { STEP_ORDER, type StepId } from '../../src-shared/i18n/applicant-texts.js';
import { LangContext } from '../ui/i18n.js';
import { Header } from '../ui/Header.js';
import { OnScreenKeyboard } from '../ui/OnScreenKeyboard.js';
import { useIdle } from '../ui/use-idle.js';
import { stopSpeaking, setKioskVoice } from '../ui/speak.js';
import { AttractScreen } from './AttractScreen.js';
import { ResultScreen } from './ResultScreen.js';
import { StatusScreen } from './StatusScreen.js';
import { ResumeOffer } from './ResumeOffer.js';
import { IdleWarning } from './IdleWarning.js';
import { Wizard } from './Wizard.js';
import { CallStaff } from '../help/CallStaff.js';
import type { HelpPlace } from '../../src-shared/api/help.js';
import { CardAway, TakeCard } from './journey/TakeCard.js';
import { emptyAnswers, type Answers, type Filer } from './wizard/answers.js';

type Mode = 'attract' | 'filing' | 'status' | 'resume' | 'result';

/** Until the services say otherwise (kiosk.info idle): seconds before the warning, and of the warning. */
const IDLE_DEFAULT = { warnAfterSeconds: 120, wipeAfterSeconds: 30 };

export function KioskApp({ bridge }: { bridge: KioskBridge }) {
  const [lang, setLang] = useState<Lang>('zh');
  const [elderly, setElderly] = useState(false);
  const [info, setInfo] = useState<KioskInfo | null>(null);
  const [reader, setReader] = useState<ReaderStateView | null>(null);
  const [sync, setSync] = useState<SyncStatus | null>(null);
  const [card, setCard] = useState<CardView | null>(null);
  const [mode, setMode] = useState<Mode>('attract');
  const [start, setStart] = useState<{ answers: Answers; step: StepId }>({ answers: emptyAnswers(), step: 'consent' });
  const [saved, setSaved] = useState<SavedDraft | null>(null);
  const [result, setResult] = useState<SubmitResult | null>(null);
  const [visit, setVisit] = useState(0);
  const [step, setStep] = useState<StepId>('consent');
  /** The session ended with the card still on the reader: ask for it until it is lifted. */
  const [cardLeft, setCardLeft] = useState(false);
  const [hadCard, setHadCard] = useState(false);

  const wipe = useCallback(() => {
    setCard(null);
    setHadCard(false);
    setMode('attract');
    setResult(null);
    setSaved(null);
    setStart({ answers: emptyAnswers(), step: 'consent' });
    setLang('zh');
    setElderly(false);
    setVisit((n) => n + 1); // remounts every screen: no state of the last person survives
    stopSpeaking();
    try {
      localStorage.clear();
      sessionStorage.clear();
    } catch {
      // storage may be unavailable in the sandbox; nothing to clear then
    }
  }, []);

  const endSession = useCallback(
    (reason: 'done' | 'cancel' | 'idle') => {
      wipe();
      if (reader?.state === 'card-present') setCardLeft(true);
      void bridge['session.end']({ reason });
    },
    [bridge, wipe, reader],
  );

  const begin = useCallback((filer: Filer) => {
    setStart({ answers: emptyAnswers(filer), step: 'consent' });
    setMode('filing');
  }, []);

  useEffect(() => {
    setKioskVoice(bridge);
    return () => setKioskVoice(null);
  }, [bridge]);

  useEffect(() => {
    const offs = [
      bridge.on('reader.state', setReader),
      bridge.on('sync.status', setSync),
      bridge.on('card.placed', (e) => {
        setCard(e.card);
        setHadCard(true);
      }),
      // The services stop serving the card's data when it is lifted; so does the page.
      bridge.on('card.removed', () => {
        setCard(null);
        setCardLeft(false);
      }),
      bridge.on('session.ended', wipe),
      bridge.on('filing.updated', (f: FilingView) => setResult((cur) => (cur && cur.filing.id === f.id ? { ...cur, filing: f } : cur))),
    ];
    void bridge['kiosk.info'](null).then((r) => r.ok && setInfo(r.value));
    void bridge['sync.status'](null).then((r) => r.ok && setSync(r.value));
    void bridge['session.current'](null).then((r) => {
      if (!r.ok) return;
      setReader(r.value.reader);
      if (r.value.card) setCard(r.value.card);
    });
    return () => offs.forEach((off) => off());
  }, [bridge, wipe]);

  // A card on the attract screen starts a filing for oneself, or offers the saved draft.
  useEffect(() => {
    if (!card || mode !== 'attract') return;
    let live = true;
    void bridge['draft.resume'](null).then((r) => {
      if (!live) return;
      if (r.ok && r.value) {
        setSaved(r.value);
        setMode('resume');
      } else begin('self');
    });
    return () => {
      live = false;
    };
  }, [card, mode, bridge, begin]);

  const idleCfg = info?.idle ?? IDLE_DEFAULT;
  const idle = useIdle(mode !== 'attract', idleCfg.warnAfterSeconds * 1000, idleCfg.wipeAfterSeconds * 1000, () => endSession('idle'));

  const resume = () => {
    if (!saved) return;
    try {
      const answers = { ...emptyAnswers(), ...(JSON.parse(saved.data) as Partial<Answers>) };
      const step = (STEP_ORDER as readonly string[]).includes(saved.step) ? (saved.step as StepId) : 'consent';
      setStart({ answers, step });
    } catch {
      setStart({ answers: emptyAnswers(), step: 'consent' });
    }
    setSaved(null);
    setMode('filing');
  };

  return (
    <LangContext.Provider value={lang}>
      <div className={`app${elderly ? ' elderly' : ''}`} lang={lang === 'zh' ? 'zh-CN' : 'en'} key={visit}>
        <Header
          info={info}
          sync={sync}
          lang={lang}
          onToggleLang={() => setLang(lang === 'zh' ? 'en' : 'zh')}
          elderly={elderly}
          onToggleElderly={() => setElderly(!elderly)}
          help={<CallStaff bridge={bridge} place={(mode === 'filing' ? step : mode) as HelpPlace} lang={lang} />}
        />
        <main>
          {mode === 'filing' && hadCard && !card && <CardAway />}
          {mode === 'attract' && <AttractScreen reader={reader} onAgent={() => begin('agent')} onCompany={() => begin('company')} onStatus={() => setMode('status')} />}
          {mode === 'resume' && saved && (
            <ResumeOffer
              saved={saved}
              onResume={resume}
              onFresh={() => {
                void bridge['draft.discard'](null);
                setSaved(null);
                begin('self');
              }}
            />
          )}
          {mode === 'filing' && (
            <Wizard
              bridge={bridge}
              card={card}
              initial={start.answers}
              initialStep={start.step}
              lang={lang}
              autoSpeak={elderly}
              onStep={setStep}
              onSubmitted={(r) => {
                setResult(r);
                setMode('result');
              }}
              onLeave={() => endSession('cancel')}
            />
          )}
          {mode === 'result' && result && <ResultScreen filing={result.filing} receiptCode={result.receiptCode} bridge={bridge} lang={lang} onDone={() => endSession('done')} />}
          {mode === 'status' && <StatusScreen bridge={bridge} card={card} courtCode={info?.courtCode ?? ''} onDone={() => endSession('done')} />}
        </main>
        {cardLeft && reader?.state === 'card-present' && <TakeCard lang={lang} />}
        {idle.warning && <IdleWarning secondsLeft={idle.secondsLeft} onStay={idle.stillHere} onLeave={() => endSession('idle')} />}
        <OnScreenKeyboard />
      </div>
    </LangContext.Provider>
  );
}
