import type { ReactNode } from 'react';
import type { KioskInfo, SyncStatus } from '../../src-shared/api/contract.js';
import type { Lang } from '../../src-shared/i18n/strings.js';
import { useT } from './i18n.js';

interface Props {
  info: KioskInfo | null;
  sync: SyncStatus | null;
  lang: Lang;
  onToggleLang(): void;
  elderly: boolean;
  onToggleElderly(): void;
  /** Shown first on the right: the kiosk's 「呼叫工作人员」. */
  help?: ReactNode;
}

export function Header({ info, sync, lang, onToggleLang, elderly, onToggleElderly, help }: Props) {
  const t = useT();
  return (
    <header className="header">
      <div>
        <h1>{t('app.title')}</h1>
        {info && <p className="court">{info.courtName}</p>}
      </div>
      <div className="header-side">
        {help}
        {sync && (
          <p className={sync.online ? 'sync online' : 'sync offline'} data-testid="sync-state" role="status">
            {sync.online ? t('sync.online') : t('sync.offline')}
            {/* A standing problem (kiosk too old or new for the court system, revoked, not enrolled) is shown, not dropped. */}
            {sync.lastError_zh && sync.lastErrorCode !== 'unreachable' && (
              <span className="sync-problem" data-testid="sync-problem">
                {' '}
                {lang === 'zh' ? sync.lastError_zh : sync.lastError}
              </span>
            )}
          </p>
        )}
        <button type="button" className="secondary lang" onClick={onToggleElderly} aria-pressed={elderly} data-testid="elderly-toggle">
          {t('elderly.switch')}
        </button>
        <button type="button" className="secondary lang" onClick={onToggleLang} data-testid="lang-toggle">
          {t('lang.switch')}
        </button>
      </div>
    </header>
  );
}
