import { useEffect, useState } from 'react';
import { readCaseNumber } from '../../../src-shared/casenum/case-number.js';
import { understandPayload, type PayloadReading } from '../../../src-shared/scan/payload.js';
import { CameraBarcode } from '../CameraBarcode.js';
import { GROUNDS } from '../../../src-shared/rules/grounds.js';
import type { BasisKind } from '../../../src-shared/courts/routing-types.js';
import { Check, Choice, TextField, useL } from '../../ui/fields.js';
import { useMsg } from '../../ui/i18n.js';
import { useWedge } from '../../ui/use-wedge.js';
import { CaseNumberComposer } from '../../ui/CaseNumberComposer.js';
import { ARBITRATION_KINDS, kindFor } from './basis-kind-for.js';
import { readArbitrationNumber } from '../../../src-shared/casenum/arbitration-number.js';
import { chinaYear } from '../../../src-shared/time/china-time.js';
import { DateField } from '../../ui/DatePicker.js';
import type { AppKind, Matter } from '../wizard/answers.js';
import type { StepProps } from './step-props.js';
import { ScanConfirm } from './ScanConfirm.js';
import { scannedCaseNumber } from './scanned-case-number.js';

export const BASIS_OPTIONS: ReadonlyArray<{ value: BasisKind; zh: string; en: string }> = [
  { value: 'judgment', zh: '判决书', en: 'Judgment' },
  { value: 'mediation', zh: '调解书', en: 'Mediation statement' },
  { value: 'ruling', zh: '裁定书', en: 'Ruling' },
  { value: 'payment-order', zh: '支付令', en: 'Payment order' },
  { value: 'arbitration-award', zh: '仲裁裁决书', en: 'Arbitration award' },
  { value: 'labour-arbitration-award', zh: '劳动仲裁裁决书', en: 'Labour arbitration award' },
  { value: 'notarised-debt', zh: '公证债权文书', en: 'Notarised debt instrument' },
  { value: 'other', zh: '其他', en: 'Other' },
];

/**
 * The basis document: its number by scanner (keyboard wedge), camera or typing, checked as it
 * is typed; its kind, effective date and operative content. What is asked (first enforcement,
 * resumption, objection) decides the type of case through the rules engine; nobody has to
 * know a type code.
 */
export function BasisStep({ a, set, bridge }: StepProps) {
  const l = useL();
  const msg = useMsg();
  const [scanNote, setScanNote] = useState<string | null>(null);

  const [camera, setCamera] = useState(false);
  const [unsure, setUnsure] = useState<{ value: string; source: 'scanner' | 'camera' } | null>(null);
  const takeReading = (source: 'scanner' | 'camera', reading: PayloadReading, charsetConfident: boolean) => {
    const found = scannedCaseNumber(reading, charsetConfident);
    setUnsure(found.kind === 'confirm' ? { value: found.value, source } : null);
    if (found.kind === 'confirm') {
      setScanNote(null);
    } else if (found.kind === 'take') {
      set({ basisNumber: found.value, basisSource: source });
      setScanNote(l('已从条码读到案号，请核对是否与文书一致', 'Case number read from the barcode; check it against the document'));
    } else {
      setScanNote(l(`条码内容无法识别为案号（${reading.summary_zh}），请手动输入`, `The barcode holds no case number (${reading.summary_en}); please type it`));
    }
  };
  // Wedge keys carry characters, not bytes: nothing for a charset to get wrong.
  useWedge(!camera, (text) => takeReading('scanner', understandPayload(text, { now: new Date() }), true));
  // A scanner in serial (CDC) mode, read by the services: Chinese payloads arrive intact.
  // Subscribed per render so the handler answers in the current language.
  useEffect(() => bridge.on('scanner.scan', (e) => takeReading('scanner', e.reading, e.charsetConfident)));

  const check = a.basisNumber.trim() ? readCaseNumber(a.basisNumber) : null;
  const award = ARBITRATION_KINDS.includes(a.basisKind) && readArbitrationNumber(a.basisNumber) !== null;
  const grounds = a.appKind === 'first' ? [] : GROUNDS[a.appKind] ?? [];
  const toggleGround = (id: string, on: boolean) => set({ grounds: on ? [...a.grounds.filter((g) => g !== id), id] : a.grounds.filter((g) => g !== id) });

  return (
    <div className="stack">
      <Choice<Matter>
        name="matter"
        legend={l('您要办理的事项', 'What you want to do')}
        value={a.matter}
        onChange={(matter) => set({ matter })}
        options={[
          { value: 'enforcement', label: l('申请强制执行', 'Apply for enforcement') },
          { value: 'fee-refund', label: l('退还诉讼费', 'Refund of court fees') },
          { value: 'lift-preservation', label: l('解除保全措施', 'Lift a preservation measure') },
          { value: 'no-case-needed', label: l('其他事项', 'Something else') },
        ]}
      />
      <Choice<AppKind>
        name="app-kind"
        legend={l('这是', 'This is')}
        value={a.appKind}
        onChange={(appKind) => set({ appKind, grounds: [] })}
        options={[
          { value: 'first', label: l('第一次申请执行', 'A first application'), hint: l('判决生效后对方不履行', 'the other side has not paid') },
          { value: 'resumed', label: l('申请恢复执行', 'Resuming an earlier case'), hint: l('原执行案件已结束，出现了新情况', 'an earlier case ended and something changed') },
          { value: 'objection', label: l('对执行提出异议', 'An objection'), hint: l('认为执行行为或执行标的有问题', 'against an enforcement act or subject') },
        ]}
      />
      {grounds.length > 0 && (
        <fieldset className="choices" aria-describedby="grounds-hint">
          <legend>{a.appKind === 'resumed' ? l('恢复执行的原因（可多选）', 'Why resume (one or more)') : l('异议的理由（可多选）', 'Grounds of the objection')}</legend>
          <p id="grounds-hint" className="hint">{l('请选择符合您情况的一项或几项', 'Choose what applies')}</p>
          {grounds.map((g) => (
            <Check key={g.id} id={`ground-${g.id}`} checked={a.grounds.includes(g.id)} onChange={(v) => toggleGround(g.id, v)}>
              {l(g.label_zh, g.label_en)}
            </Check>
          ))}
        </fieldset>
      )}
      {a.appKind !== 'first' && (
        <>
          <TextField id="prior-case" label={l('原执行案件的案号', 'Number of the earlier enforcement case')} value={a.priorCaseNumber} onChange={(v) => set({ priorCaseNumber: v })} hint={l('例如：（2023）豫0811执456号', 'e.g. （2023）豫0811执456号')} errorKey="application.priorCaseNumber" keyboard="num" />
          <CaseNumberComposer id="prior-case" kind="enforcement" title={l('原执行案件的案号', 'Number of the earlier enforcement case')} value={a.priorCaseNumber} onChange={(v) => set({ priorCaseNumber: v })} bridge={bridge} />
        </>
      )}

      <div className="scan-box" data-testid="scan-box">
        <p className="scan-prompt">{l('请用扫码枪扫描文书首页或尾页上的条码/二维码', 'Scan the barcode or QR code on the document with the handheld scanner')}</p>
        {camera ? (
          <CameraBarcode
            onScan={(s) => {
              setCamera(false);
              takeReading('camera', s.reading, s.charsetConfident);
            }}
            onClose={() => setCamera(false)}
          />
        ) : (
          <button type="button" className="secondary" onClick={() => setCamera(true)} data-testid="camera-scan">
            {l('没有扫码枪？用高拍仪读取条码', 'No scanner? Read the code with the document camera')}
          </button>
        )}
        {unsure && (
          <ScanConfirm
            value={unsure.value}
            onConfirm={() => {
              set({ basisNumber: unsure.value, basisSource: unsure.source });
              setUnsure(null);
              setScanNote(l('已填入您核对过的案号', 'The case number you checked has been filled in'));
            }}
            onRescan={() => {
              setUnsure(null);
              setScanNote(l('请再扫描一次文书上的条码，或直接输入案号', 'Scan the code on the document again, or type the number'));
            }}
          />
        )}
        {scanNote && (
          <p className="notice" role="status" data-testid="scan-note">
            {scanNote}
          </p>
        )}
      </div>
      <TextField
        id="basis"
        label={l('执行依据文号（判决书、调解书等的案号）', 'Number of the judgment or other basis document')}
        value={a.basisNumber}
        onChange={(v) => set({ basisNumber: v, basisSource: 'typed' })}
        hint={l('例如：（2024）豫0811民初123号', 'e.g. （2024）豫0811民初123号')}
        errorKey="basisNumber"
        error={check && !check.ok && ![...ARBITRATION_KINDS, 'notarised-debt'].includes(a.basisKind) ? msg(check) : null}
        keyboard="num"
        required
      />
      <CaseNumberComposer
        id="basis"
        kind="basis"
        title={l('执行依据文号', 'Number of the basis document')}
        value={a.basisNumber}
        onChange={(v, issuer) => set({ basisNumber: v, basisSource: 'typed', ...kindFor(issuer, a.basisKind) })}
        bridge={bridge}
      />
      <p className={check?.ok || award ? 'field-ok' : 'hint'} data-testid="basis-check" aria-live="polite">
        {check?.ok ? `${l('案号格式正确', 'Case number looks right')}：${check.canonical}` : award ? `${l('仲裁裁决书文号', 'Arbitration award number')}：${a.basisNumber.trim()}` : '\u00a0'}
      </p>
      {check?.ok &&
        check.warnings.map((w) => (
          <p key={w.code} className="hint" data-testid={`basis-note-${w.code}`}>
            {l(w.message_zh, w.message_en)}
          </p>
        ))}
      {/* Cards, not a drop-down: a native list's rows are too small for a finger. */}
      <Choice<BasisKind> name="basis-kind" legend={l('文书种类', 'Kind of document')} value={a.basisKind} onChange={(basisKind) => set({ basisKind })} options={BASIS_OPTIONS.map((o) => ({ value: o.value, label: l(o.zh, o.en) }))} />
      <div className="grid2">
        <DateField id="effective-date" label={l('文书生效日期', 'Date it took effect')} value={a.effectiveDate} onChange={(v) => set({ effectiveDate: v })} unknown={a.effectiveDateUnknown} onUnknown={(effectiveDateUnknown) => set({ effectiveDateUnknown })} errorKey="basis.effectiveDate" hint={l('不清楚可以点“不清楚”，由工作人员核对', 'If unsure, choose “I don’t know”; staff will check')} />
        <DateField id="performance-due" label={l('文书确定的履行期限（最后一天）', 'Last day to perform')} value={a.performanceDue} onChange={(v) => set({ performanceDue: v })} unknown={a.performanceDueUnknown} onUnknown={(performanceDueUnknown) => set({ performanceDueUnknown })} errorKey="basis.performanceDue" maxYear={chinaYear(new Date()) + 1} />
      </div>
      <TextField id="content" multiline label={l('文书主文（判决对方做什么）', 'Operative content (what the respondent must do)')} value={a.content} onChange={(v) => set({ content: v })} errorKey="basis.content" />
      <Check id="has-payment" checked={a.hasPaymentContent} onChange={(v) => set({ hasPaymentContent: v })}>
        {l('文书要求对方给付钱款或做某件事', 'The document orders the respondent to pay or do something')}
      </Check>
      <Check id="condition" checked={a.conditionAttached} onChange={(v) => set({ conditionAttached: v })}>
        {l('文书对履行附有条件（例如先交货后付款）', 'Performance depends on a condition')}
      </Check>
      {a.conditionAttached && (
        <Check id="condition-met" checked={a.conditionMet} onChange={(v) => set({ conditionMet: v })}>
          {l('该条件已经成就', 'The condition has been met')}
        </Check>
      )}
      <TextField
        id="other-basis"
        label={l('还有其他生效文书要一起申请吗？（填写其案号，没有请留空）', 'Other effective documents to enforce as well? (their numbers; leave empty if none)')}
        value={a.otherBasis}
        onChange={(v) => set({ otherBasis: v })}
        keyboard="num"
        hint={l('一份生效文书立一个案件：几份文书不能合并成一个案号，请分别提交。', 'One document, one case: several documents are never merged into one case number; file each separately.')}
        errorKey="additionalBasisNumbers"
      />
    </div>
  );
}
