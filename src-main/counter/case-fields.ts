/**
 * The five items a clerk verifies (seed 002 art. 7(一)) as text taken from the stored filing,
 * so the clerk compares them with the scanned pages, and a correction has an original to keep.
 */
import type { FilingRecord } from '../../src-shared/domain/filing.js';
import type { VerificationRow, VerifyField } from '../../src-shared/counter/contract.js';
import { formatYuan } from '../../src-shared/domain/money.js';
import { readCaseNumber } from '../../src-shared/casenum/case-number.js';
import { DUPLICATE_REASON_TEXT } from '../../src-shared/domain/duplicates.js';
import { CLAIM_KIND_ZH } from '../../src-shared/domain/field-correction.js';
import { VERIFY_FIELDS } from '../../src-shared/sync/protocol.js';
import { basisKindLabel } from '../../src-shared/domain/basis-kind-label.js';

type Person = { name: string; idNumber?: string | undefined; address?: string | undefined; phone?: string | undefined };
const person = (p: Person) => [p.name, p.idNumber ? `（${p.idNumber}）` : '', p.address ? `，${p.address}` : '', p.phone ? `，${p.phone}` : ''].join('');

export function filedFields(record: FilingRecord): Record<VerifyField, string> {
  const facts = (record.facts ?? {}) as { claim?: { kind?: string }; basis?: { kind?: string; effectiveDate?: string; hasPaymentContent?: boolean; performanceDue?: string } };
  const applying = record.filer === 'agent' ? record.principal : record.filer === 'company' ? record.company : undefined;
  const parties = [
    `申请执行人：${person(applying ?? record.applicant)}`,
    applying ? `${record.filer === 'agent' ? '委托代理人' : '经办人'}：${person(record.applicant)}` : '',
    ...record.respondents.map((r) => `被执行人：${person(r)}`),
  ].filter(Boolean);
  const b = facts.basis;
  // The operative content as the applicant restated it (synced with the filing), which the clerk checks against the document.
  const restated = (record as { basisContent?: string }).basisContent;
  const described = b
    ? [basisKindLabel(b.kind, record.basisNumber).zh, b.effectiveDate ? `${b.effectiveDate} 生效` : '', b.hasPaymentContent ? '有给付内容' : '无给付内容', b.performanceDue ? `履行期限至 ${b.performanceDue}` : '']
        .filter(Boolean)
        .join('；')
    : '';
  const basisContent = [described, restated ? `判决主文：${restated}` : ''].filter(Boolean).join('\n') || '（申请时未录入）';
  return {
    parties: parties.join('\n'),
    'subject-kind': (CLAIM_KIND_ZH as Record<string, string>)[facts.claim?.kind ?? 'money'] ?? CLAIM_KIND_ZH.money,
    amount: `${formatYuan(record.amountFen)} 元`,
    // Filed again on this basis against the same respondent: the applicant's reason, for the clerk to check (issue 12 item 4).
    'basis-number': [
      record.basisNumber,
      // Read with a warning (other brackets, 字第): the clerk sees what the applicant wrote.
      record.basisNumberAsWritten ? `申请人原写作：${record.basisNumberAsWritten}` : '',
      isLegacyNumber(record.basisNumber) ? '2016年以前的旧式案号，请核对原件' : '',
      record.duplicate ? `同一依据再次申请，申请人说明：${DUPLICATE_REASON_TEXT[record.duplicate.reason].zh}${record.duplicate.of.length ? `（此前：${record.duplicate.of.join('、')}）` : ''}` : '',
    ]
      .filter(Boolean)
      .join('\n'),
    'basis-content': basisContent,
  };
}

/** The value a clerk sees now: the last correction, else what was filed. */
export function currentFields(filed: Record<VerifyField, string>, trail: readonly VerificationRow[]): Record<VerifyField, string> {
  const out = { ...filed };
  for (const v of trail) if (v.verdict === 'corrected' && v.correctedValue !== null) out[v.field] = v.correctedValue;
  return out;
}

function isLegacyNumber(n: string): boolean {
  const r = readCaseNumber(n);
  return r.ok && r.format === 'legacy';
}

/** Seed 002 art. 7(一): the items not yet verified or corrected; 办结 waits for all five. */
export function unverifiedFields(trail: readonly VerificationRow[]): VerifyField[] {
  return VERIFY_FIELDS.filter((f) => !trail.some((v) => v.field === f));
}
