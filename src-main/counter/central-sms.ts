/**
 * The counter asks the central about progress SMS with its court token (GET/PUT
 * /v1/court/sms/...). Offline or unconfigured, the clerk is told plainly that nothing could be
 * read; the phone numbers arrive masked from the central and are never logged here.
 */
import type { Logger } from '../log/logger.js';
import type { SmsTemplate } from '../../src-shared/sms/sms-events.js';
import { SMS_HISTORY_PATH, SMS_SILENT_PATH, SMS_TEMPLATES_PATH, type SilentCase, type SmsHistoryEntry } from '../../src-shared/sync/sms.js';
import type { SmsCentralAnswer } from '../../src-shared/counter/sms-contract.js';

export interface CentralSms {
  history(filingId: string): Promise<SmsCentralAnswer<SmsHistoryEntry[]>>;
  silent(court: string, days: number): Promise<SmsCentralAnswer<SilentCase[]>>;
  templates(court: string): Promise<SmsCentralAnswer<SmsTemplate[]>>;
  saveTemplates(court: string, templates: SmsTemplate[]): Promise<SmsCentralAnswer<SmsTemplate[]>>;
}

const OFFLINE = { zh: '法院中心系统暂不可达，未能读取短信记录，请稍后再试', en: 'The central is unreachable; the SMS records could not be read. Try again later' };

export function centralSms(opts: { centralUrl: () => string | null; token: () => string | null; log: Logger }): CentralSms {
  async function ask<T>(path: string, pick: (body: Record<string, unknown>) => T, empty: T, init: { method?: string; body?: unknown } = {}): Promise<SmsCentralAnswer<T>> {
    const url = opts.centralUrl();
    const token = opts.token();
    if (!url || !token) return { online: false, message_zh: '本终端未配置法院中心系统或其访问凭据，无法读取短信记录', message_en: 'No central or court token configured on this terminal', data: empty };
    try {
      const res = await fetch(`${url.replace(/\/$/, '')}${path}`, {
        method: init.method ?? 'GET',
        headers: { authorization: `Bearer ${token}`, ...(init.body ? { 'content-type': 'application/json' } : {}) },
        ...(init.body ? { body: JSON.stringify(init.body) } : {}),
        signal: AbortSignal.timeout(8_000),
      });
      const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
      if (res.status === 404) return { online: true, message_zh: '这件申请尚未同步到法院中心系统，暂无短信记录', message_en: 'The filing has not reached the central yet: no SMS records', data: empty };
      if (!res.ok) return { online: true, message_zh: typeof body.message_zh === 'string' ? body.message_zh : `读取失败（${res.status}）`, message_en: typeof body.message_en === 'string' ? body.message_en : `Failed (${res.status})`, data: empty };
      return { online: true, message_zh: '', message_en: '', data: pick(body) };
    } catch (e) {
      opts.log.info('counter.sms.offline', { path, error: e instanceof Error ? e.name : 'error' });
      return { online: false, message_zh: OFFLINE.zh, message_en: OFFLINE.en, data: empty };
    }
  }
  return {
    history: (filingId) => ask(`${SMS_HISTORY_PATH}?number=${encodeURIComponent(filingId)}`, (b) => (b.messages as SmsHistoryEntry[]) ?? [], []),
    silent: (court, days) => ask(`${SMS_SILENT_PATH}?${new URLSearchParams({ court, days: String(days) }).toString()}`, (b) => (b.cases as SilentCase[]) ?? [], []),
    templates: (court) => ask(`${SMS_TEMPLATES_PATH}?court=${encodeURIComponent(court)}`, (b) => (b.templates as SmsTemplate[]) ?? [], []),
    saveTemplates: (court, templates) => ask(`${SMS_TEMPLATES_PATH}?court=${encodeURIComponent(court)}`, (b) => (b.templates as SmsTemplate[]) ?? [], [], { method: 'PUT', body: { templates } }),
  };
}
