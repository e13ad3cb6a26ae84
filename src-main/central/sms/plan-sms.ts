/**
 * Whether a case change sends an SMS and what it says: the central re-checks the applicant's
 * consent and phone in the record it holds (a kiosk's claim is not enough), uses the court's
 * template, and fills only the case number and status words.
 */
import type { CaseStatus } from '../../../src-shared/sync/protocol.js';
import { SMS_STATUS_ZH, renderSms, type SmsEvent, type SmsTemplate } from '../../../src-shared/sms/sms-events.js';
import { isMobile, normaliseMobile, scrubPersonal } from '../../../src-shared/sms/sms-content.js';
import { findCourtByCode } from '../../../src-shared/courts/court-profile.js';

/** The events a new case status sends: acceptance also tells the next node deadline (when the court turned that on). */
export function smsEventsOf(status: CaseStatus): SmsEvent[] {
  const e = smsEventOf(status);
  return e === null ? [] : e === 'accepted' ? ['accepted', 'deadline'] : [e];
}

/** The event a new case status is, for SMS; null: the applicant is not told of it (triage is internal). */
export function smsEventOf(status: CaseStatus): SmsEvent | null {
  switch (status) {
    case 'accepted':
      return 'accepted';
    case 'returned':
      return 'returned';
    case 'assigned':
      return 'assigned';
    case 'closed':
      return 'closed';
    default:
      return null;
  }
}

interface HeldRecord {
  smsConsentAt?: string;
  deadlines?: Array<{ label_zh?: string; dueDate?: string }>;
  applicant?: { name?: string; idNumber?: string; address?: string; phone?: string };
  principal?: { name?: string; idNumber?: string; address?: string; phone?: string };
  company?: { name?: string; idNumber?: string; address?: string; phone?: string; legalRep?: string };
  respondents?: Array<{ name?: string; idNumber?: string; address?: string; phone?: string; legalRep?: string }>;
  payee?: { accountName?: string; bank?: string; accountNumber?: string };
}

export interface SmsChange {
  event: SmsEvent;
  /** China date of the change: a node deadline told is the next one from this day on. */
  today: string;
  courtCode: string;
  officialNo: string;
  recordJson: string;
  reasons: readonly string[];
  team: string | null;
  template: SmsTemplate;
}

/** Every personal string of the record, to keep out of the free text a message may carry. */
function personalStrings(r: HeldRecord): string[] {
  const parties = [r.applicant, r.principal, r.company, ...(r.respondents ?? [])];
  const out: string[] = [];
  for (const p of parties) if (p) out.push(...[p.name, p.idNumber, p.address, p.phone, (p as { legalRep?: string }).legalRep].filter((x): x is string => typeof x === 'string'));
  if (r.payee) out.push(...[r.payee.accountName, r.payee.bank, r.payee.accountNumber].filter((x): x is string => typeof x === 'string'));
  return out;
}

export function teamName(courtCode: string, team: string | null): string {
  if (!team) return '执行团队';
  return findCourtByCode(courtCode)?.teams?.find((t) => t.id === team)?.name_zh ?? '执行团队';
}

export function planSms(c: SmsChange): { phone: string; text: string } | null {
  if (!c.template.enabled) return null;
  const record = JSON.parse(c.recordJson) as HeldRecord;
  const phone = record.applicant?.phone;
  if (typeof record.smsConsentAt !== 'string' || !isMobile(phone)) return null;
  const court = findCourtByCode(c.courtCode)?.name ?? '人民法院';
  const reasons = scrubPersonal(c.reasons.join('；'), personalStrings(record));
  let node: { label_zh?: string; dueDate?: string } | undefined;
  if (c.event === 'deadline') {
    node = (record.deadlines ?? []).filter((d) => typeof d.dueDate === 'string' && d.dueDate >= c.today).sort((a, b) => a.dueDate!.localeCompare(b.dueDate!))[0];
    if (!node) return null;
  }
  const text = renderSms(c.template.template, { 法院: court, 案号: c.officialNo, 状态: SMS_STATUS_ZH[c.event], 原因: reasons || '请到窗口咨询', 团队: teamName(c.courtCode, c.team), 节点: scrubPersonal(node?.label_zh ?? '', []), 日期: node?.dueDate ?? '' });
  return { phone: normaliseMobile(phone), text };
}
