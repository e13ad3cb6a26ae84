import type { SavedDraft } from '../../src-shared/api/contract.js';
import { useL } from '../ui/fields.js';
import { chinaDateTime } from '../../src-shared/time/china-time.js';

export function ResumeOffer({ saved, onResume, onFresh }: { saved: SavedDraft; onResume(): void; onFresh(): void }) {
  const l = useL();
  const at = chinaDateTime(new Date(saved.savedAt));
  return (
    <section className="panel" data-testid="resume-offer" aria-labelledby="resume-title">
      <h2 id="resume-title">{l('您有一份未完成的申请', 'You have an unfinished application')}</h2>
      <p>{l(`保存于 ${at}。要接着办理吗？`, `Saved at ${at} (China time). Continue where you left off?`)}</p>
      <div className="actions">
        <button type="button" className="secondary" onClick={onFresh} data-testid="resume-fresh">
          {l('重新开始', 'Start again')}
        </button>
        <button type="button" className="primary" onClick={onResume} data-testid="resume-continue">
          {l('继续办理', 'Continue')}
        </button>
      </div>
    </section>
  );
}
