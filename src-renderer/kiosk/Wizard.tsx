/**
 * The applicant's interview, one step per screen: answers kept in one object (saved as a draft,
 * dropped at the end of the session), the rules engine asked through the services whenever the
 * answers could change its verdict, and the filing submitted with the signature.
 */
import { useCallback, useEffect, useRef, useState, type SyntheticEvent } from 'react';
import type { CardView, KioskBridge, SubmitResult, UserError } from '../../src-shared/api/contract.js';
import { STEP_ORDER, STEP_TEXT, type StepId } from '../../src-shared/i18n/applicant-texts.js';
import { FieldErrors, useL } from '../ui/fields.js';
import { useMsg } from '../ui/i18n.js';
import { readableText, speak } from '../ui/speak.js';
import { toDraft, type Answers } from './wizard/answers.js';
import { stepOfPath } from './wizard/finding-step.js';
import { useLiveCheck } from './wizard/live-check.js';
import { shownFieldErrors, stepBlocks, stepFindings, useReached } from './wizard/shown-errors.js';
import { StepBar } from './journey/StepBar.js';
import { StepFindings } from './journey/StepFindings.js';
import { focusField } from './journey/focus-field.js';
import { DuplicateWarning } from './journey/DuplicateWarning.js';
import type { DuplicateAnswer } from '../../src-shared/domain/duplicates.js';
import { fieldMessagesIn } from '../../src-shared/i18n/field-messages-en.js';
import { ConsentStep } from './steps/ConsentStep.js';
import { WhoStep } from './steps/WhoStep.js';
import { BasisStep } from './steps/BasisStep.js';
import { RespondentsStep } from './steps/RespondentsStep.js';
import { MoneyStep } from './steps/MoneyStep.js';
import { DocumentsStep } from './steps/DocumentsStep.js';
import { RiskStep } from './steps/RiskStep.js';
import { ReviewStep } from './steps/ReviewStep.js';
import { HandoverCode } from './HandoverCode.js';
import { chinaDateTime } from '../../src-shared/time/china-time.js';
import type { StepProps } from './steps/step-props.js';

interface Props {
  bridge: KioskBridge;
  card: CardView | null;
  initial: Answers;
  initialStep: StepId;
  lang: 'zh' | 'en';
  autoSpeak: boolean;
  /** The step shown, for 「呼叫工作人员」 to tell the counter where the applicant is. */
  onStep?(step: StepId): void;
  onSubmitted(r: SubmitResult): void;
  onLeave(): void;
}

export function Wizard({ bridge, card, initial, initialStep, lang, autoSpeak, onStep, onSubmitted, onLeave }: Props) {
  const l = useL();
  const msg = useMsg();
  const [a, setA] = useState<Answers>(initial);
  const [step, setStep] = useState<StepId>(initialStep);
  const [error, setError] = useState<UserError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [signature, setSignature] = useState<string | null>(null);
  const [handed, setHanded] = useState<{ code: string; expiresAt: string } | null>(null);
  const heading = useRef<HTMLHeadingElement | null>(null);
  const panel = useRef<HTMLElement | null>(null);
  const index = STEP_ORDER.indexOf(step);
  const [reachedIndex, setReachedIndex] = useState(index);
  /** Set when the applicant came from the review to fix something: one tap takes them back. */
  const [fromReview, setFromReview] = useState(false);
  const [fixPath, setFixPath] = useState<string | null>(null);
  /** The step whose open problems the applicant was already told about when leaving it. */
  const [warnedLeaving, setWarnedLeaving] = useState<StepId | null>(null);
  const { reached, touch, reach } = useReached();
  const [dup, setDup] = useState<{ needed: boolean; answer: DuplicateAnswer | null }>({ needed: false, answer: null });
  const text = STEP_TEXT[step];
  const instruction = l(text.say_zh, text.say_en);

  const set = useCallback((patch: Partial<Answers>) => setA((cur) => ({ ...cur, ...patch })), []);

  // The rules engine runs in the services (the card's data never comes to the page), on every step.
  const { live, error: checkError, fresh } = useLiveCheck(bridge, a, card, true);
  const check = live ? { ...live.check, fields: { ...live.check.fields, ...live.missing } } : null;

  useEffect(() => setReachedIndex((r) => Math.max(r, index)), [index]);
  // After 去修改 the step renders first; then the field is brought into view.
  useEffect(() => {
    if (!fixPath) return;
    const t = window.setTimeout(() => {
      focusField(fixPath);
      setFixPath(null);
    }, 50);
    return () => window.clearTimeout(t);
  }, [fixPath, step]);

  /** A field left or a choice made: its checks may now show beside it. */
  const touchedBy = (e: SyntheticEvent) => {
    const el = e.target as HTMLElement;
    const key = el.dataset?.errorKey ?? (el as HTMLInputElement).name;
    if (key) touch(key);
  };

  useEffect(() => {
    heading.current?.focus();
    onStep?.(step);
    if (autoSpeak) speak(instruction, lang);
    // Speak once per step, not on every keystroke.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [step, autoSpeak]);

  // In the elderly mode a refusal is said as well as shown.
  useEffect(() => {
    if (autoSpeak && (error || notice)) speak(error ? msg(error) : (notice ?? ''), lang);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [error, notice]);

  const canNext = (): string | null => {
    if (step === 'consent' && !(a.consentKiosk && a.consentData)) return l('请先勾选同意两项说明', 'Please agree to both statements first');
    if (step === 'who' && !card) return l('请将您本人的身份证放在读卡区', 'Place your own ID card on the reader');
    if (step === 'basis' && !a.basisNumber.trim()) return l('请扫描或输入执行依据文号', 'Scan or type the number of the basis document');
    if (step === 'risk' && !a.riskAck) return l('请阅读风险提示并勾选确认', 'Please read the risk notice and confirm');
    return null;
  };
  const go = (to: StepId, path?: string) => {
    setNotice(null);
    reach(step);
    if (step === 'review' && to !== 'review') setFromReview(true);
    if (to === 'review') {
      setFromReview(false);
      STEP_ORDER.forEach(reach);
    }
    if (path) {
      reach(to);
      setFixPath(path);
    }
    setStep(to);
  };
  const next = async () => {
    const why = canNext();
    if (why) {
      setNotice(why);
      return;
    }
    // Problems of this step are said before moving on, once; the applicant may still go on.
    const open = warnedLeaving === step ? 0 : stepBlocks(await fresh(), step);
    if (open > 0 && warnedLeaving !== step) {
      reach(step);
      setWarnedLeaving(step);
      setNotice(l(`这一步还有 ${open} 处需要修改，已在下面标出。改好后点“下一步”；也可以先点“下一步”继续，最后核对时再改。`, `${open} item(s) on this step need fixing, marked below. Fix them and press Next, or press Next again to go on and fix them at the review.`));
      return;
    }
    const n = STEP_ORDER[index + 1];
    if (n) go(n);
  };

  const save = async () => {
    if (!card) {
      setNotice(l('保存需要先放置身份证', 'Place your ID card to save'));
      return;
    }
    const r = await bridge['draft.save']({ step, data: JSON.stringify(a) });
    if (r.ok) {
      const until = chinaDateTime(new Date(r.value.expiresAt));
      setNotice(l(`已保存。请在 ${until} 前放置同一张身份证继续办理。`, `Saved. Place the same ID card before ${until} (China time) to continue.`));
    } else setError(r.error);
  };

  // The counter gets the answers and, from the services, the card's record; the page only the code.
  const handOver = async () => {
    if (!card) {
      setNotice(l('交给窗口办理需要先放置身份证', 'Place your ID card to hand over'));
      return;
    }
    const r = await bridge['draft.handover'](toDraft(a));
    if (r.ok) setHanded(r.value);
    else setError(r.error);
  };

  const submit = async () => {
    if (!signature) {
      setNotice(l('请先在框内签名', 'Please sign in the box first'));
      return;
    }
    setBusy(true);
    setError(null);
    const sig = await bridge['document.add']({ kind: 'signature', dataUrl: signature });
    if (!sig.ok) {
      setBusy(false);
      setError(sig.error);
      return;
    }
    const r = await bridge['filing.submit']({ ...toDraft(a, sig.value.id), ...(dup.answer ? { duplicate: dup.answer } : {}) });
    setBusy(false);
    if (r.ok) onSubmitted(r.value);
    else {
      // What was typed stays; the error says what to do next.
      setError(r.error);
      void bridge['document.remove']({ id: sig.value.id });
    }
  };

  if (handed) return <HandoverCode code={handed.code} expiresAt={handed.expiresAt} onDone={onLeave} />;

  const props: StepProps = { a, set, card, bridge, check };
  const shownError = error ?? checkError;
  // Field messages are made in Chinese by the services; English mode shows them translated.
  const errorFields = shownError?.fields ? fieldMessagesIn(shownError.fields, lang) : undefined;
  const errors = { ...shownFieldErrors(live, reached, lang), ...(errorFields ?? {}) };
  const here = step === 'review' ? [] : stepFindings(live, step, reached);

  return (
    <FieldErrors.Provider value={errors}>
      <section className="panel wizard" aria-labelledby="step-title" data-testid={`step-${step}`} ref={panel} onBlur={touchedBy} onChange={touchedBy}>
        <StepBar step={step} reachedIndex={reachedIndex} onGo={(s) => go(s)} />
        <div className="step-head">
          <h2 id="step-title" ref={heading} tabIndex={-1}>
            {l(`第${index + 1}步（共${STEP_ORDER.length}步）：`, `Step ${index + 1} of ${STEP_ORDER.length}: `)}
            {l(text.title_zh, text.title_en)}
          </h2>
          <button type="button" className="secondary" onClick={() => speak(readableText(panel.current, lang) || instruction, lang)} data-testid="read-aloud">
            {l('朗读', 'Read aloud')}
          </button>
        </div>
        <p className="instruction">{instruction}</p>
        <StepFindings findings={here} onFix={(path) => go(stepOfPath(path), path)} />

        {step === 'consent' && <ConsentStep {...props} />}
        {step === 'who' && <WhoStep {...props} />}
        {step === 'basis' && <BasisStep {...props} />}
        {step === 'respondents' && <RespondentsStep {...props} />}
        {step === 'money' && <MoneyStep {...props} />}
        {step === 'documents' && <DocumentsStep {...props} />}
        {step === 'risk' && <RiskStep {...props} />}
        {step === 'review' && check?.ok && <DuplicateWarning bridge={bridge} draft={toDraft(a)} lang={lang} onState={setDup} />}
        {step === 'review' && <ReviewStep {...props} goTo={go} onSignature={setSignature} />}

        {notice && (
          <p className="notice" role="status" data-testid="wizard-notice">
            {notice}
          </p>
        )}
        {shownError && (
          <div className="error-banner" role="alert" data-testid="form-error">
            <p>{msg(shownError)}</p>
            {errorFields && (
              <ul className="findings">
                {Object.entries(errorFields).map(([path, text]) => (
                  <li key={path} className="finding block">
                    <span>{text}</span>
                    <button type="button" className="secondary" onClick={() => go(stepOfPath(path), path)}>
                      {l('去修改', 'Fix')}
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
        <div className="actions">
          {fromReview && step !== 'review' && (
            <button type="button" className="primary back-to-review" onClick={() => go('review')} data-testid="back-to-review">
              {l('返回核对', 'Back to the review')}
            </button>
          )}
          <button type="button" className="secondary" onClick={onLeave} data-testid="leave">
            {l('退出', 'Leave')}
          </button>
          <button type="button" className="secondary" onClick={() => void save()} data-testid="save-draft">
            {l('保存，稍后继续', 'Save for later')}
          </button>
          <button type="button" className="secondary" onClick={() => void handOver()} data-testid="hand-over">
            {l('交给窗口办理', 'Hand to the counter')}
          </button>
          {index > 0 && (
            <button type="button" className="secondary" onClick={() => go(STEP_ORDER[index - 1]!)} data-testid="back">
              {l('上一步', 'Back')}
            </button>
          )}
          {step !== 'review' ? (
            <button type="button" className="primary" onClick={() => void next()} data-testid="next">
              {l('下一步', 'Next')}
            </button>
          ) : (
            <button type="button" className="primary" onClick={() => void submit()} disabled={busy || !check?.ok || (dup.needed && !dup.answer)} data-testid="submit">
              {busy ? l('正在提交…', 'Submitting…') : l('提交申请', 'Submit')}
            </button>
          )}
        </div>
      </section>
    </FieldErrors.Provider>
  );
}
