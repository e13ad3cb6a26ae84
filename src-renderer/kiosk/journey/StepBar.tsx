/**
 * The progress bar at the top of the interview, tappable: any step already reached can be
 * opened in one tap (the current one and those not reached yet cannot).
 */
import { STEP_ORDER, STEP_TEXT, type StepId } from '../../../src-shared/i18n/applicant-texts.js';
import { useL } from '../../ui/fields.js';
import './journey.css';

export function StepBar({ step, reachedIndex, onGo }: { step: StepId; reachedIndex: number; onGo(step: StepId): void }) {
  const l = useL();
  const index = STEP_ORDER.indexOf(step);
  return (
    <nav aria-label={l('办理进度（点已完成的步骤可返回修改）', 'Progress (tap a finished step to go back to it)')}>
      <ol className="progress step-bar" data-testid="step-bar">
        {STEP_ORDER.map((s, i) => {
          const title = l(STEP_TEXT[s].title_zh, STEP_TEXT[s].title_en);
          const cls = i === index ? 'current' : i < index ? 'done' : i <= reachedIndex ? 'reached' : '';
          return (
            <li key={s} className={cls} aria-current={i === index ? 'step' : undefined}>
              {i !== index && i <= reachedIndex ? (
                <button type="button" className="step-link" onClick={() => onGo(s)} data-testid={`go-${s}`}>
                  <span className="progress-no">{i + 1}</span>
                  <span className="progress-label">{title}</span>
                </button>
              ) : (
                <span className="step-static">
                  <span className="progress-no">{i + 1}</span>
                  <span className="progress-label">{title}</span>
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
