/**
 * Built-in drafts of the notices the counter prepares after filing (seed 002 art. 7(三)):
 * 受理通知书, 执行通知书, 报告财产令. A court replaces any of them with its own wording (kiosk
 * table counter_templates, `yzt counter template`); `{{名称}}` placeholders are filled from the
 * case, and a placeholder the case cannot fill stays visible as a blank to complete by hand.
 */
import type { NoticeKind } from './contract.js';

export const NOTICE_PLACEHOLDERS = ['法院', '案号', '申请执行人', '被执行人', '执行依据', '金额', '日期', '收件人'] as const;
export type NoticeValues = Partial<Record<(typeof NOTICE_PLACEHOLDERS)[number], string>>;

export const DEFAULT_NOTICE_TEMPLATES: Record<NoticeKind, string> = {
  acceptance: `{{申请执行人}}：
你（单位）申请执行{{被执行人}}一案，申请执行依据为{{执行依据}}，申请执行标的金额{{金额}}元。经审查，符合法定受理条件，本院决定立案执行，案号为{{案号}}。
请在执行过程中如实提供被执行人的财产线索；送达地址或联系方式变更的，应及时告知本院，否则按原地址送达的，视为已送达。
特此通知。`,
  enforcement: `{{被执行人}}：
{{申请执行人}}申请执行{{执行依据}}一案，本院已于立案执行，案号为{{案号}}。依照《中华人民共和国民事诉讼法》的规定，责令你（单位）自收到本通知之日起立即履行下列义务：
一、向申请执行人支付{{金额}}元；
二、负担本案执行费用。
逾期不履行的，本院将依法强制执行，并可依法将你（单位）纳入失信被执行人名单、采取限制消费等措施。`,
  'property-report': `{{被执行人}}：
本院受理的{{案号}}一案（申请执行人{{申请执行人}}，执行依据{{执行依据}}），依照《中华人民共和国民事诉讼法》及相关司法解释的规定，责令你（单位）在收到本令之日起五日内，如实向本院报告当前以及收到执行通知之日前一年的财产情况。
拒绝报告或者虚假报告的，本院将根据情节轻重予以罚款、拘留；构成犯罪的，依法追究刑事责任。`,
};

export function fillTemplate(body: string, values: NoticeValues): string {
  return body.replace(/\{\{([^{}]{1,20})\}\}/g, (_whole, name: string) => values[name.trim() as keyof NoticeValues] || '________');
}
