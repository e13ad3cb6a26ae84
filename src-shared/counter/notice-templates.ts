/**
 * Built-in drafts of the notices the counter prepares after filing (seed 002 art. 7(三), seed
 * 003 ch.3 一(三)2): 受理通知书, 执行通知书, 报告财产令, and for a 执前督 case (seed 001 art. 25)
 * the 督促履行通知书 instead, since such a case is not (yet) filed for enforcement. A court
 * replaces any of them with its own wording (kiosk table counter_templates, `yzt counter
 * template`); `{{名称}}` placeholders are filled from the case. A placeholder the case cannot
 * fill stays visible as a blank in the draft, and the notice cannot be issued until it is filled.
 */
import type { NoticeKind } from './contract.js';

export const NOTICE_PLACEHOLDERS = ['法院', '案号', '申请执行人', '被执行人', '执行依据', '金额', '日期', '收件人', '立案日期', '交款账户', '督促期限'] as const;
export type NoticePlaceholder = (typeof NOTICE_PLACEHOLDERS)[number];
export type NoticeValues = Partial<Record<NoticePlaceholder, string>>;
export const PLACEHOLDER_EN: Record<NoticePlaceholder, string> = {
  法院: 'court', 案号: 'case number', 申请执行人: 'applicant', 被执行人: 'respondent', 执行依据: 'enforcement basis', 金额: 'amount',
  日期: 'date', 收件人: 'recipient', 立案日期: 'filing date', 交款账户: 'payment account', 督促期限: 'supervision deadline',
};

/** What an empty placeholder shows in a draft. */
export const BLANK = '________';

export const DEFAULT_NOTICE_TEMPLATES: Record<NoticeKind, string> = {
  acceptance: `{{收件人}}：
你（单位）申请执行{{被执行人}}一案，申请执行依据为{{执行依据}}，申请执行标的金额{{金额}}元。经审查，符合法定受理条件，本院已于{{立案日期}}立案执行，案号为{{案号}}。
请在执行过程中如实提供被执行人的财产线索；送达地址或联系方式变更的，应及时告知本院，否则按原地址送达的，视为已送达。
特此通知。`,
  enforcement: `{{收件人}}：
{{申请执行人}}申请执行{{执行依据}}一案，本院已于{{立案日期}}立案执行，案号为{{案号}}。依照《中华人民共和国民事诉讼法》的规定，责令你（单位）自收到本通知之日起立即履行下列义务：
一、向申请执行人支付{{金额}}元；
二、负担本案执行费用。
请将上述款项缴入本案执行款账户（一案一账户）：{{交款账户}}。缴款时请注明案号{{案号}}。
逾期不履行的，本院将依法强制执行，并可依法将你（单位）纳入失信被执行人名单、采取限制消费等措施。`,
  'property-report': `{{收件人}}：
本院于{{立案日期}}立案执行的{{案号}}一案（申请执行人{{申请执行人}}，执行依据{{执行依据}}），依照《中华人民共和国民事诉讼法》及相关司法解释的规定，责令你（单位）在收到本令之日起五日内，如实向本院报告当前以及收到执行通知之日前一年的财产情况。
拒绝报告或者虚假报告的，本院将根据情节轻重予以罚款、拘留；构成犯罪的，依法追究刑事责任。`,
  // Seed 001 art. 25: 执前督 is supervised performance before an enforcement case is filed;
  // failing it, the court files the first enforcement case and the materials join its file.
  supervision: `{{收件人}}：
{{申请执行人}}于{{立案日期}}向本院申请执行{{执行依据}}，申请执行标的金额{{金额}}元。本院依法以“执前督”字号立案（案号{{案号}}），在执行立案前督促你（单位）自动履行生效法律文书确定的义务。
请你（单位）于{{督促期限}}前履行完毕，并可将款项缴入本院执行款账户：{{交款账户}}，缴款时请注明案号{{案号}}。
督促履行期限届满仍未履行完毕的，本院将依申请执行人的申请办理首次执行案件立案手续，依法强制执行；督促履行期间转移、隐匿财产的，依法承担法律责任。`,
};

/** The notices a case may have: a 执前督 case gets the 督促履行通知书 and none of those that say it is filed for enforcement. */
export function noticeKindsFor(typeCode: string): NoticeKind[] {
  return typeCode === '执前督' ? ['supervision'] : ['acceptance', 'enforcement', 'property-report'];
}

/** Who a notice is addressed to: the applicant for the acceptance notice, the respondent for the rest. */
export function recipientOf(kind: NoticeKind): 'applicant' | 'respondent' {
  return kind === 'acceptance' ? 'applicant' : 'respondent';
}

const PLACEHOLDER = /\{\{([^{}]{1,20})\}\}/g;

/** The placeholders of a template left empty by these values, each once, in order of appearance. */
export function emptyPlaceholders(body: string, values: NoticeValues): string[] {
  const names = [...body.matchAll(PLACEHOLDER)].map((m) => (m[1] ?? '').trim());
  return [...new Set(names.filter((n) => !(values[n as NoticePlaceholder] ?? '').trim()))];
}

export function fillTemplate(body: string, values: NoticeValues): string {
  return body.replace(PLACEHOLDER, (_whole, name: string) => values[name.trim() as NoticePlaceholder]?.trim() || BLANK);
}

/** The refusal to issue a notice with empty placeholders, naming each one. */
export function emptyPlaceholderMessage(empty: readonly string[]): { message_zh: string; message_en: string } {
  const zh = empty.map((n) => `{{${n}}}`).join('、');
  return {
    message_zh: `通知书中以下内容为空，不能签发：${zh}。请补齐后再签发`,
    message_en: `The notice cannot be issued: these placeholders are empty: ${empty.map((n) => `{{${n}}} (${PLACEHOLDER_EN[n as NoticePlaceholder] ?? 'custom'})`).join(', ')}. Fill them in first`,
  };
}
