/**
 * One-tap answers for the fields that are slowest to type in pinyin: the payee's name when it is
 * the applicant's own (or the principal's, or the company's), and the common banks.
 */
import { useL } from './fields.js';

export const COMMON_BANKS: readonly string[] = ['中国工商银行', '中国农业银行', '中国银行', '中国建设银行', '交通银行', '中国邮政储蓄银行', '农村商业银行', '农村信用合作社'];

export function QuickPicks({ legend, options, onPick, testId }: { legend: string; options: readonly string[]; onPick(v: string): void; testId: string }) {
  const l = useL();
  if (options.length === 0) return null;
  return (
    <div className="chips" role="group" aria-label={legend} data-testid={testId}>
      {options.map((o) => (
        <button key={o} type="button" className="secondary" onClick={() => onPick(o)} aria-label={`${l('填入', 'Fill in')} ${o}`}>
          {o}
        </button>
      ))}
    </div>
  );
}
