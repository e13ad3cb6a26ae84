/**
 * The counter's progress-SMS methods (issue 14 point 6): a case's messages for its history,
 * the monitoring list of cases not told within N days (seed 004 group 7 item 10), and the
 * court's templates. All are answered by the central through the counter's court token.
 */
import { z } from 'zod';
import { smsTemplateSchema, type SmsTemplate } from '../sms/sms-events.js';
import type { SilentCase, SmsHistoryEntry } from '../sync/sms.js';

const token = z.string().min(16).max(128);

export const smsCounterInputs = {
  'counter.sms.history': z.strictObject({ token, filingId: z.uuid() }),
  'counter.sms.silent': z.strictObject({ token, days: z.number().int().min(0, { message: '天数不能为负' }).max(365, { message: '天数不能超过365' }) }),
  'counter.sms.templates': z.strictObject({ token }),
  /** Team leaders and administrators only: which events send, and their wording. */
  'counter.sms.saveTemplates': z.strictObject({ token, templates: z.array(smsTemplateSchema).min(1).max(10) }),
} as const;

/** What the central answered, or why it could not be asked (offline, no token): in words for the clerk. */
export interface SmsCentralAnswer<T> {
  online: boolean;
  message_zh: string;
  message_en: string;
  data: T;
}

export interface SmsCounterOutputs {
  'counter.sms.history': SmsCentralAnswer<SmsHistoryEntry[]>;
  'counter.sms.silent': SmsCentralAnswer<SilentCase[]>;
  'counter.sms.templates': SmsCentralAnswer<SmsTemplate[]>;
  'counter.sms.saveTemplates': SmsCentralAnswer<SmsTemplate[]>;
}
