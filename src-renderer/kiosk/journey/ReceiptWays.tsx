/**
 * What an applicant can carry away without a printer (a PDF on a kiosk is nothing they can
 * take): the number, large on screen and read aloud; a QR code to photograph with a phone,
 * which this kiosk reads back for the status; and the counter, which prints the receipt.
 * The kiosk printer is offered only when one is configured.
 */
import { useEffect, useState } from 'react';
import type { KioskBridge } from '../../../src-shared/api/contract.js';
import type { FilingView } from '../../../src-shared/domain/filing.js';
import { useL } from '../../ui/fields.js';
import { useMsg } from '../../ui/i18n.js';
import { qrDataUrl } from '../../ui/qr.js';
import { speak } from '../../ui/speak.js';
import './journey.css';

export function ReceiptWays({ filing, receiptCode, bridge, lang }: { filing: FilingView; receiptCode: string; bridge: KioskBridge; lang: 'zh' | 'en' }) {
  const l = useL();
  const msg = useMsg();
  const [qr, setQr] = useState<string | null>(null);
  const [printer, setPrinter] = useState(false);
  const [note, setNote] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const number = filing.officialNo ?? filing.provisionalNo;
  const sayNumber = filing.officialNo
    ? l(`您的案号是：${number}。请记下或拍下屏幕上的二维码。`, `Your case number is ${number}. Write it down or photograph the QR code on the screen.`)
    : l(`您的临时编号是：${number}。正式案号稍后生成。请记下或拍下屏幕上的二维码。`, `Your provisional number is ${number}. The official number follows. Write it down or photograph the QR code.`);

  useEffect(() => {
    void qrDataUrl(receiptCode).then(setQr);
  }, [receiptCode]);
  useEffect(() => {
    void bridge['devices.list'](null).then((r) => setPrinter(r.ok && r.value.some((d) => d.device === 'receiptPrinter' && d.state !== 'not-configured')));
  }, [bridge]);
  useEffect(() => {
    speak(sayNumber, lang);
    // Once when the number first shows; the button says it again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [number]);

  const print = async () => {
    setBusy(true);
    const r = await bridge['receipt.print']({ id: filing.id, to: 'printer' });
    setBusy(false);
    setNote(r.ok ? { text: msg(r.value), error: false } : { text: msg(r.error), error: true });
  };

  return (
    <div className="stack" data-testid="receipt-ways">
      <section aria-labelledby="receipt-number-title">
        <h3 id="receipt-number-title">{filing.officialNo ? l('您的案号', 'Your case number') : l('您的临时编号（正式案号稍后生成）', 'Your provisional number (the official one follows)')}</h3>
        <p className="receipt-number" data-testid="receipt-number">
          {number}
        </p>
        <button type="button" className="secondary" onClick={() => speak(sayNumber, lang)} data-testid="say-number">
          {l('再读一遍编号', 'Read the number again')}
        </button>
      </section>
      <div className="receipt-ways">
        <section className="receipt-way" aria-labelledby="receipt-qr-title">
          <h3 id="receipt-qr-title">{l('用手机拍下这个二维码', 'Photograph this QR code with your phone')}</h3>
          {qr && <img className="qr" src={qr} alt={l('回执二维码：以后在本机“查询申请进度”时出示，可查看办理进度', 'Receipt QR code: show it under “Check progress” at this kiosk later to see the status')} data-testid="receipt-qr" />}
          <p>{l('以后在本机点“查询申请进度”，把照片给扫码口看，就能查到进度。', 'Later, press “Check progress” here and show the photo to the scanner to see the status.')}</p>
        </section>
        <section className="receipt-way" aria-labelledby="receipt-counter-title">
          <h3 id="receipt-counter-title">{l('需要纸质回执？', 'Need a paper receipt?')}</h3>
          <p data-testid="counter-prints">{l('请到立案窗口，说出上面的编号，工作人员可以为您打印回执。', 'Go to the filing counter and give the number above; the staff print the receipt for you.')}</p>
          {printer && (
            <button type="button" className="secondary" onClick={() => void print()} disabled={busy} data-testid="print">
              {l('在本机打印回执', 'Print the receipt here')}
            </button>
          )}
          {note && (
            <p className={note.error ? 'error-banner' : 'notice'} role={note.error ? 'alert' : 'status'} data-testid="print-note">
              {note.text}
            </p>
          )}
        </section>
      </div>
    </div>
  );
}
