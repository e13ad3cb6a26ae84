import type { ReaderStateView } from '../../src-shared/api/contract.js';
import { useMsg, useT } from '../ui/i18n.js';

export function AttractScreen({ reader }: { reader: ReaderStateView | null }) {
  const t = useT();
  const msg = useMsg();
  return (
    <section className="attract" data-testid="attract">
      <p className="attract-prompt">{t('attract.prompt')}</p>
      <p className="hint">{t('attract.hint')}</p>
      {reader && (
        <p className={`reader reader-${reader.state}`} data-testid="reader-state" role="status">
          {t('reader.label')}：{msg(reader)}
        </p>
      )}
    </section>
  );
}
