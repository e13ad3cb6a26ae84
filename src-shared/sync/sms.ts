/** The central's court-side SMS routes (issue 14 point 6): templates, a case's messages, silent cases. */
import { z } from 'zod';
import { smsTemplateSchema, type SmsEvent, type SmsTemplate } from '../sms/sms-events.js';

export const SMS_TEMPLATES_PATH = '/v1/court/sms/templates';
export const SMS_HISTORY_PATH = '/v1/court/sms/history';
export const SMS_SILENT_PATH = '/v1/court/sms/silent';

export const smsTemplatesPutSchema = z.strictObject({ templates: z.array(smsTemplateSchema).min(1).max(10) });

export interface SmsTemplatesResponse {
  court: string;
  templates: SmsTemplate[];
}

/** One message of a case as the case history shows it: the phone masked (138****1234). */
export interface SmsHistoryEntry {
  id: number;
  event: SmsEvent;
  phoneMasked: string;
  text: string;
  state: 'queued' | 'sent' | 'failed';
  attempts: number;
  lastError: string | null;
  queuedAt: string;
  sentAt: string | null;
}

/** A case whose last change the applicant was not told of by SMS within the days asked (seed 004 group 7 item 10). */
export interface SilentCase {
  officialNo: string;
  status: string;
  changedAt: string;
  lastToldAt: string | null;
  /** False: the applicant did not agree to SMS, so the court must tell them another way. */
  consent: boolean;
  /** Messages of the case still queued or given up. */
  unsent: number;
}

export interface SmsSilentResponse {
  court: string;
  days: number;
  cases: SilentCase[];
}
