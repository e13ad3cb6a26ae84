/**
 * Progress SMS to applicants (issue 14 point 6): which case events may send one, the court's
 * templates, and how a template becomes a message. A message says only the case number and its
 * status (and, for these events, the return reasons, the team or the node's date), never a
 * party's name, an amount or an address: templates may use only the placeholders below.
 */
import { z } from 'zod';

export const SMS_EVENTS = ['accepted', 'returned', 'assigned', 'deadline', 'closed'] as const;
export type SmsEvent = (typeof SMS_EVENTS)[number];

export const SMS_EVENT_LABELS: Record<SmsEvent, { zh: string; en: string }> = {
  accepted: { zh: '受理（告知案号）', en: 'Accepted (with the case number)' },
  returned: { zh: '退回（告知原因）', en: 'Returned (with the reasons)' },
  assigned: { zh: '分配办理团队', en: 'Team assigned' },
  deadline: { zh: '节点期限', en: 'Node deadline' },
  closed: { zh: '结案', en: 'Closed' },
};

/** The status word {{状态}} stands for. */
export const SMS_STATUS_ZH: Record<SmsEvent, string> = { accepted: '已受理', returned: '已退回', assigned: '已分案', deadline: '办理中', closed: '已结案' };

export const SMS_PLACEHOLDERS = ['法院', '案号', '状态', '原因', '团队', '节点', '日期'] as const;
export type SmsPlaceholder = (typeof SMS_PLACEHOLDERS)[number];

export const DEFAULT_SMS_TEMPLATES: Record<SmsEvent, string> = {
  accepted: '【{{法院}}】您的执行申请已受理，案号{{案号}}。可凭案号在自助终端或执行立案窗口查询进度。',
  returned: '【{{法院}}】您的执行申请（{{案号}}）已退回，原因：{{原因}}。请到执行立案窗口补正后再申请。',
  assigned: '【{{法院}}】您的执行案件{{案号}}已分配至{{团队}}办理。',
  deadline: '【{{法院}}】您的执行案件{{案号}}：{{节点}}的期限为{{日期}}。',
  closed: '【{{法院}}】您的执行案件{{案号}}{{状态}}。',
};

/** Events that send unless the court turns them off; node deadlines are opt-in. */
export const DEFAULT_SMS_ENABLED: Record<SmsEvent, boolean> = { accepted: true, returned: true, assigned: true, deadline: false, closed: true };

export const MAX_TEMPLATE_CHARS = 300;

export interface SmsTemplate {
  event: SmsEvent;
  enabled: boolean;
  template: string;
}

/** Why a court's template cannot be saved, in words for IT staff; null when it can. */
export function templateProblem(template: string): { message_zh: string; message_en: string } | null {
  if (template.trim() === '') return { message_zh: '短信内容不能为空', message_en: 'The template is empty' };
  if (template.length > MAX_TEMPLATE_CHARS) return { message_zh: `短信内容不能超过${MAX_TEMPLATE_CHARS}个字`, message_en: `The template is longer than ${MAX_TEMPLATE_CHARS} characters` };
  for (const m of template.matchAll(/\{\{([^}]*)\}\}/g)) {
    if (!(SMS_PLACEHOLDERS as readonly string[]).includes(m[1]!)) {
      return { message_zh: `“{{${m[1]}}}”不是可用的占位符，可用：${SMS_PLACEHOLDERS.map((p) => `{{${p}}}`).join('、')}`, message_en: `{{${m[1]}}} is not a placeholder; use ${SMS_PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ')}` };
    }
  }
  if (/\d{6,}/.test(template.replace(/\{\{[^}]*\}\}/g, ''))) {
    return { message_zh: '短信内容不能含有长串数字（身份证号、账号、电话等个人信息不得写入短信）', message_en: 'No long digit runs (ID, account or phone numbers must not go into an SMS)' };
  }
  return null;
}

export function renderSms(template: string, values: Partial<Record<SmsPlaceholder, string>>): string {
  return template.replace(/\{\{([^}]*)\}\}/g, (_, k: string) => values[k as SmsPlaceholder] ?? '');
}

export const smsTemplateSchema = z.strictObject({
  event: z.enum(SMS_EVENTS),
  enabled: z.boolean(),
  template: z.string().max(MAX_TEMPLATE_CHARS).refine((t) => templateProblem(t) === null, { message: '短信模板不符合要求' }),
});
