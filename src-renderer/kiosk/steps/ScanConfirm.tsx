/**
 * A scanned case number held back for the applicant: the code's bytes could be read more than
 * one way, so the number is shown large and filled in only once they say it matches the paper.
 * Otherwise they scan again (or type it).
 */
import { useL } from '../../ui/fields.js';

export interface ScanConfirmProps {
  value: string;
  onConfirm(): void;
  onRescan(): void;
}

export function ScanConfirm({ value, onConfirm, onRescan }: ScanConfirmProps) {
  const l = useL();
  return (
    <div className="notice stack" role="group" aria-labelledby="scan-confirm-title" data-testid="scan-confirm">
      <p id="scan-confirm-title">{l('请核对扫描到的案号是否与文书一致', 'Please check that the scanned case number matches the document')}</p>
      <p className="scan-confirm-value" data-testid="scan-confirm-value" lang="zh-CN">
        {value}
      </p>
      <div className="actions left">
        <button type="button" className="primary" onClick={onConfirm} data-testid="scan-confirm-yes">
          {l('是，一致', 'Yes, it matches')}
        </button>
        <button type="button" className="secondary" onClick={onRescan} data-testid="scan-confirm-rescan">
          {l('重新扫描', 'Scan again')}
        </button>
      </div>
    </div>
  );
}
