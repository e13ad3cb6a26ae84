/**
 * A 执前督 filing in the status query (issue 14 item 2): where the supervision stands as the
 * court last published it, and once transferred the 执 case's number, large, since that is the
 * number the applicant now quotes. The deadline that now runs is the card's next time node.
 */
import type { PreEnforcementState } from '../../../src-shared/sync/pre-enforcement.js';
import { preEnforcementSummary } from '../../../src-shared/sync/pre-enforcement.js';
import { formatYuan } from '../../../src-shared/domain/money.js';
import { useL } from '../../ui/fields.js';
import { chinaDate } from '../../../src-shared/time/china-time.js';

export function PreEnforcementStatus({ state }: { state: PreEnforcementState }) {
  const l = useL();
  const s = preEnforcementSummary(state, formatYuan);
  return (
    <div className="notice" role="status" data-testid="pre-status" data-state={state.state}>
      <p>
        {l('执前督促履行', 'Pre-enforcement supervision')}：{l(s.zh, s.en)}
      </p>
      {state.state === 'transferred' && (
        <>
          <p className="big">
            {l('执行案号', 'Enforcement case number')}：<span data-testid="pre-follow-up-number">{state.followUp.officialNo}</span>
          </p>
          <p data-testid="pre-filed-on">
            {l('立案日期', 'Filed on')}：{chinaDate(new Date(state.followUp.acceptedAt))}（{l(`应于 ${state.filingDue} 前立案`, `due by ${state.filingDue}`)}）
          </p>
        </>
      )}
    </div>
  );
}
