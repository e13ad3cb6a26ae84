import { dueDateText } from '../../src-shared/calendar/unconfirmed-note.js';
import { useEffect, useState } from 'react';
import type { CardView, KioskBridge, UserError } from '../../src-shared/api/contract.js';
import type { FilingView } from '../../src-shared/domain/filing.js';
import { formatYuan } from '../../src-shared/domain/money.js';
import { useL } from '../ui/fields.js';
import { useMsg } from '../ui/i18n.js';
import { useWedge } from '../ui/use-wedge.js';
import { NumberEntry } from './journey/NumberEntry.js';
import { isReturned, ReturnedNotice } from './journey/ReturnedNotice.js';
import { CorrectionForm } from './journey/CorrectionForm.js';
import { PreEnforcementStatus } from './journey/PreEnforcementStatus.js';

const STATUS: Record<FilingView['status'], [string, string]> = {
  pending: ['已保存在本机，正在报送法院系统', 'Saved here; being sent to the court system'],
  accepted: ['法院系统已受理', 'Accepted by the court system'],
  rejected: ['未能受理，请到窗口咨询', 'Not accepted; please ask at the counter'],
};

/** Status on the spot (seed 000 art. 7): by the card on the reader or the receipt's QR code; only one's own filings. */
export function StatusScreen({ bridge, card, courtCode, onDone }: { bridge: KioskBridge; card: CardView | null; courtCode: string; onDone(): void }) {
  const l = useL();
  const msg = useMsg();
  const [list, setList] = useState<FilingView[] | null>(null);
  // The cursor of the next older page of the card holder's own filings (an agent may have hundreds).
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<UserError | null>(null);
  const [typed, setTyped] = useState('');
  const [corrected, setCorrected] = useState<string | null>(null);
  const replace = (v: FilingView) => {
    setList((cur) => (cur ?? []).map((f) => (f.id === v.id ? v : f)));
    setCorrected(v.id);
  };
  const showOnly = (v: FilingView[]) => {
    setNext(null);
    setList(v);
  };
  const byNumber = () => {
    setError(null);
    void bridge['status.byNumber']({ number: typed }).then((r) => (r.ok ? showOnly(r.value) : setError(r.error)));
  };

  useEffect(() => {
    if (!card) return;
    void bridge['filing.mine'](null).then((r) => {
      if (!r.ok) return setError(r.error);
      setList(r.value.items);
      setNext(r.value.next);
    });
  }, [card, bridge]);
  const more = () => {
    if (!next) return;
    void bridge['filing.mine']({ before: next }).then((r) => {
      if (!r.ok) return setError(r.error);
      setList((cur) => [...(cur ?? []), ...r.value.items]);
      setNext(r.value.next);
    });
  };

  const byReceipt = (code: string) => void bridge['status.byReceipt']({ code }).then((r) => (r.ok ? showOnly(r.value) : setError(r.error)));
  useWedge(!card, byReceipt);
  useEffect(() => (card ? undefined : bridge.on('scanner.scan', (e) => byReceipt(e.reading.text))), [card, bridge]);

  return (
    <section className="panel" data-testid="status" aria-labelledby="status-title">
      <h2 id="status-title">{l('查询我的申请', 'My applications')}</h2>
      {!list && <p className="instruction">{l('请将身份证放在读卡区，或用扫码枪扫描回执上的二维码。放好身份证后，也可以输入回执上的编号查询。', 'Place your ID card on the reader, or scan the QR code on your receipt. With your card on the reader you can also type the number on the receipt.')}</p>}
      <section className="panel inner" aria-labelledby="by-number-title">
        <h3 id="by-number-title">{l('按回执上的编号查询', 'Look up by the number on the receipt')}</h3>
        <NumberEntry value={typed} onChange={setTyped} courtCode={courtCode} />
        <div className="actions left">
          <button type="button" className="primary" onClick={byNumber} disabled={!typed.trim()} data-testid="status-by-number">
            {l('查询这个编号', 'Look up this number')}
          </button>
        </div>
      </section>
      {error && (
        <p className="error-banner" role="alert">
          {msg(error)}
        </p>
      )}
      {list && list.length === 0 && <p data-testid="status-empty">{l('没有找到您的申请记录。', 'No applications found.')}</p>}
      {list && list.length > 0 && (
        <ul className="filings" data-testid="status-list">
          {list.map((f) => (
            <li key={f.id} className="filing-card">
              <p className="big">{f.officialNo ?? f.provisionalNo}</p>
              {f.officialNo && <p className="hint">{l('临时编号', 'Provisional')}：{f.provisionalNo}</p>}
              {isReturned(f) ? (
                // Returned for correction by the counter: not also "accepted".
                <>
                  <ReturnedNotice filing={f} />
                  {card && <CorrectionForm filing={f} bridge={bridge} onDone={replace} />}
                </>
              ) : corrected === f.id ? (
                <p className="notice" role="status" data-testid="correction-sent">
                  {l('补正已提交，法院将重新审查。', 'Your correction was sent; the court will review the filing again.')}
                </p>
              ) : (
                <p data-testid="status-text">
                  {l(...STATUS[f.status])}
                  {f.status === 'rejected' && f.statusReason_zh ? `：${f.statusReason_zh}` : ''}
                </p>
              )}
              {f.preEnforcement && <PreEnforcementStatus state={f.preEnforcement} />}
              <p>
                {l('执行依据', 'Basis')}：{f.basisNumber}　¥ {formatYuan(f.amountFen)}
              </p>
              <p>
                {l('被执行人', 'Respondents')}：{f.respondentNames.join('、')}
              </p>
              {f.nextDeadline && (
                <p data-testid="next-deadline">
                  {l('下一时间节点', 'Next time node')}：{l(f.nextDeadline.label_zh, f.nextDeadline.label_en)}　{l(dueDateText(f.nextDeadline.dueDate, f.nextDeadline.calendarConfirmed, 'zh'), dueDateText(f.nextDeadline.dueDate, f.nextDeadline.calendarConfirmed, 'en'))}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      {card && next && list && (
        <div className="actions left">
          <button type="button" onClick={more} data-testid="status-more">
            {l('查看更早的申请', 'Show earlier applications')}
          </button>
        </div>
      )}
      <div className="actions">
        <button type="button" className="primary" onClick={onDone} data-testid="status-done">
          {l('完成', 'Done')}
        </button>
      </div>
    </section>
  );
}
