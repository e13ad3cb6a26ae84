import type { ReactNode } from 'react';
import { STEP_TEXT, type StepId } from '../../../src-shared/i18n/applicant-texts.js';
import { formatYuan } from '../../../src-shared/domain/money.js';
import { maskIdNumber, maskTail } from '../../../src-shared/domain/masking.js';
import { GROUNDS } from '../../../src-shared/rules/grounds.js';
import { useL } from '../../ui/fields.js';
import { useMsg } from '../../ui/i18n.js';
import { SignaturePad } from '../SignaturePad.js';
import { fieldMessagesIn } from '../../../src-shared/i18n/field-messages-en.js';
import { BASIS_OPTIONS } from './BasisStep.js';
import { applicantFindings, stepOfPath } from '../wizard/finding-step.js';
import type { StepProps } from './step-props.js';

interface ReviewProps extends StepProps {
  /** `path`: the field to bring the applicant to (去修改), not only its step. */
  goTo(step: StepId, path?: string): void;
  onSignature(png: string | null): void;
}

/** Every answer and every rule finding in plain words; each blocking finding says where to fix it. */
export function ReviewStep({ a, card, check, goTo, onSignature }: ReviewProps) {
  const l = useL();
  const msg = useMsg();
  const findings = check ? applicantFindings(check.findings) : [];
  const fieldErrors = check ? Object.entries(fieldMessagesIn(check.fields, l('zh', 'en') === 'zh' ? 'zh' : 'en')) : [];
  const section = (step: StepId, rows: Array<[string, ReactNode]>) => (
    <section className="review-section" aria-labelledby={`rv-${step}`}>
      <div className="review-head">
        <h3 id={`rv-${step}`}>{l(STEP_TEXT[step].title_zh, STEP_TEXT[step].title_en)}</h3>
        <button type="button" className="secondary" onClick={() => goTo(step)}>
          {l('修改', 'Change')}
        </button>
      </div>
      <dl className="facts">
        {rows.map(([k, v], i) => (
          <div key={i} className="fact-row">
            <dt>{k}</dt>
            <dd>{v || '—'}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
  const party = (p: { name: string; idNumber: string; address: string; phone: string }) => `${p.name}　${p.idNumber ? maskIdNumber(p.idNumber) : ''}　${p.address}　${p.phone}`;
  const kindText = check?.typeLabel_zh ? l(`${check.typeLabel_zh}（${check.typeCode}）`, `${check.typeLabel_en} (${check.typeCode})`) : '—';

  return (
    <div className="stack">
      <div className={`verdict ${check?.ok ? 'ok' : 'blocked'}`} role="status" data-testid="verdict">
        {!check ? l('正在检查…', 'Checking…') : check.ok ? l('检查通过，可以提交', 'All checks passed; you can submit') : l('还有问题需要修改，修改后才能提交', 'Some problems must be fixed before you can submit')}
      </div>
      <p className="type-line" data-testid="type-line">
        {l('立案类型', 'Type of case')}：<strong>{kindText}</strong>
      </p>
      {(findings.length > 0 || fieldErrors.length > 0) && (
        <ul className="findings" data-testid="findings">
          {fieldErrors.map(([path, text]) => (
            <li key={path} className="finding block">
              <span>{text}</span>
              <button type="button" className="secondary" onClick={() => goTo(stepOfPath(path), path)}>
                {l('去修改', 'Fix')}
              </button>
            </li>
          ))}
          {findings.map((f, i) => (
            <li key={`${f.rule}-${i}`} className={`finding ${f.severity}`} data-rule={f.rule}>
              <span>
                <strong>{f.severity === 'block' ? l('需要修改', 'Must fix') : f.severity === 'warn' ? l('请注意', 'Note') : l('说明', 'Info')}：</strong>
                {msg(f)}
              </span>
              {f.severity === 'block' && (
                <button type="button" className="secondary" onClick={() => goTo(stepOfPath(f.path), f.path)}>
                  {l('去修改', 'Fix')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {section('who', [
        [l('申请方式', 'Filing as'), a.filer === 'self' ? l('本人申请', 'yourself') : a.filer === 'agent' ? l('委托代理', 'agent') : l('单位申请', 'company')],
        [l('您本人', 'You'), card ? `${card.name}　${card.idNumberMasked}` : l('未读卡', 'no card read')],
        [l('联系电话', 'Phone'), a.phone],
        [l('进度短信', 'Progress SMS'), a.progressSms === 'yes' ? l('接收', 'yes') : l('不接收', 'no')],
        [l('送达地址', 'Address'), a.address || card?.address || ''],
        ...(a.filer === 'agent' ? ([[l('委托人', 'Principal'), party(a.principal)]] as Array<[string, string]>) : []),
        ...(a.filer === 'company' ? ([[l('申请单位', 'Company'), `${party(a.company)}　${l('法定代表人', 'rep.')}：${a.company.legalRep}`]] as Array<[string, string]>) : []),
      ])}
      {section('basis', [
        [l('事项', 'Matter'), a.matter === 'enforcement' ? l('申请强制执行', 'enforcement') : l('其他事项', 'other matter')],
        [l('申请', 'Application'), a.appKind === 'first' ? l('第一次申请执行', 'first') : a.appKind === 'resumed' ? l('恢复执行', 'resumed') : l('执行异议', 'objection')],
        ...(a.appKind !== 'first'
          ? ([
              [l('事由', 'Grounds'), (GROUNDS[a.appKind] ?? []).filter((g) => a.grounds.includes(g.id)).map((g) => l(g.label_zh, g.label_en)).join('；')],
              [l('原执行案号', 'Earlier case'), a.priorCaseNumber],
            ] as Array<[string, string]>)
          : []),
        [l('执行依据文号', 'Basis number'), `${a.basisNumber}${a.basisSource !== 'typed' ? l('（扫码读取）', ' (scanned)') : ''}`],
        [l('文书种类', 'Kind'), ((o) => (o ? l(o.zh, o.en) : a.basisKind))(BASIS_OPTIONS.find((o) => o.value === a.basisKind))],
        ...(a.otherBasis.trim() ? ([[l('其他文书', 'Other documents'), a.otherBasis]] as Array<[string, string]>) : []),
        [l('生效日期', 'Effective'), a.effectiveDateUnknown && !a.effectiveDate ? l('不清楚（由工作人员核对）', 'not known (staff will check)') : a.effectiveDate],
        [l('履行期限', 'Perform by'), a.performanceDueUnknown && !a.performanceDue ? l('不清楚（由工作人员核对）', 'not known (staff will check)') : a.performanceDue],
        [l('主文', 'Content'), a.content],
      ])}
      {section(
        'respondents',
        a.respondents.map((r, i) => [`${l('被执行人', 'Respondent')} ${i + 1}`, party(r)]),
      )}
      {section('money', [
        [l('本金', 'Principal'), check?.money ? `¥ ${formatYuan(check.money.principalFen)}` : a.principalYuan],
        [l('利息', 'Interest'), check?.money ? `¥ ${formatYuan(check.money.interestFen)}${a.interestOn ? (a.interestUntilPaid ? l(`（${a.interestRate}%，自${a.interestFrom}起至实际清偿之日止；金额算至今天，之后继续计算）`, ` (${a.interestRate}%, from ${a.interestFrom} until actually paid; counted to today, it keeps running)`) : `（${a.interestRate}%，${a.interestFrom} — ${a.interestTo}）`) : ''}` : ''],
        [l('费用', 'Costs'), check?.money ? `¥ ${formatYuan(check.money.costsFen)}` : ''],
        [l('已履行', 'Already paid'), a.performed === 'full' ? l('已全部履行', 'all') : check?.money ? `¥ ${formatYuan(check.money.performedFen)}` : ''],
        [l('申请执行总额', 'Total claimed'), check?.money ? <strong data-testid="review-total">¥ {formatYuan(check.money.totalFen)}</strong> : ''],
        [l('收款账户', 'Payee account'), a.payeeAccount ? `${a.payeeName}　${a.payeeBank}　${maskTail(a.payeeAccount)}` : ''],
        [l('财产线索', 'Property clues'), a.clues.length ? a.clues.map((c) => c.description).filter(Boolean).join('；') : l('无', 'none')],
      ])}
      {section('documents', [[l('已拍摄', 'Pages'), `${a.documents.length}${l('页', ' pages')}`]])}
      {section('risk', [
        [l('风险提示', 'Risk notice'), a.riskAck ? l('已确认知悉', 'acknowledged') : l('未确认', 'not acknowledged')],
        [l('执前督', 'Supervised performance first (执前督)'), a.preChoice === 'accept' ? l('同意先督促履行', 'accepted') : l('不选择', 'not chosen')],
      ])}
      <SignaturePad onChange={onSignature} />
    </div>
  );
}
