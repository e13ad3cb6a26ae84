import { useState } from 'react';
import { MAX_SCAN_BYTES, VERIFY_FIELD_LABEL_ZH, type CaseDetail, type ReceptionInput } from '../../src-shared/counter/contract.js';
import { propertySummary } from '../../src-shared/counter/property-clues.js';
import { chinaTime, fromLocalInput, pdfUrl, readFileAsDataUrl, toLocalInput, type Call } from './counter-ui.js';

type Text = Exclude<keyof ReceptionInput, 'at'>;
const FIELDS: Array<[Text, string, boolean]> = [
  ['interviewer', '谈话人', false],
  ['recorder', '记录人', false],
  ['interviewee', '被谈话人', false],
  ['place', '地点', false],
  ['serviceAddress', '一、送达地址（确认）', false],
  ['contact', '一、联系方式（确认）', false],
  ['filingDataVerified', '二、核对执行立案信息', true],
  ['respondentProperty', '三、被执行人及其财产情况', true],
  ['terminationView', '四、对终结本次执行程序的意见', true],
  ['notes', '其他事项', true],
];

/** What the verification trail says, as a first draft of item 二 of the record. */
function verifiedSummary(d: CaseDetail): string {
  const checked = d.verifications.filter((v) => v.verdict === 'verified').map((v) => VERIFY_FIELD_LABEL_ZH[v.field]);
  const fixed = d.verifications.filter((v) => v.verdict === 'corrected').map((v) => `${VERIFY_FIELD_LABEL_ZH[v.field]}由“${v.originalValue}”更正为“${v.correctedValue ?? ''}”（${v.reason ?? ''}）`);
  return [checked.length ? `已核对${[...new Set(checked)].join('、')}，无误` : '', ...fixed].filter(Boolean).join('；');
}

/** The first-reception record (seed 002 art. 6; seed 003 ch.3 §1(一)2-3). */
export function ReceptionPanel({ call, token, detail, clerkName, onChange }: { call: Call; token: string; detail: CaseDetail; clerkName: string; onChange: (d: CaseDetail) => void }) {
  const r = detail.reception;
  const [at, setAt] = useState(toLocalInput(r ? new Date(r.at) : new Date()));
  const [form, setForm] = useState<Record<Text, string>>(() => ({
    interviewer: r?.interviewer ?? clerkName,
    recorder: r?.recorder ?? '',
    interviewee: r?.interviewee ?? detail.applicant.name,
    place: r?.place ?? '执行立案窗口',
    serviceAddress: r?.serviceAddress ?? detail.applicant.address,
    contact: r?.contact ?? detail.applicant.phone ?? '',
    filingDataVerified: r?.filingDataVerified ?? verifiedSummary(detail),
    // Item 三 starts from what the applicant gave at the kiosk: property clues and the payee account.
    respondentProperty: r?.respondentProperty ?? propertySummary(detail.propertyClues, detail.payee),
    terminationView: r?.terminationView ?? '',
    notes: r?.notes ?? '',
  }));
  const [pdf, setPdf] = useState<{ url: string; name: string; note: string | null } | null>(null);
  const [noReason, setNoReason] = useState('');
  // Codes read on the scan just attached (the central keeps the scan, not this reading).
  const [scanCodes, setScanCodes] = useState<Array<{ text: string; format: string; page: number; caseNumber?: string }> | null>(null);
  const [unlocked, setUnlocked] = useState(false);
  const [scanNote, setScanNote] = useState<string | null>(null);
  const filingId = detail.row.filingId;
  // A printed version is locked: changing it makes the next version, to be printed and signed again.
  const locked = Boolean(r?.printedAt) && !unlocked;

  const save = async () => {
    const d = await call('counter.reception.save', { token, filingId, record: { ...form, at: fromLocalInput(at) }, ...(r?.printedAt ? { newVersion: true } : {}) });
    if (d) {
      setUnlocked(false);
      onChange(d);
    }
  };
  const print = async () => {
    const p = await call('counter.reception.print', { token, filingId });
    if (!p) return;
    const url = pdfUrl(p.pdfBase64);
    setPdf({ url, name: p.fileName, note: p.printed?.message_zh ?? null });
    // No document printer configured: the PDF opens for the browser's print dialog (host shell).
    if (!p.printed?.ok) window.open(url, '_blank', 'noopener');
    const d = await call('counter.case', { token, filingId });
    if (d) onChange(d);
  };
  const clueForm = async () => {
    const p = await call('counter.propertyClueForm', { token, filingId });
    if (!p) return;
    const url = pdfUrl(p.pdfBase64);
    setPdf({ url, name: p.fileName, note: null });
    window.open(url, '_blank', 'noopener');
  };
  const attach = async (file: File | undefined) => {
    if (!file) return;
    // Said here, before a long upload the service would refuse anyway.
    if (file.size > MAX_SCAN_BYTES) {
      setScanNote(`扫描件太大（${(file.size / 1_000_000).toFixed(1)}MB，最多 6MB），请降低分辨率后重新扫描`);
      return;
    }
    setScanNote(null);
    const d = await call('counter.reception.attachScan', { token, filingId, dataUrl: await readFileAsDataUrl(file) });
    if (!d) return;
    setScanCodes(d.scanCodes ?? []);
    onChange(d);
  };
  const skip = async () => {
    const d = await call('counter.noReception', { token, filingId, reason: noReason });
    if (d) onChange(d);
  };

  return (
    <section className="panel form" aria-labelledby="reception-title" data-testid="reception-panel">
      <h3 id="reception-title">初次接待笔录</h3>
      <label htmlFor="rc-at">接待时间</label>
      {r && (
        <p className="hint" data-testid="reception-version">
          第 {r.version ?? 1} 版{locked ? ' · 已打印，已锁定' : ''}
        </p>
      )}
      <input id="rc-at" type="datetime-local" value={at} onChange={(e) => setAt(e.target.value)} disabled={locked} />
      {FIELDS.map(([k, label, long]) => (
        <div key={k}>
          <label htmlFor={`rc-${k}`}>{label}</label>
          {k === 'filingDataVerified' && (
            <button type="button" className="secondary small" onClick={() => setForm({ ...form, filingDataVerified: verifiedSummary(detail) })} disabled={locked} data-testid="reception-from-verify">
              按核对结果填写
            </button>
          )}
          {k === 'respondentProperty' && (
            <button type="button" className="secondary small" onClick={() => void clueForm()} data-testid="property-clue-form">
              财产线索调查表（{detail.propertyClues.length} 条线索）
            </button>
          )}
          {long ? (
            <textarea id={`rc-${k}`} rows={3} value={form[k]} onChange={(e) => setForm({ ...form, [k]: e.target.value })} disabled={locked} />
          ) : (
            <input id={`rc-${k}`} value={form[k]} onChange={(e) => setForm({ ...form, [k]: e.target.value })} disabled={locked} />
          )}
        </div>
      ))}
      <div className="actions">
        {locked ? (
          <button type="button" className="secondary" onClick={() => setUnlocked(true)} disabled={detail.row.stage === 'done'} data-testid="reception-new-version">
            修改笔录（生成第 {(r?.version ?? 1) + 1} 版，须重新打印签名）
          </button>
        ) : (
          <button type="button" className="secondary" onClick={() => void save()} data-testid="reception-save">
            {r?.printedAt ? `保存为第 ${(r.version ?? 1) + 1} 版` : '保存笔录'}
          </button>
        )}
        <button type="button" className="primary" onClick={() => void print()} disabled={!r || unlocked} data-testid="reception-print">
          打印笔录（三方签名）
        </button>
      </div>
      {r && (
        <p className="hint" data-testid="reception-state">
          已保存 {chinaTime(r.at)}
          {r.printedAt ? ` · 已打印 ${chinaTime(r.printedAt)}` : ' · 未打印'}
          {r.scanAttachedAt ? ` · 签名页已扫描 ${chinaTime(r.scanAttachedAt)}` : ' · 签名页未扫描'}
        </p>
      )}
      {pdf?.note && (
        <p role="status" data-testid="print-note">
          {pdf.note}
        </p>
      )}
      {pdf && (
        <a href={pdf.url} download={pdf.name} data-testid="reception-pdf-link">
          下载笔录 PDF
        </a>
      )}
      {r?.printedAt && !unlocked && (
        <>
          <label htmlFor="rc-scan">上传第 {r.version ?? 1} 版签名后的笔录扫描件（JPG、PNG、TIFF 或 PDF，最多 6MB）</label>
          <input id="rc-scan" type="file" accept="image/jpeg,image/png,image/tiff,application/pdf" onChange={(e) => void attach(e.target.files?.[0])} data-testid="reception-scan" />
          {scanCodes && (
            <p className="hint" role="status" data-testid="reception-scan-codes">
              {scanCodes.length === 0
                ? '扫描件上没有识别到条码'
                : scanCodes.map((c) => `第${c.page}页条码：${c.caseNumber ? `案号 ${c.caseNumber}` : c.text.slice(0, 60)}`).join('；')}
            </p>
          )}
        </>
      )}
      {scanNote && (
        <p role="alert" className="error" data-testid="scan-note">
          {scanNote}
        </p>
      )}
      {r?.earlier && r.earlier.length > 0 && (
        <details data-testid="reception-earlier">
          <summary>此前的版本（{r.earlier.length}）</summary>
          <ul>
            {r.earlier.map((e) => (
              <li key={e.version} data-testid={`reception-v${e.version}`}>
                第 {e.version} 版 · 保存 {chinaTime(e.savedAt)}
                {e.printedAt ? ` · 打印 ${chinaTime(e.printedAt)}` : ' · 未打印'}
                {e.scanAttachedAt ? ` · 签名扫描件 ${chinaTime(e.scanAttachedAt)}（${(e.scanSha256 ?? '').slice(0, 8)}）` : ' · 无签名扫描件'}
                {' · 被第 '}
                {e.version + 1} 版取代 {chinaTime(e.supersededAt)}
              </li>
            ))}
          </ul>
        </details>
      )}
      {!r && (
        <details className="no-reception" open={Boolean(detail.noReceptionReason)}>
          <summary>未进行初次接待</summary>
          {detail.noReceptionReason ? (
            <p data-testid="no-reception-reason">原因：{detail.noReceptionReason}</p>
          ) : (
            <>
              <label htmlFor="rc-skip">未接待原因（逐案说明）</label>
              <input id="rc-skip" value={noReason} onChange={(e) => setNoReason(e.target.value)} data-testid="no-reception-input" />
              <button type="button" className="secondary small" onClick={() => void skip()} data-testid="no-reception-save">
                记录原因
              </button>
            </>
          )}
        </details>
      )}
    </section>
  );
}
