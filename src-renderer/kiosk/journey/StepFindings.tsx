/**
 * The checks of the step on screen, right under it, in plain words with how to fix them; the
 * ones about a field also stand beside that field. "去修改" takes the applicant to the field.
 */
import type { Finding } from '../../../src-shared/rules/finding.js';
import { useL } from '../../ui/fields.js';
import { useMsg } from '../../ui/i18n.js';

export function StepFindings({ findings, onFix }: { findings: Finding[]; onFix(path: string): void }) {
  const l = useL();
  const msg = useMsg();
  if (findings.length === 0) return null;
  return (
    <section className="step-findings" aria-live="polite" aria-label={l('这一步的检查结果', 'Checks on this step')} data-testid="step-findings">
      <ul className="findings">
        {findings.map((f, i) => (
          <li key={`${f.rule}-${f.path}-${i}`} className={`finding ${f.severity}`} data-rule={f.rule}>
            <span>
              <strong>{f.severity === 'block' ? l('需要修改', 'Must fix') : l('请注意', 'Note')}：</strong>
              {msg(f)}
            </span>
            {f.path && (
              <button type="button" className="secondary" onClick={() => onFix(f.path!)}>
                {l('去修改', 'Fix')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
