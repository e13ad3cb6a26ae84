import type { ReaderStateView } from '../../src-shared/api/contract.js';
import { useL } from '../ui/fields.js';
import { useMsg, useT } from '../ui/i18n.js';

export function AttractScreen({ reader, onAgent, onCompany, onStatus }: { reader: ReaderStateView | null; onAgent(): void; onCompany(): void; onStatus(): void }) {
  const t = useT();
  const l = useL();
  const msg = useMsg();
  return (
    <section className="attract" data-testid="attract" aria-labelledby="attract-title">
      <h2 id="attract-title" className="attract-prompt">
        {t('attract.prompt')}
      </h2>
      <p className="hint">{l('本人申请执行：放置身份证后自动开始', 'Applying for yourself: place your ID card and it starts')}</p>
      <div className="attract-choices">
        <button type="button" className="secondary big" onClick={onAgent} data-testid="start-agent">
          {l('代理他人申请', 'File as an agent')}
        </button>
        <button type="button" className="secondary big" onClick={onCompany} data-testid="start-company">
          {l('为单位申请', 'File for a company')}
        </button>
        <button type="button" className="secondary big" onClick={onStatus} data-testid="start-status">
          {l('查询申请进度', 'Check progress')}
        </button>
      </div>
      {reader && (
        <p className={`reader reader-${reader.state}`} data-testid="reader-state" role="status">
          {t('reader.label')}：{msg(reader)}
        </p>
      )}
    </section>
  );
}
