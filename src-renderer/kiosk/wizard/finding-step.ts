import type { StepId } from '../../../src-shared/i18n/applicant-texts.js';
import type { Finding } from '../../../src-shared/rules/finding.js';
import { fieldMessagesIn } from '../../../src-shared/i18n/field-messages-en.js';

/** Which step fixes a finding or field error, from its path in the facts or the draft. */
export function stepOfPath(path: string | undefined): StepId {
  const p = path ?? '';
  if (/^(applicants|agent|principal|company|applicantPhone|applicantAddress)/.test(p)) return 'who';
  if (/^(respondents|split|sharesDefinite)/.test(p)) return 'respondents';
  if (/^(claim|amountYuan|alreadyPerformed|performed|payeeAccount|payee|interest|costsYuan)/.test(p)) return 'money';
  if (/^(riskAcknowledged|preEnforcement)/.test(p)) return 'risk';
  if (/^consent/.test(p)) return 'consent';
  return 'basis';
}

/** Findings meant for the applicant: the court's notices to staff stay on the clerk's screen. */
export function applicantFindings(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => !f.rule.startsWith('notice.') && f.rule !== 'pre-enforcement.ask');
}

/** Field errors keyed by the ids the fields use: facts paths are mapped to draft field keys. */
export function fieldErrorsOf(findings: readonly Finding[], fields: Record<string, string>, lang: 'zh' | 'en' = 'zh'): Record<string, string> {
  const out: Record<string, string> = { ...fieldMessagesIn(fields, lang) };
  for (const f of findings) {
    if (f.severity !== 'block' || !f.path) continue;
    const key = f.path.replace(/^basis\.number$/, 'basisNumber').replace(/^claim\.amountFen$/, 'amountYuan');
    out[key] ??= lang === 'en' ? f.message_en : f.message_zh;
  }
  return out;
}
